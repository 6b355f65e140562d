import { type Deps, getCertificate, ValidateInput, validateOrder } from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, IdempotencyHeaders, IfMatchHeaders, optionalVersion } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { RequestParams } from '../params';
import { commandErrorResponses, DataRequestSchema, errorResponses, json, jsonBody } from '../schemas';

const ValidateBody = ValidateInput.check(z.meta({ id: 'ValidateOrder' }));
const tags = ['Data requests'];

/** e-Evidence orders (EPOC, EPOC-PR): the validating authority's step, and the certificate file for the e-Evidence system. */
export const orderRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/validate',
      tags,
      summary:
        'Validate (as a judge, court, investigating judge or prosecutor, as Art. 4 of Regulation (EU) 2023/1543 allows) or refuse an e-Evidence order awaiting validation; never one you issued',
      request: { params: RequestParams, headers: z.extend(IdempotencyHeaders, IfMatchHeaders.shape), body: jsonBody(ValidateBody) },
      responses: { 200: json(DataRequestSchema, 'Decided'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId, requestId } = c.req.valid('param');
      const out = await validateOrder(deps, commandContext(c, body), workspaceId, requestId, body, optionalVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/certificate',
      tags,
      summary: "An e-Evidence order's certificate (EPOC: Annex I, EPOC-PR: Annex II) as XML, its sections in annex order",
      request: { params: RequestParams },
      responses: {
        200: { description: 'The certificate (docs/e-evidence.md)', content: { 'application/xml': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { workspaceId, requestId } = c.req.valid('param');
      const out = await getCertificate(deps, c.get('principal'), workspaceId, requestId);
      return c.body(out.xml, 200, {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${out.fileName}"`,
      });
    },
  );
  return app;
};
