import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PurgeQueueCommand } from '@aws-sdk/client-sqs';
import { DomainError, ManualClock, redriveWebhooks, registerOrganisation, setWebhook } from '@taskforce/core';
import { MAX_WEBHOOK_ATTEMPTS, pollOnce, relayOutbox, sweepWebhooks } from '@taskforce/messaging';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../support/dynamo';
import { emit, withMessaging } from '../support/messaging';
import { startReceiver } from '../support/webhook-receiver';
import { admin, principal } from '../support/world';

/**
 * A webhook post given up after its last attempt is parked in the table (not merely dropped from
 * the due index), so a platform administrator's redrive, or `pnpm redrive`, finds it without a
 * scan and whatever became of the queues, and puts it back in the schedule for a fresh round.
 */
describe('redrive of given-up webhook posts, from the table', () => {
  let t: Awaited<ReturnType<typeof freshTable>>;
  let m: Awaited<ReturnType<typeof withMessaging>>;
  let clock: ManualClock;
  const receivers: Record<string, Awaited<ReturnType<typeof startReceiver>>> = {};
  let batch = 0;
  const orgs = ['usa-fbi', 'gbr-nca'];

  const emitMany = async (n: number) => {
    const tag = `r${batch++}`;
    for (let i = 0; i < n; i++) {
      clock.advance(10);
      await emit({ store: t.store, clock, ids: m.deps.ids }, 'platform', [
        { type: 'contacts.updated', subject: { type: 'test', id: `${tag}-${i}` }, audience: orgs, data: { i } },
      ]);
    }
    return tag;
  };
  const inboxOf = async (orgId: string, tag: string) =>
    (await m.deps.alerts.listNotifications(orgId, { limit: 100 })).items.filter((n) => n.subject.id.startsWith(`${tag}-`));
  const arrived = (orgId: string, tag: string) =>
    receivers[orgId]!.state.application.filter((a) => String((a.body.subject as { id: string }).id).startsWith(`${tag}-`));
  /** Sweeps and delivers until nothing is left to do (the retry delay is 0: every attempt is due at once). */
  const settle = async () => {
    for (let round = 0; round < 100; round++) {
      const swept = await sweepWebhooks(m.deps, { redeliverAfterMs: 0 });
      let received = 0;
      for (let polls = 0; polls < 50; polls++) {
        const r = (await pollOnce(m.sqs, m.queues.delivery.url, m.delivery)).received;
        received += r;
        if (r === 0) break;
      }
      if (swept.relayed === 0 && received === 0) return;
    }
  };
  /** Emits `n` events to both organisations while both receivers are down, until every post is given up. */
  const giveUp = async (n: number) => {
    for (const r of Object.values(receivers)) r.state.failFor = Number.POSITIVE_INFINITY;
    const tag = await emitMany(n);
    await relayOutbox(m.deps);
    await m.pump();
    await settle();
    // The queues forget them (their dead-letter queue emptied too): only the table still knows.
    await m.sqs.send(new PurgeQueueCommand({ QueueUrl: m.queues.delivery.url }));
    await m.sqs.send(new PurgeQueueCommand({ QueueUrl: m.queues.delivery.dlqUrl }));
    for (const orgId of orgs) {
      const items = await inboxOf(orgId, tag);
      expect(items).toHaveLength(n);
      for (const item of items) {
        expect(item.webhook).toMatchObject({ status: 'failed', attempts: MAX_WEBHOOK_ATTEMPTS });
        expect(item.webhook?.nextAttemptAt).toBeUndefined();
      }
    }
    for (const r of Object.values(receivers)) r.state.failFor = 0;
    return tag;
  };

  beforeAll(async () => {
    t = await freshTable();
    clock = new ManualClock('2026-03-01T08:00:00.000Z');
    m = await withMessaging(t, clock, { retryDelaySeconds: () => 0, webhookSweepGraceMs: 0 });
    const deps = { store: t.store, clock, ids: m.deps.ids, webhookDestinations: m.deps.webhookDestinations };
    await registerOrganisation(deps, { principal: admin }, { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' });
    await registerOrganisation(deps, { principal: admin }, { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' });
    for (const [orgId, country] of [
      ['usa-fbi', 'USA'],
      ['gbr-nca', 'GBR'],
    ] as const) {
      const set = await setWebhook(deps, { principal: principal(orgId, country) }, { url: 'http://127.0.0.1:9/unused' });
      receivers[orgId] = await startReceiver({ secrets: [set.result.secret!.value], clock });
      await setWebhook(deps, { principal: principal(orgId, country) }, { url: receivers[orgId]!.url });
    }
    await m.pump();
  });
  afterAll(async () => {
    for (const r of Object.values(receivers)) await r.stop();
    await t.drop();
  });

  const coreDeps = () => ({ store: t.store, clock, ids: m.deps.ids, alerts: m.deps.alerts });

  it('parks posts given up after their last attempt: the sweep leaves them, a redrive puts them back once, each is delivered once', async () => {
    const tag = await giveUp(3);
    // Given up: nothing is due any more, however long we wait.
    clock.advance(24 * 3600_000);
    expect((await sweepWebhooks(m.deps)).relayed).toBe(0);
    expect(arrived('usa-fbi', tag)).toEqual([]);

    // Only the platform's administrators may redrive.
    await expect(redriveWebhooks(coreDeps(), principal('usa-fbi', 'USA'), {})).rejects.toBeInstanceOf(DomainError);

    // One recipient's first: the other's stay parked.
    expect(await redriveWebhooks(coreDeps(), admin, { orgId: 'usa-fbi' })).toEqual({ requeued: 3 });
    expect(await redriveWebhooks(coreDeps(), admin, { orgId: 'usa-fbi' })).toEqual({ requeued: 0 });
    await settle();
    expect(arrived('usa-fbi', tag)).toHaveLength(3);
    expect(arrived('gbr-nca', tag)).toEqual([]);
    for (const n of await inboxOf('usa-fbi', tag)) expect(n.webhook).toMatchObject({ status: 'delivered', attempts: 1 });

    // Then everyone's, at most `limit` at a time.
    expect(await redriveWebhooks(coreDeps(), admin, { limit: 2 })).toEqual({ requeued: 2 });
    expect(await redriveWebhooks(coreDeps(), admin, {})).toEqual({ requeued: 1 });
    expect(await redriveWebhooks(coreDeps(), admin, {})).toEqual({ requeued: 0 });
    await settle();
    expect(arrived('gbr-nca', tag)).toHaveLength(3);
    for (const r of Object.values(receivers)) expect(r.state.duplicates).toBe(0);
    clock.advance(24 * 3600_000);
    expect((await sweepWebhooks(m.deps)).relayed).toBe(0);
  });

  it('a redriven post that fails again gets a fresh round of attempts and is parked again, not lost', async () => {
    const tag = await giveUp(1);
    receivers['usa-fbi']!.state.failFor = Number.POSITIVE_INFINITY;
    const failedBefore = receivers['usa-fbi']!.state.failed;
    expect(await redriveWebhooks(coreDeps(), admin, { orgId: 'usa-fbi' })).toEqual({ requeued: 1 });
    await settle();
    expect(receivers['usa-fbi']!.state.failed - failedBefore).toBe(MAX_WEBHOOK_ATTEMPTS);
    const [n] = await inboxOf('usa-fbi', tag);
    expect(n!.webhook).toMatchObject({ status: 'failed', attempts: MAX_WEBHOOK_ATTEMPTS });
    receivers['usa-fbi']!.state.failFor = 0;
    expect(await redriveWebhooks(coreDeps(), admin, { orgId: 'usa-fbi' })).toEqual({ requeued: 1 });
    expect(await redriveWebhooks(coreDeps(), admin, {})).toEqual({ requeued: 1 }); // gbr-nca's
    await settle();
    expect(arrived('usa-fbi', tag)).toHaveLength(1);
    expect(arrived('gbr-nca', tag)).toHaveLength(1);
  });

  it('pnpm redrive puts them back from the table too', { timeout: 60_000 }, async () => {
    const tag = await giveUp(2);
    const { stdout } = await promisify(execFile)(
      'node_modules/.bin/tsx',
      [
        'packages/local/src/cli/redrive.ts',
        '--queue',
        'delivery',
        '--endpoint',
        inject('sqsEndpoint'),
        '--prefix',
        `${t.tableName.slice(0, 40)}-`,
        '--dynamo',
        inject('dynamoEndpoint'),
        '--table',
        t.tableName,
        '--org',
        'gbr-nca',
      ],
      { cwd: process.cwd() },
    );
    expect(stdout).toContain('put 2 given-up webhook post(s)');
    // The command puts them back due at the wall clock's now: the sweep's clock catches up.
    clock.advance(Math.max(0, Date.now() - clock.now().getTime()) + 1000);
    await settle();
    expect(arrived('gbr-nca', tag)).toHaveLength(2);
    expect(arrived('usa-fbi', tag)).toEqual([]);
  });
});
