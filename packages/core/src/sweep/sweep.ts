import { incidentTimerHandlers } from '../incidents/timers';
import { SYSTEM_ACTOR } from '../kernel/audit';
import { CommitConflict } from '../kernel/errors';
import { isTerminal } from '../kernel/machines';
import type { Marking } from '../kernel/marking';
import type { RecordRef } from '../kernel/records';
import { type LoadedView, runCommand, systemCommand, unchanged } from '../kernel/runner';
import type { KernelDeps, Write } from '../kernel/store';
import { DUE_SHARDS, type Timer, type TimerHandler } from '../kernel/timers';
import { requestTimerHandlers } from '../requests/timers';
import { taskTimerHandlers } from '../tasks/timers';
import { workspaceTransitions } from '../workspaces/machines';
import type { Workspace } from '../workspaces/model';
import type { DueTimerStore } from './ports';

export type SweepDeps = KernelDeps<DueTimerStore>;

/** Every timer kind the platform knows, by kind. */
const timerHandlers: Record<string, TimerHandler<Workspace>> = {
  ...taskTimerHandlers,
  ...requestTimerHandlers,
  ...incidentTimerHandlers,
};

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
export async function sweepDue(deps: SweepDeps, opts: { batch?: number } = {}): Promise<SweepReport> {
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

/** The markings of the records a timer is about that exist (a task, a request, an incident). */
const subjectMarkings = (view: LoadedView, refs: RecordRef[]): Marking[] =>
  refs.flatMap((ref) => {
    const record: unknown = view.get(ref);
    return record && typeof record === 'object' && 'marking' in record ? [record.marking as Marking] : [];
  });

async function fireTimer(deps: SweepDeps, timer: Timer): Promise<'fired' | 'dropped' | 'lost'> {
  const { workspaceId } = timer;
  const timerRef = { kind: 'timer' as const, workspaceId, id: timer.id };
  const handler = timerHandlers[timer.kind];
  let result: 'fired' | 'dropped' = 'fired';
  try {
    const outcome = await runCommand(deps, {
      chainId: workspaceId,
      actor: SYSTEM_ACTOR,
      refs: [{ kind: 'workspace', id: workspaceId }, timerRef, ...(handler?.refs(timer) ?? [])],
      retryOnStale: true,
      authorize: systemCommand,
      decide(view, now) {
        const current = view.get(timerRef);
        if (!current) return unchanged(null); // already claimed
        const claim: Write = { op: 'delete', ref: timerRef, expect: 'present' };
        const ws = view.get({ kind: 'workspace', id: workspaceId });
        const effect =
          ws && !isTerminal(workspaceTransitions, ws.status) && handler ? handler.decide({ view, timer: current, ws, now }) : 'drop';
        if (effect === 'drop') {
          result = 'dropped';
          return {
            writes: [claim],
            audit: {
              action: 'timer.dropped',
              target: { type: 'timer', id: timer.id },
              details: { kind: timer.kind },
              // A timer's id names its subject: the entry is as visible as the subject is.
              markings: subjectMarkings(view, handler?.refs(timer) ?? []),
            },
            result: null,
          };
        }
        result = 'fired';
        return { ...effect, writes: [claim, ...effect.writes], result: null };
      },
    });
    return outcome.committed ? result : 'lost';
  } catch (err) {
    if (err instanceof CommitConflict && err.reason === 'missing') return 'lost';
    throw err;
  }
}
