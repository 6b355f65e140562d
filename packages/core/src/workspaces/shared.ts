import type { Write } from '../kernel/store';
import type { Membership, Workspace } from './model';

export const membershipOf = (ws: Workspace, orgId: string, role: Membership['role'], version: number): Membership => ({
  orgId,
  workspaceId: ws.id,
  role,
  title: ws.title,
  status: ws.status,
  version,
});

/** Keeps every member's index entry in step with the workspace's title and status. */
export const syncMemberships = (ws: Workspace): Write[] =>
  ws.members.map((m) => ({
    op: 'put',
    record: { kind: 'membership', value: membershipOf(ws, m.orgId, m.role, ws.version) },
    expect: 'any',
  }));

export const allMembers = (ws: Workspace) => ws.members.map((m) => m.orgId);
