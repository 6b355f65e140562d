import {
  answerClarification,
  CosignInput,
  cosignRequest,
  createRequest,
  type Deps,
  downloadEvidence,
  ExtendInput,
  exportRequest,
  extendRequest,
  getRequest,
  listEvidence,
  listRequests,
  releaseFreeze,
  renewFreeze,
  SetCosignersInput,
  sendRequest,
  setCosigners,
  withdrawRequest,
} from '@taskforce/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, IdempotencyHeaders, IfMatchHeaders, optionalVersion, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { EvidenceParams, OrganisationParams, RequestParams, WorkspaceParams } from '../params';
import {
  AnswerClarificationBody,
  CreateRequestBody,
  commandErrorResponses,
  DataRequestPage,
  DataRequestSchema,
  EvidencePage,
  errorResponses,
  json,
  jsonBody,
  OrganisationSchema,
  WithdrawBody,
} from '../schemas';

const CosignBody = CosignInput.check(z.meta({ id: 'Cosign' }));
const SetCosignersBody = SetCosignersInput.check(z.meta({ id: 'SetCosigners' }));

const tags = ['Data requests'];
const ExtendBody = ExtendInput.check(z.meta({ id: 'Extend' }));

/** The agencies' side of data requests: raise, send, follow, answer clarifications, withdraw, extend, export. */
export const requestRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/requests',
      tags,
      summary: 'Raise a data request to a private partner (sent at once unless `send: false`)',
      description:
        'The legal clock (due time, reminders, extension, objection window) follows from the type, urgency and legal basis. Requests are TLP:AMBER unless marked otherwise; the partner must be able to see the marking.',
      request: { params: WorkspaceParams, headers: IdempotencyHeaders, body: jsonBody(CreateRequestBody) },
      responses: { 201: json(DataRequestSchema, 'Raised'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId } = c.req.valid('param');
      const out = await createRequest(deps, commandContext(c, body), workspaceId, body);
      c.header('ETag', etag(out.result.version));
      c.header('Location', `/v1/workspaces/${workspaceId}/requests/${out.result.id}`);
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests',
      tags,
      summary: "A workspace's data requests that you may see, oldest first",
      request: { params: WorkspaceParams, query: PageQuerySchema },
      responses: { 200: json(DataRequestPage, 'A page of requests'), ...errorResponses },
    }),
    async (c) => c.json(await listRequests(deps, c.get('principal'), c.req.valid('param').workspaceId, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}',
      tags,
      summary: 'One data request (reads of AMBER and RED requests are audited)',
      request: { params: RequestParams },
      responses: { 200: json(DataRequestSchema, 'The request'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, requestId } = c.req.valid('param');
      const r = await getRequest(deps, c.get('principal'), workspaceId, requestId);
      c.header('ETag', etag(r.version));
      return c.json(r, 200);
    },
  );

  const action = (
    path: string,
    summary: string,
    body: z.ZodMiniType | undefined,
    run: (c: Context<Env>, p: { workspaceId: string; requestId: string }, body: never) => Promise<{ result: unknown }>,
    /** The body may be left out (the command then has none of what it says). */
    optionalBody = false,
  ) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/v1/workspaces/{workspaceId}/requests/{requestId}/${path}`,
        tags,
        summary,
        request: {
          params: RequestParams,
          headers: z.extend(IdempotencyHeaders, IfMatchHeaders.shape),
          ...(body ? { body: { ...jsonBody(body), required: !optionalBody } } : {}),
        },
        responses: { 200: json(DataRequestSchema, 'Done'), ...commandErrorResponses },
      }),
      async (c) => {
        // Validated against `body` by the route before the handler runs.
        const input = body ? (c.req.valid as (target: 'json') => unknown)('json') : undefined;
        const out = await run(c as unknown as Context<Env>, c.req.valid('param'), input as never);
        const r = out.result as { version: number };
        c.header('ETag', etag(r.version));
        return c.json(out.result as z.infer<typeof DataRequestSchema>, 200);
      },
    );

  action('send', 'Send a draft (requesting agency or lead); starts its legal clock', undefined, (c, { workspaceId, requestId }) =>
    sendRequest(deps, commandContext(c, null), workspaceId, requestId, optionalVersion(c)),
  );
  action(
    'clarification-answer',
    "Answer the partner's question (requesting agency or lead); the clock resumes with the time it waited added",
    AnswerClarificationBody,
    (c, { workspaceId, requestId }, body: { answer: string }) =>
      answerClarification(deps, commandContext(c, body), workspaceId, requestId, body.answer),
  );
  action(
    'withdraw',
    'Withdraw the request (requesting agency or lead)',
    WithdrawBody,
    (c, { workspaceId, requestId }, body: { reason: string }) =>
      withdrawRequest(deps, commandContext(c, body), workspaceId, requestId, body.reason, optionalVersion(c)),
  );
  action(
    'extend',
    'Extend the legal clock once, where its rule allows (e.g. EU preservation by 30 days); the reason, if given, is audited and told to the partner',
    ExtendBody,
    (c, { workspaceId, requestId }, body: { reason?: string } | undefined) =>
      extendRequest(deps, commandContext(c, body ?? null), workspaceId, requestId, optionalVersion(c), body?.reason),
    true,
  );

  action(
    'cosign',
    'Approve (send) or refuse, as a second officer of the sending agency signed in with MFA, a request awaiting co-signature',
    CosignBody,
    (c, { workspaceId, requestId }, body: CosignInput) =>
      cosignRequest(deps, commandContext(c, body), workspaceId, requestId, body, optionalVersion(c)),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/organisations/{orgId}/request-cosigners',
      tags,
      summary: "Set who co-signs your agency's emergency requests: any other officer (the default) or a supervisor (its policy_admin)",
      request: {
        params: OrganisationParams,
        headers: z.extend(IdempotencyHeaders, IfMatchHeaders.shape),
        body: jsonBody(SetCosignersBody),
      },
      responses: { 200: json(OrganisationSchema, 'Set'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await setCosigners(deps, commandContext(c, body), c.req.valid('param').orgId, body.cosigners, optionalVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  action(
    'renew',
    'Renew a frozen asset freeze for another period of its rule, before it lapses (requesting agency or lead)',
    undefined,
    (c, { workspaceId, requestId }) => renewFreeze(deps, commandContext(c, null), workspaceId, requestId, optionalVersion(c)),
  );
  action(
    'release',
    'Release a frozen asset freeze: the partner may let the assets go (requesting agency or lead)',
    undefined,
    (c, { workspaceId, requestId }) => releaseFreeze(deps, commandContext(c, null), workspaceId, requestId, optionalVersion(c)),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/evidence',
      tags,
      summary: 'The evidence items of a request: name, size, media type, SHA-256, custody',
      request: { params: RequestParams, query: PageQuerySchema },
      responses: { 200: json(EvidencePage, 'A page of evidence items'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, requestId } = c.req.valid('param');
      return c.json(await listEvidence(deps, c.get('principal'), workspaceId, requestId, c.req.valid('query')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/evidence/{evidenceId}/content',
      tags,
      summary: 'Download an evidence file (a custody event, recorded before the content is handed over)',
      request: { params: EvidenceParams },
      responses: {
        200: {
          description: 'The file; `Digest`-style headers carry its SHA-256',
          content: { 'application/octet-stream': { schema: z.string().check(z.meta({ format: 'binary' })) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { workspaceId, requestId, evidenceId } = c.req.valid('param');
      const { item, body } = await downloadEvidence(deps, c.get('principal'), workspaceId, requestId, evidenceId);
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': item.mediaType,
        'Content-Disposition': `attachment; filename="${encodeURIComponent(item.fileName)}"`,
        'Repr-Digest': `sha-256=:${Buffer.from(item.sha256, 'hex').toString('base64')}:`,
        'X-Content-SHA256': item.sha256,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/export',
      tags,
      summary: 'Export the request with its evidence manifest (a custody event; refused for ORCON material)',
      request: { params: RequestParams },
      responses: { 200: json(z.record(z.string(), z.unknown()), 'The export'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, requestId } = c.req.valid('param');
      return c.json(await exportRequest(deps, c.get('principal'), workspaceId, requestId), 200);
    },
  );
  return app;
};
