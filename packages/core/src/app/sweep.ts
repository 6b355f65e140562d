import { SYSTEM_ACTOR } from '../audit';
import { CommitConflict } from '../errors';
import { isTerminalTask } from '../machines';
import type { Task, Timer } from '../model';
import type { Deps } from '../ports';
import { DUE_SHARDS } from '../timers';
import { runCommand } from './runner';

export interface SweepReport {
  due: number;
  fired: { timerId: string; kind: Timer['kind'] }[];
  dropped: number;
  /** Claimed by a concurrent sweep before this one could. */
  lost: number;
}

/**
 * Reads only what is due, shard by shard, and fires each timer in its own transaction that
 * also deletes the timer on the condition that it still exists: the delete is the claim, so
 * two sweeps running at once never both act, and a sweep that dies midway leaves the timer
 * in place for the next one.
 */
export async function sweepDue(deps: Deps, opts: { batch?: number } = {}): Promise<SweepReport> {
  const now = deps.clock.now();
  const report: SweepReport = { due: 0, fired: [], dropped: 0, lost: 0 };
  for (let shard = 0; shard < DUE_SHARDS; shard++) {
    const timers = await deps.store.dueTimers(shard, now, opts.batch ?? 100);
    report.due += timers.length;
    for (const timer of timers) {
      const outcome = await fireTimer(deps, timer);
      if (outcome === 'fired') report.fired.push({ timerId: timer.id, kind: timer.kind });
      else if (outcome === 'dropped') report.dropped++;
      else report.lost++;
    }
  }
  return report;
}

export async function fireTimer(deps: Deps, timer: Timer): Promise<'fired' | 'dropped' | 'lost'> {
  const { workspaceId } = timer;
  const timerRef = { kind: 'timer' as const, workspaceId, id: timer.id };
  const taskRef = { kind: 'task' as const, workspaceId, id: timer.subjectId };
  let kind: 'fired' | 'dropped' = 'fired';
  try {
    const outcome = await runCommand(deps, {
      chainId: workspaceId,
      actor: SYSTEM_ACTOR,
      refs: [{ kind: 'workspace', id: workspaceId }, taskRef, timerRef],
      retryOnStale: true,
      decide(view, now) {
        const current = view.get(timerRef);
        if (!current) return null; // already claimed
        const ws = view.get({ kind: 'workspace', id: workspaceId });
        const task = view.get(taskRef);
        const claim = { op: 'delete' as const, ref: timerRef, expect: 'present' as const };
        if (!ws || ws.status === 'closed' || !task || isTerminalTask(task.status)) {
          kind = 'dropped';
          return {
            writes: [claim],
            audit: { action: 'timer.dropped', target: { type: 'task', id: timer.subjectId }, details: { timer: timer.kind } },
            result: null,
          };
        }
        kind = 'fired';
        if (current.kind === 'task.reminder') {
          return {
            writes: [claim],
            audit: {
              action: 'task.reminder_sent',
              target: { type: 'task', id: task.id },
              details: { before: current.offset, dueAt: task.dueAt },
            },
            events: [
              {
                type: 'task.reminder',
                workspaceId,
                subject: { type: 'task', id: task.id },
                audience: [task.assigneeOrgId],
                data: { title: task.title, dueAt: task.dueAt, before: current.offset },
              },
            ],
            result: null,
          };
        }
        const escalated: Task = { ...task, escalatedAt: now.toISOString(), version: task.version + 1 };
        return {
          writes: [claim, { op: 'put', record: { kind: 'task', value: escalated }, expect: task.version }],
          audit: { action: 'task.escalated', target: { type: 'task', id: task.id }, details: { dueAt: task.dueAt, to: ws.leadOrgId } },
          events: [
            {
              type: 'task.overdue',
              workspaceId,
              subject: { type: 'task', id: task.id },
              audience: [ws.leadOrgId, task.assigneeOrgId],
              data: { title: task.title, dueAt: task.dueAt, assignee: task.assigneeOrgId, status: task.status },
            },
          ],
          result: null,
        };
      },
    });
    return outcome.committed ? kind : 'lost';
  } catch (err) {
    if (err instanceof CommitConflict && err.reason === 'missing') return 'lost';
    throw err;
  }
}
