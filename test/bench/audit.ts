/**
 * Audit log write throughput, verify and export at 10k/100k/1M entries, and verify while writers append.
 *
 * A chain of n entries is seeded straight into the table (`seedChain`: n queued entries made with
 * the kernel's `queueEntry`, written with BatchWriteItem, then folded by the chain's sequencer;
 * through the API it would take hours). The sequencer's run is timed: that is the log's write
 * throughput. Each measured operation then runs in a child process of its own with a bounded heap
 * (the API Lambda's 1024 MB by default), so that running out of memory is a figure and not a crash
 * of the bench, and the peak RSS is that operation's alone:
 *   verify           GET …/audit/verify over HTTP (from the chain's start)
 *   verify from cp   GET …/audit/verify?from=<treeSize of the previous verify's checkpoint>, after
 *                    ~100 more entries were appended: O(entries since that checkpoint)
 *   export job       requestAuditExport + runAuditExport (the worker the export function runs),
 *                    writing the file in 8 MiB parts to the local S3 engine
 *   export verify    the file downloaded by its link to a temporary file and verified streamed
 *                    (every entry, the signed checkpoint on its last line, with the keys of
 *                    GET /v1/audit/keys) and its SHA-256 checked against the job's
 * Memory is reported as the child's peak RSS (getrusage maxRSS, the whole process including the
 * runtime it boots) and the peak V8 heapUsed sampled every 50 ms. Every process signs checkpoints
 * with the same key (made from a secret the parent draws), so each one's checkpoints verify in all.
 *
 *   BENCH_AUDIT_SIZES        chain sizes (default 10000,100000; the 1M figure:
 *                            BENCH_AUDIT_SIZES=1000000 BENCH_VERIFY_CALLS=0 pnpm tsx test/bench/audit.ts)
 *   BENCH_AUDIT_HEAP_MB      heap bound of each measured child (default 1024)
 *   BENCH_AUDIT_TIMEOUT_S    give up on a measured operation after this long (default 600)
 *   BENCH_AUDIT_OPS          which operations (default verify,verify-from,export)
 *   BENCH_VERIFY_CALLS       verify calls while 4 writers run (default 40; 0 skips that part)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type Actor,
  type AuditDraft,
  type CheckpointKey,
  checkpointSignerFromSecrets,
  getAuditExport,
  type Principal,
  queueEntry,
  requestAuditExport,
  runAuditExport,
  type SequencerDeps,
  type SequencerReport,
  sequenceChain,
  sequencerScheduler,
  verifyCheckpointedStream,
} from '@taskforce/core';
import { createDynamoClient, documentClient, queuedAuditItem } from '@taskforce/dynamo';
import { startRuntime } from '@taskforce/local';
import { num, pct } from './harness';

const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const SIZES = (process.env.BENCH_AUDIT_SIZES ?? '10000,100000').split(',').map(Number);
const HEAP_MB = Number(process.env.BENCH_AUDIT_HEAP_MB ?? 1024);
const TIMEOUT_S = Number(process.env.BENCH_AUDIT_TIMEOUT_S ?? 600);
const VERIFY_CALLS = Number(process.env.BENCH_VERIFY_CALLS ?? 40);
const RUN_OPS = new Set((process.env.BENCH_AUDIT_OPS ?? 'verify,verify-from,export').split(','));
/** Entries appended after a verify, before the verify from its checkpoint. */
const APPENDED = 100;
const AMBER = { tlp: 'AMBER' as const, releasableTo: 'members' as const, caveats: [], originator: { orgId: 'vnm-a05', country: 'VNM' } };
const READER: Actor = { sub: 'usa-fbi-officer', orgId: 'usa-fbi', country: 'USA' };
const LEAD: Principal = { sub: 'vnm-a05-officer', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] };

let seedQid = 0;
/**
 * Appends n entries to a workspace's chain straight into the table, in the log's storage format:
 * n queued entries (`AUDQ#<qid>` items, as a command's transaction writes them) with
 * BatchWriteItem, then the chain's sequencer folds them into `AUDIT#<seq>` entries, Merkle nodes
 * and a signed checkpoint. The entries are what a partner's reads of an AMBER task leave
 * (`task.read`). This is the one place that knows the format: switch it when the log's format changes.
 * Returns how long the sequencer took and what it did (the log's write throughput).
 */
export async function seedChain(
  doc: DynamoDBDocumentClient,
  table: string,
  workspaceId: string,
  n: number,
  deps: SequencerDeps,
  /** Resolves when the runtime's own sequencer runs are over (the sequencer timed here then runs alone). */
  settled: () => Promise<void> = async () => {},
): Promise<{ queuedMs: number; sequencedMs: number; report: SequencerReport }> {
  await settled();
  const t0 = performance.now();
  const start = Date.parse('2026-01-01T00:00:00Z');
  const draft: AuditDraft = { action: 'task.read', target: { type: 'task', id: 'seeded' }, markings: [AMBER] };
  // Time-ordered and unique, as the ids a command gives its entry: the queue is read in this order.
  const prefix = `${Date.now().toString(36).padStart(9, '0')}${randomBytes(3).toString('hex')}`;
  const writeBatch = async (items: Record<string, unknown>[]) => {
    let requests = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      const r = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (r.UnprocessedItems?.[table] ?? []) as typeof requests;
      if (requests.length) await new Promise((res) => setTimeout(res, Math.min(1000, 20 * 2 ** attempt)));
    }
  };
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < n; i += 25) {
    const items: Record<string, unknown>[] = [];
    for (let j = i; j < Math.min(n, i + 25); j++) {
      const qid = `${prefix}${String(seedQid++).padStart(10, '0')}`;
      items.push(queuedAuditItem(queueEntry(workspaceId, qid, new Date(start + j * 1000).toISOString(), READER, draft)));
    }
    const p = writeBatch(items).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 8) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const t1 = performance.now();
  const report = await sequenceChain(deps, workspaceId, { maxRounds: Number.MAX_SAFE_INTEGER });
  return { queuedMs: t1 - t0, sequencedMs: performance.now() - t1, report };
}

type Op = 'verify' | 'verify from cp' | 'export job' | 'export verify';
interface Measured {
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  baseRssMb: number;
  detail: string;
  /** verify: its checkpoint's tree size; export job: the job's id and file. */
  treeSize?: number;
  exportId?: string;
  sha256?: string;
}
interface Task {
  op: Op;
  dynamo: string;
  sqs: string;
  table: string;
  workspaceId: string;
  secret: string;
  from?: number;
  exportId?: string;
  sha256?: string;
  keys?: CheckpointKey[];
}

/**
 * A GET over node:http, which waits as long as the server takes: fetch gives up on a response
 * whose headers take more than 300 s, and a verify of a long chain answers only at the end.
 */
const slowGet = (url: string, token: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => get(url, { headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject));

/** The last line of a file (the export's checkpoint), read from its end. */
const lastLine = (path: string): string => {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    for (let span = 4096; ; span *= 2) {
      const len = Math.min(size, span);
      const buf = Buffer.alloc(len);
      readSync(fd, buf, 0, len, size - len);
      const text = buf.toString('utf8').replace(/\n$/, '');
      const nl = text.lastIndexOf('\n');
      if (nl >= 0 || len === size) return text.slice(nl + 1);
    }
  } finally {
    closeSync(fd);
  }
};

/** Child side: boots a runtime on the parent's engines, runs one operation, prints its figures. */
async function measure(task: Task): Promise<void> {
  const rt = await startRuntime({
    dynamoEndpoint: task.dynamo,
    sqsEndpoint: task.sqs,
    tableName: task.table,
    inMemory: true,
    workers: false,
    sweepEveryMs: false,
    logger: quiet,
    auditSigner: checkpointSignerFromSecrets(task.secret),
  });
  const lead = await rt.token({ orgId: 'vnm-a05', roles: ['officer'] });
  const mb = (b: number) => b / 1024 / 1024;
  const baseRssMb = mb(process.memoryUsage().rss);
  let peakHeap = 0;
  const sample = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 50);
  const t0 = performance.now();
  let detail: string;
  const extra: Partial<Measured> = {};
  if (task.op === 'verify' || task.op === 'verify from cp') {
    const path = `/v1/workspaces/${task.workspaceId}/audit/verify${task.from ? `?from=${task.from}` : ''}`;
    const res = await slowGet(rt.url + path, lead);
    let text = '';
    for await (const chunk of res) text += chunk;
    const body = JSON.parse(text) as { ok?: boolean; entries?: number; from?: number; reason?: string; checkpoint?: { treeSize: number } };
    if (body.checkpoint) extra.treeSize = body.checkpoint.treeSize;
    detail =
      res.statusCode === 200
        ? `ok=${body.ok} entries=${body.entries} from=${body.from} checkpoint=${body.checkpoint?.treeSize ?? '-'}${body.reason ? ` (${body.reason})` : ''}`
        : `HTTP ${res.statusCode} ${text.slice(0, 200)}`;
  } else if (task.op === 'export job') {
    const job = await requestAuditExport(rt.deps, { principal: LEAD }, task.workspaceId);
    const done = await runAuditExport(rt.deps, { workspaceId: task.workspaceId, id: job.id });
    extra.exportId = job.id;
    if (done?.sha256) extra.sha256 = done.sha256;
    detail = `${done?.status ?? 'no job'}${done?.error ? ` (${done.error.code})` : ''}, ${done?.lines ?? '-'} lines, ${mb(done?.bytes ?? 0).toFixed(1)} MB file`;
  } else {
    const view = await getAuditExport(rt.deps, LEAD, task.workspaceId, task.exportId!);
    const dir = mkdtempSync(join(tmpdir(), 'bench-audit-export-'));
    try {
      const file = join(dir, 'export.jsonl');
      const res = await fetch(view.download!.url);
      const hash = createHash('sha256');
      await pipeline(
        Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const c of chunks) {
            hash.update(c);
            yield c;
          }
        },
        createWriteStream(file),
      );
      const sha256 = hash.digest('hex');
      const checkpoint = (JSON.parse(lastLine(file)) as { checkpoint: unknown }).checkpoint;
      // Every line but the last (the checkpoint), parsed as it is read: one line of lag.
      async function* entries() {
        let held: string | undefined;
        for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
          if (held !== undefined) yield JSON.parse(held) as unknown;
          held = line;
        }
      }
      const v = await verifyCheckpointedStream(entries(), checkpoint, task.keys!);
      detail = `HTTP ${res.status}, ${mb(statSync(file).size).toFixed(1)} MB, ok=${v.ok} entries=${v.entries}${v.ok ? '' : ` (${v.reason})`}, sha256 ${sha256 === task.sha256 ? 'matches the job' : 'DIFFERS from the job'}`;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const ms = performance.now() - t0;
  clearInterval(sample);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const result: Measured = { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: mb(peakHeap), baseRssMb, detail, ...extra };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  await rt.stop();
}

/** Parent side: one child per operation, heap bounded; an out-of-memory or a timeout is the figure. */
const inChild = (task: Task): Promise<Measured | { failure: string; ms: number }> =>
  new Promise((resolve) => {
    const t0 = performance.now();
    const child: ChildProcess = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', fileURLToPath(import.meta.url), 'measure', JSON.stringify(task)],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => {
      stdout += d;
    });
    child.stderr!.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_S * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (line) return resolve(JSON.parse(line.slice(7)) as Measured);
      const failure = /heap out of memory|Allocation failed/i.test(stderr)
        ? `out of memory (heap bounded at ${HEAP_MB} MB)`
        : signal === 'SIGKILL' && ms >= TIMEOUT_S * 1000
          ? `gave up after ${TIMEOUT_S} s`
          : `failed (code ${code}, signal ${signal}): ${stderr.split('\n').find((l) => /Error/.test(l)) ?? stderr.trim().slice(-200)}`;
      resolve({ failure, ms });
    });
  });

export async function auditBench(): Promise<void> {
  // One signing key for the parent and every child: each one's checkpoints verify in all.
  const secret = randomBytes(32).toString('hex');
  const rt = await startRuntime({
    inMemory: true,
    sweepEveryMs: false,
    workers: false,
    logger: quiet,
    tableName: 'bench-audit',
    auditSigner: checkpointSignerFromSecrets(secret),
  });
  // The runtime's in-process sequencer, through a scheduler the bench can wait on: otherwise its
  // run after a workspace's setup would fold the seeded entries alongside the timed sequencer.
  const scheduler = sequencerScheduler(rt.deps, () => {});
  rt.deps.auditQueued = (chainId) => scheduler.kick(chainId);
  const settled = () => scheduler.idle();
  try {
    const admin = await rt.token({ orgId: 'platform', roles: ['admin'] });
    const lead = await rt.token({ orgId: 'vnm-a05', roles: ['officer'] });
    const fbi = await rt.token({ orgId: 'usa-fbi', roles: ['officer'] });
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads replies ad hoc
    const call = async (method: string, path: string, token: string, body?: unknown): Promise<any> => {
      const res = await fetch(rt.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const json = await res.json();
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    for (const [id, country] of [
      ['vnm-a05', 'VNM'],
      ['usa-fbi', 'USA'],
    ] as const)
      await call('POST', '/v1/organisations', admin, { id, name: id, kind: 'agency', country });
    const workspace = async (title: string) => {
      const ws = (await call('POST', '/v1/workspaces', lead, { title, legalBasis: { code: 'UNCC', text: 'bench' } })).id as string;
      await call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' });
      await call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi);
      return ws;
    };
    const doc = documentClient(createDynamoClient({ endpoint: rt.endpoints.dynamo }));

    const { keys } = (await call('GET', '/v1/audit/keys', lead)) as { keys: CheckpointKey[] };
    const base = { dynamo: rt.endpoints.dynamo, sqs: rt.endpoints.sqs, table: 'bench-audit', secret };

    out(`\nAudit log, verify and export: chain seeded straight into the table, each operation in a child process (heap ≤ ${HEAP_MB} MB)`);
    out("seed: n queued entries written with BatchWriteItem; sequencer: the chain's sequencer folding them into the chain (one run)");
    out('memory: peak RSS = getrusage maxRSS of the child (whole process, runtime included; "base" = RSS before the call);');
    out('        peak heap = process.memoryUsage().heapUsed sampled every 50 ms\n');
    out(
      `${'entries'.padStart(9)} ${'operation'.padEnd(16)} ${'time s'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${'base'.padStart(6)} ${'peak heap MB'.padStart(13)}  result`,
    );
    const row = (n: number, op: string, r: Measured | { failure: string; ms: number }) =>
      'failure' in r
        ? out(
            `${String(n).padStart(9)} ${op.padEnd(16)} ${num(r.ms / 1000, 1)} ${'-'.padStart(12)} ${'-'.padStart(6)} ${'-'.padStart(13)}  ${r.failure}`,
          )
        : out(
            `${String(n).padStart(9)} ${op.padEnd(16)} ${num(r.ms / 1000, 2)} ${num(r.peakRssMb, 0, 12)} ${num(r.baseRssMb, 0, 6)} ${num(r.peakHeapMb, 0, 13)}  ${r.detail}`,
          );
    const blank = `${''.padStart(12)} ${''.padStart(6)} ${''.padStart(13)}`;
    for (const n of SIZES) {
      const ws = await workspace(`Audit ${n}`);
      const seeded = await seedChain(doc, 'bench-audit', ws, n, rt.deps, settled);
      out(
        `${String(n).padStart(9)} ${'(seed queue)'.padEnd(16)} ${num(seeded.queuedMs / 1000, 1)} ${blank}  ${Math.round(n / (seeded.queuedMs / 1000))} queued entries/s written`,
      );
      out(
        `${String(n).padStart(9)} ${'sequencer'.padEnd(16)} ${num(seeded.sequencedMs / 1000, 1)} ${blank}  ${Math.round(seeded.report.sequenced / (seeded.sequencedMs / 1000))} entries/s (${seeded.report.sequenced} sequenced in ${seeded.report.rounds} rounds, ${seeded.report.lostRaces} lost races; tree size ${seeded.report.treeSize})`,
      );
      let treeSize: number | undefined;
      if (RUN_OPS.has('verify') || RUN_OPS.has('verify-from')) {
        const r = await inChild({ ...base, op: 'verify', workspaceId: ws });
        row(n, 'verify', r);
        if (!('failure' in r)) treeSize = r.treeSize;
      }
      if (RUN_OPS.has('verify-from') && treeSize !== undefined) {
        await seedChain(doc, 'bench-audit', ws, APPENDED, rt.deps, settled);
        row(n, 'verify from cp', await inChild({ ...base, op: 'verify from cp', workspaceId: ws, from: treeSize }));
      }
      if (RUN_OPS.has('export')) {
        const r = await inChild({ ...base, op: 'export job', workspaceId: ws });
        row(n, 'export job', r);
        if (!('failure' in r) && r.exportId)
          row(
            n,
            'export verify',
            await inChild({
              ...base,
              op: 'export verify',
              workspaceId: ws,
              exportId: r.exportId,
              ...(r.sha256 ? { sha256: r.sha256 } : {}),
              keys,
            }),
          );
      }
    }

    if (VERIFY_CALLS > 0) {
      // Verify while 4 writers append (2 partners reading an AMBER task, 2 officers creating tasks).
      const ws = await workspace('Audit under writes');
      await seedChain(doc, 'bench-audit', ws, 2_000, rt.deps);
      const amber = await call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'amber',
        assigneeOrgId: 'usa-fbi',
        dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        marking: { tlp: 'AMBER', releasableTo: 'members', caveats: [] },
      });
      let stop = false;
      const writes = { ok: 0, failed: 0 };
      const writer = async (w: number) => {
        while (!stop) {
          const res =
            w % 2
              ? await fetch(`${rt.url}/v1/workspaces/${ws}/tasks/${amber.id}`, { headers: { authorization: `Bearer ${fbi}` } })
              : await fetch(`${rt.url}/v1/workspaces/${ws}/tasks`, {
                  method: 'POST',
                  headers: { authorization: `Bearer ${lead}`, 'content-type': 'application/json' },
                  body: JSON.stringify({ title: 'w', assigneeOrgId: 'usa-fbi', dueAt: new Date(Date.now() + 86_400_000).toISOString() }),
                });
          await res.arrayBuffer();
          if (res.ok) writes.ok++;
          else writes.failed++;
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      const verdicts = { ok: 0, broken: 0, failed: 0 };
      const reasons = new Map<string, number>();
      const lat: number[] = [];
      for (let i = 0; i < VERIFY_CALLS; i++) {
        const t0 = performance.now();
        const res = await fetch(`${rt.url}/v1/workspaces/${ws}/audit/verify`, { headers: { authorization: `Bearer ${lead}` } });
        const body = (await res.json()) as { ok?: boolean; reason?: string };
        lat.push(performance.now() - t0);
        if (!res.ok) verdicts.failed++;
        else if (body.ok) verdicts.ok++;
        else {
          verdicts.broken++;
          const reason = (body.reason ?? '?').replace(/\d+/g, 'N');
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
      }
      stop = true;
      await Promise.all(writers);
      out(`\nVerify while 4 writers append (2 AMBER readers, 2 task creators) to a chain of ~2,000 entries:`);
      out(
        `  ${VERIFY_CALLS} verify calls: ${verdicts.ok} ok, ${verdicts.broken} reported a broken chain, ${verdicts.failed} failed (non-2xx); p50 ${pct(lat, 50).toFixed(0)} ms`,
      );
      for (const [reason, k] of reasons) out(`    ${k}× "${reason}"`);
      out(`  writers meanwhile: ${writes.ok} answered 2xx, ${writes.failed} not`);
    }
    out(
      'target (issue 15): every verify ok under writes; verify O(entries since the checkpoint); export works at 1,000,000 entries without buffering',
    );
  } finally {
    await rt.stop();
  }
}

if (process.argv[2] === 'measure') await measure(JSON.parse(process.argv[3]!) as Task);
else if (import.meta.url === `file://${process.argv[1]}`) await auditBench();
