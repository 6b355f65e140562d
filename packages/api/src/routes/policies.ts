import { type Deps, getPolicy, listPolicies, setCountryPolicy } from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, IdempotencyHeaders, IfMatchHeaders, optionalVersion, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { PolicyCountryParams } from '../params';
import {
  CountryPolicyBody,
  CountryPolicyPage,
  CountryPolicySchema,
  commandErrorResponses,
  errorResponses,
  json,
  jsonBody,
} from '../schemas';

const tags = ['Country policies'];

/** Each member country's rules over the records it originates; read by agencies, set by that country's policy administrators. */
export const policyRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/policies',
      tags,
      summary: "Countries' policies, a page at a time, by country code",
      request: { query: PageQuerySchema },
      responses: { 200: json(CountryPolicyPage, 'A page of policies'), ...errorResponses },
    }),
    async (c) => c.json(await listPolicies(deps, c.get('principal'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/policies/{country}',
      tags,
      summary: "One country's policy",
      request: { params: PolicyCountryParams },
      responses: { 200: json(CountryPolicySchema, 'The policy'), ...errorResponses },
    }),
    async (c) => {
      const policy = await getPolicy(deps, c.get('principal'), c.req.valid('param').country);
      c.header('ETag', etag(policy.version));
      return c.json(policy, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/policies/{country}',
      tags,
      summary: "Replace your country's rules (policy administrator of that country); If-Match the version you read, none for the first",
      description:
        'Rules only ever forbid: only_countries, never_countries, instrument_parties, no_private_sector (at or above a TLP), red_only_to, purge_after_close (days after a workspace closes); for hit/no-hit matching, no_matching (all checks, or checks by the countries listed) and match_notice (what your agencies are told of who matched: agency, country or nobody).',
      request: {
        params: PolicyCountryParams,
        headers: z.extend(IdempotencyHeaders, IfMatchHeaders.shape),
        body: jsonBody(CountryPolicyBody),
      },
      responses: {
        200: json(CountryPolicySchema, 'Replaced'),
        201: json(CountryPolicySchema, 'Set for the first time'),
        ...commandErrorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await setCountryPolicy(deps, commandContext(c, body), c.req.valid('param').country, body, optionalVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, out.status === 201 ? 201 : 200);
    },
  );
  return app;
};
