/**
 * pnpm bench (paging): how fast a page reaches a person on the local runtime, its workers
 * running as `pnpm start` runs them (the relay every second, the pages consumer long-polling):
 * incident raised → e-mail received by the local SMTP server (maildev) and → SMS taken by the
 * sink, p50/p99 over BENCH_PAGING_N incidents (default 100), one after another; then how late a
 * level-2 escalation fires after its deadline, p99, with the local sweep ticking every 5 s (its
 * default). Figures, not assertions.
 *
 * Each incident's level-1 pages (one person reached by e-mail, one by SMS) are written with their
 * `incident.paged` event right after the raise, as the ladder's own transaction writes them.
 * Run alone with `tsx test/bench/paging.ts`.
 */
import {
  type ContactMethod,
  createWorkspace,
  invite,
  PAGER_ACTOR,
  type PersonPage,
  raiseIncident,
  registerOrganisation,
  respondToInvitation,
  runCommand,
  setCountryContacts,
  setIncidentSettings,
  systemCommand,
  type Write,
} from '@taskforce/core';
import { principal } from '@taskforce/core/testing';
import { startRuntime } from '@taskforce/local';

const N = Number(process.env.BENCH_PAGING_N ?? 100);
const ESCALATIONS = Number(process.env.BENCH_PAGING_ESCALATIONS ?? 30);
const quiet = { info() {}, warn() {}, error() {} };
const out = (s: string) => process.stdout.write(`${s}\n`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const verified = (id: string, kind: 'email' | 'phone', address: string): ContactMethod => ({
  id,
  kind,
  address,
  status: 'verified',
  createdAt: new Date().toISOString(),
  sends: [],
});

export async function pagingBench(): Promise<void> {
  const rt = await startRuntime({ inMemory: true, logger: quiet, tableName: 'bench-paging', sweepEveryMs: 5_000 });
  try {
    const deps = rt.deps;
    const admin = principal('platform', 'ZZZ', ['admin'], 'international');
    for (const [id, country] of [
      ['vnm-a05', 'VNM'],
      ['tha-ccib', 'THA'],
    ] as const)
      await registerOrganisation(deps, { principal: admin }, { id, name: id, kind: 'agency', country });
    const point = { orgId: 'tha-ccib', people: [], channels: [] };
    await setCountryContacts(
      deps,
      { principal: principal('tha-ccib', 'THA', ['officer', 'duty_contact']) },
      'THA',
      { duty: point, backup: point, nationalLead: point },
      undefined,
    );
    const lead = principal('vnm-a05', 'VNM');
    const ws = (await createWorkspace(deps, { principal: lead }, { title: 'Bench', legalBasis: { code: 'UNCC', text: 'bench' } })).result;
    await invite(deps, { principal: lead }, ws.id, { orgId: 'tha-ccib', role: 'member' });
    await respondToInvitation(deps, { principal: principal('tha-ccib', 'THA') }, ws.id, 'tha-ccib', 'accepted');
    const people = [
      { sub: 'duty-mail', methods: [verified('m1', 'email', 'duty@tha.example')] },
      { sub: 'duty-sms', methods: [verified('m1', 'phone', '+66812345678')] },
    ];
    await runCommand(deps, {
      chainId: 'bench',
      actor: PAGER_ACTOR,
      refs: [],
      authorize: systemCommand,
      decide: () => ({
        writes: people.map(
          (p): Write => ({
            op: 'put',
            record: { kind: 'contactMethods', value: { sub: p.sub, orgId: 'tha-ccib', methods: p.methods, sends: [], version: 1 } },
            expect: 'absent',
          }),
        ),
        audit: { action: 'contact_method.verified', target: { type: 'person', id: 'bench' }, markings: [] },
        result: null,
      }),
    });

    // The SMS sink tells its status of each message it takes: when it took it.
    const sink = rt.channels!.sink;
    const smsAt = new Map<string, number>();
    const report = sink.onStatus;
    sink.onStatus = (e) => {
      const ref = e.context?.ref;
      if (ref) smsAt.set(ref.replace(/\.\d+$/, ''), performance.now());
      report?.(e);
    };
    const mailSeen = async (pageId: string): Promise<boolean> => {
      const mails = (await (await fetch(rt.channels!.mailApi)).json()) as { headers: Record<string, string> }[];
      return mails.some((m) => String(m.headers['message-id']).includes(`${pageId}.1@`));
    };

    const mailMs: number[] = [];
    const smsMs: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const inc = (
        await raiseIncident(deps, { principal: lead }, ws.id, {
          severity: 'critical',
          type: 'ransomware',
          summary: `bench ${i}`,
          countries: ['THA'],
        })
      ).result;
      const pages = people.map(
        (p, k): PersonPage => ({
          workspaceId: ws.id,
          incidentId: inc.id,
          id: `pg-${i}-${k}`,
          country: 'THA',
          step: 0,
          level: 1,
          round: 1,
          sub: p.sub,
          orgId: 'tha-ccib',
          reason: 'on_call',
          createdAt: inc.raisedAt,
          expiresAt: inc.alerts[0]!.nextEscalationAt!,
          status: 'queued',
          attempts: [],
          version: 1,
        }),
      );
      await runCommand(deps, {
        chainId: ws.id,
        actor: PAGER_ACTOR,
        refs: [],
        authorize: systemCommand,
        decide: () => ({
          writes: pages.map((p): Write => ({ op: 'put', record: { kind: 'page', value: p }, expect: 'absent' })),
          events: [
            {
              type: 'incident.paged',
              workspaceId: ws.id,
              subject: { type: 'incident', id: inc.id },
              audience: [],
              data: { incidentId: inc.id, country: 'THA', level: 1, round: 1, pageIds: pages.map((p) => p.id) },
            },
          ],
          audit: { action: 'incident.escalated', target: { type: 'incident', id: inc.id }, markings: [inc.marking] },
          result: null,
        }),
      });
      let mailAt: number | undefined;
      for (const deadline = performance.now() + 30_000; performance.now() < deadline; ) {
        if (mailAt === undefined && (await mailSeen(pages[0]!.id))) mailAt = performance.now();
        if (mailAt !== undefined && smsAt.has(pages[1]!.id)) break;
        await sleep(10);
      }
      if (mailAt === undefined || !smsAt.has(pages[1]!.id)) throw new Error(`incident ${i}: the pages did not arrive within 30 s`);
      mailMs.push(mailAt - t0);
      smsMs.push(smsAt.get(pages[1]!.id)! - t0);
    }
    out(`\npaging: incident raised → page received, ${N} incidents one after another (local runtime, relay every 1 s)`);
    out('  channel                   p50 ms   p95 ms   p99 ms   max ms');
    for (const [name, xs] of [
      ['e-mail (maildev SMTP)', mailMs],
      ['SMS (the sink)', smsMs],
    ] as const)
      out(
        `  ${name.padEnd(24)} ${[pct(xs, 50), pct(xs, 95), pct(xs, 99), Math.max(...xs)].map((x) => x.toFixed(0).padStart(7)).join('  ')}`,
      );

    // Escalation precision: level 2 of incidents raised over ~20 s, each with the shortest deadline (1 min).
    await setIncidentSettings(deps, { principal: lead }, ws.id, { ackDeadlines: { critical: 'PT1M' }, repeats: 0 }, undefined);
    const raised: { id: string; due: string }[] = [];
    for (let i = 0; i < ESCALATIONS; i++) {
      const inc = (
        await raiseIncident(deps, { principal: lead }, ws.id, {
          severity: 'critical',
          type: 'ddos',
          summary: `esc ${i}`,
          countries: ['THA'],
        })
      ).result;
      raised.push({ id: inc.id, due: inc.alerts[0]!.nextEscalationAt! });
      await sleep(20_000 / ESCALATIONS);
    }
    const lateMs: number[] = [];
    for (const deadline = Date.now() + 120_000; Date.now() < deadline && lateMs.length < raised.length; ) {
      await sleep(1_000);
      lateMs.length = 0;
      for (const r of raised) {
        const inc = await deps.store.get({ kind: 'incident', workspaceId: ws.id, id: r.id });
        const fired = inc?.timeline.find((e) => e.what === 'escalated' && e.level === 2);
        if (fired) lateMs.push(Date.parse(fired.at) - Date.parse(r.due));
      }
    }
    out(`\npaging: how late level 2 fires after its deadline, ${lateMs.length} of ${raised.length} incidents (local sweep every 5 s)`);
    out(`  p50 ${pct(lateMs, 50).toFixed(0)} ms   p99 ${pct(lateMs, 99).toFixed(0)} ms   max ${Math.max(...lateMs).toFixed(0)} ms`);
  } finally {
    await rt.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await pagingBench();
