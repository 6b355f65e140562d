import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  ChannelError,
  type ContactMethod,
  type Incident,
  type MailMessage,
  PAGER_ACTOR,
  type PersonPage,
  raiseIncident,
  registerOrganisation,
  runCommand,
  type SmsMessage,
  setCountryContacts,
  systemCommand,
  type Write,
} from '@taskforce/core';
import { memoryDeps, principal } from '@taskforce/core/testing';
import { describe, expect, it } from 'vitest';
import { applyChannelStatus, channelStatusOf } from '../src/channel-status';
import { type PagerDeps, sendPage } from '../src/pager';

const MIN = 60_000;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

const method = (id: string, kind: 'email' | 'phone', address: string, status: ContactMethod['status'] = 'verified'): ContactMethod => ({
  id,
  kind,
  address,
  status,
  createdAt: '2026-03-01T00:00:00.000Z',
  sends: [],
});

/**
 * An incident raised to Thailand (high by default: one method at a time), a page of its level 1 to
 * one person with these methods, and channels that record what they send.
 */
const setUp = async (
  methods: ContactMethod[],
  opts: { mail?: (m: MailMessage) => string; sms?: (m: SmsMessage) => string; severity?: 'critical' | 'high' } = {},
) => {
  const deps = memoryDeps();
  const admin = principal('platform', 'ZZZ', ['admin'], 'international');
  for (const [id, country] of [
    ['vnm-a05', 'VNM'],
    ['tha-ccib', 'THA'],
  ] as const)
    await registerOrganisation(deps, { principal: admin }, { id, name: id, kind: 'agency', country });
  await setCountryContacts(
    deps,
    { principal: principal('tha-ccib', 'THA', ['officer', 'duty_contact']) },
    'THA',
    {
      duty: { orgId: 'tha-ccib', people: [], channels: [] },
      backup: { orgId: 'tha-ccib', people: [], channels: [] },
      nationalLead: { orgId: 'tha-ccib', people: [], channels: [] },
    },
    undefined,
  );
  const lead = principal('vnm-a05', 'VNM');
  const { createWorkspace, invite, respondToInvitation } = await import('@taskforce/core');
  const ws = (await createWorkspace(deps, { principal: lead }, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } }))
    .result;
  await invite(deps, { principal: lead }, ws.id, { orgId: 'tha-ccib', role: 'member' });
  await respondToInvitation(deps, { principal: principal('tha-ccib', 'THA') }, ws.id, 'tha-ccib', 'accepted');
  const inc = (
    await raiseIncident(deps, { principal: lead }, ws.id, {
      severity: opts.severity ?? 'high',
      type: 'ransomware',
      summary: 'Port authority encrypted\nwallet bc1qsecret',
      countries: ['THA'],
    })
  ).result;
  const page: PersonPage = {
    workspaceId: ws.id,
    incidentId: inc.id,
    id: 'pg-0001',
    country: 'THA',
    step: 0,
    level: 1,
    round: 1,
    sub: 'tha-duty-1',
    orgId: 'tha-ccib',
    reason: 'on_call',
    createdAt: inc.raisedAt,
    expiresAt: new Date(Date.parse(inc.raisedAt) + 15 * MIN).toISOString(),
    status: 'queued',
    attempts: [],
    version: 1,
  };
  await write(deps, [
    { op: 'put', record: { kind: 'page', value: page }, expect: 'absent' },
    {
      op: 'put',
      record: { kind: 'contactMethods', value: { sub: 'tha-duty-1', orgId: 'tha-ccib', methods, sends: [], version: 1 } },
      expect: 'absent',
    },
  ]);
  const mails: MailMessage[] = [];
  const sms: SmsMessage[] = [];
  const queued: string[] = [];
  const pager: PagerDeps = {
    ...deps,
    sqs: {
      send: async (cmd: { input: { MessageBody?: string } }) => {
        queued.push(cmd.input.MessageBody ?? '');
        return {};
      },
    } as unknown as SQSClient,
    queues: { pages: 'http://queue/pages' },
    mail: {
      send: async (m) => {
        mails.push(m);
        return { messageId: opts.mail ? opts.mail(m) : (m.messageId ?? 'x') };
      },
    },
    sms: {
      send: async (m) => {
        sms.push(m);
        return { messageId: opts.sms ? opts.sms(m) : `sms-${sms.length}` };
      },
    },
    users: { get: async () => ({ lang: 'th' }) },
    ackOrigin: 'http://127.0.0.1:3000',
    messageDomain: 'taskforce.localhost',
    logger: silent,
  };
  const ref = { workspaceId: ws.id, incidentId: inc.id, pageId: page.id };
  const read = async () => (await deps.store.get({ kind: 'page', workspaceId: ws.id, incidentId: inc.id, id: page.id }))!;
  return { deps, pager, ref, read, mails, sms, inc, queued };
};

const write = (deps: ReturnType<typeof memoryDeps>, writes: Write[]) =>
  runCommand(deps, {
    chainId: 'test',
    actor: PAGER_ACTOR,
    refs: [],
    authorize: systemCommand,
    decide: () => ({ writes, audit: { action: 'test.setup', target: { type: 'test', id: 'x' }, markings: [] }, result: null }),
  });

describe('the pager', () => {
  it('sends through the first verified method, with a stable message id, an acknowledge link and no marked content; records it and its lookup', async () => {
    const t = await setUp([method('m0', 'email', 'x@unverified.example', 'unverified'), method('m1', 'email', 'duty@tha.example')], {
      severity: 'critical',
    });
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect(t.mails).toHaveLength(1);
    const mail = t.mails[0]!;
    expect(mail.to).toBe('duty@tha.example');
    expect(mail.messageId).toBe('<pg-0001.1@taskforce.localhost>');
    expect(mail.text).toMatch(/http:\/\/127\.0\.0\.1:3000\/ack\/[^\s]+\.pg-0001\.[A-Za-z0-9_-]{43}/);
    expect(mail.text).toContain('วิกฤต');
    expect(`${mail.subject}${mail.text}`).not.toContain('Port authority');
    expect(`${mail.subject}${mail.text}`).not.toContain('bc1qsecret');
    const page = await t.read();
    expect(page.status).toBe('sent');
    expect(page.attempts).toMatchObject([{ n: 1, methodId: 'm1', channel: 'email', status: 'sent', messageId: mail.messageId }]);
    expect(page.attempts[0]!.ackSecretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await t.deps.store.get({ kind: 'pageMessage', messageId: mail.messageId! })).toMatchObject({ pageId: 'pg-0001', attempt: 1 });
    // A repeat of the message sends nothing more.
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect(t.mails).toHaveLength(1);
  });

  it('moves to the next method at once when a channel refuses the message, and fails when every method failed', async () => {
    const t = await setUp([method('m1', 'email', 'duty@tha.example'), method('m2', 'phone', '+66812345678')], {
      mail: () => {
        throw new ChannelError('rejected', 'mailbox unknown');
      },
    });
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect(t.sms).toMatchObject([{ to: '+66812345678', ref: 'pg-0001.2' }]);
    expect(t.sms[0]!.text).not.toContain('Port authority');
    const page = await t.read();
    expect(page.attempts.map((a) => [a.n, a.channel, a.status])).toEqual([
      [1, 'email', 'failed'],
      [2, 'sms', 'sent'],
    ]);
    expect(page.attempts[0]!.reason).toContain('rejected');

    const u = await setUp([method('m1', 'email', 'duty@tha.example')], {
      mail: () => {
        throw new ChannelError('not_configured', 'no SES');
      },
    });
    expect(await sendPage(u.pager, u.ref)).toBe('done');
    expect((await u.read()).status).toBe('failed');
  });

  it('pages a critical incident on every verified method at once, and a refused one does not hold the others up', async () => {
    const t = await setUp(
      [method('m1', 'email', 'duty@tha.example'), method('m2', 'phone', '+66812345678'), method('m3', 'email', 'x@tha.example')],
      {
        severity: 'critical',
        mail: (m) => {
          if (m.to === 'duty@tha.example') throw new ChannelError('rejected', 'mailbox unknown');
          return m.messageId!;
        },
      },
    );
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect(t.sms).toHaveLength(1);
    expect(t.mails.map((m) => m.to)).toEqual(['duty@tha.example', 'x@tha.example']);
    const page = await t.read();
    expect(page.attempts.map((a) => [a.n, a.channel, a.status])).toEqual([
      [1, 'email', 'failed'],
      [2, 'sms', 'sent'],
      [3, 'email', 'sent'],
    ]);
    // Sending it again finds nothing more to do: one message per method.
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect(t.mails).toHaveLength(2);
  });

  it('marks a person without a verified method undeliverable, and sends nothing for a country that acknowledged', async () => {
    const t = await setUp([method('m1', 'email', 'duty@tha.example', 'unverified')]);
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect((await t.read()).status).toBe('undeliverable');

    const a = await setUp([method('m1', 'email', 'duty@tha.example')]);
    const inc = (await a.deps.store.get({ kind: 'incident', workspaceId: a.ref.workspaceId, id: a.ref.incidentId }))!;
    const acknowledged: Incident = {
      ...inc,
      alerts: inc.alerts.map((x) => ({ ...x, status: 'acknowledged' as const })),
      version: inc.version + 1,
    };
    await write(a.deps, [{ op: 'put', record: { kind: 'incident', value: acknowledged }, expect: inc.version }]);
    expect(await sendPage(a.pager, a.ref)).toBe('done');
    expect(a.mails).toHaveLength(0);
    expect((await a.read()).status).toBe('stopped');
  });

  it('retries a channel that is unavailable later, as the same attempt with the same message id', async () => {
    let down = true;
    const t = await setUp([method('m1', 'email', 'duty@tha.example'), method('m2', 'phone', '+66812345678')], {
      mail: (m) => {
        if (down) throw new ChannelError('unavailable', 'connection refused');
        return m.messageId!;
      },
    });
    expect(await sendPage(t.pager, t.ref)).toBe('retry');
    expect((await t.read()).attempts).toMatchObject([{ n: 1, status: 'sending' }]);
    expect(t.sms).toHaveLength(0);
    down = false;
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect(t.mails.map((m) => m.messageId)).toEqual(['<pg-0001.1@taskforce.localhost>', '<pg-0001.1@taskforce.localhost>']);
    const page = await t.read();
    expect(page.status).toBe('sent');
    expect(page.attempts.map((a) => [a.n, a.status])).toEqual([
      [1, 'failed'],
      [1, 'sent'],
    ]);
  });

  it('after a worker died between claim and send, leaves a fresh claim alone and sends a stale one again (same attempt, both links valid)', async () => {
    const t = await setUp([method('m1', 'email', 'duty@tha.example')]);
    const page = await t.read();
    const claimed: PersonPage = {
      ...page,
      status: 'sending',
      attempts: [
        { n: 1, methodId: 'm1', channel: 'email', at: t.deps.clock.now().toISOString(), status: 'sending', ackSecretHash: 'a'.repeat(64) },
      ],
      version: page.version + 1,
    };
    await write(t.deps, [{ op: 'put', record: { kind: 'page', value: claimed }, expect: page.version }]);
    expect(await sendPage(t.pager, t.ref)).toBe('retry');
    expect(t.mails).toHaveLength(0);
    t.deps.clock.advance(30_000);
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect(t.mails.map((m) => m.messageId)).toEqual(['<pg-0001.1@taskforce.localhost>']);
    const after = await t.read();
    expect(after.attempts.map((a) => [a.n, a.status])).toEqual([
      [1, 'failed'],
      [1, 'sent'],
    ]);
    expect(after.attempts[0]!.ackSecretHash).toBe('a'.repeat(64));
  });
});

describe('delivery status', () => {
  const sesEvent = (eventType: string, messageId: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ eventType, mail: { messageId, destination: ['duty@tha.example'] }, ...extra });
  const smsEvent = (eventType: string, messageId: string) =>
    JSON.stringify({ eventType, messageId, messageStatus: eventType.replace('TEXT_', ''), destinationPhoneNumber: '+66812345678' });

  it('reads SES events, SES events in an SNS envelope and End User Messaging SMS events', () => {
    expect(channelStatusOf(sesEvent('Delivery', 'ses-1'))).toEqual({ messageId: 'ses-1', delivered: true });
    expect(channelStatusOf(sesEvent('Bounce', 'ses-1', { bounce: { bounceType: 'Permanent', bounceSubType: 'General' } }))).toEqual({
      messageId: 'ses-1',
      delivered: false,
      reason: 'bounce: Permanent/General',
    });
    expect(channelStatusOf(JSON.stringify({ Type: 'Notification', Message: sesEvent('Reject', 'ses-2') }))).toMatchObject({
      delivered: false,
    });
    expect(channelStatusOf(sesEvent('DeliveryDelay', 'ses-3', { deliveryDelay: { delayType: 'MailboxFull' } }))).toMatchObject({
      delivered: false,
    });
    expect(channelStatusOf(sesEvent('Complaint', 'ses-4'))).toBeNull();
    expect(channelStatusOf(smsEvent('TEXT_DELIVERED', 'sms-1'))).toEqual({ messageId: 'sms-1', delivered: true });
    expect(channelStatusOf(smsEvent('TEXT_UNREACHABLE', 'sms-1'))).toMatchObject({ delivered: false, reason: 'SMS unreachable' });
    expect(channelStatusOf(smsEvent('TEXT_PENDING', 'sms-1'))).toBeNull();
    expect(channelStatusOf('not json')).toBeNull();
    expect(channelStatusOf('{"eventType":"Delivery"}')).toBeNull();
  });

  it('a bounce fails the attempt and puts the page back for its next method; a delivery marks it delivered', async () => {
    const t = await setUp([method('m1', 'email', 'duty@tha.example'), method('m2', 'phone', '+66812345678')]);
    await sendPage(t.pager, t.ref);
    const messageId = t.mails[0]!.messageId!;
    const bounce = channelStatusOf(sesEvent('Bounce', messageId, { bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail' } }))!;
    expect(await applyChannelStatus(t.pager, bounce)).toBe(true);
    expect(t.queued.map((b) => JSON.parse(b))).toEqual([t.ref]);
    expect((await t.read()).attempts).toMatchObject([{ n: 1, status: 'failed', reason: 'bounce: Permanent/NoEmail' }]);
    // The same bounce again: the failover is queued again, nothing else changes.
    expect(await applyChannelStatus(t.pager, bounce)).toBe(true);
    expect(await sendPage(t.pager, t.ref)).toBe('done');
    expect(t.sms).toHaveLength(1);
    expect(await applyChannelStatus(t.pager, { messageId: 'sms-1', delivered: true })).toBe(false);
    const page = await t.read();
    expect(page.status).toBe('delivered');
    expect(page.attempts.map((a) => [a.n, a.channel, a.status])).toEqual([
      [1, 'email', 'failed'],
      [2, 'sms', 'delivered'],
    ]);
    // A status about a message that is no page (a verification code) changes nothing.
    expect(await applyChannelStatus(t.pager, { messageId: 'unknown', delivered: false, reason: 'x' })).toBe(false);
  });
});
