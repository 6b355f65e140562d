import { actorOf, type CommandContext } from '../kernel/context';
import { conflict, invalid, notFound, staleVersion } from '../kernel/errors';
import { canTransition } from '../kernel/machines';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { runCommand } from '../kernel/runner';
import type { KernelDeps, PageQuery, Write } from '../kernel/store';
import { memberOf, requireOpen } from '../policies/access';
import { authorize, authorizeIn } from '../policies/permissions';
import { invitationTransitions, workspaceTransitions } from './machines';
import {
  type CreateWorkspaceInput,
  type Invitation,
  type InviteInput,
  MAX_MEMBERS,
  type Membership,
  type UpdateWorkspaceInput,
  type Workspace,
} from './model';
import type { WorkspaceStore } from './ports';

export type WorkspaceDeps = KernelDeps<WorkspaceStore>;

const idem = (ctx: CommandContext) => (ctx.idempotency ? { idempotency: ctx.idempotency } : {});

const membershipOf = (ws: Workspace, orgId: string, role: Membership['role'], version: number): Membership => ({
  orgId,
  workspaceId: ws.id,
  role,
  title: ws.title,
  status: ws.status,
  version,
});

/** Keeps every member's index entry in step with the workspace's title and status. */
const syncMemberships = (ws: Workspace): Write[] =>
  ws.members.map((m) => ({
    op: 'put',
    record: { kind: 'membership', value: membershipOf(ws, m.orgId, m.role, ws.version) },
    expect: 'any',
  }));

const allMembers = (ws: Workspace) => ws.members.map((m) => m.orgId);

export async function createWorkspace(deps: WorkspaceDeps, ctx: CommandContext, input: CreateWorkspaceInput) {
  const p = ctx.principal;
  authorize('workspace.open', p);
  const id = deps.ids.next();
  return runCommand(deps, {
    chainId: id,
    actor: actorOf(p),
    refs: [{ kind: 'organisation', id: p.orgId }],
    ...idem(ctx),
    authorize: () => authorize('workspace.open', p),
    decide(view, now) {
      const org = view.get({ kind: 'organisation', id: p.orgId });
      if (!org) throw invalid('orgId', `your organisation ${p.orgId} is not registered`);
      const at = now.toISOString();
      const ws: Workspace = {
        id,
        title: input.title,
        leadOrgId: org.id,
        legalBasis: input.legalBasis,
        status: 'open',
        members: [{ orgId: org.id, orgName: org.name, country: org.country, role: 'lead', joinedAt: at }],
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      return {
        writes: [
          { op: 'put', record: { kind: 'workspace', value: ws }, expect: 'absent' },
          { op: 'put', record: { kind: 'membership', value: membershipOf(ws, org.id, 'lead', 1) }, expect: 'absent' },
        ],
        audit: {
          action: 'workspace.created',
          target: { type: 'workspace', id },
          details: { legalBasis: ws.legalBasis.code },
          markings: [],
        },
        events: [
          { type: 'workspace.created', workspaceId: id, subject: { type: 'workspace', id }, audience: [org.id], data: { title: ws.title } },
        ],
        result: ws,
        status: 201,
      };
    },
  });
}

export async function getWorkspace(deps: WorkspaceDeps, p: Principal, id: string): Promise<Workspace> {
  authorize('workspace.read', p);
  return authorizeIn('workspace.read', p, await deps.store.get({ kind: 'workspace', id })).ws;
}

export const listMyWorkspaces = async (deps: WorkspaceDeps, p: Principal, q: PageQuery): Promise<Page<Membership>> => {
  authorize('workspace.list', p);
  return deps.store.listMemberships(p.orgId, q);
};

export async function updateWorkspace(
  deps: WorkspaceDeps,
  ctx: CommandContext,
  id: string,
  input: UpdateWorkspaceInput,
  expectVersion: number,
) {
  const p = ctx.principal;
  return runCommand(deps, {
    chainId: id,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id }],
    ...idem(ctx),
    authorize: (view) => authorizeIn('workspace.update', p, view.get({ kind: 'workspace', id })),
    decide(_view, now, { ws }) {
      if (ws.version !== expectVersion) throw staleVersion();
      if (input.status && input.status !== ws.status && !canTransition(workspaceTransitions, ws.status, input.status)) {
        throw conflict(`a ${ws.status} workspace cannot become ${input.status}`);
      }
      if (ws.status === 'closed') throw conflict('a closed workspace cannot change');
      const next: Workspace = {
        ...ws,
        ...(input.title ? { title: input.title } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.status === 'closed' ? { closedAt: now.toISOString() } : {}),
        updatedAt: now.toISOString(),
        version: ws.version + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'workspace', value: next }, expect: ws.version }, ...syncMemberships(next)],
        audit: {
          action: 'workspace.updated',
          target: { type: 'workspace', id },
          // The title is free text: the entry names the field, not its content.
          details: {
            fields: Object.entries(input).flatMap(([k, v]) => (v === undefined ? [] : [k])),
            ...(input.status ? { from: ws.status, to: input.status } : {}),
          },
          markings: [],
        },
        events: [
          {
            type: 'workspace.updated',
            workspaceId: id,
            subject: { type: 'workspace', id },
            audience: allMembers(next),
            data: { ...input },
          },
        ],
        result: next,
      };
    },
  });
}

export async function invite(deps: WorkspaceDeps, ctx: CommandContext, workspaceId: string, input: InviteInput) {
  const p = ctx.principal;
  return runCommand(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'organisation', id: input.orgId },
      { kind: 'invitation', workspaceId, orgId: input.orgId },
    ],
    ...idem(ctx),
    authorize: (view) => authorizeIn('invitation.create', p, view.get({ kind: 'workspace', id: workspaceId })),
    decide(view, now, { ws }) {
      requireOpen(ws, 'invite');
      const org = view.get({ kind: 'organisation', id: input.orgId });
      if (!org) throw invalid('orgId', `no organisation ${input.orgId} is registered`);
      if (org.kind === 'provider') throw invalid('orgId', 'private partners are not members; send them a data request instead');
      if (memberOf(ws, org.id)) throw conflict(`${org.id} is already a member`);
      if (ws.members.length >= MAX_MEMBERS) throw conflict(`a workspace has at most ${MAX_MEMBERS} members`);
      const previous = view.get({ kind: 'invitation', workspaceId, orgId: org.id });
      if (previous?.status === 'pending') throw conflict(`${org.id} already has a pending invitation`);
      const inv: Invitation = {
        workspaceId,
        workspaceTitle: ws.title,
        orgId: org.id,
        role: input.role,
        status: 'pending',
        ...(input.message ? { message: input.message } : {}),
        invitedBy: { sub: p.sub, orgId: p.orgId },
        createdAt: now.toISOString(),
        version: (previous?.version ?? 0) + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'invitation', value: inv }, expect: previous ? previous.version : 'absent' }],
        audit: { action: 'invitation.sent', target: { type: 'invitation', id: org.id }, details: { role: inv.role }, markings: [] },
        events: [
          {
            type: 'invitation.sent',
            workspaceId,
            subject: { type: 'invitation', id: org.id },
            audience: [org.id, ws.leadOrgId],
            data: { role: inv.role, title: ws.title },
          },
        ],
        result: inv,
        status: 201,
      };
    },
  });
}

export async function listInvitations(deps: WorkspaceDeps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<Invitation>> {
  authorize('invitation.list', p);
  authorizeIn('invitation.list', p, await deps.store.get({ kind: 'workspace', id: workspaceId }));
  return deps.store.listInvitationsForWorkspace(workspaceId, q);
}

export const listMyInvitations = async (deps: WorkspaceDeps, p: Principal, q: PageQuery): Promise<Page<Invitation>> => {
  authorize('invitation.mine', p);
  return deps.store.listPendingInvitationsForOrg(p.orgId, q);
};

/** The invited agency accepts or declines; the lead revokes. */
export async function respondToInvitation(
  deps: WorkspaceDeps,
  ctx: CommandContext,
  workspaceId: string,
  orgId: string,
  answer: 'accepted' | 'declined' | 'revoked',
) {
  const p = ctx.principal;
  return runCommand(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'invitation', workspaceId, orgId },
      { kind: 'organisation', id: orgId },
    ],
    ...idem(ctx),
    authorize(view) {
      const ws = view.get({ kind: 'workspace', id: workspaceId });
      const inv = view.get({ kind: 'invitation', workspaceId, orgId });
      if (answer === 'revoked') {
        authorizeIn('invitation.revoke', p, ws);
      } else {
        authorize('invitation.respond', p);
        if (p.orgId !== orgId) throw notFound('invitation');
      }
      if (!ws || !inv) throw notFound('invitation');
      return { ws, inv };
    },
    decide(view, now, { ws, inv }) {
      if (!canTransition(invitationTransitions, inv.status, answer)) throw conflict(`the invitation is already ${inv.status}`);
      const at = now.toISOString();
      const nextInv: Invitation = { ...inv, status: answer, respondedAt: at, version: inv.version + 1 };
      const writes: Write[] = [{ op: 'put', record: { kind: 'invitation', value: nextInv }, expect: inv.version }];
      let audience = [ws.leadOrgId, orgId];
      if (answer === 'accepted') {
        requireOpen(ws, 'join');
        if (ws.members.length >= MAX_MEMBERS) throw conflict(`a workspace has at most ${MAX_MEMBERS} members`);
        const org = view.get({ kind: 'organisation', id: orgId });
        if (!org) throw notFound('organisation');
        const next: Workspace = {
          ...ws,
          members: [...ws.members, { orgId, orgName: org.name, country: org.country, role: inv.role, joinedAt: at }],
          updatedAt: at,
          version: ws.version + 1,
        };
        writes.push({ op: 'put', record: { kind: 'workspace', value: next }, expect: ws.version });
        writes.push({ op: 'put', record: { kind: 'membership', value: membershipOf(next, orgId, inv.role, next.version) }, expect: 'any' });
        audience = allMembers(next);
      }
      const type = `invitation.${answer}` as const;
      return {
        writes,
        audit: { action: type, target: { type: 'invitation', id: orgId }, markings: [] },
        events: [{ type, workspaceId, subject: { type: 'invitation', id: orgId }, audience, data: { role: inv.role } }],
        result: nextInv,
      };
    },
  });
}

/** The lead removes a member, or a member leaves. The lead organisation cannot leave its own workspace. */
export async function removeMember(deps: WorkspaceDeps, ctx: CommandContext, workspaceId: string, orgId: string) {
  const p = ctx.principal;
  return runCommand(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }],
    ...idem(ctx),
    authorize: (view) =>
      authorizeIn(p.orgId === orgId ? 'member.leave' : 'member.remove', p, view.get({ kind: 'workspace', id: workspaceId })),
    decide(_view, now, { ws }) {
      const target = memberOf(ws, orgId);
      if (!target) throw notFound('member');
      if (target.orgId === ws.leadOrgId) throw conflict('the lead organisation cannot be removed');
      const next: Workspace = {
        ...ws,
        members: ws.members.filter((m) => m.orgId !== orgId),
        updatedAt: now.toISOString(),
        version: ws.version + 1,
      };
      return {
        writes: [
          { op: 'put', record: { kind: 'workspace', value: next }, expect: ws.version },
          { op: 'delete', ref: { kind: 'membership', orgId, workspaceId }, expect: 'any' },
        ],
        audit: { action: 'member.removed', target: { type: 'member', id: orgId }, markings: [] },
        events: [
          { type: 'member.removed', workspaceId, subject: { type: 'member', id: orgId }, audience: [...allMembers(next), orgId], data: {} },
        ],
        result: next,
      };
    },
  });
}
