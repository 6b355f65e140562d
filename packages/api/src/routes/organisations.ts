import { authorize, type Deps, getOrganisation, listOrganisations, registerOrganisation, setOrganisationStatus } from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, IdempotencyHeaders, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { OrganisationParams, OrganisationStatusParams } from '../params';
import {
  commandErrorResponses,
  errorResponses,
  json,
  jsonBody,
  OrganisationPage,
  OrganisationSchema,
  PrincipalSchema,
  RegisterOrganisationBody,
} from '../schemas';

const tags = ['Organisations'];

export const organisationRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/me',
      tags,
      summary: 'Who you are: the subject and roles your token names, the kind and country the registry gives your organisation',
      responses: { 200: json(PrincipalSchema, 'The calling principal'), 401: errorResponses[401] },
    }),
    (c) => {
      authorize('me.read', c.get('principal'));
      return c.json(c.get('principal'), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/organisations',
      tags,
      summary: 'Register an organisation (platform administrators)',
      request: { headers: IdempotencyHeaders, body: jsonBody(RegisterOrganisationBody) },
      responses: { 201: json(OrganisationSchema, 'Registered'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await registerOrganisation(deps, commandContext(c, body), body);
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/organisations',
      tags,
      summary: 'The directory of registered organisations',
      request: { query: PageQuerySchema },
      responses: { 200: json(OrganisationPage, 'A page of organisations'), ...errorResponses },
    }),
    async (c) => c.json(await listOrganisations(deps, c.get('principal'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/organisations/{orgId}',
      tags,
      summary: 'One organisation',
      request: { params: OrganisationParams },
      responses: { 200: json(OrganisationSchema, 'The organisation'), ...errorResponses },
    }),
    async (c) => c.json(await getOrganisation(deps, c.get('principal'), c.req.valid('param').orgId), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/organisations/{orgId}',
      tags,
      summary: "Suspend or reinstate an organisation (platform administrators): a suspended organisation's tokens are refused",
      request: {
        params: OrganisationStatusParams,
        body: jsonBody(z.strictObject({ status: z.enum(['active', 'suspended']) })),
      },
      responses: { 200: json(OrganisationSchema, 'The organisation'), ...commandErrorResponses },
    }),
    async (c) => {
      const { orgId } = c.req.valid('param');
      const { status } = c.req.valid('json');
      const out = await setOrganisationStatus(deps, commandContext(c, { status }), orgId, status);
      return c.json(out.result, 200);
    },
  );
  return app;
};
