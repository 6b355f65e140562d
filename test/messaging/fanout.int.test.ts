import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { marshall } from '@aws-sdk/util-dynamodb';
import {
  type DomainEvent,
  type InboxNotification,
  markingFrom,
  type Organisation,
  raiseIncident,
  runCommand,
  SYSTEM_ACTOR,
  sweepDue,
  systemCommand,
  withoutAccess,
} from '@taskforce/core';
import { drainQueue, eventFromBody, relayOutbox, toSqsEvent } from '@taskforce/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentWorld } from '../support/incidents';
import { emit, withMessaging } from '../support/messaging';

type World = Awaited<ReturnType<typeof incidentWorld>>;
type Msg = Awaited<ReturnType<typeof withMessaging>>;

const inbox = async (m: Msg, orgId: string): Promise<InboxNotification[]> =>
  (await m.deps.alerts.listNotifications(orgId, { limit: 100 })).items;

describe('fan-out: outbox → recipients allowed by policy → delivery queue', () => {
  let w: World;
  let m: Msg;
  beforeAll(async () => {
    w = await incidentWorld();
    m = await withMessaging(w.t, w.deps.clock);
    // Registered partners for the call-count cases: 45 agencies outside any workspace.
    const orgs: Organisation[] = Array.from({ length: 45 }, (_, i) => ({
      id: `agency-${String(i).padStart(2, '0')}`,
      name: `Agency ${i}`,
      kind: 'agency',
      country: 'GBR',
      createdAt: w.deps.clock.now().toISOString(),
      version: 1,
    }));
    await runCommand(w.deps, {
      chainId: 'platform',
      actor: SYSTEM_ACTOR,
      refs: [],
      authorize: systemCommand,
      decide: () => ({
        writes: orgs.map((value) => ({ op: 'put' as const, record: { kind: 'organisation' as const, value }, expect: 'absent' as const })),
        audit: { action: 'test.seed', target: { type: 'test', id: 'orgs' }, markings: [] },
        result: null,
      }),
    });
    await m.pump(); // what the seeding emitted
  });
  afterAll(() => w.t.drop());

  it('writes every recipient its inbox item before the event counts as published, and queues nothing for recipients without a webhook', async () => {
    for (const n of [1, 9, 10, 11, 25, 45]) {
      const audience = Array.from({ length: n }, (_, i) => `agency-${String(i).padStart(2, '0')}`);
      w.deps.clock.advance(1000);
      await emit(w.deps, 'platform', [{ type: 'contacts.updated', subject: { type: 'test', id: `n${n}` }, audience, data: { n } }]);
      const relayed = await relayOutbox(m.deps);
      expect(relayed).toMatchObject({ relayed: 1, calls: 1 });
      m.sqsCounter.reset();
      m.fanoutStats.length = 0;
      await drainQueue(m.sqs, m.queues.events.url, m.fanout);
      expect(m.fanoutStats).toEqual([{ events: 1, duplicates: 0, notifications: n, withheld: 0, sqsCalls: 0 }]);
      expect(m.sqsCounter.get('SendMessageBatch')).toBe(0);
      // In the inboxes already, with no delivery run.
      expect((await inbox(m, audience[n - 1]!)).some((x) => x.subject.id === `n${n}`)).toBe(true);
      // Published: the next relay finds nothing.
      expect((await relayOutbox(m.deps)).relayed).toBe(0);
    }
    expect((await inbox(m, 'agency-44')).map((x) => x.data.n)).toEqual([45]);
    expect((await inbox(m, 'agency-00')).map((x) => x.data.n)).toEqual([1, 9, 10, 11, 25, 45]);
  });

  it('relays the outbox ten events to a call, and fans a batch of events out into the inboxes with no delivery message', async () => {
    for (let i = 0; i < 23; i++)
      await emit(w.deps, 'platform', [
        { type: 'contacts.updated', subject: { type: 'test', id: `b${i}` }, audience: ['agency-00', 'agency-01'], data: { i } },
      ]);
    const r = await relayOutbox(m.deps);
    expect(r).toEqual({ relayed: 23, failed: 0, calls: 3 });
    m.fanoutStats.length = 0;
    m.sqsCounter.reset();
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    const notifications = m.fanoutStats.reduce((a, s) => a + s.notifications, 0);
    expect(notifications).toBe(46);
    // Neither recipient has a webhook: the delivery queue carries nothing.
    expect(m.sqsCounter.get('SendMessageBatch')).toBe(0);
    expect((await inbox(m, 'agency-01')).filter((x) => x.subject.id.startsWith('b'))).toHaveLength(23);
  });

  it('notifies only recipients the evaluator allows, and each with no more than it may read', async () => {
    const ws = w.ws.id;
    const from = { orgId: 'vnm-a05', country: 'VNM' };
    const cases: { name: string; marking: DomainEvent['marking']; expect: string[]; addressees?: string[] }[] = [
      {
        name: 'amber-members',
        marking: markingFrom({ tlp: 'AMBER', releasableTo: 'members', caveats: [] }, from),
        expect: ['tha-ccib', 'usa-fbi', 'vnm-a05'],
      },
      {
        name: 'rel-to-tha',
        marking: markingFrom({ tlp: 'AMBER', releasableTo: ['THA'], caveats: [] }, from),
        expect: ['tha-ccib', 'vnm-a05'],
      },
      {
        name: 'red-named',
        marking: markingFrom({ tlp: 'RED', releasableTo: 'members', recipients: ['usa-fbi'], caveats: [] }, from),
        expect: ['usa-fbi', 'vnm-a05'],
      },
      {
        name: 'embargoed',
        marking: markingFrom({ tlp: 'GREEN', releasableTo: 'members', caveats: [], embargoUntil: '2030-01-01T00:00:00Z' }, from),
        expect: ['vnm-a05'],
      },
      {
        name: 'bank-not-addressee',
        marking: markingFrom({ tlp: 'GREEN', releasableTo: 'members', caveats: [] }, from),
        expect: ['tha-ccib', 'usa-fbi', 'vnm-a05'],
      },
      {
        name: 'bank-addressee',
        marking: markingFrom({ tlp: 'GREEN', releasableTo: 'members', caveats: [] }, from),
        addressees: ['mekong-bank'],
        expect: ['mekong-bank', 'tha-ccib', 'usa-fbi', 'vnm-a05'],
      },
      {
        name: 'bank-no-private',
        marking: markingFrom({ tlp: 'GREEN', releasableTo: 'members', caveats: ['NO-PRIVATE-SECTOR'] }, from),
        addressees: ['mekong-bank'],
        expect: ['tha-ccib', 'usa-fbi', 'vnm-a05'],
      },
    ];
    // gbr-nca is not a member; agency-00 is not a member; unknown-org is not registered.
    const audience = ['vnm-a05', 'tha-ccib', 'usa-fbi', 'gbr-nca', 'agency-00', 'mekong-bank', 'unknown-org'];
    // The cases with an addressee are about a data request to the bank; the others about an incident.
    for (const c of cases)
      await emit(w.deps, ws, [
        {
          type: c.addressees ? 'request.sent' : 'incident.raised',
          workspaceId: ws,
          subject: { type: c.addressees ? 'request' : 'incident', id: c.name },
          audience,
          marking: c.marking,
          ...(c.addressees ? { addressees: c.addressees } : {}),
          data: { summary: `secret ${c.name}`, status: 'sent', requestingAgency: from },
        },
      ]);
    await m.pump();
    for (const c of cases) {
      const got: string[] = [];
      for (const org of audience) if ((await inbox(m, org)).some((n) => n.subject.id === c.name)) got.push(org);
      expect(got.sort(), c.name).toEqual(c.expect);
    }
    const red = (await inbox(m, 'usa-fbi')).find((n) => n.subject.id === 'red-named')!;
    expect(red).toMatchObject({ recipient: 'usa-fbi', tlp: 'RED', actorOrgId: 'system', data: { summary: 'secret red-named' } });
    // The inbox keeps the full marking to ask the evaluator again on each read; nothing sent carries it.
    expect(red.access).toMatchObject({ marking: { releasableTo: 'members', recipients: ['usa-fbi'] }, addressee: false });
    expect(JSON.stringify(withoutAccess(red))).not.toContain('recipients');
    expect(JSON.stringify(withoutAccess(red))).not.toContain('releasableTo');
    // The bank receives the partner's form: the request and its requesting agency, nothing of the workspace.
    const bank = (await inbox(m, 'mekong-bank')).find((n) => n.subject.id === 'bank-addressee')!;
    expect(withoutAccess(bank)).toEqual({
      id: bank.id,
      eventId: bank.eventId,
      type: 'request.sent',
      at: bank.at,
      recipient: 'mekong-bank',
      subject: { type: 'request', id: 'bank-addressee' },
      requestingAgency: from,
      tlp: 'GREEN',
      caveats: [],
      data: { status: 'sent' },
      receivedAt: bank.receivedAt,
    });
    expect(bank.access).toMatchObject({ workspaceId: ws, addressee: true });
  });

  it('pages the contacts an incident escalation names, through the sweep, the outbox and fan-out', async () => {
    const inc = (
      await raiseIncident(w.deps, { principal: w.lead }, w.ws.id, {
        severity: 'critical',
        type: 'ddos',
        summary: 'Exchange under DDoS',
        countries: ['THA'],
      })
    ).result;
    await m.pump();
    expect((await inbox(m, 'tha-ccib')).filter((n) => n.subject.id === inc.id).map((n) => n.type)).toEqual(['incident.raised']);
    expect((await inbox(m, 'tha-dsi')).filter((n) => n.subject.id === inc.id)).toEqual([]);
    w.deps.clock.set(new Date(new Date(inc.raisedAt).getTime() + 15 * 60_000));
    await sweepDue(w.deps);
    await m.pump();
    const paged = (await inbox(m, 'tha-dsi')).filter((n) => n.subject.id === inc.id);
    expect(paged).toHaveLength(1);
    expect(paged[0]).toMatchObject({ type: 'incident.escalated', data: { level: 2, to: ['tha-dsi'], country: 'THA' }, tlp: 'AMBER' });
    // A non-member in the audience of nothing hears nothing.
    expect((await inbox(m, 'gbr-nca')).filter((n) => n.subject.id === inc.id)).toEqual([]);
  });

  it('loses nothing when the process dies between the store write and the send, and sends once after', async () => {
    await emit(w.deps, 'platform', [
      { type: 'contacts.updated', subject: { type: 'test', id: 'crash' }, audience: ['agency-02'], data: {} },
    ]);
    // Relay sent it, then the fan-out worker died before marking it published: the message is gone, the outbox is not.
    await relayOutbox(m.deps);
    const lost = await m.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: m.queues.events.url, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
    );
    expect(lost.Messages).toHaveLength(1);
    // Not relayed again while fan-out might still be working on it …
    expect((await relayOutbox(m.deps)).relayed).toBe(0);
    // … and relayed again once that window passed.
    w.deps.clock.advance(6 * 60_000);
    await m.pump();
    expect((await inbox(m, 'agency-02')).filter((n) => n.subject.id === 'crash')).toHaveLength(1);
  });

  it('deduplicates duplicated and reordered event messages, including the stream record form', async () => {
    await emit(w.deps, 'platform', [
      { type: 'contacts.updated', subject: { type: 'test', id: 'dup-1' }, audience: ['agency-03'], data: {} },
    ]);
    await emit(w.deps, 'platform', [
      { type: 'contacts.updated', subject: { type: 'test', id: 'dup-2' }, audience: ['agency-03'], data: {} },
    ]);
    const events = (await Promise.all([0, 1, 2, 3].map((s) => m.deps.alerts.unpublishedEvents(s, w.deps.clock.now(), 100)))).flat();
    expect(events).toHaveLength(2);
    const [a, b] = events as [DomainEvent, DomainEvent];
    const stream = (e: DomainEvent) =>
      JSON.stringify({
        eventName: 'INSERT',
        dynamodb: { NewImage: marshall({ pk: 'x', kind: 'event', data: e }, { removeUndefinedValues: true }) },
      });
    expect(eventFromBody(stream(a))?.id).toBe(a.id);
    for (const body of [JSON.stringify(b), stream(a), JSON.stringify(a), JSON.stringify(b), stream(b)])
      await m.sqs.send(new SendMessageCommand({ QueueUrl: m.queues.events.url, MessageBody: body }));
    m.fanoutStats.length = 0;
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    expect(m.fanoutStats.reduce((x, s) => x + s.notifications, 0)).toBe(2);
    // The relay may still send them (they are not marked relayed): that is one more duplicate, harmless.
    await m.pump();
    await drainQueue(m.sqs, m.queues.delivery.url, m.delivery);
    const got = (await inbox(m, 'agency-03'))
      .map((n) => n.subject.id)
      .filter((id) => id.startsWith('dup'))
      .sort();
    expect(got).toEqual(['dup-1', 'dup-2']);
  });

  it('reports an unreadable message as a batch item failure and keeps the others', async () => {
    await emit(w.deps, 'platform', [{ type: 'contacts.updated', subject: { type: 'test', id: 'ok' }, audience: ['agency-04'], data: {} }]);
    const [e] = (await Promise.all([0, 1, 2, 3].map((s) => m.deps.alerts.unpublishedEvents(s, w.deps.clock.now(), 100)))).flat();
    const res = await m.fanout(
      toSqsEvent(
        [
          { MessageId: 'good', ReceiptHandle: 'r1', Body: JSON.stringify(e) },
          { MessageId: 'bad', ReceiptHandle: 'r2', Body: '{"not":"an event"}' },
        ],
        'arn:aws:sqs:local:000000000000:events',
      ),
    );
    expect(res.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
  });
});
