import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Deps, listAuditEntries, verifyAuditTrail } from '@taskforce/core';
import { type Env, PageQuerySchema } from '../http';
import { AuditPage, ChainVerificationSchema, errorResponses, json } from '../schemas';

const tags = ['Audit'];
const WorkspaceParams = z.object({ workspaceId: z.string() });

export const registerAuditRoutes = (app: OpenAPIHono<Env>, deps: Deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/audit',
      tags,
      summary: "A workspace's hash-chained audit trail, oldest first (lead or auditor)",
      request: { params: WorkspaceParams, query: PageQuerySchema },
      responses: { 200: json(AuditPage, 'A page of audit entries'), ...errorResponses },
    }),
    async (c) => c.json(await listAuditEntries(deps, c.get('principal'), c.req.valid('param').workspaceId, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/audit/verify',
      tags,
      summary: 'Recompute the chain and report the first broken link',
      request: { params: WorkspaceParams },
      responses: { 200: json(ChainVerificationSchema, 'The verification'), ...errorResponses },
    }),
    async (c) => c.json(await verifyAuditTrail(deps, c.get('principal'), c.req.valid('param').workspaceId), 200),
  );
};
