/**
 * Pages through the local runtime, end to end on its own engines and channels: a level's pages
 * and their `incident.paged` event are written as the ladder writes them; the relay, fan-out and
 * pager send each page through the person's verified methods (maildev over SMTP, the SMS sink);
 * the sink's status for a number of the failing range comes back over the status queue and the
 * page moves to the next method.
 */
import { randomUUID } from 'node:crypto';
import {
  type ContactMethod,
  createWorkspace,
  type EventDraft,
  invite,
  ManualClock,
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
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Runtime, startRuntime } from '../src/runtime';

let rt: Runtime;
const clock = new ManualClock(new Date());

beforeAll(async () => {
  rt = await startRuntime({
    dynamoEndpoint: inject('dynamoEndpoint'),
    sqsEndpoint: inject('sqsEndpoint'),
    tableName: `pager-${randomUUID().slice(0, 8)}`,
    clock,
    sweepEveryMs: false,
    workers: false,
    logger: { info() {}, warn() {}, error() {} },
  });
});
afterAll(async () => {
  await rt?.stop();
});

const method = (id: string, kind: 'email' | 'phone', address: string): ContactMethod => ({
  id,
  kind,
  address,
  status: 'verified',
  createdAt: clock.now().toISOString(),
  sends: [],
});

const write = (writes: Write[], events: EventDraft[] = []) =>
  runCommand(rt.deps, {
    chainId: 'pager-test',
    actor: PAGER_ACTOR,
    refs: [],
    authorize: systemCommand,
    decide: () => ({
      writes,
      events,
      audit: { action: 'test.setup', target: { type: 'test', id: 'pages' }, markings: [] },
      result: null,
    }),
  });

interface MaildevMail {
  subject: string;
  text: string;
  headers: Record<string, string>;
  to: { address: string }[];
}

/** Pumps the workers until `done` holds (the sink reports statuses a moment after it takes an SMS). */
const pumpUntil = async (done: () => Promise<boolean>) => {
  for (let i = 0; i < 50; i++) {
    await rt.pump();
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the pages did not go out');
};

describe('the pager in the local runtime', () => {
  it('sends each page through maildev and the SMS sink, and fails over when the sink reports a number unreachable', async () => {
    const admin = principal('platform', 'ZZZ', ['admin'], 'international');
    for (const [id, country] of [
      ['vnm-a05', 'VNM'],
      ['tha-ccib', 'THA'],
    ] as const)
      await registerOrganisation(rt.deps, { principal: admin }, { id, name: id, kind: 'agency', country });
    const point = { orgId: 'tha-ccib', people: [], channels: [] };
    await setCountryContacts(
      rt.deps,
      { principal: principal('tha-ccib', 'THA', ['officer', 'duty_contact']) },
      'THA',
      {
        duty: point,
        backup: point,
        nationalLead: point,
      },
      undefined,
    );
    const lead = principal('vnm-a05', 'VNM');
    const ws = (await createWorkspace(rt.deps, { principal: lead }, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } }))
      .result;
    await invite(rt.deps, { principal: lead }, ws.id, { orgId: 'tha-ccib', role: 'member' });
    await respondToInvitation(rt.deps, { principal: principal('tha-ccib', 'THA') }, ws.id, 'tha-ccib', 'accepted');
    const inc = (
      await raiseIncident(rt.deps, { principal: lead }, ws.id, {
        severity: 'critical',
        type: 'ransomware',
        summary: 'Port authority encrypted',
        countries: ['THA'],
      })
    ).result;
    await rt.pump();

    const page = (id: string, sub: string): PersonPage => ({
      workspaceId: ws.id,
      incidentId: inc.id,
      id,
      country: 'THA',
      step: 0,
      level: 1,
      round: 1,
      sub,
      orgId: 'tha-ccib',
      reason: 'team',
      createdAt: inc.raisedAt,
      expiresAt: new Date(Date.parse(inc.raisedAt) + 15 * 60_000).toISOString(),
      status: 'queued',
      attempts: [],
      version: 1,
    });
    const people = [
      // The first person's phone is in the sink's failing range: the page moves on to their e-mail.
      {
        sub: 'tha-duty-1',
        page: page('pg-aaa1', 'tha-duty-1'),
        methods: [method('m1', 'phone', '+12025550142'), method('m2', 'email', 'duty1@tha.example')],
      },
      { sub: 'tha-duty-2', page: page('pg-aaa2', 'tha-duty-2'), methods: [method('m1', 'phone', '+66812345678')] },
    ];
    await write(
      people.flatMap((p): Write[] => [
        { op: 'put', record: { kind: 'page', value: p.page }, expect: 'absent' },
        {
          op: 'put',
          record: { kind: 'contactMethods', value: { sub: p.sub, orgId: 'tha-ccib', methods: p.methods, sends: [], version: 1 } },
          expect: 'absent',
        },
      ]),
      [
        {
          type: 'incident.paged',
          workspaceId: ws.id,
          subject: { type: 'incident', id: inc.id },
          audience: [],
          data: { incidentId: inc.id, country: 'THA', level: 1, round: 1, pageIds: people.map((p) => p.page.id) },
        },
      ],
    );

    const read = (id: string) => rt.deps.store.get({ kind: 'page', workspaceId: ws.id, incidentId: inc.id, id });
    await pumpUntil(async () => (await read('pg-aaa1'))?.status === 'sent' && (await read('pg-aaa2'))?.status === 'delivered');

    const first = (await read('pg-aaa1'))!;
    expect(first.attempts.map((a) => [a.n, a.channel, a.status])).toEqual([
      [1, 'sms', 'failed'],
      [2, 'email', 'sent'],
    ]);
    expect(first.attempts[0]!.reason).toBe('SMS unreachable');
    const mails = (await (await fetch(rt.channels!.mailApi)).json()) as MaildevMail[];
    const mail = mails.find((m) => m.to.some((t) => t.address === 'duty1@tha.example'))!;
    expect(mail.headers['message-id']).toContain('pg-aaa1.2@taskforce.localhost');
    expect(mail.text).toContain(`${rt.url}/ack/${ws.id}.${inc.id}.pg-aaa1.`);
    expect(mail.text).not.toContain('Port authority');
    const sms = rt.channels!.sink.list().sort((a, b) => a.to.localeCompare(b.to));
    expect(sms.map((m) => [m.to, m.ref, m.status])).toEqual([
      ['+12025550142', 'pg-aaa1.1', 'TEXT_UNREACHABLE'],
      ['+66812345678', 'pg-aaa2.1', 'TEXT_DELIVERED'],
    ]);
    expect((await read('pg-aaa2'))!.attempts).toMatchObject([{ n: 1, channel: 'sms', status: 'delivered', messageId: sms[1]!.messageId }]);
  });
});
