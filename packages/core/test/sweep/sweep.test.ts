import { describe, expect, it } from 'vitest';
import { type Commit, createTask, DUE_SHARDS, type SweepOptions, sweepDue } from '../../src/index';
import type { MemoryDeps } from '../../testing';
import { agencies, DAY, gbr, taskforce, vnm } from '../world';

const MIN = 60_000;

/** `workspaces` workspaces with `tasks` tasks each, every task with one timer (its deadline), due a minute apart. */
const setUp = async (workspaces: number, tasks: number) => {
  const deps = await agencies(vnm, gbr);
  const due = new Map<string, string[]>(); // workspace → its timers' ids, in due order
  for (let w = 0; w < workspaces; w++) {
    const ws = await taskforce(deps, vnm, [gbr]);
    const ids: string[] = [];
    for (let i = 0; i < tasks; i++) {
      const dueAt = new Date(deps.clock.now().getTime() + DAY + (tasks - i) * MIN).toISOString();
      const task = (
        await createTask(deps, { principal: vnm }, ws.id, {
          title: `t${i}`,
          description: '',
          assigneeOrgId: 'gbr-nca',
          dueAt,
          priority: 'normal',
          reminders: [],
        })
      ).result;
      ids.unshift(`${task.id}~overdue`);
    }
    due.set(ws.id, ids);
  }
  deps.clock.advance(2 * DAY);
  return { deps, due, all: [...due.values()].flat() };
};

/** What is still due, across every shard. */
const stillDue = async (deps: MemoryDeps) =>
  (await Promise.all(Array.from({ length: DUE_SHARDS }, (_, s) => deps.store.dueTimers(s, deps.clock.now(), 10_000))))
    .flat()
    .map((t) => t.id);

const claimOf = (c: Commit) => {
  for (const w of c.writes) if (w.op === 'delete' && w.ref.kind === 'timer') return w.ref;
  return undefined;
};

/**
 * The store as the sweep sees it, instrumented: each claim takes a few turns of the event loop
 * to commit, and the commits in flight are counted, per workspace and in all.
 */
const instrument = (deps: MemoryDeps) => {
  const real = deps.store.commit.bind(deps.store);
  const inFlight = new Map<string, number>();
  const stats = { maxPerWorkspace: 0, maxAll: 0, all: 0, order: new Map<string, string[]>(), claims: 0 };
  deps.store.commit = async (c) => {
    const claim = claimOf(c);
    if (!claim) return real(c);
    stats.claims++;
    const n = (inFlight.get(claim.workspaceId) ?? 0) + 1;
    inFlight.set(claim.workspaceId, n);
    stats.all++;
    stats.maxPerWorkspace = Math.max(stats.maxPerWorkspace, n);
    stats.maxAll = Math.max(stats.maxAll, stats.all);
    try {
      await new Promise((r) => setTimeout(r, 1));
      const out = await real(c);
      stats.order.set(claim.workspaceId, [...(stats.order.get(claim.workspaceId) ?? []), claim.id]);
      return out;
    } finally {
      inFlight.set(claim.workspaceId, inFlight.get(claim.workspaceId)! - 1);
      stats.all--;
    }
  };
  return stats;
};

describe('the sweep', () => {
  it('fires many workspaces at once, but one workspace one timer at a time, in due order', async () => {
    const { deps, due, all } = await setUp(12, 5);
    const stats = instrument(deps);
    const report = await sweepDue(deps, { concurrency: 4, pageSize: 7 });
    expect(report).toMatchObject({ due: all.length, dropped: 0, lost: 0, more: false });
    expect(report.fired.map((f) => f.timerId).sort()).toEqual([...all].sort());
    expect(stats.maxPerWorkspace).toBe(1);
    expect(stats.maxAll).toBeGreaterThan(1);
    expect(stats.maxAll).toBeLessThanOrEqual(4);
    for (const [ws, ids] of due) expect(stats.order.get(ws)).toEqual(ids);
    expect(await stillDue(deps)).toEqual([]);
  });

  it('with a concurrency of 1 fires one timer at a time in all', async () => {
    const { deps, all } = await setUp(3, 3);
    const stats = instrument(deps);
    expect((await sweepDue(deps, { concurrency: 1, pageSize: 2 })).fired).toHaveLength(all.length);
    expect(stats.maxAll).toBe(1);
  });

  it('stops when its budget is spent and leaves the rest due, for the next sweep', async () => {
    const { deps, due, all } = await setUp(4, 5);
    const stats = instrument(deps);
    // The budget is asked before each timer: it runs out after the sixth claim.
    const budget: SweepOptions = { concurrency: 2, timeLeftMs: () => (stats.claims < 6 ? 1 : 0) };
    const first = await sweepDue(deps, budget);
    expect(first.more).toBe(true);
    expect(first.fired).toHaveLength(6);
    const left = await stillDue(deps);
    expect(left.sort()).toEqual(all.filter((id) => !first.fired.some((f) => f.timerId === id)).sort());
    // What fired is each workspace's earliest: nothing was skipped in due order.
    for (const [ws, ids] of due) {
      const fired = stats.order.get(ws) ?? [];
      expect(ids.slice(0, fired.length)).toEqual(fired);
    }
    const second = await sweepDue(deps);
    expect(second.more).toBe(false);
    expect([...first.fired, ...second.fired].map((f) => f.timerId).sort()).toEqual([...all].sort());
    for (const [ws, ids] of due) expect(stats.order.get(ws)).toEqual(ids);
  });

  it('takes no more than its share of one workspace, leaving the later ones due in order', async () => {
    const { deps, due } = await setUp(2, 5);
    const stats = instrument(deps);
    const first = await sweepDue(deps, { perWorkspace: 3 });
    expect(first).toMatchObject({ more: true });
    expect(first.fired).toHaveLength(6);
    for (const [ws, ids] of due) expect(stats.order.get(ws)).toEqual(ids.slice(0, 3));
    expect((await sweepDue(deps, { perWorkspace: 3 })).more).toBe(false);
    for (const [ws, ids] of due) expect(stats.order.get(ws)).toEqual(ids);
  });

  it('never fires a timer twice, nor loses one, with two sweeps at once', async () => {
    const { deps, all } = await setUp(6, 4);
    const stats = instrument(deps);
    const [a, b] = await Promise.all([sweepDue(deps, { concurrency: 3, pageSize: 5 }), sweepDue(deps, { concurrency: 3, pageSize: 3 })]);
    const fired = [...a.fired, ...b.fired].map((f) => f.timerId);
    expect(fired.sort()).toEqual([...all].sort());
    expect(a.lost + b.lost).toBeGreaterThan(0); // they did meet
    expect(a.fired.length + a.lost).toBe(all.length);
    expect(b.fired.length + b.lost).toBe(all.length);
    expect(stats.order.size).toBe(6);
    expect(await stillDue(deps)).toEqual([]);
  });

  it('a timer that throws stops its own workspace (the rest stays due, in order); the others fire; then the sweep throws', async () => {
    const { deps, due } = await setUp(3, 3);
    const ids = [...due.values()][1]!;
    const real = deps.store.commit.bind(deps.store);
    deps.store.commit = async (c) => {
      if (claimOf(c)?.id === ids[1]) throw new Error('process killed');
      return real(c);
    };
    await expect(sweepDue(deps, { concurrency: 2 })).rejects.toThrow('process killed');
    expect((await stillDue(deps)).sort()).toEqual(ids.slice(1).sort());
    deps.store.commit = real;
    const next = await sweepDue(deps);
    expect(next.fired.map((f) => f.timerId)).toEqual(ids.slice(1));
  });
});
