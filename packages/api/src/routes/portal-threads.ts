import { type Deps, editPortalMessage, PortalMessage, pollPortalMessages, postPortalMessage, redactPortalMessage } from '@taskforce/core';
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
import { PortalRequestParams } from '../params';
import { commandErrorResponses, errorResponses, json, jsonBody } from '../schemas';
import { ConditionalHeaders, conditionalPage, EditMessageBody, notModified, PostMessageBody } from './threads';

const tags = ['Partner portal'];
const PortalMessageSchema = PortalMessage.check(z.meta({ id: 'PortalMessage' }));
const PortalMessagePage = pageOf(PortalMessageSchema).check(z.meta({ id: 'PortalMessagePage' }));
const PortalMessageParams = z.extend(PortalRequestParams, { messageId: PathId('Message id') });

/**
 * The partner's side of a request's thread: between it and the requesting agency only. It
 * shows no workspace and no person of the agency: authors are "you" or the agency by name.
 */
export const portalThreadRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/portal/requests/{requestId}/messages',
      tags,
      summary: "The request's thread with the requesting agency, newest first; poll with If-None-Match (304 when unchanged)",
      request: { params: PortalRequestParams, query: PageQuerySchema, headers: ConditionalHeaders },
      responses: { 200: json(PortalMessagePage, 'A page of messages'), ...notModified, ...errorResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return conditionalPage(
        c,
        await pollPortalMessages(deps, c.get('principal'), c.req.valid('param').requestId, q, c.req.header('if-none-match')),
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/portal/requests/{requestId}/messages',
      tags,
      summary: 'Write to the requesting agency on the request',
      request: { params: PortalRequestParams, headers: IdempotencyHeaders, body: jsonBody(PostMessageBody) },
      responses: { 201: json(PortalMessageSchema, 'Posted'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await postPortalMessage(deps, commandContext(c, body), c.req.valid('param').requestId, body);
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/portal/requests/{requestId}/messages/{messageId}',
      tags,
      summary: 'Edit your message (its earlier text is kept)',
      request: { params: PortalMessageParams, headers: IfMatchHeaders, body: jsonBody(EditMessageBody) },
      responses: { 200: json(PortalMessageSchema, 'Edited'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { requestId, messageId } = c.req.valid('param');
      const out = await editPortalMessage(deps, commandContext(c, body), requestId, messageId, body, expectedVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/portal/requests/{requestId}/messages/{messageId}/redact',
      tags,
      summary: 'Redact your message: its text and earlier texts go',
      request: { params: PortalMessageParams, headers: z.extend(IdempotencyHeaders, IfMatchHeaders.shape) },
      responses: { 200: json(PortalMessageSchema, 'Redacted'), ...commandErrorResponses },
    }),
    async (c) => {
      const { requestId, messageId } = c.req.valid('param');
      const out = await redactPortalMessage(deps, commandContext(c, null), requestId, messageId, optionalVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );
  return app;
};
