import {
  AnswerTargetsInput,
  acknowledgeRequest,
  answerTargets,
  type Deps,
  getInboxRequest,
  listInbox,
  listPartnerEvidence,
  MAX_EVIDENCE_BYTES,
  type PortalEvidence,
  registerEvidence,
  requestClarification,
  respondToRequest,
  uploadEvidence,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, IdempotencyHeaders, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { PortalEvidenceParams, PortalRequestParams } from '../params';
import {
  ClarifyBody,
  commandErrorResponses,
  errorResponses,
  json,
  jsonBody,
  PortalEvidencePage,
  PortalEvidenceSchema,
  PortalRequestPage,
  PortalRequestSchema,
  RegisterEvidenceBody,
  RespondBody,
} from '../schemas';

const tags = ['Partner portal'];

/**
 * The private partners' side: only the requests addressed to the caller's organisation, with
 * only the fields needed to answer them. Anything else is a 404, as if it did not exist.
 */
export const portalRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/portal/requests',
      tags,
      summary: 'Requests addressed to your organisation, newest first',
      request: { query: PageQuerySchema },
      responses: { 200: json(PortalRequestPage, 'A page of requests'), ...errorResponses },
    }),
    async (c) => c.json(await listInbox(deps, c.get('principal'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/portal/requests/{requestId}',
      tags,
      summary: 'One request addressed to your organisation',
      request: { params: PortalRequestParams },
      responses: { 200: json(PortalRequestSchema, 'The request'), ...errorResponses },
    }),
    async (c) => {
      const r = await getInboxRequest(deps, c.get('principal'), c.req.valid('param').requestId);
      c.header('ETag', etag(r.version));
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/portal/requests/{requestId}/acknowledge',
      tags,
      summary: 'Acknowledge receipt',
      request: { params: PortalRequestParams, headers: IdempotencyHeaders },
      responses: { 200: json(PortalRequestSchema, 'Acknowledged'), ...commandErrorResponses },
    }),
    async (c) => {
      const out = await acknowledgeRequest(deps, commandContext(c, null), c.req.valid('param').requestId);
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/portal/requests/{requestId}/clarification',
      tags,
      summary: 'Ask the requesting agency a question; the legal clock stands still until it answers',
      request: { params: PortalRequestParams, headers: IdempotencyHeaders, body: jsonBody(ClarifyBody) },
      responses: { 200: json(PortalRequestSchema, 'Asked'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await requestClarification(deps, commandContext(c, body), c.req.valid('param').requestId, body.question);
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/portal/requests/{requestId}/response',
      tags,
      summary: 'Answer: preserved, fulfilled, partially fulfilled, or cannot comply with an Annex III reason',
      request: { params: PortalRequestParams, headers: IdempotencyHeaders, body: jsonBody(RespondBody) },
      responses: { 200: json(PortalRequestSchema, 'Answered'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await respondToRequest(deps, commandContext(c, body), c.req.valid('param').requestId, body);
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/portal/requests/{requestId}/targets',
      tags,
      summary:
        'Answer per target: produce / do not produce (asset freeze: frozen / not held / cannot comply), in steps; `close` sets the outcome',
      description:
        'A target is a selector, named by its position in `selectors` (0-based). Answers may be given and changed in several steps while the request is acknowledged; `close: true` needs every target answered and derives the outcome: all produced → fulfilled, some → partially_fulfilled, none → cannot_comply; an asset freeze with any target frozen → frozen (its freeze period starts), none → cannot_comply.',
      request: {
        params: PortalRequestParams,
        headers: IdempotencyHeaders,
        body: jsonBody(AnswerTargetsInput.check(z.meta({ id: 'AnswerTargets' }))),
      },
      responses: { 200: json(PortalRequestSchema, 'Answered'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await answerTargets(deps, commandContext(c, body), c.req.valid('param').requestId, body);
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/portal/requests/{requestId}/evidence',
      tags,
      summary: 'Register an evidence item by its name, size, media type and SHA-256; then PUT its content',
      description: `Content is uploaded directly to \`PUT …/evidence/{evidenceId}/content\` (at most ${MAX_EVIDENCE_BYTES} bytes) and must match the registered size and digest.`,
      request: { params: PortalRequestParams, headers: IdempotencyHeaders, body: jsonBody(RegisterEvidenceBody) },
      responses: { 201: json(PortalEvidenceSchema, 'Registered, content pending'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { requestId } = c.req.valid('param');
      const out = await registerEvidence(deps, commandContext(c, body), requestId, body);
      c.header('Location', `/v1/portal/requests/${requestId}/evidence/${out.result.id}/content`);
      return c.json(out.result as PortalEvidence, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/portal/requests/{requestId}/evidence/{evidenceId}/content',
      tags,
      summary: 'Upload the content of a registered evidence item; refused unless its size and SHA-256 match',
      description:
        'Accepted only while the request is `acknowledged` (not while a clarification is outstanding, nor once it is answered, withdrawn or expired: 409), for an item you registered that has no content yet. A request you may no longer see is a 404. Nothing is stored unless every check passes.',
      request: {
        params: PortalEvidenceParams,
        body: {
          content: { 'application/octet-stream': { schema: z.string().check(z.meta({ format: 'binary' })) } },
          required: true,
          maxBytes: MAX_EVIDENCE_BYTES,
        },
      },
      responses: { 200: json(PortalEvidenceSchema, 'Stored'), ...commandErrorResponses },
    }),
    async (c) => {
      const { requestId, evidenceId } = c.req.valid('param');
      const body = new Uint8Array(await c.req.arrayBuffer());
      const out = await uploadEvidence(deps, commandContext(c, null), requestId, evidenceId, body);
      return c.json(out.result as PortalEvidence, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/portal/requests/{requestId}/evidence',
      tags,
      summary: 'The evidence items you registered for a request',
      request: { params: PortalRequestParams, query: PageQuerySchema },
      responses: { 200: json(PortalEvidencePage, 'A page of evidence items'), ...errorResponses },
    }),
    async (c) => c.json(await listPartnerEvidence(deps, c.get('principal'), c.req.valid('param').requestId, c.req.valid('query')), 200),
  );
  return app;
};
