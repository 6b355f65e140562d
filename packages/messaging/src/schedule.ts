import { type SequencerDeps, type SweepDeps, type SweepOptions, type SweepReport, sequenceWaitingChains, sweepDue } from '@taskforce/core';
import type { MessagingDeps } from './deps';
import { type RelayReport, relayOutbox, sweepWebhooks } from './relay';

/**
 * What runs on a schedule, defined once. On AWS the sweep function (functions/src/sweep.ts),
 * invoked by a rule every minute, runs every job once per invocation, in this order, and
 * publishes their counts; the local runtime runs them on its own faster clocks (see
 * packages/local/src/scheduler.ts), each job with the cadence it names here.
 */

/**
 * What the jobs reach: the domain's dependencies for the timers and the audit chains, and the
 * workers' for the relays (the outbox, due webhook posts, the queues) and the logger. On AWS both
 * are one object; the local runtime passes its own two as they are, so a change to either (a
 * test's, a bench's) is seen here too.
 */
export interface ScheduleDeps {
  core: SweepDeps & SequencerDeps;
  messaging: Pick<MessagingDeps, 'alerts' | 'sqs' | 'queues' | 'clock' | 'logger'>;
}

/** How one run is tuned where it runs: on AWS from the sweep function's environment, locally from the runtime's options. */
export interface ScheduleOptions {
  /** The timer sweep's bounds: the time left to it, the workspaces it fires at once. */
  sweep?: SweepOptions;
  /** Only outbox events at least this old are relayed (on AWS the table's stream relays them first; default 0). */
  relayMinAgeMs?: number;
  /** How long the relays leave what they queued before they queue it again (default 5 min). */
  redeliverAfterMs?: number;
  /**
   * The relays' first run after the local runtime starts again on its data: everything the
   * runtime before it queued and deferred counts as due now (see `RelayOptions.resume`).
   */
  resume?: boolean;
  /** How long an audit entry stays queued before the sweep sequences its chain (default 5 s). */
  sequenceAfterMs?: number;
}

/**
 * Locally, a job runs with the timer sweep (every `--sweep-seconds`) or with the relay, every
 * second while the workers run: the relay stands in for the table's stream that feeds the queue on AWS.
 */
export type LocalCadence = 'sweep' | 'relay';

interface ScheduledJob<R> {
  /** Minutes between runs on AWS: every invocation of the sweep function, which a rule invokes every minute. */
  awsEveryMinutes: 1;
  local: LocalCadence;
  run(deps: ScheduleDeps, opts: ScheduleOptions): Promise<R>;
  /** Its counts, as the sweep function publishes them (CloudWatch metrics by name). */
  metrics(r: R): Record<string, number>;
  /** What it adds to the log line of a run. */
  fields(r: R): Record<string, unknown>;
}

const job = <R>(j: ScheduledJob<R>): ScheduledJob<R> => j;

export const SCHEDULE = {
  /**
   * Due timers (escalations, reminders, legal clocks), fired until the time left is spent. A
   * timer of a kind no feature registered is an error: logged, counted, and left due.
   */
  timers: job<SweepReport>({
    awsEveryMinutes: 1,
    local: 'sweep',
    async run(deps, opts) {
      const report = await sweepDue(deps.core, opts.sweep);
      for (const u of report.unknown) deps.messaging.logger.error('sweep: a due timer of a kind no feature registered, left due', u);
      return report;
    },
    metrics: (r) => ({ TimersFired: r.fired.length, TimersOfUnknownKind: r.unknown.length, SweepUnfinished: r.more ? 1 : 0 }),
    fields: (r) => ({ due: r.due, fired: r.fired.length, dropped: r.dropped, unknown: r.unknown.length, lost: r.lost, more: r.more }),
  }),
  /** The outbox relay's backstop on AWS (what the stream missed); the relay itself locally. */
  outbox: job<RelayReport>({
    awsEveryMinutes: 1,
    local: 'relay',
    run: (deps, opts) =>
      relayOutbox(deps.messaging, { minAgeMs: opts.relayMinAgeMs, redeliverAfterMs: opts.redeliverAfterMs, resume: opts.resume }),
    metrics: (r) => ({ OutboxRelayed: r.relayed }),
    fields: (r) => ({ relayed: r.relayed }),
  }),
  /** Webhook posts whose attempt is due, back on the delivery queue whatever became of their message. */
  webhooks: job<RelayReport>({
    awsEveryMinutes: 1,
    local: 'relay',
    run: (deps, opts) => sweepWebhooks(deps.messaging, { redeliverAfterMs: opts.redeliverAfterMs, resume: opts.resume }),
    metrics: (r) => ({ WebhooksRedriven: r.relayed }),
    fields: (r) => ({ webhooksRedriven: r.relayed }),
  }),
  /** Audit chains whose entries are still queued (the stream's or the in-process sequencer failed or lagged). */
  audit: job<{ chains: number; sequenced: number }>({
    awsEveryMinutes: 1,
    local: 'sweep',
    run: (deps, opts) => sequenceWaitingChains(deps.core, { olderThanMs: opts.sequenceAfterMs }),
    metrics: (r) => ({ AuditSequencedBySweep: r.sequenced }),
    fields: (r) => ({ auditChains: r.chains, auditSequenced: r.sequenced }),
  }),
};

export type JobName = keyof typeof SCHEDULE;
export type JobResults = { [K in JobName]: Awaited<ReturnType<(typeof SCHEDULE)[K]['run']>> };

/** Every job, in the order a run takes them. */
export const JOB_NAMES = Object.keys(SCHEDULE) as JobName[];

/**
 * Runs the named jobs one after another, in the order given; the first that throws ends the run
 * (and throws), the rest waiting for the next. Returns what each job reported, with the counts
 * (`metrics`) and log fields of them all.
 */
export async function runJobs<K extends JobName>(
  names: readonly K[],
  deps: ScheduleDeps,
  opts: ScheduleOptions = {},
): Promise<{ results: Pick<JobResults, K>; metrics: Record<string, number>; fields: Record<string, unknown> }> {
  const results = {} as Pick<JobResults, K>;
  const metrics: Record<string, number> = {};
  const fields: Record<string, unknown> = {};
  for (const name of names) {
    const j = SCHEDULE[name] as ScheduledJob<unknown>;
    const r = await j.run(deps, opts);
    (results as Record<string, unknown>)[name] = r;
    Object.assign(metrics, j.metrics(r));
    Object.assign(fields, j.fields(r));
  }
  return { results, metrics, fields };
}
