import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { ManualClock, registerOrganisation, setWebhook } from '@taskforce/core';
import { drainQueue, pollOnce, relayOutbox, sweepWebhooks } from '@taskforce/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTable } from '../support/dynamo';
import { emit, withMessaging } from '../support/messaging';
import { startReceiver } from '../support/webhook-receiver';
import { admin, principal } from '../support/world';

/**
 * The table, not the queue, is the source of truth past fan-out: a purged (or lost, expired,
 * emptied) delivery queue loses no notification and no webhook post.
 */
describe('durable delivery: losing the delivery queue loses nothing', () => {
  let t: Awaited<ReturnType<typeof freshTable>>;
  let m: Awaited<ReturnType<typeof withMessaging>>;
  let clock: ManualClock;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let batch = 0;
  const recipients = ['usa-fbi', 'gbr-nca', 'tha-ccib'];

  const emitMany = async (n: number) => {
    const tag = `d${batch++}`;
    for (let i = 0; i < n; i++) {
      clock.advance(10);
      await emit({ store: t.store, clock, ids: m.deps.ids }, 'platform', [
        { type: 'contacts.updated', subject: { type: 'test', id: `${tag}-${i}` }, audience: recipients, data: { i } },
      ]);
    }
    return tag;
  };
  const purge = () => m.sqs.send(new PurgeQueueCommand({ QueueUrl: m.queues.delivery.url }));
  const deliverAll = async () => {
    for (let polls = 0; polls < 200; polls++) if ((await pollOnce(m.sqs, m.queues.delivery.url, m.delivery)).received === 0) break;
  };
  const inboxOf = async (orgId: string, tag: string) =>
    (await m.deps.alerts.listNotifications(orgId, { limit: 100 })).items.filter((n) => n.subject.id.startsWith(`${tag}-`));
  const arrived = (tag: string) =>
    receiver.state.application.filter((a) => String((a.body.subject as { id: string }).id).startsWith(`${tag}-`));

  beforeAll(async () => {
    t = await freshTable();
    clock = new ManualClock('2026-03-01T08:00:00.000Z');
    // A failed post waits 30 s in the queue for its next attempt (and 30 s plus the grace in the table).
    m = await withMessaging(t, clock, { retryDelaySeconds: () => 30 });
    const deps = { store: t.store, clock, ids: m.deps.ids, webhookDestinations: m.deps.webhookDestinations };
    await registerOrganisation(deps, { principal: admin }, { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' });
    await registerOrganisation(deps, { principal: admin }, { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' });
    await registerOrganisation(deps, { principal: admin }, { id: 'tha-ccib', name: 'CCIB', kind: 'agency', country: 'THA' });
    // Only the FBI has a webhook.
    const set = await setWebhook(deps, { principal: principal('usa-fbi', 'USA') }, { url: 'http://127.0.0.1:9/unused' });
    receiver = await startReceiver({ secrets: [set.result.secret!.value], clock });
    await setWebhook(deps, { principal: principal('usa-fbi', 'USA') }, { url: receiver.url });
    await m.pump();
  });
  afterAll(async () => {
    await receiver.stop();
    await t.drop();
  });

  it('fan-out writes every inbox item before publishing: a purged delivery queue leaves each recipient its item exactly once', async () => {
    const tag = await emitMany(15);
    await relayOutbox(m.deps);
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    await purge();
    for (const orgId of recipients) {
      const items = await inboxOf(orgId, tag);
      expect(items).toHaveLength(15);
      expect(new Set(items.map((n) => n.subject.id)).size).toBe(15);
    }
    // Every event is published: nothing comes round again.
    clock.advance(10 * 60_000);
    expect((await relayOutbox(m.deps)).relayed).toBe(0);
    // The FBI's webhook posts were lost with the queue; the sweep re-drives them once their grace has passed.
    expect(arrived(tag)).toEqual([]);
    await sweepWebhooks(m.deps);
    await deliverAll();
    expect(arrived(tag)).toHaveLength(15);
    expect(receiver.state.duplicates).toBe(0);
    expect((await inboxOf('usa-fbi', tag)).every((n) => n.webhook?.status === 'delivered')).toBe(true);
    // Delivered posts have left the due index.
    clock.advance(60 * 60_000);
    expect((await sweepWebhooks(m.deps)).relayed).toBe(0);
  });

  it('a crash between writing the inbox items and marking the event published re-runs fan-out, which finds them there', async () => {
    const alerts = m.deps.alerts;
    const realMark = alerts.markPublished.bind(alerts);
    alerts.markPublished = async () => {
      throw new Error('process killed before marking');
    };
    const tag = await emitMany(4);
    try {
      await relayOutbox(m.deps);
      await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    } finally {
      alerts.markPublished = realMark;
    }
    await purge();
    // The relay brings the events again and fan-out runs again.
    clock.advance(5 * 60_000 + 1);
    expect((await relayOutbox(m.deps)).relayed).toBe(4);
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    for (const orgId of recipients) expect(await inboxOf(orgId, tag)).toHaveLength(4);
    await deliverAll();
    expect(arrived(tag)).toHaveLength(4);
    expect(receiver.state.duplicates).toBe(0);
    expect((await relayOutbox(m.deps)).relayed).toBe(0);
  });

  it('keeps webhook attempts on the inbox item: a receiver down while the queue is purged gets each post exactly once when it recovers', async () => {
    receiver.state.failFor = Number.POSITIVE_INFINITY;
    const tag = await emitMany(12);
    await relayOutbox(m.deps);
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    // The first attempt of each fails …
    await pollOnce(m.sqs, m.queues.delivery.url, m.delivery);
    await pollOnce(m.sqs, m.queues.delivery.url, m.delivery);
    const failed = await inboxOf('usa-fbi', tag);
    expect(failed).toHaveLength(12);
    expect(failed.every((n) => n.webhook?.status === 'failed' && n.webhook.attempts === 1 && n.webhook.nextAttemptAt)).toBe(true);
    // … and the queue, with every retry in it, is lost.
    await purge();
    receiver.state.failFor = 0;
    // Not yet due: the sweep leaves them to the queue for the grace period.
    expect((await sweepWebhooks(m.deps)).relayed).toBe(0);
    clock.advance(2 * 60_000);
    expect((await sweepWebhooks(m.deps)).relayed).toBe(12);
    // Swept and queued: the next pass does not queue them again while delivery works on them.
    expect((await sweepWebhooks(m.deps)).relayed).toBe(0);
    await deliverAll();
    expect(arrived(tag)).toHaveLength(12);
    expect(new Set(arrived(tag).map((a) => a.id)).size).toBe(12);
    expect(receiver.state.duplicates).toBe(0);
    const inbox = await inboxOf('usa-fbi', tag);
    expect(inbox.every((n) => n.webhook?.status === 'delivered' && n.webhook.attempts === 2)).toBe(true);
    // Recipients without a webhook have their items and no webhook state.
    expect((await inboxOf('gbr-nca', tag)).every((n) => n.webhook === undefined)).toBe(true);
    clock.advance(60 * 60_000);
    expect((await sweepWebhooks(m.deps)).relayed).toBe(0);
    await deliverAll();
    expect(receiver.state.duplicates).toBe(0);
  });
});
