/**
 * What takedowns cost: creating one with 1,000 and with 5,000 items (the request and every chunk
 * of items in one TransactWriteItems), answering batches of 500 items (one transaction each:
 * the chunks touched, the counts, the audit entry), and reading the progress and a page of
 * items. DynamoDB requests counted by the SDK middleware, latency over HTTP, same run.
 */
import { startRuntime } from '@taskforce/local';

const RUNS = Number(process.env.BENCH_TAKEDOWN_RUNS ?? 5);
const quiet = { info() {}, warn() {}, error() {} };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const takedownsBench = async (): Promise<void> => {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: 'bench-takedowns' });
  try {
    const admin = await rt.token({ orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] });
    const lead = await rt.token({ orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
    const partner = await rt.token({ orgId: 'chatwave', orgKind: 'provider', country: 'SGP', roles: ['responder'] });
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
    await call('POST', '/v1/organisations', admin, { id: 'chatwave', name: 'ChatWave', kind: 'provider', country: 'SGP', sector: 'tech' });
    const ws = (await call('POST', '/v1/workspaces', lead, { title: 'Bench', legalBasis: { code: 'UNCC', text: 'bench' } })).id as string;

    /** One call's latency and the DynamoDB requests it made. */
    const measure = async <T>(op: () => Promise<T>) => {
      // Let the in-process audit sequencer finish the previous call's rounds, so they are not counted here.
      await new Promise((r) => setTimeout(r, 150));
      rt.counter.reset();
      const t0 = performance.now();
      const out = await op();
      const ms = performance.now() - t0;
      const snap = rt.counter.snapshot();
      const shape = Object.entries(snap)
        .sort()
        .map(([o, n]) => `${n} ${o}`)
        .join(' + ');
      return { out, ms, shape };
    };
    const items = (count: number, run: number) =>
      Array.from({ length: count }, (_, i) => ({
        kind: 'url',
        service: 'chatwave',
        value: `https://chatwave.example/r${run}/post/${i + 1}`,
      }));

    const rows: string[] = [];
    const row = (name: string, ms: number[], shapes: Set<string>, extra = '') =>
      rows.push(
        `${name.padEnd(44)} ${median(ms).toFixed(1).padStart(8)} ${Math.max(...ms)
          .toFixed(1)
          .padStart(8)}   ${[...shapes].join(' | ')}${extra}`,
      );

    for (const size of [1000, 5000]) {
      const createMs: number[] = [];
      const createShapes = new Set<string>();
      const answerMs: number[] = [];
      const answerShapes = new Set<string>();
      const bytes = JSON.stringify({ items: items(size, 0) }).length;
      let lastId = '';
      for (let run = 0; run < RUNS; run++) {
        const body = {
          providerOrgId: 'chatwave',
          legalBasis: { code: 'EU-DSA', text: 'Order under Regulation (EU) 2022/2065 art. 9' },
          description: 'Recruitment posts',
          items: items(size, run),
        };
        const created = await measure(() => call('POST', `/v1/workspaces/${ws}/takedowns`, lead, body));
        createMs.push(created.ms);
        createShapes.add(created.shape);
        const id = created.out.request.id as string;
        lastId = id;
        await call('POST', `/v1/portal/requests/${id}/acknowledge`, partner);
        const statuses = ['removed', 'restricted', 'not_found', 'removed'];
        for (let b = 0; b < size / 500; b++) {
          const answers = Array.from({ length: 500 }, (_, i) => ({ n: b * 500 + i + 1, status: statuses[b % statuses.length] }));
          const answered = await measure(() => call('POST', `/v1/portal/requests/${id}/takedown/answers`, partner, { answers }));
          answerMs.push(answered.ms);
          answerShapes.add(answered.shape);
        }
      }
      row(`POST takedown, ${size} items (${(bytes / 1024).toFixed(0)} KiB JSON)`, createMs, createShapes);
      row(`  answer a batch of 500 (${(size / 500) * RUNS} batches)`, answerMs, answerShapes);
      const progress = await measure(() => call('GET', `/v1/workspaces/${ws}/requests/${lastId}/takedown`, lead));
      row('  GET progress', [progress.ms], new Set([progress.shape]));
      const page = await measure(() =>
        call('GET', `/v1/workspaces/${ws}/requests/${lastId}/takedown/items?status=not_found&limit=100`, lead),
      );
      row('  GET items page (status filter, 100)', [page.ms], new Set([page.shape]));
    }
    process.stdout.write(`\nTakedowns over HTTP on the embedded runtime, ${RUNS} runs per size\n\n`);
    process.stdout.write(`${'operation'.padEnd(44)} ${'p50 ms'.padStart(8)} ${'max ms'.padStart(8)}   DynamoDB requests per call\n`);
    process.stdout.write(`${rows.join('\n')}\n`);
    process.stdout.write(
      'A create is one TransactWriteItems holding the request and every chunk of 80 items; a batch of answers is one holding the\n' +
        'chunks it touches and the request with its counts (the last batch also moves the request to its outcome). A partner call\n' +
        "first finds the request in its inbox (1 Query). Any GetItem + Query + TransactWriteItems beyond that is the local runtime's\n" +
        'in-process audit sequencer folding the queued entry into the chain, counted with the call that kicked it.\n',
    );
  } finally {
    await rt.stop();
  }
};

if (import.meta.url === `file://${process.argv[1]}`) await takedownsBench();
