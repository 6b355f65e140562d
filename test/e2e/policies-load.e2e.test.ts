import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPolicyWorld, readsPerKey, runPolicyWorkload } from '../support/policy-workload';
import { type TestRuntime, testRuntime } from '../support/runtime';

/**
 * All countries' policies were one item (POLICIES/ALL) that nearly every request read: a key
 * every request touched. Over a mixed workload in workspaces of different countries, the
 * DynamoDB client's reads (recorded by SDK middleware) show that no key is read by every
 * request, and that a request reads the policies of its workspace's countries only.
 */
describe('no request reads a platform-wide policies item', () => {
  let t: TestRuntime;
  let world: Awaited<ReturnType<typeof buildPolicyWorld>>;
  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    world = await buildPolicyWorld(t.call, (orgId, country, roles, kind) => t.tokenFor(orgId, country, roles, kind), {
      countries: 6,
      workspaces: 6,
    });
  });
  afterAll(() => t.rt.stop());

  it('reads no key in every request of a mixed workload, and never the old POLICIES item', async () => {
    const requests = await runPolicyWorkload(t.rt.dynamo, t.call, world, 120);
    expect(requests.filter((r) => r.status >= 400)).toEqual([]);
    const perKey = readsPerKey(requests);
    const [hottest, count] = [...perKey.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect({ hottest, count: count < requests.length }).toEqual({ hottest, count: true });
    expect([...perKey.keys()].filter((k) => k.startsWith('POLICIES|'))).toEqual([]);
    // Policies were read, one item per country: the workload did judge records by them.
    expect([...perKey.keys()].filter((k) => k.startsWith('POLICY#')).length).toBeGreaterThan(1);
  });

  it("reads, for a workspace's request, only the policies of that workspace's countries", async () => {
    const requests = await runPolicyWorkload(t.rt.dynamo, t.call, world, 60);
    for (const r of requests.filter((x) => x.op !== 'GET my tasks')) {
      const ws = world.workspaces.find((w) => w.id === r.workspace)!;
      const allowed = new Set([ws.lead, ...ws.members].map((c) => `POLICY#${c}|POLICY`));
      const policyKeys = r.reads.flatMap((x) => x.keys).filter((k) => k.startsWith('POLICY'));
      expect(
        policyKeys.filter((k) => !allowed.has(k)),
        `${r.op} in ${ws.id}`,
      ).toEqual([]);
    }
  });

  it('applies a policy on the very next request', async () => {
    const ws = world.workspaces[0]!;
    const member = world.officer.get(ws.members[0]!)!;
    const path = `/v1/workspaces/${ws.id}/tasks/${ws.tasks[0]}`;
    expect((await t.call('GET', path, member)).status).toBe(200);
    const admin = await t.tokenFor(`${ws.lead.toLowerCase()}-agency`, ws.lead, ['policy_admin']);
    const current = await t.call('GET', `/v1/policies/${ws.lead}`, admin);
    const set = await t.call(
      'PUT',
      `/v1/policies/${ws.lead}`,
      admin,
      { rules: [{ type: 'never_countries', countries: [ws.members[0]] }] },
      {
        'if-match': `"${current.body.version}"`,
      },
    );
    expect(set.status).toBe(200);
    expect((await t.call('GET', path, member)).status).toBe(404);
    await t.call('PUT', `/v1/policies/${ws.lead}`, admin, { rules: [] }, { 'if-match': `"${set.body.version}"` });
    expect((await t.call('GET', path, member)).status).toBe(200);
  });
});
