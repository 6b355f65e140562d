/**
 * pnpm bench: DynamoDB requests per API operation (counted by SDK middleware) and latency of
 * the API over HTTP against a raw SDK GetItem to the same local engine, in the same run.
 * Figures, not assertions: a noisy machine moves the numbers, not the verdict of a test.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient, documentClient } from '@taskforce/dynamo';
import { startRuntime } from '@taskforce/local';
import { auditBench } from './audit';
import { contentionBench } from './contention';
import { evidenceUploadBench } from './evidence-upload';
import { fanoutBench } from './fanout';
import { hotMatchingBench } from './hot-matching';
import { isolationBench } from './isolation';
import { listsBench } from './lists';
import { matchingBench } from './matching';
import { pagingBench } from './paging';
import { policiesLoadBench } from './policies-load';
import { benchEvaluator } from './policy';
import { searchBench } from './search';
import { stixImportBench } from './stix-import';
import { sweepBench } from './sweep';
import { takedownsBench } from './takedowns';
import { turnaroundBench } from './turnaround';

const N = Number(process.env.BENCH_N ?? 300);
const quiet = { info() {}, warn() {}, error() {} };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => x.toFixed(2).padStart(7);

const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: 'bench' });
try {
  const admin = await rt.token({ orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] });
  const lead = await rt.token({ orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
  const fbi = await rt.token({ orgId: 'usa-fbi', orgKind: 'agency', country: 'USA', roles: ['officer'] });
  const call = async (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(rt.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads replies ad hoc
    const json = (await res.json()) as any;
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  for (const [id, country] of [
    ['vnm-a05', 'VNM'],
    ['usa-fbi', 'USA'],
  ] as const) {
    await call('POST', '/v1/organisations', admin, { id, name: id, kind: 'agency', country });
  }
  const ws = (await call('POST', '/v1/workspaces', lead, { title: 'Bench', legalBasis: { code: 'UNCC', text: 'bench' } })).id as string;
  await call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' });
  await call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi);
  const due = () => new Date(Date.now() + 30 * 86_400_000).toISOString();
  const task = await call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: 'seed', assigneeOrgId: 'usa-fbi', dueAt: due() });
  for (let i = 0; i < 30; i++)
    await call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: `t${i}`, assigneeOrgId: 'usa-fbi', dueAt: due() });

  let version = task.version as number;
  let k = 0;
  const ops: [string, 'read' | 'command', () => Promise<unknown>][] = [
    ['GET  workspace', 'read', () => call('GET', `/v1/workspaces/${ws}`, fbi)],
    ['GET  task', 'read', () => call('GET', `/v1/workspaces/${ws}/tasks/${task.id}`, fbi)],
    ['GET  my workspaces', 'read', () => call('GET', '/v1/workspaces', fbi)],
    ['GET  my tasks (GSI)', 'read', () => call('GET', '/v1/tasks?limit=25', fbi)],
    ['GET  tasks page', 'read', () => call('GET', `/v1/workspaces/${ws}/tasks?limit=25`, fbi)],
    [
      'POST task',
      'command',
      () => call('POST', `/v1/workspaces/${ws}/tasks`, lead, { title: 'b', assigneeOrgId: 'usa-fbi', dueAt: due() }),
    ],
    [
      'PATCH task (edit)',
      'command',
      async () => {
        const r = await call(
          'PATCH',
          `/v1/workspaces/${ws}/tasks/${task.id}`,
          lead,
          { priority: k++ % 2 ? 'high' : 'low' },
          { 'if-match': `"${version}"` },
        );
        version = r.version;
      },
    ],
    [
      'POST with Idempotency-Key (replay)',
      'command',
      () =>
        call(
          'POST',
          `/v1/workspaces/${ws}/tasks`,
          lead,
          { title: 'idem', assigneeOrgId: 'usa-fbi', dueAt: '2030-01-01T00:00:00Z' },
          { 'idempotency-key': 'bench-replay-1' },
        ),
    ],
  ];

  const rows: string[] = [];
  const fail: string[] = [];
  for (const [name, kind, op] of ops) {
    for (let i = 0; i < 20; i++) await op(); // warm-up
    const lat: number[] = [];
    const perCall = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      rt.counter.reset();
      const t0 = performance.now();
      await op();
      lat.push(performance.now() - t0);
      const shape = Object.entries(rt.counter.snapshot())
        .sort()
        .map(([o, n]) => `${n} ${o}`)
        .join(' + ');
      perCall.set(shape, (perCall.get(shape) ?? 0) + 1);
    }
    const shapes = [...perCall.entries()].map(([s, n]) => (perCall.size > 1 ? `${s} (${n}x)` : s)).join(' | ');
    if (kind === 'command' && ![...perCall.keys()].every((s) => (s.match(/TransactWriteItems/g) ?? []).length <= 1)) fail.push(name);
    rows.push(`${name.padEnd(36)} ${kind.padEnd(8)} ${ms(pct(lat, 50))} ${ms(pct(lat, 99))}   ${shapes}`);
  }

  // Raw SDK GetItem against the same engine, same run.
  const raw = documentClient(createDynamoClient({ endpoint: rt.endpoints.dynamo }));
  const key = { pk: `WS#${ws}`, sk: 'WS' };
  for (let i = 0; i < 50; i++) await raw.send(new GetCommand({ TableName: 'bench', Key: key }));
  const rawLat: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await raw.send(new GetCommand({ TableName: 'bench', Key: key, ConsistentRead: true }));
    rawLat.push(performance.now() - t0);
  }

  process.stdout.write(`\nAPI over HTTP on the embedded runtime (DynamoDB Local ${rt.endpoints.dynamo}), n=${N} per operation\n\n`);
  process.stdout.write(
    `${'operation'.padEnd(36)} ${'kind'.padEnd(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}   DynamoDB requests per call\n`,
  );
  process.stdout.write(`${rows.join('\n')}\n`);
  process.stdout.write(
    `${'raw SDK GetItem (same engine)'.padEnd(36)} ${'baseline'.padEnd(8)} ${ms(pct(rawLat, 50))} ${ms(pct(rawLat, 99))}   1 GetItem\n\n`,
  );
  process.stdout.write(
    'Reads: one request (GetItem, BatchGetItem or Query); lists of a workspace issue the membership GetItem and the Query together (one round trip).\n',
  );
  process.stdout.write(
    'Commands: one read of everything the decision needs, then one TransactWriteItems (change + queued audit entry + outbox event); the\n' +
      "local runtime's in-process sequencer then folds queued entries into the chain in rounds of its own (a GetItem, a Query and a\n" +
      'TransactWriteItems each), counted above with the command that kicked it.\n',
  );
  if (fail.length) {
    process.stdout.write(`FAIL: more than one transaction per command in ${fail.join(', ')}\n`);
    process.exitCode = 1;
  }
} finally {
  await rt.stop();
}

benchEvaluator();
await fanoutBench();
await isolationBench();
await sweepBench();
await listsBench();
await contentionBench();
await auditBench();
await policiesLoadBench();
await matchingBench();
await hotMatchingBench();
await takedownsBench();
await turnaroundBench();
await pagingBench();
await searchBench();
await evidenceUploadBench();
await stixImportBench();
