import {
  type AuditFilter,
  auditSigningKeys,
  type Deps,
  getAuditExport,
  Id,
  IsoDateTime,
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
const ACTION = '[a-z][a-z_]{0,39}(?:\\.[a-z_]{1,40}){1,3}';
const MAX_ACTIONS = 20;

/** Narrows the trail before it is paged; the cursor of a filtered page opens only with the same filter. */
const AuditListQuery = z
  .extend(PageQuerySchema, {
    action: z.optional(
      z
        .string()
        .check(
          z.maxLength(MAX_ACTIONS * 128, { abort: true }),
          z.regex(
            new RegExp(`^${ACTION}(?:,${ACTION}){0,${MAX_ACTIONS - 1}}$`),
            `must be up to ${MAX_ACTIONS} actions separated by commas, e.g. task.read,task.listed`,
          ),
          z.meta({ description: 'Only entries of these actions (one, or several separated by commas)' }),
        ),
    ),
    actor: z.optional(
      z
        .string()
        .check(
          z.maxLength(128, { abort: true }),
          z.regex(/^[A-Za-z0-9][A-Za-z0-9_.:@|+-]{0,127}$/, 'must be an organisation id or a subject'),
          z.meta({ description: 'Only entries by this organisation (its id) or this person (their subject)' }),
        ),
    ),
    record: z.optional(Id).check(z.meta({ description: 'Only entries about this record (its id)' })),
    kind: z
      .optional(z.enum(['reads', 'changes']))
      .check(z.meta({ description: 'reads: reads, lists, downloads and exports; changes: everything else' })),
    from: z.optional(IsoDateTime).check(z.meta({ description: 'Only entries at or after this time' })),
    to: z.optional(IsoDateTime).check(z.meta({ description: 'Only entries at or before this time' })),
  })
  .check(
    z.refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
      path: ['to'],
      message: 'must not be before `from`',
    }),
  );

const filterOf = (q: z.infer<typeof AuditListQuery>): AuditFilter => ({
  ...(q.action ? { actions: [...new Set(q.action.split(','))] } : {}),
  ...(q.actor ? { actor: q.actor } : {}),
  ...(q.record ? { record: q.record } : {}),
  ...(q.kind ? { kind: q.kind } : {}),
  ...(q.from ? { from: q.from } : {}),
  ...(q.to ? { to: q.to } : {}),
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
      description:
        'Filters (`action`, `actor`, `record`, `kind`, `from`, `to`) are applied before paging and match only entries you may see whole: sealed entries are left out of a filtered page. A filtered page may come back short, or empty, with a `next` while the trail has more to read; the `next` of a filtered page opens only with the same filters.',
      request: { params: WorkspaceParams, query: AuditListQuery },
      responses: { 200: json(AuditPage, 'A page of audit entries'), ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) };
      return c.json(await listAuditEntries(deps, c.get('principal'), c.req.valid('param').workspaceId, page, filterOf(q)), 200);
    },
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
