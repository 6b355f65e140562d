import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { fireTimerNow } from '@taskforce/core';
import { JOB_NAMES, runJobs } from '@taskforce/messaging';
import type { Context, ScheduledEvent } from 'aws-lambda';
import { auditSigner, lambda, log, metrics } from './runtime';
import { messagingDeps } from './workers';

const all = { ...messagingDeps(), auditSigner: auditSigner() };
const deps = { core: all, messaging: all };

const relayAfterMs = Number(process.env.OUTBOX_RELAY_AFTER_SECONDS ?? 60) * 1000;
/** Left of the invocation's time when the sweep stops starting timers: for those in flight, the relay and the webhook sweep. */
const marginMs = Number(process.env.SWEEP_MARGIN_SECONDS ?? 10) * 1000;
/** What a scheduled invocation keeps of its run after waiting for its timer's due time. */
const ONE_TIMER_MARGIN_MS = 2_000;
/** Workspaces fired at once. */
const concurrency = Number(process.env.SWEEP_CONCURRENCY ?? 32);

/** How old a queued audit entry must be before the sweep sequences its chain (the stream's sequencer normally has). */
const sequenceAfterMs = Number(process.env.AUDIT_SEQUENCE_AFTER_SECONDS ?? 10) * 1000;

/** What an escalation's one-time schedule sends (packages/messaging/src/escalation-schedules.ts). */
interface TimerEvent {
  workspaceId: string;
  timerId: string;
}

const isTimerEvent = (e: unknown): e is TimerEvent =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as TimerEvent).workspaceId === 'string' &&
  typeof (e as TimerEvent).timerId === 'string' &&
  !('detail-type' in e);

/**
 * One escalation timer at its due time: fired through the sweep's claim if it is there and due,
 * else nothing (fired already, acknowledged, or not yet due: the sweep has it).
 */
const fireOne = async ({ workspaceId, timerId }: TimerEvent, context: Context) => {
  const done = await fireTimerNow(
    all,
    { workspaceId, timerId },
    {
      // Invoked early (a schedule armed a lead time ahead): wait for the due time while the run allows.
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      // One timer's claim takes well under a second: a small margin lets it wait out nearly the whole run.
      waitUpToMs: context.getRemainingTimeInMillis() - ONE_TIMER_MARGIN_MS,
    },
  );
  if (done.outcome === 'fired') metrics.addMetric('TimersFiredOnSchedule', MetricUnit.Count, 1);
  log.info('scheduled timer', { workspaceId, timerId, ...done });
  return done;
};

/**
 * Invoked by an escalation's one-time schedule with `{ workspaceId, timerId }`: that timer (above).
 * Every minute, every scheduled job once (see `SCHEDULE` in @taskforce/messaging): fire due
 * timers (escalations, reminders) until the invocation's time less a margin is spent, relay
 * outbox events the stream relay missed, put back on the delivery queue the webhook posts whose
 * attempt is due, and sequence audit chains whose entries are still queued (after a few seconds:
 * the stream's sequencer failed or lagged).
 */
export const handler = lambda(async (event: ScheduledEvent | TimerEvent, context) => {
  if (isTimerEvent(event)) return fireOne(event, context);
  const run = await runJobs(JOB_NAMES, deps, {
    sweep: { concurrency, timeLeftMs: () => context.getRemainingTimeInMillis() - marginMs },
    relayMinAgeMs: relayAfterMs,
    sequenceAfterMs,
  });
  for (const [name, count] of Object.entries(run.metrics)) metrics.addMetric(name, MetricUnit.Count, count);
  log.info('sweep', { scheduledAt: event.time, ...run.fields });
  const { timers, outbox, webhooks, audit } = run.results;
  return { ...timers, relayed: outbox.relayed, webhooksRedriven: webhooks.relayed, auditSequenced: audit.sequenced };
});
