import { describe, expect, it } from 'vitest';
import { createTask, getTask, listTasks, READ_COALESCE_MS, readCoalescing } from '../../src';
import { settledAudit } from '../../testing';
import { agencies, DAY, gbr, principal, taskforce, vnm } from '../world';

const POLL_MS = 5000;

const setUp = async () => {
  const deps = await agencies(vnm, gbr);
  const ws = await taskforce(deps, vnm, [gbr]);
  const task = (
    await createTask(deps, { principal: vnm }, ws.id, {
      title: 'Trace the AMBER wallet',
      description: 'Only for the task force',
      assigneeOrgId: 'gbr-nca',
      dueAt: new Date(deps.clock.now().getTime() + 2 * DAY).toISOString(),
      priority: 'high',
      marking: { tlp: 'AMBER', releasableTo: 'members', caveats: [] },
    })
  ).result;
  return { deps, ws, task };
};

const reads = async (deps: Awaited<ReturnType<typeof setUp>>['deps'], ws: string) =>
  (await settledAudit(deps, ws)).entries.filter((e) => e.action === 'task.read' || e.action === 'task.listed');

describe('reads by polling do not flood the audit trail', () => {
  it('records a page left open for a minute (12 polls of the record and of the list) as one read and one list entry', async () => {
    const { deps, ws, task } = await setUp();
    // Start at a window's beginning, so the minute stays inside one window.
    deps.clock.set(new Date(Math.ceil(deps.clock.now().getTime() / READ_COALESCE_MS) * READ_COALESCE_MS));
    for (let i = 0; i < 12; i++) {
      await getTask(deps, gbr, ws.id, task.id);
      await listTasks(deps, gbr, ws.id, { limit: 25 });
      deps.clock.advance(POLL_MS);
    }
    const entries = await reads(deps, ws.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['task.listed', 'task.read']);
    expect(entries.find((e) => e.action === 'task.read')).toMatchObject({ actor: { sub: gbr.sub }, target: { type: 'task', id: task.id } });
  });

  it('writes at most a few entries however the minute falls across windows, and one more per window after', async () => {
    const { deps, ws, task } = await setUp();
    deps.clock.set(new Date(Math.ceil(deps.clock.now().getTime() / READ_COALESCE_MS) * READ_COALESCE_MS + READ_COALESCE_MS - 30_000));
    for (let i = 0; i < 12; i++) {
      await getTask(deps, gbr, ws.id, task.id);
      deps.clock.advance(POLL_MS);
    }
    expect((await reads(deps, ws.id)).length).toBe(2);
    // Ten more minutes of polling: one entry per window.
    for (let i = 0; i < 120; i++) {
      await getTask(deps, gbr, ws.id, task.id);
      deps.clock.advance(POLL_MS);
    }
    expect((await reads(deps, ws.id)).length).toBe(4);
  });

  it('still records each other subject, record and changed list on its own', async () => {
    const { deps, ws, task } = await setUp();
    const gbrAnalyst = { ...principal('gbr-nca', 'GBR'), sub: 'gbr-analyst' };
    await getTask(deps, gbr, ws.id, task.id);
    await getTask(deps, gbr, ws.id, task.id);
    await getTask(deps, gbrAnalyst, ws.id, task.id);
    await listTasks(deps, gbr, ws.id, { limit: 25 });
    const second = (
      await createTask(deps, { principal: vnm }, ws.id, {
        title: 'Another AMBER task',
        description: '',
        assigneeOrgId: 'gbr-nca',
        dueAt: new Date(deps.clock.now().getTime() + DAY).toISOString(),
        priority: 'normal',
        marking: { tlp: 'AMBER', releasableTo: 'members', caveats: [] },
      })
    ).result;
    // The list now shows one more record: a new read.
    await listTasks(deps, gbr, ws.id, { limit: 25 });
    await listTasks(deps, gbr, ws.id, { limit: 25 });
    await getTask(deps, gbr, ws.id, second.id);
    const entries = await reads(deps, ws.id);
    expect(entries.map((e) => `${e.action} ${e.actor.sub} ${e.target.id}`)).toEqual([
      `task.read ${gbr.sub} ${task.id}`,
      `task.read gbr-analyst ${task.id}`,
      `task.listed ${gbr.sub} ${task.id}`,
      `task.listed ${gbr.sub} 2 records`,
      `task.read ${gbr.sub} ${second.id}`,
    ]);
  });

  it('keys a read by subject, action, records and window, whatever order a list shows them in', () => {
    const actor = { sub: 'u', orgId: 'gbr-nca', country: 'GBR' };
    const at = new Date('2026-01-01T00:01:00Z');
    const list = (ids: string[]) => ({
      action: 'task.listed',
      target: { type: 'task', id: `${ids.length} records` },
      details: { ids },
      markings: [],
    });
    const key = (draft: Parameters<typeof readCoalescing>[2], now = at, who = actor) => readCoalescing('ws', who, draft, now).scope;
    expect(key(list(['a', 'b']))).toBe(key(list(['b', 'a'])));
    expect(key(list(['a', 'b']))).not.toBe(key(list(['a', 'c'])));
    expect(key(list(['a', 'b']))).toBe(key(list(['a', 'b']), new Date('2026-01-01T00:04:59Z')));
    expect(key(list(['a', 'b']))).not.toBe(key(list(['a', 'b']), new Date('2026-01-01T00:05:00Z')));
    expect(key(list(['a', 'b']))).not.toBe(key(list(['a', 'b']), at, { ...actor, sub: 'v' }));
    expect(readCoalescing('ws', actor, list(['a']), at).expiresAt).toBe('2026-01-01T00:10:00.000Z');
  });
});
