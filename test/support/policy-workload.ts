import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type KeyRead, recordKeyReads } from './key-reads';

// biome-ignore lint/suspicious/noExplicitAny: replies read ad hoc
type Call = (method: string, path: string, token: string, body?: unknown) => Promise<{ status: number; body: any }>;

const COUNTRIES = ['VNM', 'USA', 'THA', 'GBR', 'FRA', 'DEU', 'JPN', 'AUS', 'BRA', 'KEN', 'IND', 'MEX'];

export interface PolicyWorld {
  countries: string[];
  workspaces: { id: string; lead: string; members: string[]; tasks: string[] }[];
}

const agencyOf = (country: string) => `${country.toLowerCase()}-agency`;

/**
 * A world of `workspaces` workspaces over `countries` countries, each country with one agency
 * and a policy: workspace w is led by country w mod n, with the agencies of two other countries
 * as members, and holds three tasks its lead set for the first member.
 */
export const buildPolicyWorld = async (
  call: Call,
  token: (
    orgId: string,
    country: string,
    roles: ('officer' | 'policy_admin' | 'admin')[],
    kind?: 'agency' | 'international',
  ) => Promise<string>,
  o: { countries: number; workspaces: number },
): Promise<PolicyWorld & { officer: Map<string, string> }> => {
  const must = async (r: Promise<{ status: number; body: unknown }>, what: string) => {
    const out = await r;
    if (out.status >= 300) throw new Error(`${what}: ${out.status} ${JSON.stringify(out.body)}`);
    return out.body as { id: string };
  };
  const countries = COUNTRIES.slice(0, o.countries);
  const admin = await token('platform', 'ZZZ', ['admin'], 'international');
  const officer = new Map<string, string>();
  for (const c of countries) {
    await must(call('POST', '/v1/organisations', admin, { id: agencyOf(c), name: c, kind: 'agency', country: c }), `registering ${c}`);
    officer.set(c, await token(agencyOf(c), c, ['officer']));
    const policyAdmin = await token(agencyOf(c), c, ['policy_admin']);
    await must(
      call('PUT', `/v1/policies/${c}`, policyAdmin, { rules: [{ type: 'never_countries', countries: ['ZZZ'] }] }),
      `${c}'s policy`,
    );
  }
  const workspaces: PolicyWorld['workspaces'] = [];
  for (let w = 0; w < o.workspaces; w++) {
    const lead = countries[w % countries.length]!;
    const members = [countries[(w + 1) % countries.length]!, countries[(w + 3) % countries.length]!];
    const leadToken = officer.get(lead)!;
    const ws = await must(
      call('POST', '/v1/workspaces', leadToken, { title: `Op ${w}`, legalBasis: { code: 'MLAT', text: 'x' } }),
      'workspace',
    );
    for (const m of members) {
      await must(call('POST', `/v1/workspaces/${ws.id}/invitations`, leadToken, { orgId: agencyOf(m) }), 'invitation');
      await must(call('POST', `/v1/workspaces/${ws.id}/invitations/${agencyOf(m)}/accept`, officer.get(m)!), 'acceptance');
    }
    const tasks: string[] = [];
    for (let i = 0; i < 3; i++) {
      const task = await must(
        call('POST', `/v1/workspaces/${ws.id}/tasks`, leadToken, {
          title: `t${i}`,
          assigneeOrgId: agencyOf(members[0]!),
          dueAt: '2030-01-01T00:00:00.000Z',
        }),
        'task',
      );
      tasks.push(task.id);
    }
    workspaces.push({ id: ws.id, lead, members, tasks });
  }
  return { countries, workspaces, officer };
};

export interface WorkloadRequest {
  op: string;
  workspace: string;
  status: number;
  reads: KeyRead[];
}

/**
 * `n` requests over the world, in a fixed pseudo-random order: reads of a task, a page of tasks,
 * the workspace and one's assigned tasks, and task creations. Each request's DynamoDB reads are
 * recorded by SDK middleware on the client.
 */
export const runPolicyWorkload = async (
  client: DynamoDBClient,
  call: Call,
  world: PolicyWorld & { officer: Map<string, string> },
  n: number,
): Promise<WorkloadRequest[]> => {
  const recorder = recordKeyReads(client);
  let seed = 42;
  const next = (k: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % k;
  };
  const out: WorkloadRequest[] = [];
  recorder.take();
  for (let i = 0; i < n; i++) {
    const ws = world.workspaces[next(world.workspaces.length)]!;
    const member = world.officer.get(ws.members[0]!)!;
    const lead = world.officer.get(ws.lead)!;
    const ops: [string, () => ReturnType<Call>][] = [
      ['GET task', () => call('GET', `/v1/workspaces/${ws.id}/tasks/${ws.tasks[next(ws.tasks.length)]}`, member)],
      ['GET tasks page', () => call('GET', `/v1/workspaces/${ws.id}/tasks?limit=25`, member)],
      ['GET workspace', () => call('GET', `/v1/workspaces/${ws.id}`, lead)],
      ['GET my tasks', () => call('GET', '/v1/tasks?limit=25', member)],
      [
        'POST task',
        () =>
          call('POST', `/v1/workspaces/${ws.id}/tasks`, lead, {
            title: 'w',
            assigneeOrgId: `${ws.members[0]!.toLowerCase()}-agency`,
            dueAt: '2030-01-01T00:00:00.000Z',
          }),
      ],
    ];
    const [op, run] = ops[next(ops.length)]!;
    const r = await run();
    out.push({ op, workspace: ws.id, status: r.status, reads: recorder.take() });
  }
  return out;
};

/** How many of the requests read each key. */
export const readsPerKey = (requests: WorkloadRequest[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const r of requests) for (const k of new Set(r.reads.flatMap((x) => x.keys))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
};
