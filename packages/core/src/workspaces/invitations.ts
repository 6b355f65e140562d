import { type CommandContext, commandOf } from '../kernel/context';
import { conflict, invalid, notFound } from '../kernel/errors';
import { canTransition } from '../kernel/machines';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { runCommand } from '../kernel/runner';
import type { PageQuery, Write } from '../kernel/store';
import { memberOf, requireOpen } from '../policies/access';
import { authorize, authorizeIn, authorizeInView } from '../policies/permissions';
import type { WorkspaceDeps } from './commands';
import { invitationTransitions } from './machines';
import { type Invitation, type InviteInput, MAX_MEMBERS, type Workspace } from './model';
import { allMembers, membershipOf } from './shared';

export async function invite(deps: WorkspaceDeps, ctx: CommandContext, workspaceId: string, input: InviteInput) {
  const p = ctx.principal;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'organisation', id: input.orgId },
      { kind: 'invitation', workspaceId, orgId: input.orgId },
    ],
    authorize: (view) => authorizeInView('invitation.create', p, view, workspaceId),
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
    ...commandOf(ctx, workspaceId),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'invitation', workspaceId, orgId },
      { kind: 'organisation', id: orgId },
    ],
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
