/**
 * STIX import of a 10,000-object bundle (the cap) over HTTP on the in-memory runtime: bundle size,
 * preview and import times, and the process's resident memory before, at its peak (sampled every
 * 20 ms) and after. Figures, not assertions.
 */
import { startRuntime } from '@taskforce/local';
import { indicatorBundle } from '../support/stix-bundle';

const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const MiB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const OBJECTS = Number(process.env.BENCH_STIX_OBJECTS ?? 10_000);

export async function stixImportBench(): Promise<void> {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: 'bench-stix' });
  try {
    const admin = await rt.token({ orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] });
    const lead = await rt.token({ orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
    const call = async (path: string, body: string, type = 'application/json') => {
      const res = await fetch(rt.url + path, { method: 'POST', headers: { authorization: `Bearer ${lead}`, 'content-type': type }, body });
      const json = (await res.json()) as Record<string, unknown>;
      if (res.status >= 400) throw new Error(`${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      return json;
    };
    await fetch(`${rt.url}/v1/organisations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' }),
    });
    const ws = (await call('/v1/workspaces', JSON.stringify({ title: 'Bench', legalBasis: { code: 'UNCC', text: 'bench' } }))).id as string;
    const text = JSON.stringify(indicatorBundle(OBJECTS, 'bench'));

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const t0 = performance.now();
    const preview = await call(`/v1/workspaces/${ws}/stix-imports/preview`, text, 'application/stix+json;version=2.1');
    const t1 = performance.now();
    const done = await call(`/v1/workspaces/${ws}/stix-imports?digest=${preview.digest}`, text, 'application/stix+json;version=2.1');
    const t2 = performance.now();
    clearInterval(sampler);
    global.gc?.();
    const after = process.memoryUsage().rss;
    out(`STIX import: ${OBJECTS} indicators, ${MiB(Buffer.byteLength(text))} bundle (cap 8 MiB)`);
    out(
      `  preview ${(t1 - t0).toFixed(0)} ms (${preview.new} new, ${preview.selectors} selectors); import ${(t2 - t1).toFixed(0)} ms (${done.created} records, ${done.selectorsIndexed} index items, ${done.transactions} transactions)`,
    );
    out(`  RSS before ${MiB(before)}, peak ${MiB(peak)} (+${MiB(peak - before)}), after ${MiB(after)} (in-memory store holds the records)`);
  } finally {
    await rt.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await stixImportBench();
