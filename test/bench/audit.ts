/**
 * Audit verify and export at 10k/100k/1M entries, and verify while writers append.
 *
 * A chain of n entries is seeded straight into the table (`seedChain`: entries made with the
 * kernel's audit functions, written with BatchWriteItem; through the API it would take hours).
 * Each measured operation then runs in a child process of its own with a bounded heap (the API
 * Lambda's 1024 MB by default), so that running out of memory is a figure and not a crash of the
 * bench, and the peak RSS is that operation's alone:
 *   verify         GET …/audit/verify over HTTP
 *   export (HTTP)  GET …/audit/export over HTTP from the local server (streamed), body read and dropped
 *   export (Lambda) the same request through `handle(app)` of hono/aws-lambda, as the API Lambda
 *                  serves it: the whole body is built in memory and must fit 6 MB
 * Memory is reported as the child's peak RSS (getrusage maxRSS, the whole process including the
 * runtime it boots) and the peak V8 heapUsed sampled every 50 ms.
 *
 *   BENCH_AUDIT_SIZES        chain sizes (default 10000,100000; the 1M figure:
 *                            BENCH_AUDIT_SIZES=10000,100000,1000000 pnpm tsx test/bench/audit.ts)
 *   BENCH_AUDIT_HEAP_MB      heap bound of each measured child (default 1024)
 *   BENCH_AUDIT_TIMEOUT_S    give up on a measured operation after this long (default 600)
 *   BENCH_AUDIT_OPS          which operations (default verify,export-http,export-lambda)
 *   BENCH_VERIFY_CALLS       verify calls while 4 writers run (default 40; 0 skips that part)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { get, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { BatchWriteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, type AuditDraft, appendEntry, type ChainHead } from '@taskforce/core';
import { auditItem, chainHeadKey, createDynamoClient, documentClient, headItem } from '@taskforce/dynamo';
import { startRuntime } from '@taskforce/local';
import { handle } from 'hono/aws-lambda';
import { num, pct } from './harness';

const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const SIZES = (process.env.BENCH_AUDIT_SIZES ?? '10000,100000').split(',').map(Number);
const HEAP_MB = Number(process.env.BENCH_AUDIT_HEAP_MB ?? 1024);
const TIMEOUT_S = Number(process.env.BENCH_AUDIT_TIMEOUT_S ?? 600);
const VERIFY_CALLS = Number(process.env.BENCH_VERIFY_CALLS ?? 40);
const OPS = { verify: 'verify', 'export-http': 'export (HTTP)', 'export-lambda': 'export (Lambda)' } as const;
const RUN_OPS = (process.env.BENCH_AUDIT_OPS ?? Object.keys(OPS).join(',')).split(',').map((k) => OPS[k as keyof typeof OPS]);
const LAMBDA_RESPONSE_LIMIT = 6 * 1024 * 1024;
const AMBER = { tlp: 'AMBER' as const, releasableTo: 'members' as const, caveats: [], originator: { orgId: 'vnm-a05', country: 'VNM' } };
const READER: Actor = { sub: 'usa-fbi-officer', orgId: 'usa-fbi', country: 'USA' };

/**
 * Appends n entries to a workspace's chain straight into the table, in TODAY's storage format:
 * each entry an `AUDIT#<seq>` item in the workspace partition, then the `CHAIN` head item moved to
 * the last one. The entries are what a partner's reads of an AMBER task leave (`task.read`).
 * This is the one place that knows the format: switch it when the log's format changes.
 */
export async function seedChain(doc: DynamoDBDocumentClient, table: string, workspaceId: string, n: number): Promise<ChainHead> {
  const stored = (await doc.send(new GetCommand({ TableName: table, Key: chainHeadKey(workspaceId), ConsistentRead: true }))).Item;
  let head: ChainHead | null = stored ? { chainId: workspaceId, seq: Number(stored.seq), hash: String(stored.hash) } : null;
  const start = Date.parse('2026-01-01T00:00:00Z');
  const draft: AuditDraft = { action: 'task.read', target: { type: 'task', id: 'seeded' }, markings: [AMBER] };
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
      const next = appendEntry(head, workspaceId, new Date(start + j * 1000).toISOString(), READER, draft);
      items.push(auditItem(next.entry));
      head = next.head;
    }
    const p = writeBatch(items).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 8) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (head) await doc.send(new PutCommand({ TableName: table, Item: headItem(head) }));
  return head!;
}

type Op = 'verify' | 'export (HTTP)' | 'export (Lambda)';
interface Measured {
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
  baseRssMb: number;
  detail: string;
}
interface Task {
  op: Op;
  dynamo: string;
  sqs: string;
  table: string;
  workspaceId: string;
}

/**
 * A GET over node:http, which waits as long as the server takes: fetch gives up on a response
 * whose headers take more than 300 s, and a verify of a long chain answers only at the end.
 */
const slowGet = (url: string, token: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => get(url, { headers: { authorization: `Bearer ${token}` } }, resolve).on('error', reject));

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
  });
  const lead = await rt.token({ orgId: 'vnm-a05', roles: ['officer'] });
  const path = `/v1/workspaces/${task.workspaceId}/audit/${task.op === 'verify' ? 'verify' : 'export'}`;
  const mb = (b: number) => b / 1024 / 1024;
  const baseRssMb = mb(process.memoryUsage().rss);
  let peakHeap = 0;
  const sample = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 50);
  const t0 = performance.now();
  let detail: string;
  if (task.op === 'verify') {
    const res = await slowGet(rt.url + path, lead);
    let text = '';
    for await (const chunk of res) text += chunk;
    const body = JSON.parse(text) as { ok?: boolean; entries?: number; reason?: string };
    detail =
      res.statusCode === 200 ? `ok=${body.ok} entries=${body.entries}${body.reason ? ` (${body.reason})` : ''}` : `HTTP ${res.statusCode}`;
  } else if (task.op === 'export (HTTP)') {
    const res = await slowGet(rt.url + path, lead);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res as AsyncIterable<Buffer>) {
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) lines++;
    }
    detail = `HTTP ${res.statusCode}, ${lines} lines, ${mb(bytes).toFixed(1)} MB streamed`;
  } else {
    const url = new URL(rt.url + path);
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey: 'ANY /{proxy+}',
      rawPath: url.pathname,
      rawQueryString: '',
      headers: { authorization: `Bearer ${lead}`, host: 'api.example.org', 'x-forwarded-proto': 'https' },
      requestContext: {
        accountId: '123456789012',
        apiId: 'bench',
        domainName: 'api.example.org',
        domainPrefix: 'api',
        http: { method: 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7', userAgent: 'bench' },
        requestId: 'bench',
        routeKey: 'ANY /{proxy+}',
        stage: '$default',
        time: now.toISOString(),
        timeEpoch: now.getTime(),
      },
      isBase64Encoded: false,
    };
    // biome-ignore lint/suspicious/noExplicitAny: a hand-made API Gateway event and Lambda context
    const r = (await handle(rt.app)(event as any, {} as any)) as { statusCode: number; body: string; isBase64Encoded: boolean };
    const size = Buffer.byteLength(r.body ?? '');
    detail = `HTTP ${r.statusCode}, Lambda response body ${mb(size).toFixed(1)} MB${r.isBase64Encoded ? ' (base64)' : ''}: ${size > LAMBDA_RESPONSE_LIMIT ? 'OVER the 6 MB limit' : 'within 6 MB'}`;
  }
  const ms = performance.now() - t0;
  clearInterval(sample);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const result: Measured = { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: mb(peakHeap), baseRssMb, detail };
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
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: 'bench-audit' });
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

    out(`\nAudit verify and export: chain seeded straight into the table, each operation in a child process (heap ≤ ${HEAP_MB} MB)`);
    out('memory: peak RSS = getrusage maxRSS of the child (whole process, runtime included; "base" = RSS before the call);');
    out('        peak heap = process.memoryUsage().heapUsed sampled every 50 ms\n');
    out(
      `${'entries'.padStart(9)} ${'operation'.padEnd(16)} ${'time s'.padStart(8)} ${'peak RSS MB'.padStart(12)} ${'base'.padStart(6)} ${'peak heap MB'.padStart(13)}  result`,
    );
    for (const n of SIZES) {
      const ws = await workspace(`Audit ${n}`);
      const s0 = performance.now();
      await seedChain(doc, 'bench-audit', ws, n);
      const seeded = (performance.now() - s0) / 1000;
      out(
        `${String(n).padStart(9)} ${'(seed)'.padEnd(16)} ${num(seeded, 1)} ${''.padStart(12)} ${''.padStart(6)} ${''.padStart(13)}  ${Math.round(n / seeded)} entries/s written`,
      );
      for (const op of RUN_OPS) {
        const r = await inChild({ op, dynamo: rt.endpoints.dynamo, sqs: rt.endpoints.sqs, table: 'bench-audit', workspaceId: ws });
        if ('failure' in r)
          out(
            `${String(n).padStart(9)} ${op.padEnd(16)} ${num(r.ms / 1000, 1)} ${'-'.padStart(12)} ${'-'.padStart(6)} ${'-'.padStart(13)}  ${r.failure}`,
          );
        else
          out(
            `${String(n).padStart(9)} ${op.padEnd(16)} ${num(r.ms / 1000, 2)} ${num(r.peakRssMb, 0, 12)} ${num(r.baseRssMb, 0, 6)} ${num(r.peakHeapMb, 0, 13)}  ${r.detail}`,
          );
      }
    }

    if (VERIFY_CALLS > 0) {
      // Verify while 4 writers append (2 partners reading an AMBER task, 2 officers creating tasks).
      const ws = await workspace('Audit under writes');
      await seedChain(doc, 'bench-audit', ws, 2_000);
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
    out('target (issue 15): 0 broken verdicts under writes; export works at 1,000,000 entries on Lambda without buffering');
  } finally {
    await rt.stop();
  }
}

if (process.argv[2] === 'measure') await measure(JSON.parse(process.argv[3]!) as Task);
else if (import.meta.url === `file://${process.argv[1]}`) await auditBench();
