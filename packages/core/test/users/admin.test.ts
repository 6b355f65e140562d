import { describe, expect, it } from 'vitest';
import {
  DomainError,
  inviteUserAs,
  listUsersAs,
  MemoryUserAdmin,
  type Principal,
  resetUserMfaAs,
  setUserRolesAs,
  setUserStatusAs,
  type UserAdminDeps,
} from '../../src/index';
import { principal, world } from '../world';

const platformAdmin = principal('platform', 'ZZZ', ['admin'], 'international');
/** An organisation's administrator as the rules see it (the registry decides whether a token's `admin` reaches here). */
const vnmAdmin: Principal = { ...principal('vnm-a05', 'VNM', ['admin']), sub: 'vnm-admin' };
const officer = principal('vnm-a05', 'VNM', ['officer']);

const setup = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['gbr-nca', 'GBR'],
  ]);
  const users = new MemoryUserAdmin({ now: () => deps.clock.now() });
  const d: UserAdminDeps = { ...deps, users };
  const an = await inviteUserAs(d, platformAdmin, { email: 'An@Police.vn', name: 'An', orgId: 'vnm-a05', roles: ['officer'] });
  const bo = await inviteUserAs(d, platformAdmin, { email: 'bo@nca.gov.uk', name: 'Bo', orgId: 'gbr-nca', roles: ['officer'] });
  const chief = await inviteUserAs(d, platformAdmin, { email: 'chief@police.vn', name: 'Chief', orgId: 'vnm-a05', roles: ['admin'] });
  return { deps, d, users, an, bo, chief };
};
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('user administration', () => {
  it("lets the platform's administrators list any organisation, or all", async () => {
    const { d } = await setup();
    expect((await listUsersAs(d, platformAdmin, { orgId: 'gbr-nca' })).items.map((u) => u.email)).toEqual(['bo@nca.gov.uk']);
    expect((await listUsersAs(d, platformAdmin, {})).items).toHaveLength(3);
  });

  it("holds an organisation's administrator to its own users, without the admin role", async () => {
    const { d, an, bo, chief } = await setup();
    expect((await listUsersAs(d, vnmAdmin, {})).items.map((u) => u.email)).toEqual(['an@police.vn', 'chief@police.vn']);
    expect((await listUsersAs(d, vnmAdmin, { orgId: 'gbr-nca' })).items).toEqual([]);
    // Another organisation's user does not exist for it.
    expect(await code(setUserRolesAs(d, vnmAdmin, bo.sub, ['auditor']))).toBe('not_found');
    expect(await code(setUserStatusAs(d, vnmAdmin, bo.sub, 'disabled'))).toBe('not_found');
    expect(await code(resetUserMfaAs(d, vnmAdmin, bo.sub))).toBe('not_found');
    expect(await code(inviteUserAs(d, vnmAdmin, { email: 'x@nca.gov.uk', name: 'X', orgId: 'gbr-nca', roles: [] }))).toBe('validation');
    // Never the admin role: neither granted, nor taken from an administrator, nor an administrator disabled.
    expect(await code(setUserRolesAs(d, vnmAdmin, an.sub, ['officer', 'admin']))).toBe('forbidden');
    expect(await code(setUserRolesAs(d, vnmAdmin, chief.sub, ['officer']))).toBe('forbidden');
    expect(await code(setUserStatusAs(d, vnmAdmin, chief.sub, 'disabled'))).toBe('forbidden');
    expect(await code(inviteUserAs(d, vnmAdmin, { email: 'y@police.vn', name: 'Y', orgId: 'vnm-a05', roles: ['admin'] }))).toBe(
      'forbidden',
    );
    // Its own officers: yes.
    expect((await setUserRolesAs(d, vnmAdmin, an.sub, ['officer', 'duty_contact'])).roles).toEqual(['officer', 'duty_contact']);
    expect((await setUserStatusAs(d, vnmAdmin, an.sub, 'disabled')).status).toBe('disabled');
  });

  it('refuses callers without the admin role, and unregistered organisations', async () => {
    const { d, an } = await setup();
    expect(await code(listUsersAs(d, officer, {}))).toBe('forbidden');
    expect(await code(setUserStatusAs(d, officer, an.sub, 'disabled'))).toBe('forbidden');
    expect(await code(inviteUserAs(d, platformAdmin, { email: 'z@x.org', name: 'Z', orgId: 'nowhere', roles: [] }))).toBe('validation');
    expect(await code(inviteUserAs(d, platformAdmin, { email: 'z@x.org', name: 'Z', orgId: 'platform', roles: ['officer'] }))).toBe(
      'validation',
    );
  });

  it('ends the sessions of a disabled user, and audits every change on the platform chain without names or addresses', async () => {
    const { deps, d, users, an } = await setup();
    await setUserStatusAs(d, platformAdmin, an.sub, 'disabled');
    expect(users.sessionsEnded).toEqual([an.sub]);
    await setUserStatusAs(d, platformAdmin, an.sub, 'active');
    await resetUserMfaAs(d, platformAdmin, an.sub);
    await setUserRolesAs(d, platformAdmin, an.sub, ['auditor']);
    const entries = await deps.store.queuedAudit('platform', 100);
    const mine = entries.filter((e) => e.action.startsWith('user.'));
    expect(mine.map((e) => e.action)).toEqual([
      'user.invited',
      'user.invited',
      'user.invited',
      'user.disabled',
      'user.enabled',
      'user.mfa_reset',
      'user.roles_changed',
    ]);
    expect(mine.at(-1)).toMatchObject({ target: { type: 'user', id: an.sub }, details: { from: ['officer'], to: ['auditor'] } });
    expect(JSON.stringify(mine)).not.toContain('police.vn');
  });

  it('does not let an administrator disable themselves', async () => {
    const { d, users } = await setup();
    const me = await users.create({ email: 'root@platform.example', name: 'Root', orgId: 'platform', roles: ['admin'] });
    expect(await code(setUserStatusAs(d, { ...platformAdmin, sub: me.sub }, me.sub, 'disabled'))).toBe('validation');
  });
});
