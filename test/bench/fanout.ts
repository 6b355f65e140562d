/**
 * Fan-out figures: SQS requests per event by number of recipients, notifications per second
 * from outbox to inbox on the local engines, and the delay from an acknowledgement deadline
 * to its escalation with the sweep ticking. Figures, not assertions, except that the request
 * counts must be ⌈n/10⌉ (that one is a property of the code, not of the machine).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Clock,
  createWorkspace,
  type EventDraft,
  invite,
  type KernelDeps,
  type Organisation,
  raiseIncident,
  registerOrganisation,
  respondToInvitation,
  runCommand,
  SYSTEM_ACTOR,
  setCountryContacts,
  setWebhook,
  systemCommand,
} from '@taskforce/core';
import { startRuntime } from '@taskforce/local';
import { createDeliveryHandler, createFanoutHandler, drainQueue, relayOutbox } from '@taskforce/messaging';

const quiet = { info() {}, warn() {}, error() {} };
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const out = (s: string) => process.stdout.write(`${s}\n`);

const seedOrgs = async (deps: KernelDeps, orgs: Organisation[]) => {
  for (let i = 0; i < orgs.length; i += 50)
    await runCommand(deps, {
      chainId: 'platform',
      actor: SYSTEM_ACTOR,
      refs: [],
      authorize: systemCommand,
      decide: () => ({
        writes: orgs
          .slice(i, i + 50)
          .map((value) => ({ op: 'put' as const, record: { kind: 'organisation' as const, value }, expect: 'absent' as const })),
        audit: { action: 'bench.seed', target: { type: 'bench', id: 'orgs' }, markings: [] },
        result: null,
      }),
    });
};
/** Commits events as the platform, with nothing else written: how the benches feed the outbox. */
export const emit = (deps: KernelDeps, events: EventDraft[], label = 'events') =>
  runCommand(deps, {
    chainId: 'platform',
    actor: SYSTEM_ACTOR,
    refs: [],
    authorize: systemCommand,
    decide: () => ({
      writes: [],
      audit: { action: 'bench.emit', target: { type: 'bench', id: label }, markings: [] },
      events,
      result: null,
    }),
  });

export async function fanoutBench(): Promise<void> {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: 'bench-fanout' });
  try {
    const sqsCalls = new Map<string, number>();
    rt.messaging.sqs.middlewareStack.add(
      (next, context) => async (args) => {
        const op = String(context.commandName).replace(/Command$/, '');
        sqsCalls.set(op, (sqsCalls.get(op) ?? 0) + 1);
        return next(args);
      },
      { step: 'initialize', name: 'benchSqsCounter' },
    );
    const at = rt.deps.clock.now().toISOString();
    const orgs: Organisation[] = Array.from({ length: 100 }, (_, i) => ({
      id: `partner-${String(i).padStart(3, '0')}`,
      name: `Partner ${i}`,
      kind: 'agency',
      country: 'GBR',
      createdAt: at,
      version: 1,
    }));
    const INBOX_ONLY = new Set(orgs.slice(10, 20).map((o) => o.id));
    const fanout = createFanoutHandler(rt.messaging);
    const delivery = createDeliveryHandler(rt.messaging);
    await seedOrgs(rt.deps, orgs);
    // A webhook receiver on this machine.
    const received = { n: 0 };
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.n++;
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    // Every partner but the ten the end-to-end run uses for "inbox only" has a webhook: fan-out
    // puts a post on the delivery queue for each recipient with one (the inbox is written directly).
    const hooked = (o: Organisation) => !INBOX_ONLY.has(o.id);
    for (const o of orgs.filter(hooked))
      await setWebhook(
        rt.deps,
        { principal: { sub: 'bench', orgId: o.id, orgKind: 'agency', country: 'GBR', roles: ['officer'] } },
        { url: hookUrl },
      );
    await rt.pump();

    out('\nFan-out: one event to n recipients (relay → fan-out → inboxes; webhook posts onto the delivery queue)\n');
    out(
      `${'recipients'.padStart(10)}  ${'relay SendMessageBatch'.padStart(22)}  ${'fan-out SendMessageBatch'.padStart(24)}  expected ⌈w/10⌉ (w with a webhook)  DynamoDB requests (fan-out)`,
    );
    let wrong = false;
    for (const n of [1, 9, 10, 11, 40, 100]) {
      await emit(rt.deps, [
        { type: 'contacts.updated', subject: { type: 'bench', id: `n${n}` }, audience: orgs.slice(0, n).map((o) => o.id), data: {} },
      ]);
      sqsCalls.clear();
      await relayOutbox(rt.messaging);
      const relayCalls = sqsCalls.get('SendMessageBatch') ?? 0;
      sqsCalls.clear();
      rt.counter.reset();
      await drainQueue(rt.messaging.sqs, rt.queues.events.url, fanout);
      const fanCalls = sqsCalls.get('SendMessageBatch') ?? 0;
      const dynamo = Object.entries(rt.counter.snapshot())
        .map(([o, c]) => `${c} ${o}`)
        .join(' + ');
      const expected = Math.ceil(orgs.slice(0, n).filter(hooked).length / 10);
      if (fanCalls !== expected) wrong = true;
      out(
        `${String(n).padStart(10)}  ${String(relayCalls).padStart(22)}  ${String(fanCalls).padStart(24)}  ${String(expected).padStart(33)}  ${dynamo}`,
      );
      await drainQueue(rt.messaging.sqs, rt.queues.delivery.url, delivery);
    }
    if (wrong) {
      out('FAIL: fan-out did not put the w webhook posts of n recipients on the delivery queue in ⌈w/10⌉ calls');
      process.exitCode = 1;
    }

    await rt.pump();
    out('\nEnd to end on the local engines (outbox → relay → fan-out → delivery → inbox; sequential, one worker each)\n');
    for (const [events, perEvent, label] of [
      [200, 10, 'inbox only'],
      [200, 10, 'inbox + signed webhook'],
    ] as const) {
      const audience = (label === 'inbox only' ? orgs.slice(10, 10 + perEvent) : orgs.slice(0, perEvent)).map((o) => o.id);
      for (let i = 0; i < events; i += 20)
        await emit(
          rt.deps,
          Array.from({ length: 20 }, (_, j) => ({
            type: 'contacts.updated' as const,
            subject: { type: 'bench', id: `e${i + j}` },
            audience,
            data: { i: i + j },
          })),
        );
      const t0 = performance.now();
      const r = await rt.pump();
      const s = (performance.now() - t0) / 1000;
      out(
        `${label.padEnd(24)} ${events} events × ${perEvent} recipients = ${events * perEvent} notifications (${r.deliveries} webhook posts) in ${s.toFixed(2)} s: ${Math.round((events * perEvent) / s)} notifications/s`,
      );
    }
    server.close();
  } finally {
    await rt.stop();
  }
  await escalationDelayBench();
}

/** A clock on real time that can be moved ahead, so a 15-minute deadline comes due in a second. */
class OffsetClock implements Clock {
  offset = 0;
  now() {
    return new Date(Date.now() + this.offset);
  }
}

async function escalationDelayBench(): Promise<void> {
  const clock = new OffsetClock();
  const sweepMs = 1000;
  const rt = await startRuntime({
    inMemory: true,
    clock,
    sweepEveryMs: sweepMs,
    relayEveryMs: 200,
    logger: quiet,
    tableName: 'bench-ladder',
  });
  try {
    const admin = { sub: 'a', orgId: 'platform', orgKind: 'international' as const, country: 'ZZZ', roles: ['admin' as const] };
    for (const [id, country] of [
      ['vnm-a05', 'VNM'],
      ['tha-ccib', 'THA'],
      ['tha-dsi', 'THA'],
      ['tha-rtp', 'THA'],
    ] as const)
      await registerOrganisation(rt.deps, { principal: admin }, { id, name: id, kind: 'agency', country });
    const officer = (orgId: string, country: string) => ({
      sub: `${orgId}-o`,
      orgId,
      orgKind: 'agency' as const,
      country,
      roles: ['officer' as const, 'duty_contact' as const],
    });
    await setCountryContacts(
      rt.deps,
      { principal: officer('tha-ccib', 'THA') },
      'THA',
      {
        duty: { orgId: 'tha-ccib', people: [], channels: [] },
        backup: { orgId: 'tha-dsi', people: [], channels: [] },
        nationalLead: { orgId: 'tha-rtp', people: [], channels: [] },
      },
      undefined,
    );
    const lead = officer('vnm-a05', 'VNM');
    const ws = (await createWorkspace(rt.deps, { principal: lead }, { title: 'Bench', legalBasis: { code: 'UNCC', text: 'bench' } }))
      .result;
    for (const id of ['tha-ccib', 'tha-dsi', 'tha-rtp']) {
      await invite(rt.deps, { principal: lead }, ws.id, { orgId: id, role: 'member' });
      await respondToInvitation(rt.deps, { principal: officer(id, 'THA') }, ws.id, id, 'accepted');
    }
    // 30 incidents raised 100 ms apart; then time jumps so their level-2 deadlines fall over the next three seconds.
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      ids.push(
        (
          await raiseIncident(rt.deps, { principal: lead }, ws.id, {
            severity: 'critical',
            type: 'ddos',
            summary: 'bench',
            countries: ['THA'],
          })
        ).result.id,
      );
      await new Promise((r) => setTimeout(r, 100));
    }
    clock.offset += 15 * 60_000 - 3_000;
    await new Promise((r) => setTimeout(r, 3_000 + 2 * sweepMs + 1500));
    const delays: number[] = [];
    const toInbox: number[] = [];
    const inbox = (await rt.deps.alerts!.listNotifications('tha-dsi', { limit: 100 })).items;
    for (const id of ids) {
      const inc = await rt.deps.store.get({ kind: 'incident', workspaceId: ws.id, id });
      const esc = inc?.timeline.find((e) => e.what === 'escalated');
      if (!inc || !esc) continue;
      const due = new Date(inc.raisedAt).getTime() + 15 * 60_000;
      delays.push(new Date(esc.at).getTime() - due);
      const n = inbox.find((x) => x.subject.id === id && x.type === 'incident.escalated');
      if (n) toInbox.push(new Date(n.receivedAt).getTime() - due);
    }
    out(
      `\nAcknowledgement deadline → escalation (local runtime, sweep every ${sweepMs} ms, relay every 200 ms, ${ids.length} incidents)\n`,
    );
    out(`escalations fired        ${delays.length}/${ids.length}, each once`);
    out(`deadline → escalated     p50 ${pct(delays, 50)} ms   p99 ${pct(delays, 99)} ms   max ${Math.max(...delays)} ms`);
    out(`deadline → backup inbox  p50 ${pct(toInbox, 50)} ms   p99 ${pct(toInbox, 99)} ms   (${toInbox.length} delivered)`);
    out('The wait for the next sweep bounds the delay: on AWS the sweep runs every minute, so expect up to 60 s plus these milliseconds.');
  } finally {
    await rt.stop();
  }
}
