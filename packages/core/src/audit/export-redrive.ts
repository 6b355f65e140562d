import type { EventDraft } from '../kernel/events';
import { dueTimerId, type Timer, type TimerHandlers } from '../kernel/timers';
import type { Workspace } from '../workspaces/model';

// ---------------------------------------------------------------------------------------
// Re-driving an export job whose worker never finished it. The job's message to the worker
// can be lost (a runtime killed after fan-out queued it, a queue purged, a dead-letter queue
// emptied) and nothing else would run a queued job again. So the request also writes a due
// timer; the worker's outcome deletes it in its commit. If it comes due with the job still
// queued, the sweep emits the job's event again (fan-out queues it for the worker) and arms
// the timer once more, twice as far off each time (a long export still running is given room:
// 5 + 10 + 20 + 40 + 80 + 160 s locally, hours on AWS); after `MAX_EXPORT_REDRIVES` re-drives
// the job fails as `never_finished`.
// ---------------------------------------------------------------------------------------

const REDRIVE_KIND = 'audit_export.redrive';
declare module '../kernel/timers' {
  interface TimerKinds {
    'audit_export.redrive': true;
  }
}

/**
 * How long after the request, and after each re-drive, a job still queued is re-driven, by
 * default: longer than the export worker may run on AWS (its Lambda times out after 15 minutes,
 * infra/src/constructs/functions.ts), so that a job is not re-run while its worker still runs it.
 * The local runtime passes a few seconds (`exportRedriveAfterMs`): its jobs resume soon after a restart.
 */
export const DEFAULT_EXPORT_REDRIVE_AFTER_MS = 30 * 60_000;
/** Re-drives of one job before it is given up as `never_finished`. */
export const MAX_EXPORT_REDRIVES = 5;

/**
 * The timer's id alternates between two, by the re-drive's parity: the sweep claims one (a
 * delete) and arms the next (a put) in one transaction, which must not name one item twice.
 */
const redriveTimerId = (exportId: string, attempt: number) => dueTimerId(exportId, `redrive~${attempt % 2}`);

/** Both ids a job's timer can have: the worker's outcome deletes them, whichever is there. */
export const redriveTimerIds = (exportId: string): string[] => [redriveTimerId(exportId, 0), redriveTimerId(exportId, 1)];

/** The job's timer after `attempt` re-drives, due `afterMs` from `now`; the delay travels with it, for the next. */
export const redriveTimer = (job: { workspaceId: string; id: string }, attempt: number, now: Date, afterMs: number): Timer => ({
  workspaceId: job.workspaceId,
  id: redriveTimerId(job.id, attempt),
  kind: REDRIVE_KIND,
  subjectId: job.id,
  dueAt: new Date(now.getTime() + afterMs).toISOString(),
  data: { attempt, afterMs },
});

/** The job's event, which wakes the worker: nobody is notified. */
export const exportRequestedEvent = (workspaceId: string, exportId: string): EventDraft => ({
  type: 'audit.export_requested',
  workspaceId,
  subject: { type: 'auditExport', id: exportId },
  audience: [],
  data: { workspaceId, exportId },
});

const jobOf = (timer: Timer) => ({ kind: 'auditExport' as const, workspaceId: timer.workspaceId, id: timer.subjectId });

const redriveData = (timer: Timer): { attempt: number; afterMs: number } => {
  const attempt = timer.data?.attempt;
  const afterMs = timer.data?.afterMs;
  return {
    attempt: typeof attempt === 'number' && Number.isInteger(attempt) && attempt >= 0 ? attempt : 0,
    afterMs: typeof afterMs === 'number' && afterMs > 0 ? afterMs : DEFAULT_EXPORT_REDRIVE_AFTER_MS,
  };
};

/**
 * A job still queued when its timer comes due is re-driven (its event again, the timer armed
 * again, an `audit.export_redriven` entry), or past the last re-drive recorded as failed
 * (`never_finished`, with its `audit.export_failed` entry). A job that is gone or already has
 * its outcome needs nothing: the timer is dropped (a finished job's timer is normally deleted
 * with its outcome, so this is only a timer written before that was so).
 */
export const auditExportTimerHandlers = {
  [REDRIVE_KIND]: {
    refs: (timer) => [jobOf(timer)],
    decide({ view, timer, now }) {
      const job = view.get(jobOf(timer));
      if (job?.status !== 'queued') return 'drop';
      const { attempt, afterMs } = redriveData(timer);
      if (attempt >= MAX_EXPORT_REDRIVES) {
        const failed = {
          ...job,
          status: 'failed' as const,
          error: 'never_finished' as const,
          updatedAt: now.toISOString(),
          version: job.version + 1,
        };
        return {
          writes: [{ op: 'put', record: { kind: 'auditExport', value: failed }, expect: job.version }],
          audit: {
            action: 'audit.export_failed',
            target: { type: 'workspace', id: job.workspaceId },
            markings: [],
            details: { exportId: job.id, code: 'never_finished', redrives: attempt },
          },
        };
      }
      return {
        writes: [{ op: 'put', record: { kind: 'timer', value: redriveTimer(job, attempt + 1, now, afterMs * 2) }, expect: 'any' }],
        audit: {
          action: 'audit.export_redriven',
          target: { type: 'auditExport', id: job.id },
          markings: [],
          details: { exportId: job.id, attempt: attempt + 1 },
        },
        events: [exportRequestedEvent(job.workspaceId, job.id)],
      };
    },
  },
} satisfies TimerHandlers<Workspace, typeof REDRIVE_KIND>;
