import {
  Channel,
  CreateChannelInput,
  createChannel,
  type Deps,
  EditMessageInput,
  editMessage,
  listChannels,
  listRevisions,
  Message,
  MessageRevision,
  notFound,
  PostMessageInput,
  pollMessages,
  postMessage,
  redactMessage,
  type Side,
  ThreadKind,
} from '@taskforce/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import {
  commandContext,
  type Env,
  etag,
  expectedVersion,
  IdempotencyHeaders,
  IfMatchHeaders,
  optionalVersion,
  PageQuerySchema,
  PathId,
  pageOf,
} from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { WorkspaceParams } from '../params';
import { commandErrorResponses, errorResponses, json, jsonBody } from '../schemas';

const tags = ['Threads'];

const MessageSchema = Message.check(z.meta({ id: 'Message' }));
const MessagePage = pageOf(MessageSchema).check(z.meta({ id: 'MessagePage' }));
const ChannelSchema = Channel.check(z.meta({ id: 'Channel' }));
const ChannelPage = pageOf(ChannelSchema).check(z.meta({ id: 'ChannelPage' }));
const RevisionPage = pageOf(MessageRevision.check(z.meta({ id: 'MessageRevision' }))).check(z.meta({ id: 'MessageRevisionPage' }));
export const PostMessageBody = PostMessageInput.check(z.meta({ id: 'PostMessage' }));
export const EditMessageBody = EditMessageInput.check(z.meta({ id: 'EditMessage' }));
const CreateChannelBody = CreateChannelInput.check(z.meta({ id: 'CreateChannel' }));

const ThreadParams = z.extend(WorkspaceParams, {
  // An identifier, as every path parameter is: a well-formed kind that is none of the four names no thread (404).
  kind: PathId('What the thread hangs off: `channel`, `task`, `incident` or `request`'),
  threadId: PathId('The channel, task, incident or request id'),
});
const MessageParams = z.extend(ThreadParams, { messageId: PathId('Message id') });

/** A conditional GET: `If-None-Match` with the ETag of the page last read. */
export const ConditionalHeaders = z.object({
  'if-none-match': z
    .optional(z.string().check(z.maxLength(200)))
    .check(z.meta({ description: 'The ETag of the page last read: unchanged, the answer is 304 with no body' })),
});
export const notModified = { 304: { description: 'Unchanged since the ETag sent in If-None-Match' } } as const;

/**
 * Answers a thread's page, or 304 when the caller's `If-None-Match` names what it sees now. The
 * tag is the caller's own (computed over what the evaluator let it see), so a message it may
 * not see never changes it.
 */
export const conditionalPage = <T extends { items: unknown[]; next?: string }>(
  c: Context<Env>,
  polled: { page: T; tag: string; unchanged: boolean },
) => {
  c.header('ETag', polled.tag);
  c.header('Cache-Control', 'private, no-cache');
  if (polled.unchanged) return c.body(null, 304);
  return c.json(polled.page, 200);
};

const AGENCY = (action: 'thread.read' | 'thread.post' | 'message.redact'): Side => ({ as: 'agency', action });

export const threadRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  const thread = (p: z.infer<typeof ThreadParams>) => {
    const kind = ThreadKind.safeParse(p.kind);
    if (!kind.success) throw notFound('thread');
    return { workspaceId: p.workspaceId, kind: kind.data, id: p.threadId };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/channels',
      tags,
      summary: "A workspace's channels you may see: `general` first, then those the lead opened",
      request: { params: WorkspaceParams, query: PageQuerySchema },
      responses: { 200: json(ChannelPage, 'A page of channels'), ...errorResponses },
    }),
    async (c) => c.json(await listChannels(deps, c.get('principal'), c.req.valid('param').workspaceId, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/channels',
      tags,
      summary: 'Open a named channel (lead); its marking is what its messages inherit (default TLP:GREEN to every member)',
      request: { params: WorkspaceParams, headers: IdempotencyHeaders, body: jsonBody(CreateChannelBody) },
      responses: { 201: json(ChannelSchema, 'Opened'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await createChannel(deps, commandContext(c, body), c.req.valid('param').workspaceId, body);
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages',
      tags,
      summary:
        "A thread's messages you may see, newest first. Poll it with If-None-Match: an unchanged page is a 304 (the ETag is computed over what you see)",
      request: { params: ThreadParams, query: PageQuerySchema, headers: ConditionalHeaders },
      responses: { 200: json(MessagePage, 'A page of messages'), ...notModified, ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      const q = c.req.valid('query');
      const polled = await pollMessages(deps, p, AGENCY('thread.read'), thread(c.req.valid('param')), q, c.req.header('if-none-match'));
      return conditionalPage(c, polled);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages',
      tags,
      summary:
        "Post a message: the thread's marking, or a narrower one; replies and mentions of members (on a request's thread: its partner)",
      request: { params: ThreadParams, headers: IdempotencyHeaders, body: jsonBody(PostMessageBody) },
      responses: { 201: json(MessageSchema, 'Posted'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await postMessage(deps, commandContext(c, body), AGENCY('thread.post'), thread(c.req.valid('param')), body);
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}',
      tags,
      summary: 'Edit your message: the text it had is kept as a revision, hash-linked to the one before',
      request: { params: MessageParams, headers: IfMatchHeaders, body: jsonBody(EditMessageBody) },
      responses: { 200: json(MessageSchema, 'Edited'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const params = c.req.valid('param');
      const out = await editMessage(
        deps,
        commandContext(c, body),
        AGENCY('thread.post'),
        thread(params),
        params.messageId,
        body,
        expectedVersion(c),
      );
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}/redact',
      tags,
      summary:
        "Redact a message (its author, or a policy admin of its originator's country): its text and revisions go, the trail names who",
      request: { params: MessageParams, headers: z.extend(IdempotencyHeaders, IfMatchHeaders.shape) },
      responses: { 200: json(MessageSchema, 'Redacted'), ...commandErrorResponses },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const out = await redactMessage(
        deps,
        commandContext(c, null),
        AGENCY('message.redact'),
        thread(params),
        params.messageId,
        optionalVersion(c),
      );
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/threads/{kind}/{threadId}/messages/{messageId}/revisions',
      tags,
      summary: 'The earlier texts of a message you may see, the original first, each hash-linked to the one before',
      request: { params: MessageParams, query: PageQuerySchema },
      responses: { 200: json(RevisionPage, 'A page of revisions'), ...errorResponses },
    }),
    async (c) => {
      const params = c.req.valid('param');
      const page = await listRevisions(
        deps,
        c.get('principal'),
        AGENCY('thread.read'),
        thread(params),
        params.messageId,
        c.req.valid('query'),
      );
      return c.json(page, 200);
    },
  );
  return app;
};
