import { type Deps, exportAuditTrail, listAuditEntries, verifyAuditTrail } from '@taskforce/core';
import { stream } from 'hono/streaming';
import * as z from 'zod/mini';
import { type Env, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { WorkspaceParams } from '../params';
import { AuditPage, ChainVerificationSchema, errorResponses, json } from '../schemas';

const tags = ['Audit'];

export const auditRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/audit',
      tags,
      summary:
        "A workspace's hash-chained audit trail, oldest first (lead or auditor); entries about records the caller may not see are sealed",
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

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/audit/export',
      tags,
      summary:
        'The whole chain as the caller may see it, as JSON Lines (lead or auditor); it verifies offline, and the export is itself recorded in the chain',
      request: { params: WorkspaceParams },
      responses: {
        200: {
          description: 'One audit entry or sealed stub per line, oldest first',
          content: { 'application/jsonl': { schema: z.string() } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { workspaceId } = c.req.valid('param');
      const lines = exportAuditTrail(deps, c.get('principal'), workspaceId);
      // Authorisation and the custody entry happen before the first byte is sent.
      const first = await lines.next();
      c.header('Content-Type', 'application/jsonl; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="audit-${workspaceId}.jsonl"`);
      return stream(c, async (s) => {
        if (!first.done) await s.write(first.value);
        for await (const line of lines) await s.write(line);
      }) as never;
    },
  );
  return app;
};
