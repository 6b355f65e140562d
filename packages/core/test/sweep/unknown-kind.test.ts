import { describe, expect, it } from 'vitest';
import { createTask, DUE_SHARDS, sweepDue, type Timer } from '../../src/index';
import { type MemoryDeps, unsealedEntry } from '../../testing';
import { agencies, DAY, gbr, taskforce, vnm } from '../world';

const stillDue = async (deps: MemoryDeps) =>
  (await Promise.all(Array.from({ length: DUE_SHARDS }, (_, s) => deps.store.dueTimers(s, deps.clock.now(), 10_000))))
    .flat()
    .map((t) => t.id);

describe('a timer of a kind no feature registered', () => {
  it('is reported by the sweep and left due, not dropped; the timers around it fire', async () => {
    const deps = await agencies(vnm, gbr);
    const ws = await taskforce(deps, vnm, [gbr]);
    const dueAt = new Date(deps.clock.now().getTime() + DAY).toISOString();
    const task = (
      await createTask(deps, { principal: vnm }, ws.id, {
        title: 't',
        description: '',
        assigneeOrgId: 'gbr-nca',
        dueAt,
        priority: 'normal',
        reminders: [],
      })
    ).result;
    // Written by a version that knows a kind this one does not (or by hand), due before the task's deadline.
    // @ts-expect-error a kind no feature declared: code of this version cannot make one
    const stranger: Timer = { workspaceId: ws.id, id: `${task.id}~stranger`, kind: 'nobody.registered', subjectId: task.id, dueAt };
    await deps.store.commit({
      audit: unsealedEntry(ws.id, { at: deps.clock.now().toISOString(), action: 'test.timer', target: { type: 'timer', id: stranger.id } }),
      events: [],
      writes: [{ op: 'put', record: { kind: 'timer', value: stranger }, expect: 'any' }],
    });
    deps.clock.advance(2 * DAY);

    const first = await sweepDue(deps);
    expect(first.unknown).toEqual([{ timerId: stranger.id, kind: 'nobody.registered', workspaceId: ws.id }]);
    expect(first).toMatchObject({ due: 2, dropped: 0, lost: 0, more: false });
    expect(first.fired).toEqual([{ timerId: `${task.id}~overdue`, kind: 'task.overdue' }]);
    expect(await stillDue(deps)).toEqual([stranger.id]);

    // Every sweep reports it again while it stays due.
    const second = await sweepDue(deps);
    expect(second.unknown.map((u) => u.timerId)).toEqual([stranger.id]);
    expect(second.fired).toEqual([]);
  });

  it('is not mistaken for a handler inherited by every object', async () => {
    const deps = await agencies(vnm);
    const ws = await taskforce(deps, vnm, []);
    const timer: Timer = {
      workspaceId: ws.id,
      id: 'x~constructor',
      // @ts-expect-error a kind no feature declared: code of this version cannot make one
      kind: 'constructor',
      subjectId: ws.id,
      dueAt: deps.clock.now().toISOString(),
    };
    await deps.store.commit({
      audit: unsealedEntry(ws.id, { at: deps.clock.now().toISOString(), action: 'test.timer', target: { type: 'timer', id: timer.id } }),
      events: [],
      writes: [{ op: 'put', record: { kind: 'timer', value: timer }, expect: 'any' }],
    });
    expect((await sweepDue(deps)).unknown.map((u) => u.kind)).toEqual(['constructor']);
  });
});
