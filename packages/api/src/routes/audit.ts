import {
  auditSigningKeys,
  type Deps,
  getAuditExport,
  listAuditEntries,
  proveAuditEntry,
  requestAuditExport,
  verifyAuditTrail,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, IdempotencyHeaders, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { AuditExportParams, WorkspaceParams } from '../params';
import {
  AuditExportSchema,
  AuditKeysSchema,
  AuditPage,
  ChainVerificationSchema,
  commandErrorResponses,
  errorResponses,
  InclusionProofSchema,
  json,
} from '../schemas';

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
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/audit/exports',
      tags,
      summary: 'Start an export of the whole chain as you may see it (lead or auditor); poll the job for its download link',
      description:
        'The export is written as JSON Lines (one entry or sealed stub per line, oldest first) to the evidence bucket by a worker. Once the job is `ready`, its `download.url` reads the file for five minutes; each GET of the job issues a fresh link. The file verifies offline (`pnpm verify-audit`), and its line count and SHA-256 are recorded in the chain as `audit.exported` when it is made.',
      request: { params: WorkspaceParams, headers: IdempotencyHeaders },
      responses: { 202: json(AuditExportSchema, 'Queued'), ...commandErrorResponses },
    }),
    async (c) => {
      const { workspaceId } = c.req.valid('param');
      const job = await requestAuditExport(deps, commandContext(c, null), workspaceId);
      c.header('Location', `/v1/workspaces/${workspaceId}/audit/exports/${job.id}`);
      return c.json(job, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/audit/exports/{exportId}',
      tags,
      summary: 'An audit export job you started: its state and, once ready, a short-lived download link, line count, size and SHA-256',
      request: { params: AuditExportParams },
      responses: { 200: json(AuditExportSchema, 'The job'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, exportId } = c.req.valid('param');
      return c.json(await getAuditExport(deps, c.get('principal'), workspaceId, exportId), 200);
    },
  );
  return app;
};
