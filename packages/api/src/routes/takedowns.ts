import {
  AnswerTakedownInput,
  answerTakedownItems,
  CreateTakedownInput,
  createTakedown,
  type Deps,
  getPartnerTakedownProgress,
  getTakedownProgress,
  invalid,
  listPartnerTakedownItems,
  listTakedownItems,
  MAX_PAGE_SIZE,
  previewTakedown,
  TakedownCreated,
  TakedownItem,
  TakedownItemStatus,
  TakedownProgress,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, IdempotencyHeaders, PageQuerySchema, pageOf } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { PortalRequestParams, RequestParams, WorkspaceParams } from '../params';
import { commandErrorResponses, DataRequestSchema, errorResponses, json, jsonBody } from '../schemas';

const tags = ['Takedowns'];

const CreateTakedownBody = CreateTakedownInput.check(z.meta({ id: 'CreateTakedown' }));
const AnswerTakedownBody = AnswerTakedownInput.check(z.meta({ id: 'AnswerTakedownItems' }));
const TakedownProgressSchema = TakedownProgress.check(z.meta({ id: 'TakedownProgress' }));
const TakedownIntakeSchema = TakedownCreated.check(z.meta({ id: 'TakedownIntake' }));
const TakedownItemPage = pageOf(TakedownItem.check(z.meta({ id: 'TakedownItem' }))).check(z.meta({ id: 'TakedownItemPage' }));
const TakedownCreatedSchema = z
  .object({ request: DataRequestSchema, intake: TakedownIntakeSchema })
  .check(z.meta({ id: 'TakedownCreated' }));
const TakedownBatchSchema = z
  .object({ progress: TakedownProgressSchema, changed: z.int(), unchanged: z.int() })
  .check(z.meta({ id: 'TakedownBatchAnswered' }));

const ItemsQuery = z.object({
  status: z.optional(TakedownItemStatus).check(z.meta({ description: 'Only items with this status' })),
  limit: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE_SIZE)), 50)
    .check(z.meta({ description: `Page size, at most ${MAX_PAGE_SIZE}` })),
  cursor: PageQuerySchema.shape.cursor,
});
/** What the core reads of a page cursor: the last item number looked at. */
const itemsQuery = (q: z.infer<typeof ItemsQuery>) => {
  if (q.cursor !== undefined && !/^\d{1,5}$/.test(q.cursor)) throw invalid('cursor', 'must be the next value of a previous page');
  return q;
};

/** 5,000 items by JSON or CSV text, with room for long URLs. */
const CREATE_BODY_LIMIT = 4 * 1024 * 1024;
const ANSWER_BODY_LIMIT = 512 * 1024;
const CSV_TYPES = /^(text\/csv|text\/plain|text\/tab-separated-values)$/i;

/** Takedown requests: raised with their items by agencies, answered item by item by the partner. */
export const takedownRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/takedowns',
      tags,
      summary: 'Raise a takedown request to a tech or telecom company, with up to 5,000 items (JSON list or CSV text)',
      description:
        'Items are `{kind, service, value, note?}` (kind: account, group, channel, page, url), or `csv`: one item a line, `kind,service,value[,note]` or a bare URL. A malformed line is a 400 naming the line and the field; duplicates are collapsed and counted in `intake`. The request and all its items are written in one transaction. Clock: EU-TCO 1 hour, EU-DSA 72 hours, NATIONAL 24 hours (emergency: 8 hours).',
      request: {
        params: WorkspaceParams,
        headers: IdempotencyHeaders,
        body: { ...jsonBody(CreateTakedownBody), maxBytes: CREATE_BODY_LIMIT },
      },
      responses: { 201: json(TakedownCreatedSchema, 'Raised'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { workspaceId } = c.req.valid('param');
      const out = await createTakedown(deps, commandContext(c, body), workspaceId, body);
      c.header('ETag', etag(out.result.request.version));
      c.header('Location', `/v1/workspaces/${workspaceId}/requests/${out.result.request.id}`);
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/takedowns/preview',
      tags,
      summary: 'Check a CSV or pasted list of takedown items (text/csv): counts and duplicates, or the first malformed line',
      description: 'Nothing is stored. The same reading as `csv` in a takedown: a 400 names the line and the field.',
      request: {
        params: WorkspaceParams,
        body: {
          content: { 'text/csv': { schema: z.string() } },
          required: true,
          maxBytes: CREATE_BODY_LIMIT,
        },
      },
      responses: { 200: json(TakedownIntakeSchema, 'What the list holds'), ...errorResponses },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
      if (!CSV_TYPES.test(type)) throw invalid('Content-Type', 'send the list as text/csv (or text/plain)');
      const { workspaceId } = c.req.valid('param');
      return c.json(await previewTakedown(deps, c.get('principal'), workspaceId, await c.req.text()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/takedown',
      tags,
      summary: "A takedown's progress: items in all, and how many are pending, removed, restricted, not found, refused",
      request: { params: RequestParams },
      responses: { 200: json(TakedownProgressSchema, 'The counts'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, requestId } = c.req.valid('param');
      return c.json(await getTakedownProgress(deps, c.get('principal'), workspaceId, requestId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/requests/{requestId}/takedown/items',
      tags,
      summary: "A takedown's items in order, optionally of one status",
      request: { params: RequestParams, query: ItemsQuery },
      responses: { 200: json(TakedownItemPage, 'A page of items'), ...errorResponses },
    }),
    async (c) => {
      const { workspaceId, requestId } = c.req.valid('param');
      return c.json(await listTakedownItems(deps, c.get('principal'), workspaceId, requestId, itemsQuery(c.req.valid('query'))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/portal/requests/{requestId}/takedown',
      tags,
      summary: 'The progress of a takedown addressed to you',
      request: { params: PortalRequestParams },
      responses: { 200: json(TakedownProgressSchema, 'The counts'), ...errorResponses },
    }),
    async (c) => c.json(await getPartnerTakedownProgress(deps, c.get('principal'), c.req.valid('param').requestId), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/portal/requests/{requestId}/takedown/items',
      tags,
      summary: 'The items of a takedown addressed to you, optionally of one status',
      request: { params: PortalRequestParams, query: ItemsQuery },
      responses: { 200: json(TakedownItemPage, 'A page of items'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await listPartnerTakedownItems(deps, c.get('principal'), c.req.valid('param').requestId, itemsQuery(c.req.valid('query'))),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/portal/requests/{requestId}/takedown/answers',
      tags,
      summary: 'Answer up to 500 items: removed, restricted, not found, or refused (with a reason)',
      description:
        'One transaction per batch: the items, the counts and the audit entry. The request must be acknowledged. Answering an item the same way again changes nothing (a retried batch is harmless; an Idempotency-Key replays the first answer); changing an answer already given needs a `reason` of its own, else the whole batch is a 409. When no item is left pending the request becomes fulfilled (all removed or restricted), partially fulfilled, or cannot comply (none).',
      request: {
        params: PortalRequestParams,
        headers: IdempotencyHeaders,
        body: { ...jsonBody(AnswerTakedownBody), maxBytes: ANSWER_BODY_LIMIT },
      },
      responses: { 200: json(TakedownBatchSchema, 'Answered'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await answerTakedownItems(deps, commandContext(c, body), c.req.valid('param').requestId, body);
      return c.json(out.result, 200);
    },
  );
  return app;
};
