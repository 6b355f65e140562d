/**
 * What partner turnaround figures cost: the hook (one `add` of a counter shard in the transaction
 * of each status change), measured as the marginal latency of a commit with and without it on
 * the same engine, and inside real commands over HTTP; and the read (one Query of the partner's
 * partition), on the counters those commands left and on a worst case seeded straight into the
 * table (every request type, every shard, 600 histogram buckets each for both times).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type DataRequest, queueEntry, turnaroundWrites } from '@taskforce/core';
import { COUNTER_PREFIX, documentClient, recordKey } from '@taskforce/dynamo';
import { startRuntime } from '@taskforce/local';

const N = Number(process.env.BENCH_TURNAROUND_N ?? 200);
const TABLE = 'bench-turnaround';
const quiet = { info() {}, warn() {}, error() {} };
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (x: number) => x.toFixed(2).padStart(7);
const total = (shape: string) => shape.split(' + ').reduce((n, part) => n + Number.parseInt(part, 10), 0);

export const turnaroundBench = async (): Promise<void> => {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: TABLE });
  const rows: string[] = [];
  try {
    const admin = await rt.token({ orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] });
    const lead = await rt.token({ orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
    const bank = await rt.token({ orgId: 'mekong-bank', orgKind: 'provider', country: 'THA', roles: ['responder'] });
    const call = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(rt.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the bench reads replies ad hoc
      const json = (await res.json()) as any;
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    await call('POST', '/v1/organisations', admin, { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' });
    await call('POST', '/v1/organisations', admin, { id: 'mekong-bank', name: 'Mekong', kind: 'provider', country: 'THA', sector: 'bank' });
    const ws = (await call('POST', '/v1/workspaces', lead, { title: 'Bench', legalBasis: { code: 'UNCC', text: 'bench' } })).id as string;
    const body = {
      providerOrgId: 'mekong-bank',
      type: 'subscriber_info',
      legalBasis: { code: 'BUDAPEST', text: 'Art. 18' },
      description: 'Holder of the account',
      selectors: [{ type: 'email', value: 'payee@example.com' }],
    };

    // 1. Marginal cost of the hook: the same commit (queued entry + request put) with and without the add, alternately.
    const r0: DataRequest = await call('POST', `/v1/workspaces/${ws}/requests`, lead, body);
    const acked: DataRequest = { ...r0, status: 'acknowledged', version: r0.version + 1 };
    const actor = { sub: 'bench', orgId: 'mekong-bank', country: 'THA' };
    const without: number[] = [];
    const withAdd: number[] = [];
    let version = acked.version;
    for (let i = 0; i < N + 20; i++) {
      for (const hooked of [false, true]) {
        const next = { ...acked, version: ++version };
        const entry = queueEntry(ws, `bench-${i}-${hooked}`, new Date().toISOString(), actor, {
          action: 'bench',
          target: { type: 'request', id: r0.id },
          markings: [],
        });
        const writes = [
          { op: 'put' as const, record: { kind: 'request' as const, value: next }, expect: 'any' as const },
          ...(hooked ? turnaroundWrites(r0, { ...next, status: 'acknowledged' }, new Date()) : []),
        ];
        const t0 = performance.now();
        await rt.store.commit({ audit: entry, events: [], writes });
        if (i >= 20) (hooked ? withAdd : without).push(performance.now() - t0);
      }
    }
    rows.push(
      `${'commit without the hook'.padEnd(44)} ${ms(pct(without, 50))} ${ms(pct(without, 99))}   2 items in the TransactWriteItems`,
    );
    rows.push(
      `${'commit with the hook (+1 UpdateItem ADD)'.padEnd(44)} ${ms(pct(withAdd, 50))} ${ms(pct(withAdd, 99))}   3 items in the TransactWriteItems`,
    );

    // 2. Inside real commands over HTTP: acknowledge, then answer, N requests.
    const ids: string[] = [];
    for (let i = 0; i < N; i++) ids.push((await call('POST', `/v1/workspaces/${ws}/requests`, lead, body)).id);
    for (const [name, step, payload] of [
      ['POST acknowledge (counts ack time)', 'acknowledge', undefined],
      ['POST response cannot_comply (answer, reason)', 'response', { outcome: 'cannot_comply', reason: 'data_not_stored' }],
    ] as const) {
      const lat: number[] = [];
      const shapes = new Map<string, number>();
      for (const id of ids) {
        rt.counter.reset();
        const t0 = performance.now();
        await call('POST', `/v1/portal/requests/${id}/${step}`, bank, payload);
        lat.push(performance.now() - t0);
        const shape = Object.entries(rt.counter.snapshot())
          .sort()
          .map(([o, n]) => `${n} ${o}`)
          .join(' + ');
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      }
      // The command's own requests: the fewest seen (the in-process sequencer's rounds ride along with some calls).
      const own = [...shapes.keys()].sort((a, b) => total(a) - total(b))[0];
      rows.push(`${name.padEnd(44)} ${ms(pct(lat, 50))} ${ms(pct(lat, 99))}   ${own} (+ sequencer rounds)`);
    }

    // 3. The read: the counters the commands above left, then a worst case seeded into the table.
    const read = async (name: string, orgId: string) => {
      const lat: number[] = [];
      let shape = '';
      let scanned = 0;
      for (let i = 0; i < 20 + N; i++) {
        rt.counter.reset();
        const t0 = performance.now();
        await call('GET', `/v1/partners/${orgId}/turnaround`, lead);
        if (i >= 20) lat.push(performance.now() - t0);
        shape = Object.entries(rt.counter.snapshot())
          .map(([o, n]) => `${n} ${o}`)
          .join(' + ');
        scanned = rt.counter.scanned;
      }
      rows.push(`${name.padEnd(44)} ${ms(pct(lat, 50))} ${ms(pct(lat, 99))}   ${shape}, ${scanned} items`);
    };
    await read(`GET partner turnaround (${N} requests)`, 'mekong-bank');
    await call('POST', '/v1/organisations', admin, { id: 'busy-bank', name: 'Busy', kind: 'provider', country: 'THA', sector: 'bank' });
    const types = ['preservation', 'production', 'emergency_disclosure', 'subscriber_info', 'traffic_data', 'content'];
    let bytes = 0;
    const doc = documentClient(rt.dynamo);
    for (const type of types)
      for (let shard = 0; shard < 4; shard++) {
        const item: Record<string, unknown> = {
          ...recordKey({ kind: 'turnaround', orgId: 'busy-bank', type, shard: String(shard) }),
          kind: 'turnaround',
          data: { orgId: 'busy-bank', type, shard: String(shard), counts: {} },
        };
        for (const c of ['sent', 'ack', 'ans', 'met', 'missed', 'expired', 'withdrawn']) item[`${COUNTER_PREFIX}${c}`] = 100_000;
        // Buckets 550-1150: from about 50 seconds to about 2 years, every one in use.
        for (let b = 550; b < 1150; b++) {
          item[`${COUNTER_PREFIX}ack_${b}`] = 1000 + b;
          item[`${COUNTER_PREFIX}ans_${b}`] = 1000 + b;
        }
        bytes = Math.max(bytes, Buffer.byteLength(JSON.stringify(item)));
        await doc.send(new PutCommand({ TableName: TABLE, Item: item }));
      }
    await read('GET partner turnaround (worst case, 24 items)', 'busy-bank');
    rows.push(`  worst-case item about ${(bytes / 1024).toFixed(1)} KB (JSON), 24 items: one Query page (1 MB)`);
  } finally {
    await rt.stop();
  }
  process.stdout.write(`\nPartner turnaround figures (DynamoDB Local in memory), n=${N}\n\n`);
  process.stdout.write(`${'operation'.padEnd(44)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)}   DynamoDB requests\n`);
  process.stdout.write(`${rows.join('\n')}\n`);
};

if (import.meta.url === `file://${process.argv[1]}`) await turnaroundBench();
