import { type CommandContext, commandOf } from '../kernel/context';
import { conflict, invalid, notFound, staleVersion } from '../kernel/errors';
import { canTransition } from '../kernel/machines';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { runCommand } from '../kernel/runner';
import type { KernelDeps, PageQuery } from '../kernel/store';
import { memberOf } from '../policies/access';
import { authorize, authorizeIn, authorizeInView } from '../policies/permissions';
import { workspaceTransitions } from './machines';
import type { CreateWorkspaceInput, Membership, UpdateWorkspaceInput, Workspace } from './model';
import type { WorkspaceStore } from './ports';
import { allMembers, membershipOf, syncMemberships } from './shared';

export type WorkspaceDeps = KernelDeps<WorkspaceStore>;

export async function createWorkspace(deps: WorkspaceDeps, ctx: CommandContext, input: CreateWorkspaceInput) {
  const p = ctx.principal;
  authorize('workspace.open', p);
  const id = deps.ids.next();
  return runCommand(deps, {
    ...commandOf(ctx, id),
    refs: [{ kind: 'organisation', id: p.orgId }],
    authorize: () => authorize('workspace.open', p),
    decide(view, now) {
      const org = view.get({ kind: 'organisation', id: p.orgId });
      if (!org) throw invalid('orgId', `your organisation ${p.orgId} is not registered`);
      const at = now.toISOString();
      const ws: Workspace = {
        id,
        title: input.title,
        ...(input.description?.trim() ? { description: input.description } : {}),
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
    ...commandOf(ctx, id),
    refs: [{ kind: 'workspace', id }],
    authorize: (view) => authorizeInView('workspace.update', p, view, id),
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
            data: { title: next.title, ...input },
          },
        ],
        result: next,
      };
    },
  });
}

/** The lead removes a member, or a member leaves. The lead organisation cannot leave its own workspace. */
export async function removeMember(deps: WorkspaceDeps, ctx: CommandContext, workspaceId: string, orgId: string) {
  const p = ctx.principal;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }],
    authorize: (view) => authorizeInView(p.orgId === orgId ? 'member.leave' : 'member.remove', p, view, workspaceId),
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
