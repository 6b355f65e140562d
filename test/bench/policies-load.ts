/**
 * Country policies: what a GET of a task and a page of tasks read (DynamoDB requests and items,
 * recorded by SDK middleware), and how many requests of a mixed run over 20 workspaces of 10
 * countries read the most-read policy item. "Before" is the old layout, where all policies were
 * one item (POLICIES/ALL) read in the same first BatchGet by every load that named the policies:
 * it is counted from the same requests, as those whose loads named them.
 */
import type { RecordRef } from '@taskforce/core';
import { startRuntime } from '@taskforce/local';
import { recordKeyReads } from '../support/key-reads';
import { buildPolicyWorld, readsPerKey, runPolicyWorkload } from '../support/policy-workload';

const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const MIXED = Number(process.env.BENCH_POLICY_REQUESTS ?? 1000);

export async function policiesLoadBench(): Promise<void> {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: 'bench-policies' });
  try {
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(rt.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };
    const world = await buildPolicyWorld(
      call,
      (orgId, country, roles, orgKind) => rt.token({ orgId, country, roles, ...(orgKind ? { orgKind } : {}) }),
      {
        countries: 10,
        workspaces: 20,
      },
    );
    // Which requests' loads named the policies: under the old layout, each read POLICIES/ALL.
    let namedPolicies = false;
    const load = rt.store.load;
    rt.store.load = (req: { refs: RecordRef[]; chainId?: string; idempotencyScope?: string }) => {
      if (req.refs.some((r) => r.kind === 'policies')) namedPolicies = true;
      return load(req);
    };

    const recorder = recordKeyReads(rt.dynamo);
    const ws = world.workspaces[0]!;
    const member = world.officer.get(ws.members[0]!)!;
    const measure = async (label: string, path: string) => {
      const shapes = new Map<string, number>();
      for (let i = 0; i < 50; i++) {
        recorder.take();
        namedPolicies = false;
        const r = await call('GET', path, member);
        if (r.status !== 200) throw new Error(`${label}: ${r.status}`);
        const reads = recorder.take();
        const policyItems = reads.filter((x) => x.keys.every((k) => k.startsWith('POLICY#'))).reduce((n, x) => n + x.items, 0);
        const items = reads.reduce((n, x) => n + x.items, 0);
        // Old layout: the policy reads were not made; the one POLICIES/ALL item came in the first read.
        const before = namedPolicies
          ? `${reads.length - reads.filter((x) => x.keys.every((k) => k.startsWith('POLICY#'))).length} requests, ${items - policyItems + 1} items`
          : `${reads.length} requests, ${items} items`;
        const shape = `${before.padEnd(24)} → ${reads.length} requests (${reads
          .map((x) => x.op)
          .sort()
          .join(' + ')}), ${items} items (${policyItems} policies)`;
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      }
      for (const [shape, n] of shapes) out(`  ${label.padEnd(16)} ${shape}${shapes.size > 1 ? ` (${n}x)` : ''}`);
    };
    out('\nCountry policies: one item per country, loaded for the countries a read needs');
    out(`  ${'operation'.padEnd(16)} ${'before (one POLICIES item)'.padEnd(24)}   after, DynamoDB reads per request`);
    await measure('GET task', `/v1/workspaces/${ws.id}/tasks/${ws.tasks[0]}`);
    await measure('GET tasks page', `/v1/workspaces/${ws.id}/tasks?limit=25`);

    // The mixed run: which requests named the policies (before: each read POLICIES/ALL).
    let named = 0;
    const tracked = async (method: string, path: string, token: string, body?: unknown) => {
      namedPolicies = false;
      const r = await call(method, path, token, body);
      if (namedPolicies) named++;
      return r;
    };
    const requests = await runPolicyWorkload(rt.dynamo, tracked, world, MIXED);
    const perKey = readsPerKey(requests);
    const policyKeys = [...perKey.entries()].filter(([k]) => k.startsWith('POLICY#')).sort((a, b) => b[1] - a[1]);
    const hottest = [...perKey.entries()].sort((a, b) => b[1] - a[1])[0]!;
    const errors = requests.filter((r) => r.status >= 400).length;
    out(
      `  mixed run: ${requests.length} requests over ${world.workspaces.length} workspaces of ${world.countries.length} countries (${errors} errors)`,
    );
    out(`    before: ${named} of ${requests.length} requests read the one policies item (POLICIES/ALL)`);
    out(
      `    after:  the most-read policy item (${policyKeys[0]?.[0].split('|')[0] ?? 'none'}) is read by ${policyKeys[0]?.[1] ?? 0} of ${requests.length}; least-read ${policyKeys.at(-1)?.[1] ?? 0}; ${policyKeys.length} policy items read`,
    );
    out(`    most-read key of any kind: ${hottest[0]} by ${hottest[1]} of ${requests.length} requests`);
    rt.store.load = load;
  } finally {
    await rt.stop();
  }
}
