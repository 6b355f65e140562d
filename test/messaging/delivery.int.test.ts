import { GetQueueAttributesCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import {
  ManualClock,
  type Notification,
  notificationId,
  type RecordRef,
  registerOrganisation,
  rotateWebhookSecret,
  setWebhook,
} from '@taskforce/core';
import { drainQueue, pollOnce, redriveDeadLetters, relayOutbox, toSqsEvent } from '@taskforce/messaging';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freshTable } from '../support/dynamo';
import { emit, withMessaging } from '../support/messaging';
import { startReceiver } from '../support/webhook-receiver';
import { admin, principal } from '../support/world';

type Msg = Awaited<ReturnType<typeof withMessaging>>;

describe('delivery: signed webhooks and the pull inbox, with retries, a dead-letter queue and redrive', () => {
  let t: Awaited<ReturnType<typeof freshTable>>;
  let m: Msg;
  let clock: ManualClock;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let secret: string;
  let batch = 0;
  const partner = principal('usa-fbi', 'USA');

  const notify = async (n: number) => {
    const tag = `b${batch++}`;
    for (let i = 0; i < n; i++) {
      clock.advance(10);
      await emit({ store: t.store, clock, ids: m.deps.ids }, 'platform', [
        { type: 'contacts.updated', subject: { type: 'test', id: `${tag}-${i}` }, audience: ['usa-fbi'], data: { i } },
      ]);
    }
    await relayOutbox(m.deps);
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    return tag;
  };
  /** Polls the delivery queue until nothing is visible, like the event source mapping would. */
  const deliverAll = async () => {
    let polls = 0;
    for (; polls < 500; polls++) if ((await pollOnce(m.sqs, m.queues.delivery.url, m.delivery)).received === 0) break;
    return polls;
  };
  const depth = async (url: string) =>
    Number(
      (await m.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }))).Attributes
        ?.ApproximateNumberOfMessages ?? 0,
    );
  const arrived = (tag: string) =>
    receiver.state.application.filter((a) => String((a.body.subject as { id: string }).id).startsWith(`${tag}-`));

  beforeAll(async () => {
    t = await freshTable();
    clock = new ManualClock('2026-03-01T08:00:00.000Z');
    m = await withMessaging(t, clock);
    const deps = { store: t.store, clock, ids: m.deps.ids, webhookDestinations: m.deps.webhookDestinations };
    await registerOrganisation(deps, { principal: admin }, { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' });
    const set = await setWebhook(deps, { principal: partner }, { url: 'http://127.0.0.1:9/unused' });
    secret = set.result.secret!.value;
    receiver = await startReceiver({ secrets: [secret], clock });
    await setWebhook(deps, { principal: partner }, { url: receiver.url });
    await relayOutbox(m.deps);
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    await deliverAll();
  });
  afterEach(() => {
    receiver.state.failFor = 0;
    receiver.state.secrets = [secret];
  });
  afterAll(async () => {
    await receiver.stop();
    await t.drop();
  });

  it('retries through an outage: every notification reaches the application exactly once', async () => {
    receiver.state.failFor = 45; // 30 notifications: the first attempt of each and half the second attempts fail
    const before = receiver.state.requests;
    const tag = await notify(30);
    await deliverAll();
    expect(arrived(tag)).toHaveLength(30);
    expect(new Set(arrived(tag).map((a) => a.id)).size).toBe(30);
    expect(receiver.state.requests - before).toBe(75);
    expect(receiver.state.duplicates).toBe(0);
    expect(await depth(m.queues.delivery.dlqUrl)).toBe(0);
    const inbox = (await m.deps.alerts.listNotifications('usa-fbi', { limit: 100 })).items.filter((n) => n.subject.id.startsWith(tag));
    expect(inbox).toHaveLength(30);
    expect(inbox.every((n) => n.webhook?.status === 'delivered')).toBe(true);
  });

  it('parks what keeps failing in the dead-letter queue after five receives, and redrives it', async () => {
    receiver.state.failFor = Number.POSITIVE_INFINITY;
    const tag = await notify(12);
    await deliverAll();
    expect(arrived(tag)).toEqual([]);
    expect(await depth(m.queues.delivery.url)).toBe(0);
    expect(await depth(m.queues.delivery.dlqUrl)).toBe(12);
    const failed = (await m.deps.alerts.listNotifications('usa-fbi', { limit: 100 })).items.filter((n) => n.subject.id.startsWith(tag));
    expect(failed.every((n) => n.webhook?.status === 'failed' && n.webhook.lastError === 'HTTP 503')).toBe(true);
    // Meanwhile the pull inbox had them all along.
    expect(failed).toHaveLength(12);

    receiver.state.failFor = 0;
    expect(await redriveDeadLetters(m.sqs, m.queues.delivery)).toBe(12);
    expect(await depth(m.queues.delivery.dlqUrl)).toBe(0);
    await deliverAll();
    expect(arrived(tag)).toHaveLength(12);
    expect(receiver.state.duplicates).toBe(0);
  });

  it('posts once per notification id under duplicated, reordered and concurrent deliveries', async () => {
    const tag = `dup${batch++}`;
    const eventIds = Array.from({ length: 8 }, (_, i) => `01kjdup${String(i).padStart(3, '0')}aaaaaaaaaaaaaaa`);
    const bodies = eventIds.map(
      (eventId, i): Notification => ({
        id: notificationId(eventId, 'usa-fbi'),
        eventId,
        type: 'contacts.updated',
        at: clock.now().toISOString(),
        recipient: 'usa-fbi',
        subject: { type: 'test', id: `${tag}-${i}` },
        actorOrgId: 'system',
        data: { i },
      }),
    );
    // In the inbox as fan-out writes them, each with its webhook post due.
    for (const b of bodies)
      await m.deps.alerts.putNotification({ ...b, receivedAt: b.at, webhook: { status: 'pending' } }, { webhookDueAt: clock.now() });
    const ref = (b: Notification) => JSON.stringify({ recipient: b.recipient, id: b.id });
    // Each post three times, in reverse order the second time.
    const sends = [...bodies, ...[...bodies].reverse(), ...bodies].map(ref);
    for (let i = 0; i < sends.length; i += 10)
      await m.sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: m.queues.delivery.url,
          Entries: sends.slice(i, i + 10).map((b, j) => ({ Id: `e${j}`, MessageBody: b })),
        }),
      );
    // Two workers handed the same batch at once.
    const event = toSqsEvent(
      bodies.map((b, i) => ({ MessageId: `x${i}`, ReceiptHandle: `h${i}`, Body: ref(b) })),
      'arn:aws:sqs:local:000000000000:delivery',
    );
    await Promise.all([m.delivery(event), m.delivery(event), deliverAll(), deliverAll()]);
    await deliverAll();
    expect(
      arrived(tag)
        .map((a) => a.id)
        .sort(),
    ).toEqual(bodies.map((b) => b.id).sort());
    expect(receiver.state.duplicates).toBe(0);
  });

  it('reads the channel and the re-check once for a whole batch to one recipient, not once per post', async () => {
    const tag = `b${batch++}`;
    const bodies: Notification[] = Array.from({ length: 10 }, (_, i) => {
      const eventId = m.deps.ids.next();
      return {
        id: notificationId(eventId, 'usa-fbi'),
        eventId,
        type: 'contacts.updated',
        at: clock.now().toISOString(),
        recipient: 'usa-fbi',
        subject: { type: 'test', id: `${tag}-${i}` },
        actorOrgId: 'system',
        data: { i },
      };
    });
    for (const b of bodies)
      await m.deps.alerts.putNotification({ ...b, receivedAt: b.at, webhook: { status: 'pending' } }, { webhookDueAt: clock.now() });
    const event = toSqsEvent(
      bodies.map((b, i) => ({
        MessageId: `${tag}-m${i}`,
        ReceiptHandle: `h${i}`,
        Body: JSON.stringify({ recipient: b.recipient, id: b.id }),
      })),
      'arn:aws:sqs:local:000000000000:delivery',
    );
    const real = t.store.load.bind(t.store);
    const loads: RecordRef[][] = [];
    t.store.load = async (req) => {
      loads.push(req.refs);
      return real(req);
    };
    t.counter.reset();
    try {
      expect(await m.delivery(event)).toEqual({ batchItemFailures: [] });
    } finally {
      t.store.load = real;
    }
    expect(arrived(tag)).toHaveLength(10);
    // One load for the batch, naming the channel once; one BatchGetItem on the wire.
    expect(loads).toHaveLength(1);
    expect(loads.flat().filter((r) => r.kind === 'channel')).toEqual([{ kind: 'channel', orgId: 'usa-fbi' }]);
    expect(t.counter.snapshot().BatchGetItem).toBe(1);
  });

  it('recovers from a crash between the claim and the post, and from one after the post', async () => {
    const alerts = m.deps.alerts;
    const realClaim = alerts.claimWebhook.bind(alerts);
    const realRecord = alerts.recordWebhook.bind(alerts);
    let claimedThenDied: string | undefined;
    let postedThenDied: string | undefined;
    // One worker dies right after taking the lease, before posting; another right after posting, before recording.
    alerts.claimWebhook = async (org, id, now, until) => {
      const r = await realClaim(org, id, now, until);
      if (r === 'claimed' && !claimedThenDied) {
        claimedThenDied = id;
        throw new Error('process killed after claim');
      }
      return r;
    };
    alerts.recordWebhook = async (org, id, outcome) => {
      if (outcome.ok && !postedThenDied) {
        postedThenDied = id;
        throw new Error('process killed after post');
      }
      return realRecord(org, id, outcome);
    };
    const tag = await notify(2);
    try {
      await pollOnce(m.sqs, m.queues.delivery.url, m.delivery);
    } finally {
      alerts.claimWebhook = realClaim;
      alerts.recordWebhook = realRecord;
    }
    expect(arrived(tag).map((a) => a.id)).toEqual([postedThenDied]);
    // Both leases are still held: nothing goes out until they run out …
    const requests = receiver.state.requests;
    await pollOnce(m.sqs, m.queues.delivery.url, m.delivery);
    expect(receiver.state.requests).toBe(requests);
    expect(arrived(tag)).toHaveLength(1);
    // … then both are posted; the one that had gone out goes again, and the receiver keeps it to once.
    clock.advance(31_000);
    await deliverAll();
    expect(
      arrived(tag)
        .map((a) => a.id)
        .sort(),
    ).toEqual([claimedThenDied, postedThenDied].sort());
    expect(receiver.state.duplicates).toBe(1);
    receiver.state.duplicates = 0;
    const inbox = (await alerts.listNotifications('usa-fbi', { limit: 100 })).items.filter((n) => n.subject.id.startsWith(tag));
    expect(inbox.map((n) => n.webhook?.status)).toEqual(['delivered', 'delivered']);
  });

  it('signs with the old and the new secret during a rotation, then with the new one only', async () => {
    const deps = { store: t.store, clock, ids: m.deps.ids, webhookDestinations: m.deps.webhookDestinations };
    const rotated = await rotateWebhookSecret(deps, { principal: partner }, 3600);
    expect(rotated.result.secrets).toHaveLength(2);
    const fresh = rotated.result.secret.value;
    // The receiver switched to the new secret at once: deliveries still verify.
    receiver.state.secrets = [fresh];
    const a = await notify(1);
    await deliverAll();
    expect(arrived(a)).toHaveLength(1);
    // A receiver still on the old secret verifies during the grace period …
    receiver.state.secrets = [secret];
    const b = await notify(1);
    await deliverAll();
    expect(arrived(b)).toHaveLength(1);
    // … and not after it: those deliveries are refused and retried.
    clock.advance(3601_000);
    const rejectedBefore = receiver.state.rejected;
    const c = await notify(1);
    await pollOnce(m.sqs, m.queues.delivery.url, m.delivery);
    expect(arrived(c)).toEqual([]);
    expect(receiver.state.rejected).toBe(rejectedBefore + 1);
    receiver.state.secrets = [fresh];
    secret = fresh;
    await deliverAll();
    expect(arrived(c)).toHaveLength(1);
  });
});

describe('delivery: webhooks only to the public internet', () => {
  it('refuses a name that resolves to a private address, and never connects to it', async () => {
    const t = await freshTable();
    const clock = new ManualClock('2026-03-01T08:00:00.000Z');
    const addresses = new Map([
      ['hooks.partner.example', ['203.0.114.7']],
      ['rebound.partner.example', ['203.0.114.8', '10.0.0.5']],
    ]);
    const calls: string[] = [];
    const m = await withMessaging(t, clock, {
      webhookDestinations: {},
      resolve: async (host) => addresses.get(host) ?? [],
      fetch: (async (url: string) => {
        calls.push(new URL(url).hostname);
        return new Response(null, { status: 204 });
      }) as typeof fetch,
    });
    const deps = { store: t.store, clock, ids: m.deps.ids };
    const partner = principal('usa-fbi', 'USA');
    await registerOrganisation(deps, { principal: admin }, { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' });
    await expect(setWebhook(deps, { principal: partner }, { url: 'https://169.254.169.254/latest' })).rejects.toMatchObject({
      code: 'validation',
      field: 'url',
    });
    await expect(setWebhook(deps, { principal: partner }, { url: 'http://hooks.partner.example/in' })).rejects.toMatchObject({
      code: 'validation',
    });

    const deliverOne = async (url: string, id: string) => {
      await setWebhook(deps, { principal: partner }, { url });
      clock.advance(10);
      await emit({ store: t.store, clock, ids: m.deps.ids }, 'platform', [
        { type: 'contacts.updated', subject: { type: 'test', id }, audience: ['usa-fbi'], data: {} },
      ]);
      await relayOutbox(m.deps);
      await drainQueue(m.sqs, m.queues.events.url, m.fanout);
      await pollOnce(m.sqs, m.queues.delivery.url, m.delivery);
      return (await m.deps.alerts.listNotifications('usa-fbi', { limit: 100 })).items.find((n) => n.subject.id === id)!;
    };
    expect((await deliverOne('https://hooks.partner.example/in', 'public')).webhook?.status).toBe('delivered');
    const refused = await deliverOne('https://rebound.partner.example/in', 'private');
    expect(refused.webhook).toMatchObject({ status: 'failed', lastError: 'destination refused: resolves to a non-public address' });
    expect(calls).toContain('hooks.partner.example');
    expect(calls).not.toContain('rebound.partner.example');
    await t.drop();
  });
});
