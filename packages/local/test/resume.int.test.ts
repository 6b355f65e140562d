/**
 * The relays' first run after the local runtime starts again on its data (`resume`): what the
 * runtime before it relayed or queued, and deferred `redeliverAfterMs` in the due index, may have
 * died in its hands (its messages then stay hidden for the queue's visibility timeout); resuming
 * takes all of it up at once, while a webhook post waiting out its backoff keeps its own time.
 * The messages "in the killed runtime's hands" are received here and left undeleted.
 */
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { ManualClock, registerOrganisation, setWebhook, type WebhookRef } from '@taskforce/core';
import { drainQueue, relayOutbox, sweepWebhooks } from '@taskforce/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo';
import { emit, withMessaging } from '../../../test/support/messaging';
import { startReceiver } from '../../../test/support/webhook-receiver';
import { admin, principal } from '../../../test/support/world';

describe('relays resuming after a restart', () => {
  let t: Awaited<ReturnType<typeof freshTable>>;
  let m: Awaited<ReturnType<typeof withMessaging>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const clock = new ManualClock('2026-03-01T08:00:00.000Z');
  let n = 0;

  /** What a runtime killed now held: every visible message of the queue, received and never deleted. */
  const takeAway = async (url: string): Promise<string[]> => {
    const bodies: string[] = [];
    for (;;) {
      const out = await m.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      if (!out.Messages?.length) return bodies;
      bodies.push(...out.Messages.map((x) => x.Body ?? ''));
    }
  };
  const emitOne = async () => {
    clock.advance(10);
    await emit({ store: t.store, clock, ids: m.deps.ids }, 'platform', [
      { type: 'contacts.updated', subject: { type: 'test', id: `resume-${n++}` }, audience: ['usa-fbi'], data: {} },
    ]);
  };
  const inbox = async () =>
    (await m.deps.alerts.listNotifications('usa-fbi', { limit: 100 })).items.filter((x) => x.subject.id.startsWith('resume-'));

  beforeAll(async () => {
    t = await freshTable();
    // Posts wait two minutes after a failure, and the sweep one more past that.
    m = await withMessaging(t, clock, { retryDelaySeconds: () => 120, webhookSweepGraceMs: 60_000 });
    const deps = { store: t.store, clock, ids: m.deps.ids, webhookDestinations: m.deps.webhookDestinations };
    await registerOrganisation(deps, { principal: admin }, { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' });
    const set = await setWebhook(deps, { principal: principal('usa-fbi', 'USA') }, { url: 'http://127.0.0.1:9/unused' });
    receiver = await startReceiver({ secrets: [set.result.secret!.value], clock });
    await setWebhook(deps, { principal: principal('usa-fbi', 'USA') }, { url: receiver.url });
    await m.pump();
    receiver.state.failFor = Number.POSITIVE_INFINITY;
  });
  afterAll(async () => {
    await receiver?.stop();
    await t?.drop();
  });

  it('relays at once the events a killed runtime relayed and deferred, once per resume, and not before without it', async () => {
    for (let i = 0; i < 3; i++) await emitOne();
    expect((await relayOutbox(m.deps)).relayed).toBe(3);
    expect(await takeAway(m.queues.events.url)).toHaveLength(3);

    // The restart, seconds later: an ordinary pass leaves them deferred for five minutes.
    clock.advance(10_000);
    expect((await relayOutbox(m.deps)).relayed).toBe(0);
    expect((await relayOutbox(m.deps, { resume: true })).relayed).toBe(3);
    // Deferred again past the resuming cutoff: a second resuming pass does not send them again.
    expect((await relayOutbox(m.deps, { resume: true })).relayed).toBe(0);
    expect((await drainQueue(m.sqs, m.queues.events.url, m.fanout)).received).toBe(3);
    expect(await inbox()).toHaveLength(3);
  });

  it('queues at once a webhook post the sweep had deferred, and leaves a post in backoff to its own time', async () => {
    // The three posts of the first case fail: each is due again in two minutes (its sweep in three).
    const failed = await drainQueue(m.sqs, m.queues.delivery.url, m.delivery);
    expect(failed.failed).toBe(3);
    await takeAway(m.queues.delivery.url);
    const backoff = (await inbox()).filter((x) => x.webhook?.status === 'failed');
    expect(backoff).toHaveLength(3);
    const retryAt = Math.min(...backoff.map((x) => Date.parse(x.webhook!.nextAttemptAt!)));

    // A fourth post, whose message is lost with the runtime: the sweep queues it after its minute
    // of grace and defers it; that message too dies with the runtime.
    await emitOne();
    await relayOutbox(m.deps);
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    await takeAway(m.queues.delivery.url);
    clock.advance(61_000);
    expect((await sweepWebhooks(m.deps)).relayed).toBe(1);
    const [lost] = (await takeAway(m.queues.delivery.url)).map((b) => JSON.parse(b) as WebhookRef);

    // The restart, before the three posts' next attempt: only the deferred post is queued.
    clock.advance(5_000);
    expect(clock.now().getTime()).toBeLessThan(retryAt);
    expect((await sweepWebhooks(m.deps)).relayed).toBe(0);
    expect((await sweepWebhooks(m.deps, { resume: true })).relayed).toBe(1);
    expect((await takeAway(m.queues.delivery.url)).map((b) => JSON.parse(b) as WebhookRef)).toEqual([lost]);

    // Once their backoff has run out, the posts in backoff are due as well (and, resuming again,
    // the deferred post once more).
    clock.set(new Date(retryAt + 1_000));
    expect((await sweepWebhooks(m.deps, { resume: true })).relayed).toBe(4);
    expect(new Set((await takeAway(m.queues.delivery.url)).map((b) => (JSON.parse(b) as WebhookRef).id))).toEqual(
      new Set([...backoff.map((x) => x.id), lost!.id]),
    );
  });
});
