import * as z from 'zod/mini';
import { queueEntry } from '../kernel/audit';
import { actorOf, PLATFORM_CHAIN } from '../kernel/context';
import { DomainError, forbidden, invalid, notFound } from '../kernel/errors';
import { monotonicId } from '../kernel/ids';
import { Id, trimmed } from '../kernel/primitives';
import { PlatformRole, type Principal } from '../kernel/principal';
import type { KernelDeps } from '../kernel/store';
import { PLATFORM_ORG_ID } from '../organisations/principals';
import { authorize } from '../policies/permissions';
import type { UserAdmin, UserPage, UserProfile } from './ports';

/** Users listed per page: at most this many. */
export const USER_PAGE_MAX = 100;
export const USER_PAGE_DEFAULT = 25;

const Roles = z.array(PlatformRole).check(
  z.maxLength(PlatformRole.options.length),
  z.refine((rs) => new Set(rs).size === rs.length, 'lists a role twice'),
);

export const InviteUserInput = z.strictObject({
  email: z.email('must be an e-mail address').check(z.maxLength(254, { abort: true })),
  name: trimmed(1, 120),
  orgId: Id,
  roles: Roles,
});
export type InviteUserInput = z.infer<typeof InviteUserInput>;
export const SetRolesInput = z.strictObject({ roles: Roles });
export const SetStatusInput = z.strictObject({ status: z.enum(['active', 'disabled']) });
/** A user's subject in a path: lower-case letters, digits and hyphens (a Cognito `sub` is a UUID). */
export const UserSub = Id;

/** Where user administration happens: the directory (local provider or Cognito) and the platform chain for its audit. */
export type UserAdminDeps = KernelDeps & { users: UserAdmin };

/**
 * Who may administer whom (the `user.admin` row of the permission table lets only `admin` in):
 * - the platform's administrators (the platform organisation's `admin`): any organisation's users;
 * - an organisation's `admin`: only its own organisation's users, and never the `admin` role:
 *   it neither grants it nor changes a user who holds it (that is the platform's decision).
 * A user the caller may not administer is a 404, as any record it may not see.
 */
const isPlatformAdmin = (p: Principal) => p.orgId === PLATFORM_ORG_ID && p.roles.includes('admin');

const scopeOf = (p: Principal): string | undefined => (isPlatformAdmin(p) ? undefined : p.orgId);

const mayReach = (p: Principal, orgId: string) => isPlatformAdmin(p) || orgId === p.orgId;

const checkRoles = (p: Principal, roles: readonly PlatformRole[], field: string) => {
  if (!isPlatformAdmin(p) && roles.includes('admin'))
    throw new DomainError('forbidden', "only the platform's administrators grant or take away the admin role", field);
};

async function audit(
  deps: UserAdminDeps,
  p: Principal,
  action: string,
  user: Pick<UserProfile, 'sub' | 'orgId'>,
  details: Record<string, unknown>,
) {
  await deps.store.commit({
    audit: queueEntry(PLATFORM_CHAIN, monotonicId(deps.clock), deps.clock.now().toISOString(), actorOf(p), {
      action,
      target: { type: 'user', id: user.sub },
      // Who and what, never the e-mail address or the name: the directory holds those.
      details: { orgId: user.orgId, ...details },
      markings: [],
    }),
    events: [],
    writes: [],
  });
  deps.auditQueued?.(PLATFORM_CHAIN);
}

/** The user named, if the caller may administer them; else a 404. */
async function reachable(deps: UserAdminDeps, p: Principal, sub: string): Promise<UserProfile> {
  const user = await deps.users.get(sub);
  if (!user || !mayReach(p, user.orgId)) throw notFound('user');
  return user;
}

export async function listUsersAs(
  deps: UserAdminDeps,
  p: Principal,
  q: { orgId?: string; cursor?: string; limit?: number },
): Promise<UserPage> {
  authorize('user.admin', p);
  const own = scopeOf(p);
  // An organisation's administrator lists its own users; naming another organisation finds nobody.
  if (own && q.orgId && q.orgId !== own) return { items: [] };
  const orgId = own ?? q.orgId;
  return deps.users.list({
    ...(orgId ? { orgId } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
    limit: Math.min(USER_PAGE_MAX, Math.max(1, q.limit ?? USER_PAGE_DEFAULT)),
  });
}

export async function getUserAs(deps: UserAdminDeps, p: Principal, sub: string): Promise<UserProfile> {
  authorize('user.admin', p);
  return reachable(deps, p, sub);
}

/**
 * Invites a user: the directory creates them with a temporary password sent by e-mail, to be
 * changed (and MFA enrolled) at first sign-in. The organisation must be registered (or be the
 * platform's own, for the platform's administrators).
 */
export async function inviteUserAs(deps: UserAdminDeps, p: Principal, input: InviteUserInput): Promise<UserProfile> {
  authorize('user.admin', p);
  if (!mayReach(p, input.orgId)) throw invalid('body.orgId', 'you administer the users of your own organisation only');
  checkRoles(p, input.roles, 'body.roles');
  if (input.orgId === PLATFORM_ORG_ID) {
    if (input.roles.some((r) => r !== 'admin')) throw invalid('body.roles', "the platform's users hold the admin role only");
  } else if (!(await deps.store.get({ kind: 'organisation', id: input.orgId }))) {
    throw invalid('body.orgId', 'no organisation is registered under this id');
  }
  const user = await deps.users.create({ email: input.email.toLowerCase(), name: input.name, orgId: input.orgId, roles: input.roles });
  await audit(deps, p, 'user.invited', user, { roles: user.roles });
  return user;
}

export async function setUserRolesAs(deps: UserAdminDeps, p: Principal, sub: string, roles: PlatformRole[]): Promise<UserProfile> {
  authorize('user.admin', p);
  const user = await reachable(deps, p, sub);
  checkRoles(p, roles, 'body.roles');
  checkRoles(p, user.roles, 'body.roles');
  if (user.orgId === PLATFORM_ORG_ID && roles.some((r) => r !== 'admin'))
    throw invalid('body.roles', "the platform's users hold the admin role only");
  await deps.users.setRoles(sub, roles);
  await audit(deps, p, 'user.roles_changed', user, { from: user.roles, to: roles });
  return { ...user, roles };
}

/** Disables (the user's sessions end at once and they cannot sign in or refresh) or enables a user. */
export async function setUserStatusAs(deps: UserAdminDeps, p: Principal, sub: string, status: UserProfile['status']): Promise<UserProfile> {
  authorize('user.admin', p);
  const user = await reachable(deps, p, sub);
  if (user.roles.includes('admin') && !isPlatformAdmin(p))
    throw forbidden("only the platform's administrators disable or enable an administrator");
  if (sub === p.sub && status === 'disabled') throw invalid('path.sub', 'you cannot disable yourself');
  if (user.status === status) return user;
  await deps.users.setStatus(sub, status);
  await audit(deps, p, status === 'disabled' ? 'user.disabled' : 'user.enabled', user, {});
  return { ...user, status };
}

/** Forgets the user's second factor: they enrol again at next sign-in. */
export async function resetUserMfaAs(deps: UserAdminDeps, p: Principal, sub: string): Promise<UserProfile> {
  authorize('user.admin', p);
  const user = await reachable(deps, p, sub);
  if (user.roles.includes('admin') && !isPlatformAdmin(p))
    throw forbidden("only the platform's administrators reset an administrator's MFA");
  await deps.users.resetMfa(sub);
  await audit(deps, p, 'user.mfa_reset', user, {});
  return { ...user, mfa: false };
}
