/**
 * Per-destination isolation: webhook notifications per second to healthy receivers, with one
 * receiver that never answers among the recipients of every event, against none, on the local
 * runtime's own workers (relay, fan-out, delivery). A figure, printed as a ratio (target ≥ 0.9×).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EventDraft, registerOrganisation, setWebhook } from '@taskforce/core';
import { startRuntime } from '@taskforce/local';
import { emit } from './fanout';

const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const HEALTHY = 10;
const EVENTS = Number(process.env.BENCH_ISOLATION_EVENTS ?? 60);
const TIMEOUT_MS = 2_000;

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
};

export async function isolationBench(): Promise<void> {
  const rt = await startRuntime({
    inMemory: true,
    sweepEveryMs: false,
    relayEveryMs: 50,
    logger: quiet,
    tableName: 'bench-isolation',
    messaging: { webhookTimeoutMs: TIMEOUT_MS, logger: quiet },
  });
  const received = { n: 0 };
  // Each healthy recipient at its own endpoint (its own origin, so its own bounds).
  const healthy = Array.from({ length: HEALTHY }, () =>
    createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.n++;
        res.writeHead(204).end();
      });
    }),
  );
  // Takes the request and never answers: each post to it runs into the webhook timeout.
  const hanging = createServer((req) => req.resume());
  try {
    const healthyUrls = await Promise.all(healthy.map(listen));
    const hangingUrl = await listen(hanging);
    const admin = { sub: 'a', orgId: 'platform', orgKind: 'international' as const, country: 'ZZZ', roles: ['admin' as const] };
    const orgs = Array.from({ length: HEALTHY }, (_, i) => `healthy-${String(i).padStart(2, '0')}`);
    for (const id of [...orgs, 'hanging-00'])
      await registerOrganisation(rt.deps, { principal: admin }, { id, name: id, kind: 'agency', country: 'GBR' });
    const officer = (orgId: string) => ({
      principal: { sub: `${orgId}-o`, orgId, orgKind: 'agency' as const, country: 'GBR', roles: ['officer' as const] },
    });
    for (const [i, id] of orgs.entries()) await setWebhook(rt.deps, officer(id), { url: healthyUrls[i]! });
    await setWebhook(rt.deps, officer('hanging-00'), { url: hangingUrl });

    const run = async (label: string, audience: string[]) => {
      const start = received.n;
      const want = EVENTS * HEALTHY;
      const events: EventDraft[] = Array.from({ length: EVENTS }, (_, i) => ({
        type: 'contacts.updated',
        subject: { type: 'bench', id: `${label}-${i}` },
        audience,
        data: { i },
      }));
      const t0 = performance.now();
      for (let i = 0; i < events.length; i += 20) await emit(rt.deps, events.slice(i, i + 20), label);
      const deadline = t0 + 120_000;
      while (received.n - start < want && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const s = (performance.now() - t0) / 1000;
      const got = received.n - start;
      const rate = got / s;
      out(`${label.padEnd(34)} ${got}/${want} healthy notifications in ${s.toFixed(2)} s: ${Math.round(rate)} notifications/s`);
      return rate;
    };

    out(`\nIsolation: ${EVENTS} events, each to ${HEALTHY} healthy webhook receivers (local workers; webhook timeout ${TIMEOUT_MS} ms)\n`);
    await run('warm-up (not counted)', orgs);
    const none = await run('no hanging receiver', orgs);
    const one = await run('one hanging receiver among them', [...orgs, 'hanging-00']);
    const ratio = one / none;
    out(`ratio (one hanging / none): ${ratio.toFixed(2)}× (target ≥ 0.90×)${ratio >= 0.9 ? '' : '  BELOW TARGET'}`);
  } finally {
    await rt.stop();
    for (const h of healthy) h.close();
    hanging.closeAllConnections();
    hanging.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await isolationBench();
