import type { Logger } from '@taskforce/api';
import type { SweepOptions, SweepReport } from '@taskforce/core';
import {
  JOB_NAMES,
  type LocalCadence,
  type RelayReport,
  runJobs,
  SCHEDULE,
  type ScheduleDeps,
  type ScheduleOptions,
} from '@taskforce/messaging';
import type { RuntimeOptions } from './options';

export interface LocalScheduler {
  /** One sweep of the due timers now (by default with the core's budget and concurrency). */
  sweep(opts?: SweepOptions): Promise<SweepReport>;
  /** One relay pass now, over the outbox and over the webhook posts that are due. */
  relay(): Promise<RelayReport>;
  /** Stops the tickers; a sweep in flight ends after the timers it is firing. */
  stop(): void;
}

/** Audit chains the in-process sequencer did not catch up (it failed, or the runtime stopped) are sequenced after this long. */
const SEQUENCE_AFTER_MS = 2_000;

const jobsRun = (cadence: LocalCadence) => JOB_NAMES.filter((name) => SCHEDULE[name].local === cadence);

/**
 * The scheduled jobs (`SCHEDULE` in @taskforce/messaging, what the sweep function runs every
 * minute on AWS) on this machine's faster clocks: those of the `sweep` cadence every
 * `sweepEveryMs` (default 5 s; `--sweep-seconds`), unless false (tests drive it by hand), and
 * those of the `relay` cadence every `relayEveryMs` (default 1 s) while the workers run. A
 * cadence's run never overlaps the one before it: a tick that finds it still running is skipped.
 */
export function startScheduler(
  deps: ScheduleDeps,
  logger: Logger,
  opts: Pick<RuntimeOptions, 'sweepEveryMs' | 'sweepBudgetMs' | 'sweepConcurrency' | 'workers' | 'relayEveryMs' | 'redeliverAfterMs'>,
): LocalScheduler {
  let stopping = false;
  const base: ScheduleOptions = { sequenceAfterMs: SEQUENCE_AFTER_MS, redeliverAfterMs: opts.redeliverAfterMs };
  const sweepEveryMs = opts.sweepEveryMs === false ? 0 : (opts.sweepEveryMs ?? 5_000);
  const sweepTick = (): SweepOptions => {
    const until = Date.now() + (opts.sweepBudgetMs ?? sweepEveryMs);
    // Stopping the runtime ends the sweep after the timers in flight.
    return {
      timeLeftMs: () => (stopping ? 0 : until - Date.now()),
      ...(opts.sweepConcurrency ? { concurrency: opts.sweepConcurrency } : {}),
    };
  };

  const relay = async (resume = false): Promise<RelayReport> => {
    const { results } = await runJobs(jobsRun('relay'), deps, { ...base, resume });
    const total: RelayReport = { relayed: 0, failed: 0, calls: 0 };
    for (const r of Object.values(results))
      if (r && 'relayed' in r) {
        total.relayed += r.relayed;
        total.failed += r.failed;
        total.calls += r.calls;
      }
    return total;
  };
  const sweep = async () => {
    const run = await runJobs(jobsRun('sweep'), deps, { ...base, sweep: sweepTick() });
    if (Object.values(run.metrics).some((n) => n > 0)) logger.info('sweep', run.fields);
  };

  const every = (ms: number, what: string, run: () => Promise<unknown>) => {
    let running = false;
    return setInterval(async () => {
      if (running) return;
      running = true;
      try {
        await run();
      } catch (err) {
        logger.error(`${what} failed`, { message: err instanceof Error ? err.message : String(err) });
      } finally {
        running = false;
      }
    }, ms);
  };
  // The first relay run of the workers resumes what a runtime before this one (stopped, or
  // killed) left queued: everything it deferred is due now, not `redeliverAfterMs` after it
  // queued it (see `RelayOptions.resume`). Until that run has gone through, each run resumes.
  let resumed = false;
  const relayTick = async () => {
    await relay(!resumed);
    resumed = true;
  };
  const tickers = [
    ...(opts.sweepEveryMs === false ? [] : [every(sweepEveryMs, 'sweep', sweep)]),
    ...(opts.workers === false ? [] : [every(opts.relayEveryMs ?? 1000, 'relay', relayTick)]),
  ];

  return {
    sweep: (o = {}) => SCHEDULE.timers.run(deps, { sweep: o }),
    relay: () => relay(),
    stop() {
      stopping = true;
      for (const t of tickers) clearInterval(t);
    },
  };
}
