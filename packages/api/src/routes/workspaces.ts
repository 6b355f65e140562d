import {
  createWorkspace,
  type Deps,
  getWorkspace,
  invite,
  listInvitations,
  listMyInvitations,
  listMyWorkspaces,
  removeMember,
  respondToInvitation,
  updateWorkspace,
} from '@taskforce/core';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, expectedVersion, IdempotencyHeaders, IfMatchHeaders, PageQuerySchema } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { InvitationParams, WorkspaceParams } from '../params';
import {
  CreateWorkspaceBody,
  commandErrorResponses,
  errorResponses,
  InvitationPage,
  InvitationSchema,
  InviteBody,
  json,
  jsonBody,
  MemberSchema,
  MembershipPage,
  UpdateWorkspaceBody,
  WorkspaceSchema,
} from '../schemas';

export const workspaceRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces',
      tags: ['Workspaces'],
      summary: 'Open a joint-investigation workspace; your organisation leads it',
      request: { headers: IdempotencyHeaders, body: jsonBody(CreateWorkspaceBody) },
      responses: { 201: json(WorkspaceSchema, 'Opened'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await createWorkspace(deps, commandContext(c, body), body);
      c.header('ETag', etag(out.result.version));
      c.header('Location', `/v1/workspaces/${out.result.id}`);
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces',
      tags: ['Workspaces'],
      summary: 'The workspaces your organisation is a member of',
      request: { query: PageQuerySchema },
      responses: { 200: json(MembershipPage, 'A page of memberships'), ...errorResponses },
    }),
    async (c) => c.json(await listMyWorkspaces(deps, c.get('principal'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}',
      tags: ['Workspaces'],
      summary: 'One workspace (members only)',
      request: { params: WorkspaceParams },
      responses: { 200: json(WorkspaceSchema, 'The workspace'), ...errorResponses },
    }),
    async (c) => {
      const ws = await getWorkspace(deps, c.get('principal'), c.req.valid('param').workspaceId);
      c.header('ETag', etag(ws.version));
      return c.json(ws, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/v1/workspaces/{workspaceId}',
      tags: ['Workspaces'],
      summary: 'Rename, suspend, reopen or close a workspace (lead)',
      request: { params: WorkspaceParams, headers: IfMatchHeaders, body: jsonBody(UpdateWorkspaceBody) },
      responses: { 200: json(WorkspaceSchema, 'Changed'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await updateWorkspace(deps, commandContext(c, body), c.req.valid('param').workspaceId, body, expectedVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/members',
      tags: ['Workspaces'],
      summary: 'Members of a workspace',
      request: { params: WorkspaceParams },
      responses: { 200: json(z.object({ items: z.array(MemberSchema) }), 'The members'), ...errorResponses },
    }),
    async (c) => {
      const ws = await getWorkspace(deps, c.get('principal'), c.req.valid('param').workspaceId);
      return c.json({ items: ws.members }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/workspaces/{workspaceId}/members/{orgId}',
      tags: ['Workspaces'],
      summary: 'Remove a member (lead), or leave (the member itself)',
      request: { params: InvitationParams },
      responses: { 200: json(WorkspaceSchema, 'The workspace without that member'), ...commandErrorResponses },
    }),
    async (c) => {
      const { workspaceId, orgId } = c.req.valid('param');
      const out = await removeMember(deps, commandContext(c, null), workspaceId, orgId);
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/workspaces/{workspaceId}/invitations',
      tags: ['Invitations'],
      summary: 'Invite a partner agency (lead)',
      request: { params: WorkspaceParams, headers: IdempotencyHeaders, body: jsonBody(InviteBody) },
      responses: { 201: json(InvitationSchema, 'Invited'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const out = await invite(deps, commandContext(c, body), c.req.valid('param').workspaceId, body);
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/workspaces/{workspaceId}/invitations',
      tags: ['Invitations'],
      summary: "A workspace's invitations",
      request: { params: WorkspaceParams, query: PageQuerySchema },
      responses: { 200: json(InvitationPage, 'A page of invitations'), ...errorResponses },
    }),
    async (c) => c.json(await listInvitations(deps, c.get('principal'), c.req.valid('param').workspaceId, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/invitations',
      tags: ['Invitations'],
      summary: 'Pending invitations addressed to your organisation',
      request: { query: PageQuerySchema },
      responses: { 200: json(InvitationPage, 'A page of invitations'), ...errorResponses },
    }),
    async (c) => c.json(await listMyInvitations(deps, c.get('principal'), c.req.valid('query')), 200),
  );

  for (const [action, answer, summary] of [
    ['accept', 'accepted', 'Accept an invitation (the invited agency)'],
    ['decline', 'declined', 'Decline an invitation (the invited agency)'],
    ['revoke', 'revoked', 'Revoke a pending invitation (lead)'],
  ] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/v1/workspaces/{workspaceId}/invitations/{orgId}/${action}`,
        tags: ['Invitations'],
        summary,
        request: { params: InvitationParams, headers: IdempotencyHeaders },
        responses: { 200: json(InvitationSchema, 'The invitation'), ...commandErrorResponses },
      }),
      async (c) => {
        const { workspaceId, orgId } = c.req.valid('param');
        const out = await respondToInvitation(deps, commandContext(c, null), workspaceId, orgId, answer);
        return c.json(out.result, 200);
      },
    );
  }
  return app;
};
