import { type DomainError, forbidden, notFound } from '../kernel/errors';
import { PLATFORM_ORG_ID, type Principal, type WorkspaceRole } from '../kernel/principal';
import type { LoadedView } from '../kernel/runner';
import { type Grant, PERMISSIONS } from './permission-table';
import type { Member, Workspace } from './workspace';

// The table itself is permission-table.ts; this file asks it.

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Whether an action happens inside a workspace (its grants name workspace roles). */
const isWorkspaceAction = (action: Action): boolean =>
  (PERMISSIONS[action].grants as readonly Grant[]).some((g) => g.workspace !== undefined);

export type Verdict = 'allow' | 'forbidden' | 'not_found';

/** Who the table asks about: the organisation kind, the platform roles, and whether it is the platform organisation. */
export type Caller = Pick<Principal, 'orgId' | 'orgKind' | 'roles'>;

/** Whether the caller holds a grant's roles (a platform grant's only in the platform organisation). */
const holds = (g: Grant, p: Caller): boolean =>
  (!g.platform || p.orgId === PLATFORM_ORG_ID) && (g.roles.length === 0 || g.roles.some((r) => p.roles.includes(r)));

/** What the table says before any record is read: the organisation kind (404) and the platform roles (403). */
const principalVerdict = (action: Action, p: Caller): Verdict => {
  const grants: readonly Grant[] = PERMISSIONS[action].grants;
  const kindFits = grants.filter((g) => g.kinds.includes(p.orgKind));
  if (kindFits.length === 0) return 'not_found';
  return kindFits.some((g) => holds(g, p)) ? 'allow' : 'forbidden';
};

/**
 * The whole decision for a caller: its organisation kind, its platform roles and, for an action
 * inside a workspace, its organisation's workspace role (`undefined`: not a member, a 404).
 */
export const verdict = (action: Action, p: Caller, workspaceRole?: WorkspaceRole): Verdict => {
  const first = principalVerdict(action, p);
  if (first !== 'allow' || !isWorkspaceAction(action)) return first;
  if (workspaceRole === undefined) return 'not_found';
  const grants: readonly Grant[] = PERMISSIONS[action].grants;
  const fits = grants.some((g) => g.kinds.includes(p.orgKind) && holds(g, p) && g.workspace?.includes(workspaceRole));
  return fits ? 'allow' : 'forbidden';
};

const deny = (v: Exclude<Verdict, 'allow'>, action: Action, what: string): DomainError =>
  v === 'not_found' ? notFound(what) : forbidden(`your organisation or roles may not ${PERMISSIONS[action].summary}`);

/**
 * Asks the table before anything is read: for an action outside a workspace, the whole
 * decision; for one inside, the part that needs no workspace.
 */
export const authorize = (action: Action, p: Principal, what = 'record'): void => {
  const v = principalVerdict(action, p);
  if (v !== 'allow') throw deny(v, action, isWorkspaceAction(action) ? 'workspace' : what);
};

/**
 * Asks the table for an action inside a workspace: the caller's organisation must be a member
 * (else the workspace does not exist for it) and hold a workspace role the action allows.
 */
export const authorizeIn = (action: Action, p: Principal, ws: Workspace | undefined | null): { ws: Workspace; me: Member } => {
  const me = ws?.members.find((m) => m.orgId === p.orgId);
  const v = verdict(action, p, me?.role);
  if (v !== 'allow') throw deny(v, action, 'workspace');
  return { ws: ws!, me: me! };
};

/** authorizeIn against the workspace a command or read just loaded. */
export const authorizeInView = (action: Action, p: Principal, view: LoadedView, workspaceId: string) =>
  authorizeIn(action, p, view.get({ kind: 'workspace', id: workspaceId }));
