/**
 * The crash suite, paging: the runtime stops dead while it sends a page, and the SMTP server
 * drops the connection in the middle of a delivery (after the message's data, before its answer).
 * A second runtime on the same table and queues takes over. Every page goes out at least once,
 * always under its one page id and attempt (the same Message-ID), and nothing goes out for a
 * country that acknowledged while the runtime was down. Bounded waits only (a page held by the
 * dead runtime comes back after the pages queue's 30 s visibility timeout).
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import {
  type ContactMethod,
  createWorkspace,
  type EventDraft,
  type Incident,
  invite,
  type MailMessage,
  type MailSender,
  PAGER_ACTOR,
  type PersonPage,
  raiseIncident,
  registerOrganisation,
  respondToInvitation,
  runCommand,
  setCountryContacts,
  systemCommand,
  type Write,
} from '@taskforce/core';
import { principal } from '@taskforce/core/testing';
import { type Runtime, type RuntimeOptions, startRuntime } from '@taskforce/local';
import { SmtpMailSender } from '@taskforce/messaging/channels';
import { afterAll, describe, expect, inject, it } from 'vitest';

const tableName = `crash-pages-${randomUUID().slice(0, 8)}`;
const runtimes: Runtime[] = [];
const servers: Server[] = [];
const start = async (extra: Partial<RuntimeOptions> = {}) => {
  const rt = await startRuntime({
    dynamoEndpoint: inject('dynamoEndpoint'),
    sqsEndpoint: inject('sqsEndpoint'),
    tableName,
    sweepEveryMs: false,
    workers: false,
    logger: { info() {}, warn() {}, error() {} },
    ...extra,
  });
  runtimes.push(rt);
  return rt;
};
afterAll(async () => {
  for (const s of servers) s.close();
  for (const rt of runtimes) await rt.stop().catch(() => undefined);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An SMTP relay to `port` that, on its first connection, forwards the message's data and then
 * drops both sides before the server's answer reaches the client: the server may have the
 * message, the client hears nothing. Later connections pass through.
 */
const flakySmtp = (port: number): Promise<number> =>
  new Promise((resolve) => {
    let first = true;
    const s = createServer((client: Socket) => {
      const dropAfterData = first;
      first = false;
      const upstream = connect(port, '127.0.0.1');
      // Once the message's data is through, the server's answer never reaches the sender: it takes
      // the message (maildev may keep it) but the sender sees the connection die, whatever the timing.
      let cut = false;
      upstream.on('data', (d) => {
        if (!cut) client.write(d);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      client.on('data', (d) => {
        upstream.write(d);
        if (dropAfterData && d.toString().includes('\r\n.\r\n')) {
          cut = true;
          setTimeout(() => {
            client.destroy();
            upstream.destroy();
          }, 50);
        }
      });
    });
    servers.push(s);
    s.listen(0, '127.0.0.1', () => resolve((s.address() as { port: number }).port));
  });

const method = (address: string): ContactMethod => ({
  id: 'm1',
  kind: 'email',
  address,
  status: 'verified',
  createdAt: new Date().toISOString(),
  sends: [],
});

const write = (rt: Runtime, writes: Write[], events: EventDraft[] = []) =>
  runCommand(rt.deps, {
    chainId: 'crash',
    actor: PAGER_ACTOR,
    refs: [],
    authorize: systemCommand,
    decide: () => ({ writes, events, audit: { action: 'test.setup', target: { type: 'test', id: 'pages' }, markings: [] }, result: null }),
  });

describe('paging through a crash', () => {
  it('sends every page at least once under one page id after the runtime and the SMTP server die mid-page, and none after acknowledgement', async () => {
    const rt1 = await start();
    const admin = principal('platform', 'ZZZ', ['admin'], 'international');
    for (const [id, country] of [
      ['vnm-a05', 'VNM'],
      ['tha-ccib', 'THA'],
    ] as const)
      await registerOrganisation(rt1.deps, { principal: admin }, { id, name: id, kind: 'agency', country });
    const point = { orgId: 'tha-ccib', people: [], channels: [] };
    await setCountryContacts(
      rt1.deps,
      { principal: principal('tha-ccib', 'THA', ['officer', 'duty_contact']) },
      'THA',
      { duty: point, backup: point, nationalLead: point },
      undefined,
    );
    const lead = principal('vnm-a05', 'VNM');
    const ws = (await createWorkspace(rt1.deps, { principal: lead }, { title: 'Op Crash', legalBasis: { code: 'UNCC', text: 'art. 41' } }))
      .result;
    await invite(rt1.deps, { principal: lead }, ws.id, { orgId: 'tha-ccib', role: 'member' });
    await respondToInvitation(rt1.deps, { principal: principal('tha-ccib', 'THA') }, ws.id, 'tha-ccib', 'accepted');

    // Three incidents, one page each: A meets the dropping SMTP server, B the runtime's death, C an acknowledgement.
    const cases = ['a', 'b', 'c'] as const;
    const incidents: Record<string, Incident> = {};
    const pages: Record<string, PersonPage> = {};
    for (const k of cases) {
      const inc = (
        await raiseIncident(rt1.deps, { principal: lead }, ws.id, { severity: 'critical', type: 'fraud', summary: k, countries: ['THA'] })
      ).result;
      incidents[k] = inc;
      pages[k] = {
        workspaceId: ws.id,
        incidentId: inc.id,
        id: `pg-crash-${k}`,
        country: 'THA',
        step: 0,
        level: 1,
        round: 1,
        sub: `duty-${k}`,
        orgId: 'tha-ccib',
        reason: 'on_call',
        createdAt: inc.raisedAt,
        expiresAt: inc.alerts[0]!.nextEscalationAt!,
        status: 'queued',
        attempts: [],
        version: 1,
      };
      await write(
        rt1,
        [
          { op: 'put', record: { kind: 'page', value: pages[k] }, expect: 'absent' },
          {
            op: 'put',
            record: {
              kind: 'contactMethods',
              value: { sub: `duty-${k}`, orgId: 'tha-ccib', methods: [method(`${k}@tha.example`)], sends: [], version: 1 },
            },
            expect: 'absent',
          },
        ],
        [
          {
            type: 'incident.paged',
            workspaceId: ws.id,
            subject: { type: 'incident', id: inc.id },
            audience: [],
            data: { incidentId: inc.id, country: 'THA', level: 1, round: 1, pageIds: [pages[k].id] },
          },
        ],
      );
    }
    const read = (rt: Runtime, k: string) =>
      rt.deps.store.get({ kind: 'page', workspaceId: ws.id, incidentId: incidents[k]!.id, id: pages[k]!.id });

    // The first runtime: A through an SMTP server that drops mid-delivery, B into a send that never ends, C not reached yet.
    const smtpPort = Number(new URL(rt1.channels!.smtp).port);
    const flaky = new SmtpMailSender({
      host: '127.0.0.1',
      port: await flakySmtp(smtpPort),
      from: 'crash@taskforce.localhost',
      local: true,
      timeoutMs: 2_000,
    });
    const hang = new Promise<never>(() => undefined);
    const first: MailSender = {
      send: (m) => (m.to.startsWith('a@') ? flaky.send(m) : m.to.startsWith('b@') ? hang : hang),
    };
    rt1.deps.mail = first;
    void rt1.pump().catch(() => undefined);
    for (let i = 0; i < 100 && (await read(rt1, 'b'))?.status !== 'sending'; i++) await sleep(100);
    expect((await read(rt1, 'b'))?.status).toBe('sending');
    for (let i = 0; i < 100 && !(await read(rt1, 'a'))?.attempts[0]?.reason; i++) await sleep(100);
    expect((await read(rt1, 'a'))?.attempts[0]).toMatchObject({ n: 1, status: 'sending', reason: expect.stringContaining('unavailable') });
    // The runtime dies with B's message in hand; while it is down Thailand acknowledges incident C.
    await rt1.stop();
    const c = (await rt1.deps.store.get({ kind: 'incident', workspaceId: ws.id, id: incidents.c!.id }))!;
    await write(rt1, [
      {
        op: 'put',
        record: {
          kind: 'incident',
          value: { ...c, alerts: c.alerts.map((a) => ({ ...a, status: 'acknowledged' as const })), version: c.version + 1 },
        },
        expect: c.version,
      },
    ]);

    // A second runtime on the same table and queues takes over, sending through its own maildev; every send is counted.
    const rt2 = await start();
    const sent: MailMessage[] = [];
    const real = rt2.deps.mail!;
    rt2.deps.mail = {
      send: (m) => {
        sent.push(m);
        return real.send(m);
      },
    };
    const done = async () =>
      (await read(rt2, 'a'))?.status === 'sent' &&
      (await read(rt2, 'b'))?.status === 'sent' &&
      (await read(rt2, 'c'))?.status === 'stopped';
    for (let i = 0; i < 90 && !(await done()); i++) {
      await rt2.pump();
      await sleep(1_000);
    }
    expect(await done()).toBe(true);
    // Each page went out again as its attempt 1 (the same Message-ID), nothing under another id, nothing for C.
    expect(sent.map((m) => m.messageId).sort()).toEqual(['<pg-crash-a.1@taskforce.localhost>', '<pg-crash-b.1@taskforce.localhost>']);
    const mails = (await (await fetch(rt2.channels!.mailApi)).json()) as { to: { address: string }[]; headers: Record<string, string> }[];
    expect(mails.map((m) => m.to[0]!.address).sort()).toEqual(['a@tha.example', 'b@tha.example']);
    const a = (await read(rt2, 'a'))!;
    expect(a.attempts.map((x) => [x.n, x.status])).toEqual([
      [1, 'failed'],
      [1, 'sent'],
    ]);
    // C's attempt was under way when the runtime died and Thailand acknowledged: it is closed, never sent again.
    expect((await read(rt2, 'c'))!.attempts.map((x) => [x.n, x.status])).toEqual([[1, 'failed']]);
  }, 150_000);
});
