import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTIONS, type OrgKind, PlatformRole, type Principal, verdict, type WorkspaceRole } from '@taskforce/core';
import { describe, expect, it } from 'vitest';

/**
 * The permission table is published in the README; this reads the published table and, from it
 * alone and with its own reading of what a row means, predicts every decision, then compares it
 * with what the code decides: every action × every set of platform roles × every organisation
 * kind × every standing in a workspace.
 */
type Row = { action: string; kinds: string[]; roles: string[]; workspace: string[] | null };

const published = (): Row[] => {
  const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
  const block = readme.split('<!-- permissions:start -->')[1]?.split('<!-- permissions:end -->')[0];
  if (!block) throw new Error('the README has no permission table');
  const cells = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
  const list = (cell: string) => (cell === '(none needed)' || cell === '—' ? [] : cell.split(',').map((s) => s.trim()));
  return block
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((line) => {
      const [action, , kinds, roles, workspace] = cells(line);
      return {
        action: action!.replaceAll('`', ''),
        kinds: list(kinds!),
        roles: list(roles!),
        workspace: workspace === '—' ? null : list(workspace!),
      };
    });
};

const KINDS: OrgKind[] = ['agency', 'international', 'provider'];
const ROLES = PlatformRole.options;
const roleSets: PlatformRole[][] = Array.from({ length: 2 ** ROLES.length }, (_, mask) => ROLES.filter((_, i) => mask & (1 << i)));
const STANDINGS: (WorkspaceRole | undefined)[] = [undefined, 'lead', 'member', 'observer'];

/** What the published table says, read independently of the code: 404 for a kind the action never serves or a non-member, 403 for a missing role. */
const expected = (rows: Row[], kind: OrgKind, roles: string[], standing: WorkspaceRole | undefined): string => {
  if (!rows.some((r) => r.kinds.includes(kind))) return 'not_found';
  const withRole = rows.filter((r) => r.kinds.includes(kind) && (r.roles.length === 0 || r.roles.some((x) => roles.includes(x))));
  if (withRole.length === 0) return 'forbidden';
  const inside = rows.some((r) => r.workspace !== null);
  if (!inside) return 'allow';
  if (standing === undefined) return 'not_found';
  return withRole.some((r) => r.workspace!.includes(standing)) ? 'allow' : 'forbidden';
};

describe('the permission table', () => {
  const rows = published();

  it('is published in the README exactly as the code has it, every action included', () => {
    expect([...new Set(rows.map((r) => r.action))].sort()).toEqual([...ACTIONS].sort());
  });

  it('decides every action × role set × organisation kind × workspace standing as published', () => {
    let cases = 0;
    const wrong: string[] = [];
    for (const action of ACTIONS) {
      const mine = rows.filter((r) => r.action === action);
      for (const kind of KINDS)
        for (const roles of roleSets)
          for (const standing of STANDINGS) {
            cases++;
            const p: Pick<Principal, 'orgKind' | 'roles'> = { orgKind: kind, roles };
            const got = verdict(action, p, standing);
            const want = expected(mine, kind, roles, standing);
            if (got !== want) wrong.push(`${action} ${kind} [${roles}] ${standing ?? 'non-member'}: ${got}, published ${want}`);
          }
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect(cases).toBe(ACTIONS.length * KINDS.length * roleSets.length * STANDINGS.length);
  });

  it('closes the holes an outside review found', () => {
    const v = (action: Parameters<typeof verdict>[0], orgKind: OrgKind, roles: PlatformRole[], ws?: WorkspaceRole) =>
      verdict(action, { orgKind, roles }, ws);
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
  });
});
