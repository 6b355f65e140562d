import { ManualClock, registerOrganisation, setWebhook } from '@taskforce/core';
import { DestinationGuard, drainQueue, pollOnce, relayOutbox, sweepWebhooks } from '@taskforce/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTable } from '../support/dynamo';
import { emit, withMessaging } from '../support/messaging';
import { admin, principal } from '../support/world';

const HANGING = 'http://127.0.0.1:1/hooks';
const HEALTHY = 'http://127.0.0.1:2/hooks';

describe('per-destination isolation: a hanging receiver holds up only its own deliveries', () => {
  let t: Awaited<ReturnType<typeof freshTable>>;
  let m: Awaited<ReturnType<typeof withMessaging>>;
  let clock: ManualClock;
  let hangs = true;
  const calls = { [HANGING]: 0, [HEALTHY]: 0 };
  const received = { [HANGING]: [] as string[], [HEALTHY]: [] as string[] };

  // A receiver that never answers (until it recovers), beside a healthy one.
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const target = url as keyof typeof calls;
    calls[target]++;
    if (target === HANGING && hangs)
      return new Promise<Response>((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))),
      );
    received[target].push(String((init.headers as Record<string, string>)['Taskforce-Notification-Id']));
    return new Response(null, { status: 204 });
  }) as typeof fetch;

  const deliverAll = async () => {
    for (let polls = 0; polls < 300; polls++) if ((await pollOnce(m.sqs, m.queues.delivery.url, m.delivery)).received === 0) break;
  };

  beforeAll(async () => {
    t = await freshTable();
    clock = new ManualClock('2026-03-01T08:00:00.000Z');
    m = await withMessaging(t, clock, {
      fetch: fakeFetch,
      webhookTimeoutMs: 50,
      destinations: new DestinationGuard({ maxInFlight: 2, failuresToOpen: 3, openMs: 30_000 }),
    });
    const deps = { store: t.store, clock, ids: m.deps.ids, webhookDestinations: m.deps.webhookDestinations };
    await registerOrganisation(deps, { principal: admin }, { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' });
    await registerOrganisation(deps, { principal: admin }, { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' });
    await setWebhook(deps, { principal: principal('usa-fbi', 'USA') }, { url: HANGING });
    await setWebhook(deps, { principal: principal('gbr-nca', 'GBR') }, { url: HEALTHY });
    await relayOutbox(m.deps);
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    hangs = false;
    await deliverAll();
    hangs = true;
  });
  afterAll(() => t.drop());

  it('bounds the posts in flight to a hanging endpoint, opens its circuit, and delivers everyone else meanwhile; it catches up once it recovers', async () => {
    calls[HANGING] = 0;
    received[HANGING].length = 0;
    received[HEALTHY].length = 0;
    for (let i = 0; i < 8; i++) {
      clock.advance(10);
      await emit({ store: t.store, clock, ids: m.deps.ids }, 'platform', [
        { type: 'contacts.updated', subject: { type: 'test', id: `iso-${i}` }, audience: ['usa-fbi', 'gbr-nca'], data: { i } },
      ]);
    }
    await relayOutbox(m.deps);
    await drainQueue(m.sqs, m.queues.events.url, m.fanout);
    await deliverAll();

    // The healthy receiver has all eight, whatever the other did.
    const healthy = received[HEALTHY].filter((id) => id.endsWith(':gbr-nca'));
    expect(new Set(healthy).size).toBe(8);
    // The hanging one was tried at most two at a time, until three failures opened its circuit.
    expect(calls[HANGING]).toBeGreaterThanOrEqual(3);
    expect(calls[HANGING]).toBeLessThanOrEqual(4);
    // Posts refused by the open circuit were not counted: every one is still due on its item.
    const waiting = (await m.deps.alerts.listNotifications('usa-fbi', { limit: 100 })).items.filter((n) => n.subject.id.startsWith('iso-'));
    expect(waiting).toHaveLength(8);
    expect(waiting.every((n) => n.webhook?.status !== 'delivered')).toBe(true);

    // It recovers; once the circuit's time is up the sweep brings every post back, and each arrives once.
    hangs = false;
    clock.advance(5 * 60_000);
    for (let round = 0; round < 10 && received[HANGING].length < 8; round++) {
      await sweepWebhooks(m.deps);
      await deliverAll();
      clock.advance(5 * 60_000);
    }
    expect(received[HANGING]).toHaveLength(8);
    expect(new Set(received[HANGING]).size).toBe(8);
    const done = (await m.deps.alerts.listNotifications('usa-fbi', { limit: 100 })).items.filter((n) => n.subject.id.startsWith('iso-'));
    expect(done.every((n) => n.webhook?.status === 'delivered')).toBe(true);
  });
});
