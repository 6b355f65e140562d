/**
 * What search costs on DynamoDB alone, at two corpus sizes (10,000 and 100,000 messages in one
 * workspace by default; BENCH_SEARCH_SIZES to change), half of each corpus hidden from the caller
 * (AMBER, releasable to Viet Nam only; the caller is the FBI). The messages are written straight
 * into the table with BatchWriteItem through the adapter's own key functions (`toItem`); the
 * searches run through core over the DynamoDB adapter, as the API calls them, on a client that
 * counts every request. Three queries per size: one that only visible messages match, one that
 * only hidden messages match, and one nothing matches. The evaluator judges every candidate
 * before any is matched, so the second must cost what the third does: the ratio printed is
 * hidden-hits time over no-hits time, and should be 1 give or take the machine's noise.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Marking, Message, Principal } from '@taskforce/core';
import { queueEntry, searchRecords } from '@taskforce/core';
import { MemoryStore } from '@taskforce/core/testing';
import { countRequests, createDynamoClient, DynamoStore, documentClient, toItem } from '@taskforce/dynamo';
import { startRuntime } from '@taskforce/local';

const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 3);
/** Runs over the in-memory store, where only the evaluator and the matching cost time: more of them, they are quick. */
const MEMORY_RUNS = Number(process.env.BENCH_SEARCH_MEMORY_RUNS ?? 9);
const TABLE = 'bench-search';
const quiet = { info() {}, warn() {}, error() {} };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const VISIBLE: Marking = { tlp: 'GREEN', releasableTo: 'members', caveats: [], originator: { orgId: 'vnm-a05', country: 'VNM' } };
const HIDDEN: Marking = { tlp: 'AMBER', releasableTo: ['VNM'], caveats: [], originator: { orgId: 'vnm-a05', country: 'VNM' } };
/** The same length of text either way: only the word that may match differs. */
const text = (i: number, word: string) =>
  `Chuyển khoản ${i} từ ví trung gian qua sàn giao dịch, người nhận ${word} xác nhận lúc ${i % 24}:00; đối chiếu sao kê ngân hàng.`;

const QUERIES = [
  ['kestrel', 'visible messages only'],
  ['osprey', 'hidden messages only'],
  ['zebrafinch', 'nothing'],
] as const;
type Query = (typeof QUERIES)[number][0];
type Timed = Record<Query, { ms: number; hits: number; queries: number; read: number }>;
const FBI: Principal = { sub: 'bench', orgId: 'usa-fbi', orgKind: 'agency', country: 'USA', roles: ['officer'] };

/** Each query's median time over `runs` (the three in turn each run, in rotation, after one warm-up), with its hits and, on the table, its reads. */
const timeQueries = async (
  deps: Parameters<typeof searchRecords>[0],
  ws: string,
  size: number,
  runs: number,
  counter?: { reset(): void; snapshot(): Record<string, number>; scanned: number },
): Promise<Timed> => {
  const search = (q: string) => searchRecords(deps, FBI, { q, workspaceId: ws, kinds: ['message'], limit: 20 }, { maxPerKind: size });
  await search('warm');
  const samples = new Map<Query, number[]>(QUERIES.map(([q]) => [q, []]));
  const out = {} as Timed;
  // Each run starts with the next query, so none always follows the one that found (and built) the most.
  for (let run = 0; run < runs; run++)
    for (const [q] of [...QUERIES.slice(run % QUERIES.length), ...QUERIES.slice(0, run % QUERIES.length)]) {
      counter?.reset();
      const t0 = performance.now();
      const r = await search(q);
      samples.get(q)!.push(performance.now() - t0);
      out[q] = { ms: 0, hits: r.counts.message, queries: counter?.snapshot().Query ?? 0, read: counter?.scanned ?? 0 };
    }
  for (const [q] of QUERIES) out[q].ms = median(samples.get(q)!);
  return out;
};

export const searchBench = async (): Promise<void> => {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: TABLE });
  try {
    const admin = await rt.token({ orgId: 'platform', roles: ['admin'] });
    const lead = await rt.token({ orgId: 'vnm-a05', country: 'VNM', roles: ['officer'] });
    const fbiToken = await rt.token({ orgId: 'usa-fbi', country: 'USA', roles: ['officer'] });
    const call = async (path: string, token: string, body: unknown) => {
      const res = await fetch(rt.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 400) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    for (const [id, country] of [
      ['vnm-a05', 'VNM'],
      ['usa-fbi', 'USA'],
    ] as const)
      await call('/v1/organisations', admin, { id, name: id.toUpperCase(), kind: 'agency', country });

    const client = createDynamoClient({ endpoint: rt.endpoints.dynamo });
    const counter = countRequests(client);
    const doc = documentClient(client);
    const deps = { ...rt.deps, store: new DynamoStore(doc, TABLE) };
    const out = process.stdout;
    out.write(
      `\nSearch on DynamoDB alone: messages of one workspace, half hidden from the caller; medians of ${RUNS} runs on DynamoDB Local and ${MEMORY_RUNS} on the in-memory store (every candidate read and judged, then matched)\n\n`,
    );
    out.write(
      `${'messages'.padStart(9)} ${'query matches'.padEnd(22)} ${'hits'.padStart(6)} ${'table ms'.padStart(9)} ${'memory ms'.padStart(10)} ${'Query'.padStart(6)} ${'items read'.padStart(11)}\n`,
    );
    const perSize: { size: number; table: Timed; memory: Timed }[] = [];
    let itemBytes = 0;
    for (const size of SIZES) {
      const ws = (await call('/v1/workspaces', lead, { title: `Search ${size}`, legalBasis: { code: 'UNCC', text: 'bench' } })).id;
      await call(`/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' });
      await call(`/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbiToken, {});
      const at = new Date().toISOString();
      const message = (i: number): Message => {
        const hidden = i % 2 === 1;
        return {
          workspaceId: ws,
          thread: { kind: 'channel', id: 'general' },
          id: `m${String(i).padStart(8, '0')}-bench`,
          author: { sub: 'bench', orgId: 'vnm-a05' },
          text: text(i, hidden ? 'osprey' : 'kestrel'),
          marking: hidden ? HIDDEN : VISIBLE,
          mentions: { orgs: [], people: [] },
          attachments: [],
          createdAt: at,
          version: 1,
        };
      };
      const write = async (from: number, to: number) => {
        let items: Record<string, unknown>[] = [];
        for (let i = from; i < to; i++) items.push({ PutRequest: { Item: toItem({ kind: 'message', value: message(i) }) } });
        while (items.length) {
          const res = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items as never } }));
          items = (res.UnprocessedItems?.[TABLE] ?? []) as Record<string, unknown>[];
        }
      };
      for (let i = 0; i < size; i += 25 * 8)
        await Promise.all(
          Array.from({ length: 8 }, (_, k) => i + k * 25)
            .filter((s) => s < size)
            .map((s) => write(s, Math.min(size, s + 25))),
        );
      // The same corpus in memory: only the evaluator and the matching take time there.
      const memory = new MemoryStore();
      const wsRecord = (await deps.store.get({ kind: 'workspace', id: ws }))!;
      const queued = (n: number) =>
        queueEntry(
          ws,
          `q-bench-${size}-${n}`,
          at,
          { sub: 'bench', orgId: 'vnm-a05', country: 'VNM' },
          {
            action: 'test.change',
            target: { type: 'workspace', id: ws },
            markings: [],
          },
        );
      await memory.commit({
        audit: queued(0),
        events: [],
        writes: [{ op: 'put', record: { kind: 'workspace', value: wsRecord }, expect: 'absent' }],
      });
      for (let i = 0; i < size; i += 99)
        await memory.commit({
          audit: queued(1 + i / 99),
          events: [],
          writes: Array.from({ length: Math.min(99, size - i) }, (_, k) => ({
            op: 'put' as const,
            record: { kind: 'message' as const, value: message(i + k) },
            expect: 'absent' as const,
          })),
        });
      const inMemory = { ...rt.deps, store: memory };
      const onTable = await timeQueries(deps, ws, size, RUNS, counter);
      const inRam = await timeQueries(inMemory, ws, size, MEMORY_RUNS);
      for (const [q, label] of QUERIES) {
        const f = onTable[q];
        out.write(
          `${size.toLocaleString('en').padStart(9)} ${label.padEnd(22)} ${String(f.hits).padStart(6)} ${f.ms.toFixed(1).padStart(9)} ${inRam[q].ms.toFixed(1).padStart(10)} ${String(f.queries).padStart(6)} ${f.read.toLocaleString('en').padStart(11)}\n`,
        );
      }
      perSize.push({ size, table: onTable, memory: inRam });
      itemBytes = Buffer.byteLength(JSON.stringify(toItem({ kind: 'message', value: message(1) })), 'utf8');
    }
    out.write('\nRatios, same run:\n');
    for (const p of perSize)
      for (const [where, t] of [
        ['DynamoDB Local', p.table],
        ['in memory', p.memory],
      ] as const)
        out.write(
          `  ${p.size.toLocaleString('en')} messages, ${where}: hidden hits / no hits = ${(t.osprey.ms / t.zebrafinch.ms).toFixed(2)}; visible hits / no hits = ${(t.kestrel.ms / t.zebrafinch.ms).toFixed(2)}\n`,
        );
    if (perSize.length >= 2) {
      const [a, b] = [perSize[0]!, perSize.at(-1)!];
      out.write(
        `  ${b.size.toLocaleString('en')} / ${a.size.toLocaleString('en')} messages (no hits): DynamoDB Local ×${(b.table.zebrafinch.ms / a.table.zebrafinch.ms).toFixed(1)}, in memory ×${(b.memory.zebrafinch.ms / a.memory.zebrafinch.ms).toFixed(1)}, for ×${(b.size / a.size).toFixed(0)} the corpus\n`,
      );
    }
    // What one search would read at a million messages on DynamoDB alone (eventually consistent: 0.5 RCU per 4 KB, 1 MB per Query).
    const million = 1_000_000;
    const mb = (million * itemBytes) / 1_000_000;
    out.write(
      `  at ${million.toLocaleString('en')} messages of this size (~${itemBytes} bytes an item): ~${Math.round(mb)} MB read, ~${Math.ceil(mb)} Queries in a row, ~${Math.round((million * itemBytes) / 4096 / 2).toLocaleString('en')} read capacity units per search (a Query sums the sizes it reads)\n`,
    );
    out.write(
      'Every search reads the whole workspace partition of the kinds asked (one Query per 1 MB), whatever it asks for: the cost grows with the corpus, not with the hits. Hidden records are judged and dropped before matching, so whether they match the query does not move the time.\n',
    );
  } finally {
    await rt.stop();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await searchBench();
