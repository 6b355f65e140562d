import { describe, expect, it } from 'vitest';
import { DomainError, getTask, listTasks, sweepDue, updateTask } from '../../src/index';
import { agencies, assignTask, DAY, gbr, taskforce, vnm } from '../world';

const setUp = async () => {
  const deps = await agencies(vnm, gbr);
  const ws = await taskforce(deps, vnm, [gbr], { title: 'Op Mekong', legalBasis: { code: 'JIT-AGREEMENT', text: 'JIT 2026/3' } });
  const task = await assignTask(deps, vnm, ws.id, 'gbr-nca');
  return { deps, ws, task };
};

describe('tasks on the in-memory store', () => {
  it('moves a task along its state machine, refusing a stale version and a transition not in the table', async () => {
    const { deps, ws, task } = await setUp();
    expect(task).toMatchObject({ status: 'open', version: 1, assigneeOrgId: 'gbr-nca' });
    const accepted = (await updateTask(deps, { principal: gbr }, ws.id, task.id, { status: 'accepted' }, 1)).result;
    expect(accepted).toMatchObject({ status: 'accepted', version: 2 });
    await expect(updateTask(deps, { principal: gbr }, ws.id, task.id, { status: 'in_progress' }, 1)).rejects.toMatchObject({
      code: 'stale_version',
    });
    await expect(updateTask(deps, { principal: gbr }, ws.id, task.id, { status: 'done' }, 2)).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'conflict',
    );
    await updateTask(deps, { principal: gbr }, ws.id, task.id, { status: 'in_progress' }, 2);
    await updateTask(deps, { principal: gbr }, ws.id, task.id, { status: 'done' }, 3);
    expect((await getTask(deps, vnm, ws.id, task.id)).status).toBe('done');
  });

  it('reminds a day before, then marks the task overdue when the sweep passes its due time, once', async () => {
    const { deps, ws, task } = await setUp();
    expect((await sweepDue(deps)).due).toBe(0);
    deps.clock.advance(DAY + 1000);
    expect((await sweepDue(deps)).fired.map((f) => f.kind)).toEqual(['task.reminder']);
    expect((await getTask(deps, vnm, ws.id, task.id)).escalatedAt).toBeUndefined();
    deps.clock.advance(DAY);
    expect((await sweepDue(deps)).fired.map((f) => f.kind).sort()).toEqual(['task.overdue', 'task.reminder']);
    expect((await getTask(deps, vnm, ws.id, task.id)).escalatedAt).toBe(deps.clock.now().toISOString());
    expect((await sweepDue(deps)).due).toBe(0);
    const overdue = await listTasks(deps, vnm, ws.id, { limit: 10, overdueAt: deps.clock.now().toISOString() });
    expect(overdue.items.map((t) => t.id)).toEqual([task.id]);
  });

  it('clears the timers of a finished task: the sweep finds nothing to fire', async () => {
    const { deps, ws, task } = await setUp();
    await updateTask(deps, { principal: vnm }, ws.id, task.id, { status: 'cancelled', reason: 'superseded' }, 1);
    deps.clock.advance(3 * DAY);
    expect(await sweepDue(deps)).toMatchObject({ due: 0, fired: [] });
    expect((await listTasks(deps, vnm, ws.id, { limit: 10, overdueAt: deps.clock.now().toISOString() })).items).toEqual([]);
  });
});
