import {
  AddContactMethodInput,
  addContactMethod,
  CONTACT_KINDS,
  type ContactDeps,
  type Deps,
  Id,
  listContactMethods,
  pushPublicKey,
  RateLimited,
  ReorderContactMethodsInput,
  removeContactMethod,
  reorderContactMethods,
  resendCode,
  VerifyContactMethodInput,
  verifyContactMethod,
} from '@taskforce/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { Env } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { problem, problemResponse } from '../problem';
import { commandErrorResponses, json, jsonBody } from '../schemas';

const tags = ['Me'];

const ContactMethodSchema = z
  .object({
    id: z.string(),
    kind: z.enum(CONTACT_KINDS),
    address: z
      .string()
      .check(z.meta({ description: "The e-mail address, the phone number in E.164, or a push subscription's service origin" })),
    status: z.enum(['unverified', 'verified']),
    position: z.int().check(z.meta({ description: 'Where it comes in the order methods are tried (1 first)' })),
    createdAt: z.string(),
    verifiedAt: z.optional(z.string()),
    codeExpiresAt: z.optional(z.string().check(z.meta({ description: 'A code was sent and may be typed until then' }))),
  })
  .check(z.meta({ id: 'ContactMethod' }));
const ContactMethodList = z.object({ items: z.array(ContactMethodSchema), version: z.int() }).check(z.meta({ id: 'ContactMethodList' }));
const Added = z.object({ method: ContactMethodSchema, codeSent: z.boolean() }).check(z.meta({ id: 'ContactMethodAdded' }));
const Params = z.object({ methodId: Id.check(z.meta({ description: 'The contact method' })) });

const problemContent = commandErrorResponses[400].content;
const responses = {
  ...commandErrorResponses,
  429: { description: 'Too many codes asked for; retry after the Retry-After header', content: problemContent },
  503: { description: 'The channel is not configured here or cannot be reached; retry later', content: problemContent },
};

/** A code asked for too often: 429 with Retry-After, never a 500. */
const limited = (c: Context<Env>, err: unknown): Response => {
  if (!(err instanceof RateLimited)) throw err;
  return problemResponse(
    {
      ...problem('validation', err.message, { requestId: c.get('requestId') }),
      type: 'https://taskforce.invalid/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
    },
    { 'Retry-After': String(err.retryAfterSeconds) },
  );
};

/**
 * A person's own contact methods (`me.contact_methods`): only the caller's, by the token's subject;
 * a method of anyone else is never found. Codes go out through the deployment's channels
 * (locally maildev and the SMS sink; on AWS SES and End User Messaging SMS).
 */
export const contactMethodRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  const d: ContactDeps = deps;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/me/contact-methods',
      tags,
      summary: 'Your contact methods, in the order they are tried when you are paged',
      responses: { 200: json(ContactMethodList, 'Your contact methods'), ...responses },
    }),
    async (c) => c.json(await listContactMethods(d, c.get('principal')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/me/contact-methods',
      tags,
      summary: 'Add an e-mail address, a phone number or a web-push subscription; a 6-digit code is sent to it (valid 10 minutes)',
      description:
        'A phone number is E.164 (`+66812345678`), or national with its `region` (`TH`). A web-push subscription (made with the key of GET /v1/me/push-key) gets its code as a notification. The same method twice is a 409.',
      request: { body: jsonBody(AddContactMethodInput.check(z.meta({ id: 'AddContactMethod' }))) },
      responses: { 201: json(Added, 'Added, unverified; `codeSent` says whether a code went out'), ...responses },
    }),
    async (c) => {
      try {
        return c.json(await addContactMethod(d, c.get('principal'), c.req.valid('json')), 201);
      } catch (err) {
        return limited(c, err) as never;
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/me/push-key',
      tags,
      summary: 'The VAPID key to subscribe a browser to web push with',
      responses: {
        200: json(z.object({ publicKey: z.string() }), 'The key'),
        ...responses,
      },
    }),
    async (c) => c.json({ publicKey: await pushPublicKey(d, c.get('principal')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/me/contact-methods/{methodId}/verify',
      tags,
      summary: 'Verify a method with the code it was sent',
      description:
        'A wrong, expired or used-up code (5 tries) and an unknown method (or another person’s) get the same 400 naming `code`: nothing can be told apart.',
      request: { params: Params, body: jsonBody(VerifyContactMethodInput.check(z.meta({ id: 'VerifyContactMethod' }))) },
      responses: { 200: json(ContactMethodSchema, 'Verified'), ...responses },
    }),
    async (c) => c.json(await verifyContactMethod(d, c.get('principal'), c.req.valid('param').methodId, c.req.valid('json').code), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/me/contact-methods/{methodId}/resend',
      tags,
      summary: 'Send a new code (the previous one stops working)',
      description:
        'At most one a minute and 5 an hour per method, 10 an hour per person (429 with Retry-After). A verified method gets no new code; a method that is not yours is a 404, as one that does not exist.',
      request: { params: Params },
      responses: { 202: json(z.object({ accepted: z.literal(true) }), 'Accepted'), ...responses },
    }),
    async (c) => {
      try {
        await resendCode(d, c.get('principal'), c.req.valid('param').methodId);
        return c.json({ accepted: true as const }, 202);
      } catch (err) {
        return limited(c, err) as never;
      }
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/me/contact-methods/order',
      tags,
      summary: 'Set the order your methods are tried in: name each of them once',
      request: { body: jsonBody(ReorderContactMethodsInput.check(z.meta({ id: 'ReorderContactMethods' }))) },
      responses: { 200: json(z.object({ items: z.array(ContactMethodSchema) }), 'In the new order'), ...responses },
    }),
    async (c) => c.json({ items: await reorderContactMethods(d, c.get('principal'), c.req.valid('json').order) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/me/contact-methods/{methodId}',
      tags,
      summary: 'Remove a contact method',
      request: { params: Params },
      responses: { 204: { description: 'Removed' }, ...responses },
    }),
    async (c) => {
      await removeContactMethod(d, c.get('principal'), c.req.valid('param').methodId);
      return c.body(null, 204);
    },
  );
  return app;
};
