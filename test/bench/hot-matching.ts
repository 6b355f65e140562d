/**
 * Hot selector and hot partner: throughput of data-request creates over the HTTP API of the local
 * runtime (DynamoDB Local) when every client names the SAME selector ("hot selector": each client
 * an agency in its own workspace, sending to its own bank) or sends to the SAME bank ("hot
 * partner": each client its own selector), against each client with its own selector and its own
 * bank ("spread"), for the same time, at 1/16/64 clients. The ratio hot/spread is the figure: a
 * selector or a partner that many agencies chase must not slow their creates down.
 *
 * Then the side channel of a check: 200 paired checks, through core over the adapter, of a
 * selector held by an agency whose country's policy keeps it from the checker (held but excluded)
 * and of one nobody holds; the median and p90 of each and of their difference, and the DynamoDB
 * requests of each. Figures, not assertions.
 *
 *   BENCH_CELL_MS    time per cell (default 5000)
 *   BENCH_CLIENTS    client counts (default 1,16,64)
 *   BENCH_PAIRS      paired checks (default 200)
 */
import { checkSelectors, type Principal } from '@taskforce/core';
import { countRequests, createDynamoClient, DynamoStore, documentClient } from '@taskforce/dynamo';
import { startRuntime } from '@taskforce/local';
import { type CellResult, num, type Outcome, pct, runCell } from './harness';

const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const CELL_MS = Number(process.env.BENCH_CELL_MS ?? 5_000);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '1,16,64').split(',').map(Number);
const MAX_CLIENTS = Math.max(...CLIENTS);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 200);
const COUNTRIES = ['VNM', 'THA', 'GBR', 'USA', 'AUS', 'SGP', 'KHM', 'LAO'];

type Where = 'hot selector' | 'hot partner' | 'spread';

export async function hotMatchingBench(): Promise<void> {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: 'bench-hot-matching' });
  try {
    const admin = await rt.token({ orgId: 'platform', roles: ['admin'] });
    const send = (method: string, path: string, token: string, body?: unknown) =>
      fetch(rt.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads replies ad hoc
    const call = async (method: string, path: string, token: string, body?: unknown): Promise<any> => {
      const res = await send(method, path, token, body);
      const json = await res.json();
      if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };

    /** Agency i (its own workspace, its own token) and bank i. */
    const clients: { ws: string; token: string; bank: string }[] = [];
    for (let i = 0; i < MAX_CLIENTS; i++) {
      const country = COUNTRIES[i % COUNTRIES.length]!;
      const agency = `agency-${String(i).padStart(2, '0')}`;
      const bank = `bank-${String(i).padStart(2, '0')}`;
      await call('POST', '/v1/organisations', admin, { id: agency, name: agency.toUpperCase(), kind: 'agency', country });
      await call('POST', '/v1/organisations', admin, { id: bank, name: bank.toUpperCase(), kind: 'provider', country, sector: 'bank' });
      const token = await rt.token({ orgId: agency, country, roles: ['officer'] });
      const ws = (await call('POST', '/v1/workspaces', token, { title: `Bench ${i}`, legalBasis: { code: 'UNCC', text: 'bench' } }))
        .id as string;
      clients.push({ ws, token, bank });
    }

    let n = 0;
    const create = async (c: number, where: Where): Promise<Outcome> => {
      const me = clients[c]!;
      const email = where === 'hot selector' ? 'hot@example.org' : `client-${c}-${where === 'spread' ? 's' : 'p'}@example.org`;
      const res = await send('POST', `/v1/workspaces/${me.ws}/requests`, me.token, {
        providerOrgId: where === 'hot partner' ? clients[0]!.bank : me.bank,
        type: 'subscriber_info',
        legalBasis: { code: 'UNCC', text: 'art. 26' },
        description: `bench ${n++}`,
        selectors: [{ type: 'email', value: email }],
      });
      await res.arrayBuffer();
      return res.status;
    };
    const cell = (where: Where, count: number, ms = CELL_MS): Promise<CellResult> => runCell(count, ms, (c) => create(c, where));

    await cell('spread', 4, 1_000); // warm-up, not counted
    out(`\nHot selector / hot partner vs spread: data-request creates over the HTTP API (DynamoDB Local), ${CELL_MS / 1000} s per cell`);
    out('hot selector = every client names ONE e-mail (each to its own bank); hot partner = every client sends to ONE bank (each its');
    out('own e-mail); spread = each client its own e-mail and its own bank; ratio = hot creates/s ÷ spread creates/s; 5xx (503)');
    out(
      `${'clients'.padStart(7)} ${'spread/s'.padStart(8)} ${'hot sel/s'.padStart(9)} ${'ratio'.padStart(6)} ${'5xx (503)'.padStart(10)} ${'hot prt/s'.padStart(9)} ${'ratio'.padStart(6)} ${'5xx (503)'.padStart(10)} ${'spread 5xx'.padStart(10)} ${'p50/p99 ms spread|sel|prt'.padStart(28)}`,
    );
    for (const count of CLIENTS) {
      const s = await cell('spread', count);
      const h = await cell('hot selector', count);
      const p = await cell('hot partner', count);
      const fails = (r: CellResult) => `${r.failed} (${r.unavailable})${r.other ? ` +${r.other}` : ''}`;
      const lat = (r: CellResult) => `${pct(r.latencies, 50).toFixed(0)}/${pct(r.latencies, 99).toFixed(0)}`;
      out(
        `${String(count).padStart(7)} ${num(s.rate)} ${num(h.rate, 1, 9)} ${num(h.rate / s.rate, 2, 6)} ${fails(h).padStart(10)} ${num(p.rate, 1, 9)} ${num(p.rate / s.rate, 2, 6)} ${fails(p).padStart(10)} ${fails(s).padStart(10)} ${`${lat(s)}|${lat(h)}|${lat(p)}`.padStart(28)}`,
      );
    }
    out('target: hot/spread ≥ 0.8 at 64 clients, and no 5xx');

    // The side channel: a selector held by VNM, whose policy keeps it from GBR, against one nobody holds.
    const holder = clients[0]!;
    await call('POST', `/v1/workspaces/${holder.ws}/requests`, holder.token, {
      providerOrgId: holder.bank,
      type: 'subscriber_info',
      legalBasis: { code: 'UNCC', text: 'art. 26' },
      description: 'held',
      selectors: [{ type: 'phone', value: '+84912000001' }],
    });
    const vnmAdmin = await rt.token({ orgId: 'agency-00', country: 'VNM', roles: ['policy_admin'] });
    await call('PUT', '/v1/policies/VNM', vnmAdmin, { rules: [{ type: 'no_matching', towards: ['GBR'] }] });
    // The check runs through core over the adapter, on a client that counts only its own requests
    // (the runtime's in-process audit sequencer is left out: it runs on the runtime's client).
    const client = createDynamoClient({ endpoint: rt.endpoints.dynamo });
    const counter = countRequests(client);
    const deps = { ...rt.deps, store: new DynamoStore(documentClient(client), 'bench-hot-matching'), auditQueued: undefined };
    const checker: Principal = { sub: 'bench', orgId: 'agency-02', orgKind: 'agency', country: 'GBR', roles: ['officer'] };
    const check = async (phone: string) => {
      counter.reset();
      const t0 = performance.now();
      const r = await checkSelectors(deps, { principal: checker }, [{ type: 'phone', value: phone }]);
      const ms = performance.now() - t0;
      if (r.hits !== 0) throw new Error('the excluded selector was a hit');
      const shape = Object.entries(counter.snapshot())
        .sort()
        .map(([o, k]) => `${k} ${o}`)
        .join(' + ');
      return { ms, shape };
    };
    for (let i = 0; i < 20; i++) await check(i % 2 ? '+84912000001' : '+84912999999'); // warm-up
    const held: number[] = [];
    const unheld: number[] = [];
    const diff: number[] = [];
    const shapes = { held: new Map<string, number>(), unheld: new Map<string, number>() };
    for (let i = 0; i < PAIRS; i++) {
      // Alternate which goes first, so neither always runs on a warmer engine.
      const a = i % 2 === 0 ? await check('+84912000001') : undefined;
      const b = await check(`+8491299${String(i).padStart(4, '0')}`);
      const h = a ?? (await check('+84912000001'));
      held.push(h.ms);
      unheld.push(b.ms);
      diff.push(h.ms - b.ms);
      shapes.held.set(h.shape, (shapes.held.get(h.shape) ?? 0) + 1);
      shapes.unheld.set(b.shape, (shapes.unheld.get(b.shape) ?? 0) + 1);
    }
    const f = (xs: number[]) => `${pct(xs, 50).toFixed(2).padStart(7)} ${pct(xs, 90).toFixed(2).padStart(7)}`;
    const sh = (m: Map<string, number>) => [...m.entries()].map(([s, k]) => (m.size > 1 ? `${s} (${k}x)` : s)).join(' | ');
    out(`\nCheck of one selector (core over the adapter), ${PAIRS} pairs: held but excluded by the holder's policy vs held by nobody`);
    out(`${''.padEnd(24)} ${'p50 ms'.padStart(7)} ${'p90 ms'.padStart(7)}   DynamoDB requests per check`);
    out(`${'held, excluded'.padEnd(24)} ${f(held)}   ${sh(shapes.held)}`);
    out(`${'unheld'.padEnd(24)} ${f(unheld)}   ${sh(shapes.unheld)}`);
    out(`${'difference (paired)'.padEnd(24)} ${f(diff)}`);
  } finally {
    await rt.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await hotMatchingBench();
