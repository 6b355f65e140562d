import { auditSigningKeys, type Deps, exportAuditTrail, listAuditEntries, proveAuditEntry, verifyAuditTrail } from '@taskforce/core';
import { stream } from 'hono/streaming';
import * as z from 'zod/mini';
import { type Env, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { WorkspaceParams } from '../params';
import { AuditKeysSchema, AuditPage, ChainVerificationSchema, errorResponses, InclusionProofSchema, json } from '../schemas';

const tags = ['Audit'];

const VerifyQuery = z.object({
  from: z.optional(
    z
      .string()
      .check(
        z.maxLength(15),
        z.regex(/^(0|[1-9][0-9]{0,14})$/, 'must be the size of a checkpoint (0 or more)'),
        z.meta({ description: 'Start from the checkpoint of this size (0: the whole chain)' }),
      ),
  ),
});
const AuditEntryParams = z.extend(WorkspaceParams, {
  seq: z
    .string()
    .check(
      z.maxLength(15),
      z.regex(/^[1-9][0-9]{0,14}$/, 'must be a sequence number (1 or more)'),
      z.meta({ description: 'Entry sequence number' }),
    ),
});

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
      summary: 'Check the chain against its latest signed checkpoint and report the first broken link',
      request: { params: WorkspaceParams, query: VerifyQuery },
      responses: { 200: json(ChainVerificationSchema, 'The verification'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await verifyAuditTrail(deps, c.get('principal'), c.req.valid('param').workspaceId, {
          from: Number(c.req.valid('query').from ?? 0),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/audit/entries/{seq}/proof',
      tags,
      summary: "An entry's proof of inclusion in the latest signed checkpoint (RFC 9162 audit path)",
      request: { params: AuditEntryParams },
      responses: { 200: json(InclusionProofSchema, 'The proof'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, seq } = c.req.valid('param');
      return c.json(await proveAuditEntry(deps, c.get('principal'), workspaceId, Number(seq)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/audit/keys',
      tags,
      summary: 'The public keys audit checkpoints are signed with',
      responses: { 200: json(AuditKeysSchema, 'The keys'), ...errorResponses },
    }),
    (c) => c.json({ keys: auditSigningKeys(deps) }, 200),
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
