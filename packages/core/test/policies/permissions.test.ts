import { ACTIONS, type OrgKind, PlatformRole, type Principal, verdict, type WorkspaceRole } from '@taskforce/core';
import { describe, expect, it } from 'vitest';
import { publishedTable, tableSays } from '../../../../test/support/permission-table';

/**
 * The permission table is published in docs/security.md; the reader in test/support reads the
 * published table and, from it alone and with its own reading of what a row means, predicts every
 * decision; this compares it with what the code decides: every action × every set of platform
 * roles × every organisation kind × every standing in a workspace.
 */
const KINDS: OrgKind[] = ['agency', 'international', 'provider'];
const ROLES = PlatformRole.options;
const roleSets: PlatformRole[][] = Array.from({ length: 2 ** ROLES.length }, (_, mask) => ROLES.filter((_, i) => mask & (1 << i)));
const STANDINGS: (WorkspaceRole | undefined)[] = [undefined, 'lead', 'member', 'observer'];
/** Callers of every kind from a registered organisation, and the platform organisation (an `international` kind). */
const CALLERS: { orgId: string; kind: OrgKind }[] = [
  ...KINDS.map((kind) => ({ orgId: `some-${kind}`, kind })),
  { orgId: 'platform', kind: 'international' },
];
const AS_VERDICT = { allow: 'allow', 403: 'forbidden', 404: 'not_found' } as const;

describe('the permission table', () => {
  const rows = publishedTable();

  it('is published in docs/security.md exactly as the code has it, every action included', () => {
    expect([...new Set(rows.map((r) => r.action))].sort()).toEqual([...ACTIONS].sort());
  });

  it('decides every action × role set × organisation kind × workspace standing as published', () => {
    let cases = 0;
    const wrong: string[] = [];
    for (const action of ACTIONS) {
      for (const { orgId, kind } of CALLERS)
        for (const roles of roleSets)
          for (const standing of STANDINGS) {
            cases++;
            const p: Pick<Principal, 'orgId' | 'orgKind' | 'roles'> = { orgId, orgKind: kind, roles };
            const got = verdict(action, p, standing);
            const want = AS_VERDICT[tableSays(action, kind, roles, standing, orgId === 'platform')];
            if (got !== want) wrong.push(`${action} ${orgId} [${roles}] ${standing ?? 'non-member'}: ${got}, published ${want}`);
          }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(cases).toBe(ACTIONS.length * CALLERS.length * roleSets.length * STANDINGS.length);
  });

  it('closes the holes an outside review found', () => {
    const v = (action: Parameters<typeof verdict>[0], orgKind: OrgKind, roles: PlatformRole[], ws?: WorkspaceRole) =>
      verdict(action, { orgId: `some-${orgKind}`, orgKind, roles }, ws);
    // A token with no role, or only `auditor`, neither raises data requests nor sets tasks.
    expect(v('request.create', 'agency', [], 'member')).toBe('forbidden');
    expect(v('request.create', 'agency', ['auditor'], 'member')).toBe('forbidden');
    expect(v('task.create', 'agency', ['auditor'], 'lead')).toBe('forbidden');
    // A partner without `responder` does not acknowledge a request.
    expect(v('portal.act', 'provider', ['officer'])).toBe('forbidden');
    // An organisation on a ladder acknowledges only with `duty_contact`.
    expect(v('incident.acknowledge', 'agency', ['officer'], 'member')).toBe('forbidden');
    expect(v('incident.acknowledge', 'agency', ['duty_contact'], 'member')).toBe('allow');
    // Observers neither acknowledge nor resolve incidents.
    expect(v('incident.acknowledge', 'agency', ['duty_contact'], 'observer')).toBe('forbidden');
    expect(v('incident.resolve', 'agency', ['officer', 'duty_contact'], 'observer')).toBe('forbidden');
    // An international organisation does not set the policy of the country it sits in.
    expect(v('policy.set', 'international', ['policy_admin'])).toBe('not_found');
    // Private partners find nothing of workspaces, whatever roles their token claims.
    expect(v('workspace.open', 'provider', [...ROLES])).toBe('not_found');
    expect(v('task.read', 'provider', [...ROLES], 'member')).toBe('not_found');
    // An organisation's own administrator manages its users, and nothing of the platform's.
    expect(v('user.admin', 'agency', ['admin'])).toBe('allow');
    expect(v('user.admin', 'provider', ['admin'])).toBe('allow');
    for (const action of ['organisation.register', 'organisation.suspend', 'notification.redrive', 'matching.reindex'] as const) {
      expect(v(action, 'agency', [...ROLES])).toBe('forbidden');
      expect(v(action, 'international', ['admin'])).toBe('forbidden');
      expect(verdict(action, { orgId: 'platform', orgKind: 'international', roles: ['admin'] })).toBe('allow');
    }
  });
});
