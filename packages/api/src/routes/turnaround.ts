import { type Deps, myTurnaround, partnerTurnaround, RESOLUTION, Turnaround } from '@taskforce/core';
import * as z from 'zod/mini';
import type { Env } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { OrganisationParams } from '../params';
import { errorResponses, json } from '../schemas';

const TurnaroundSchema = Turnaround.check(z.meta({ id: 'Turnaround' }));

const DEFINITIONS = `Per request type and for all types together. Acknowledge time: sent → the partner's first move out of \`sent\`. Answer time: sent → the first outcome (preserved, fulfilled, partially fulfilled, cannot comply), less the time spent waiting for the agency to answer clarifications (the legal clock is paused meanwhile). Met: the outcome at or before the due time (as extended, and moved by pauses); missed: after it, or the request expired with no outcome. Refusals: cannot-comply answers by reason. ${RESOLUTION.note} Kept up to date in the same transaction as each status change; read in one query. Nothing of any workspace or request appears.`;

/** Partner turnaround figures: what agencies may expect of a partner, and the partner's own. */
export const turnaroundRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/partners/{orgId}/turnaround',
      tags: ['Organisations'],
      summary: 'What to expect of a private partner: median and p90 times to acknowledge and answer, deadlines met and missed, refusals',
      description: DEFINITIONS,
      request: { params: OrganisationParams },
      responses: { 200: json(TurnaroundSchema, "The partner's figures"), ...errorResponses },
    }),
    async (c) => c.json(await partnerTurnaround(deps, c.get('principal'), c.req.valid('param').orgId), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/portal/turnaround',
      tags: ['Partner portal'],
      summary: "Your organisation's own turnaround figures, as the agencies see them",
      description: DEFINITIONS,
      responses: { 200: json(TurnaroundSchema, 'Your figures'), ...errorResponses },
    }),
    async (c) => c.json(await myTurnaround(deps, c.get('principal')), 200),
  );
  return app;
};
