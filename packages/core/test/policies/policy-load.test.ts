import { describe, expect, it } from 'vitest';
import {
  createRequest,
  evaluate,
  getRequest,
  listAuditEntries,
  listRequests,
  policyCountriesOf,
  policySetOf,
  removeMember,
  type StoredRecord,
  setCountryPolicy,
} from '../../src/index';
import { agencies, assignTask, gbr, isNotFound, principal, taskforce, vnm, world } from '../world';

const usa = principal('usa-fbi', 'USA');
const gbrAuditor = principal('gbr-nca', 'GBR', ['auditor']);

describe('which countries a loaded view needs', () => {
  it("names a workspace's members' countries and the originators of marked records, nothing else", async () => {
    const deps = await agencies(vnm, gbr, usa);
    const ws = await taskforce(deps, vnm, [gbr]);
    const task = await assignTask(deps, vnm, ws.id, 'gbr-nca');
    const records: StoredRecord[] = [
      {
        kind: 'workspace',
        value: { ...ws, members: [...ws.members, { ...ws.members[0]!, orgId: 'gbr-nca', country: 'GBR', role: 'member' }] },
      },
      { kind: 'task', value: { ...task, marking: { ...task.marking, originator: { orgId: 'usa-fbi', country: 'USA' } } } },
    ];
    expect(policyCountriesOf(records)).toEqual(['GBR', 'USA', 'VNM']);
    expect(policyCountriesOf([], ['FRA', 'FRA'])).toEqual(['FRA']);
  });

  it('refuses to judge a record of a country whose policy was not loaded, rather than read it as no rules', () => {
    const marking = {
      originator: { orgId: 'usa-fbi', country: 'USA' },
      tlp: 'GREEN' as const,
      releasableTo: 'members' as const,
      caveats: [],
    };
    const viewer = { orgId: 'gbr-nca', orgKind: 'agency' as const, country: 'GBR', workspaceRole: 'member' as const };
    expect(() => evaluate(viewer, 'read', { marking }, policySetOf([], ['VNM']), new Date())).toThrow(/USA/);
    // Covered and without a policy: no rules.
    expect(evaluate(viewer, 'read', { marking }, policySetOf([], ['USA']), new Date())).toEqual({ allow: true });
  });
});

describe("a former member's records stay under its country's policy", () => {
  it('in a read, a list page and the audit trail, after it left the workspace', async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['gbr-nca', 'GBR'],
      ['usa-fbi', 'USA'],
      ['mekong-bank', 'THA', 'bank'],
    ]);
    const ws = await taskforce(deps, vnm, [gbr, usa]);
    const request = (
      await createRequest(deps, { principal: usa }, ws.id, {
        providerOrgId: 'mekong-bank',
        type: 'production',
        legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
        description: 'Records of the mule account',
        selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
      } as never)
    ).result;
    await removeMember(deps, { principal: usa }, ws.id, 'usa-fbi');
    // The USA, no longer a member, withholds what it originated from the UK.
    const admin = principal('usa-fbi', 'USA', ['policy_admin']);
    await setCountryPolicy(deps, { principal: admin }, 'USA', { rules: [{ type: 'never_countries', countries: ['GBR'] }] }, undefined);

    await expect(getRequest(deps, gbr, ws.id, request.id)).rejects.toSatisfy(isNotFound);
    expect((await listRequests(deps, gbr, ws.id, { limit: 10 })).items.map((r) => r.id)).not.toContain(request.id);
    expect((await listRequests(deps, vnm, ws.id, { limit: 10 })).items.map((r) => r.id)).toContain(request.id);
    // The UK's auditor sees the request's entries sealed; the lead's, whole.
    const about = async (p: typeof gbr) =>
      (await listAuditEntries(deps, p, ws.id, { limit: 50 })).items.filter((e) => 'target' in e && e.target.id === request.id);
    expect(await about(gbrAuditor)).toEqual([]);
    expect((await about(principal('vnm-a05', 'VNM', ['auditor']))).length).toBeGreaterThan(0);
  });
});
