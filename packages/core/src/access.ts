import type { Actor } from './audit';
import { conflict, forbidden, notFound } from './errors';
import type { Member, Principal, Workspace, WorkspaceRole } from './model';
import type { Deps } from './ports';

export const actorOf = (p: Principal): Actor => ({ sub: p.sub, orgId: p.orgId, country: p.country });

export const memberOf = (ws: Workspace, orgId: string): Member | undefined => ws.members.find((m) => m.orgId === orgId);

/** A workspace the caller's organisation is not a member of does not exist for the caller. */
export const requireMember = (ws: Workspace | undefined | null, p: Principal): { ws: Workspace; me: Member } => {
  const me = ws ? memberOf(ws, p.orgId) : undefined;
  if (!ws || !me) throw notFound('workspace');
  return { ws, me };
};

export const requireWorkspaceRole = (me: Member, roles: readonly WorkspaceRole[], action: string): void => {
  if (!roles.includes(me.role)) throw forbidden(`only a workspace ${roles.join(' or ')} may ${action}`);
};

export const requireOpen = (ws: Workspace, action: string): void => {
  if (ws.status !== 'open') throw conflict(`cannot ${action}: the workspace is ${ws.status}`);
};

/**
 * Runs a list query alongside the membership read (one round trip instead of two) and
 * returns its page only if the caller's organisation is a member.
 */
export const afterMembership = async <T>(deps: Deps, p: Principal, workspaceId: string, query: Promise<T>): Promise<T> => {
  const [ws, page] = await Promise.allSettled([deps.store.get({ kind: 'workspace', id: workspaceId }), query]);
  if (ws.status === 'rejected') throw ws.reason;
  requireMember(ws.value, p);
  if (page.status === 'rejected') throw page.reason;
  return page.value;
};
