import { describe, expect, it } from 'vitest';
import {
  acknowledgeNotification,
  type Deps,
  type DomainEvent,
  DUE_SHARDS,
  listMyNotifications,
  planNotifications,
  workspaceOfNotification,
} from '../../src/index';
import type { MemoryDeps } from '../../testing';
import { agencies, assignTask, gbr, principal, taskforce, vnm } from '../world';

const fra = principal('fra-ocl', 'FRA');

/** The outbox as the relay reads it: every shard, everything due by now. */
const unpublished = async (deps: MemoryDeps): Promise<DomainEvent[]> => {
  const out: DomainEvent[] = [];
  for (let s = 0; s < DUE_SHARDS; s++) out.push(...(await deps.alerts.unpublishedEvents(s, deps.clock.now(), 100)));
  return out;
};

/** One fan-out pass over a batch of events, as the fan-out consumer runs it (without the queues). */
const fanOut = async (deps: Deps & MemoryDeps, events: DomainEvent[]) => {
  const ctx = await deps.alerts.fanoutContext(events);
  const now = deps.clock.now();
  const outcomes: string[] = [];
  for (const e of events) {
    if (ctx.published.has(e.id)) continue;
    for (const n of planNotifications(e, ctx, now).notifications) {
      outcomes.push(`${n.recipient}:${await deps.alerts.putNotification({ ...n, receivedAt: now.toISOString() })}`);
    }
    await deps.alerts.markPublished(e, now);
  }
  return outcomes;
};

const setUp = async () => {
  const deps = await agencies(vnm, gbr, fra);
  const ws = await taskforce(deps, vnm, [gbr]);
  await fanOut(deps, await unpublished(deps));
  return { deps, ws };
};

describe('notification fan-out on the in-memory store', () => {
  it("puts each recipient's notification in its inbox once, however often the event is relayed", async () => {
    const { deps, ws } = await setUp();
    const task = await assignTask(deps, vnm, ws.id, 'gbr-nca');
    const events = await unpublished(deps);
    expect(events.map((e) => e.type)).toEqual(['task.assigned']);
    const duplicate = structuredClone(events);

    const first = await fanOut(deps, events);
    expect(first.sort()).toEqual(['gbr-nca:created', 'vnm-a05:created']);
    // The same events again (a redelivered message): already published, nothing is written twice.
    expect(await fanOut(deps, duplicate)).toEqual([]);
    expect(await unpublished(deps)).toEqual([]);
    // Even a fan-out that lost its published mark finds the item there.
    const [n] = planNotifications(events[0]!, await deps.alerts.fanoutContext(events), deps.clock.now()).notifications;
    expect(await deps.alerts.putNotification({ ...n!, receivedAt: deps.clock.now().toISOString() })).toBe('exists');

    const inbox = await listMyNotifications(deps, gbr, { limit: 10 });
    const forTask = inbox.items.filter((x) => x.subject.id === task.id);
    expect(forTask.map((x) => x.type)).toEqual(['task.assigned']);
    expect(forTask[0]).not.toHaveProperty('access');
  });

  it('notifies no one outside the workspace, and acknowledging takes an item off the pending list', async () => {
    const { deps, ws } = await setUp();
    await assignTask(deps, vnm, ws.id, 'gbr-nca');
    await fanOut(deps, await unpublished(deps));
    const fraInbox = (await listMyNotifications(deps, fra, { limit: 10 })).items;
    expect(fraInbox.map((n) => n.type)).toEqual(['organisation.registered']);
    expect(fraInbox.filter((n) => workspaceOfNotification(n) === ws.id)).toEqual([]);
    const pending = (await listMyNotifications(deps, gbr, { limit: 10, pending: true })).items;
    expect(pending.length).toBeGreaterThan(0);
    for (const n of pending) await acknowledgeNotification(deps, gbr, n.id);
    expect((await listMyNotifications(deps, gbr, { limit: 10, pending: true })).items).toEqual([]);
    expect((await listMyNotifications(deps, gbr, { limit: 10 })).items).toHaveLength(pending.length);
  });
});
