import {
  authorize,
  type Deps,
  getUserAs,
  InviteUserInput,
  inviteUserAs,
  listUsersAs,
  PlatformRole,
  resetUserMfaAs,
  SetRolesInput,
  SetStatusInput,
  setUserRolesAs,
  setUserStatusAs,
  USER_PAGE_DEFAULT,
  USER_PAGE_MAX,
  type UserAdminDeps,
  UserSub,
} from '@taskforce/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { type Env, PageQuerySchema, pageOf } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { problem, problemResponse } from '../problem';
import { errorResponses, json, jsonBody } from '../schemas';

const tags = ['Users'];

const UserSchema = z
  .object({
    sub: z.string(),
    email: z.string(),
    name: z.string(),
    orgId: z.string(),
    roles: z.array(PlatformRole),
    status: z.enum(['active', 'disabled']),
    mfa: z.boolean(),
    source: z.string().check(z.meta({ description: '`local`, or the name of the agency identity provider the user signs in with' })),
    createdAt: z.string(),
  })
  .check(z.meta({ id: 'User' }));
const UserPageSchema = pageOf(UserSchema).check(z.meta({ id: 'UserPage' }));
const UserQuery = z.object({
  orgId: z.optional(z.string().check(z.maxLength(64, { abort: true }), z.regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be an identifier'))),
  limit: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(USER_PAGE_MAX)), USER_PAGE_DEFAULT)
    .check(z.meta({ description: `Page size, at most ${USER_PAGE_MAX}` })),
  cursor: PageQuerySchema.shape.cursor,
});
const UserParams = z.object({ sub: UserSub.check(z.meta({ description: "The user's subject (the `sub` of their tokens)" })) });
const unavailable = {
  503: { description: 'User administration is not configured on this deployment', content: errorResponses[400].content },
};
const responses = { ...errorResponses, ...unavailable };

/** The directory, once the caller may administer users at all; absent, a clear 503 (never a 500). */
const directory = (deps: Deps, c: Context<Env>): UserAdminDeps | Response => {
  authorize('user.admin', c.get('principal'));
  if (!deps.users) {
    return problemResponse(problem('unavailable', 'user administration is not configured here', { requestId: c.get('requestId') }));
  }
  return { ...deps, users: deps.users };
};

/**
 * User administration (users/admin.ts decides who may administer whom): the platform's
 * administrators manage any organisation's users; each change is audited on the platform chain.
 */
export const userRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/users',
      tags,
      summary: "Users, by e-mail address: one organisation's (`orgId`), or every organisation's",
      request: { query: UserQuery },
      responses: { 200: json(UserPageSchema, 'A page of users'), ...responses },
    }),
    async (c) => {
      const d = directory(deps, c);
      if (d instanceof Response) return d as never;
      const { orgId, limit, cursor } = c.req.valid('query');
      const page = await listUsersAs(d, c.get('principal'), { limit, ...(orgId ? { orgId } : {}), ...(cursor ? { cursor } : {}) });
      return c.json({ items: page.items, ...(page.cursor ? { next: page.cursor } : {}) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/admin/users',
      tags,
      summary: 'Invite a user: the directory e-mails a temporary password, changed (and MFA enrolled) at first sign-in',
      description: 'An address already in the directory is a 409.',
      request: { body: jsonBody(InviteUserInput.check(z.meta({ id: 'InviteUser' }))) },
      responses: { 201: json(UserSchema, 'Invited'), ...responses },
    }),
    async (c) => {
      const d = directory(deps, c);
      if (d instanceof Response) return d as never;
      return c.json(await inviteUserAs(d, c.get('principal'), c.req.valid('json')), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/users/{sub}',
      tags,
      summary: 'One user',
      request: { params: UserParams },
      responses: { 200: json(UserSchema, 'The user'), ...responses },
    }),
    async (c) => {
      const d = directory(deps, c);
      if (d instanceof Response) return d as never;
      return c.json(await getUserAs(d, c.get('principal'), c.req.valid('param').sub), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/admin/users/{sub}/roles',
      tags,
      summary: "Set a user's roles (they apply from the user's next token)",
      request: { params: UserParams, body: jsonBody(SetRolesInput.check(z.meta({ id: 'SetUserRoles' }))) },
      responses: { 200: json(UserSchema, 'The user, with the new roles'), ...responses },
    }),
    async (c) => {
      const d = directory(deps, c);
      if (d instanceof Response) return d as never;
      return c.json(await setUserRolesAs(d, c.get('principal'), c.req.valid('param').sub, c.req.valid('json').roles), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/admin/users/{sub}/status',
      tags,
      summary: 'Disable a user (they are signed out everywhere at once and cannot sign in or refresh) or enable them again',
      request: { params: UserParams, body: jsonBody(SetStatusInput.check(z.meta({ id: 'SetUserStatus' }))) },
      responses: { 200: json(UserSchema, 'The user, with the new status'), ...responses },
    }),
    async (c) => {
      const d = directory(deps, c);
      if (d instanceof Response) return d as never;
      return c.json(await setUserStatusAs(d, c.get('principal'), c.req.valid('param').sub, c.req.valid('json').status), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/admin/users/{sub}/mfa-reset',
      tags,
      summary: "Forget a user's second factor: they enrol again at their next sign-in",
      request: { params: UserParams },
      responses: { 200: json(UserSchema, 'The user, without a second factor'), ...responses },
    }),
    async (c) => {
      const d = directory(deps, c);
      if (d instanceof Response) return d as never;
      return c.json(await resetUserMfaAs(d, c.get('principal'), c.req.valid('param').sub), 200);
    },
  );
  return app;
};
