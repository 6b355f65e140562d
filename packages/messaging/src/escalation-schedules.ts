import { createHash } from 'node:crypto';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { DueTimer, TimerTarget } from '@taskforce/core';

/**
 * One-time EventBridge Scheduler schedules, one per planned escalation timer, that invoke the
 * sweep function with `{ workspaceId, timerId }` at the timer's due time (docs/pager.md,
 * "Escalation precision on AWS"). They are precision only: the timer is in the table, and the
 * one-minute sweep fires it whatever becomes of its schedule, so nothing here ever throws.
 */
export interface TimerSchedules {
  /** Creates a schedule per timer (one that exists already counts as created). */
  arm(timers: DueTimer[]): Promise<ScheduleOutcome>;
  /** Deletes the schedule of each timer (one that is not there counts as deleted). */
  disarm(timers: TimerTarget[]): Promise<ScheduleOutcome>;
}

export interface ScheduleOutcome {
  /** Created or deleted, or found already so. */
  done: number;
  /** Refused or throttled: left to the one-minute sweep (logged). */
  failed: number;
}

export interface TimerSchedulesConfig {
  /** The schedule group every schedule is created in. */
  group: string;
  /** What a schedule invokes: the sweep function's ARN. */
  targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke it. */
  roleArn: string;
  /**
   * Seconds before the due time a schedule is set for (default 0); the sweep function waits out
   * the rest within its run. For a Scheduler that fires anywhere in the minute it was set for.
   */
  leadSeconds?: number;
}

interface Logger {
  warn(msg: string, fields?: Record<string, unknown>): void;
}

/** Allowed in a schedule's name: 1–64 of letters, digits, `-`, `_` and `.`. */
const NAME_MAX = 64;
const HASH_CHARS = 16;

/**
 * The schedule's name, derived from the timer alone (the same timer, the same name, whoever
 * arms it): its id made safe (`~` and any other character outside the charset become `.`),
 * cut to fit, then a hash of the workspace and the timer id, which keeps two timers apart.
 */
export const scheduleName = ({ workspaceId, timerId }: TimerTarget): string => {
  const hash = createHash('sha256').update(`${workspaceId}/${timerId}`).digest('hex').slice(0, HASH_CHARS);
  const readable = timerId.replace(/[^0-9A-Za-z_.-]/g, '.').slice(0, NAME_MAX - HASH_CHARS - 1);
  return `${readable}-${hash}`;
};

/**
 * `at(yyyy-mm-ddThh:mm:ss)` in UTC, rounded up to the whole second: without a lead, a schedule
 * never fires before its timer is due; with one, that many seconds before.
 */
export const scheduleExpression = (dueAt: string, leadSeconds = 0): string => {
  const ms = Date.parse(dueAt);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${dueAt}`);
  return `at(${new Date((Math.ceil(ms / 1000) - Math.max(0, Math.floor(leadSeconds))) * 1000).toISOString().slice(0, 19)})`;
};

const errorName = (err: unknown): string => (err && typeof err === 'object' && 'name' in err ? String(err.name) : 'Error');

/** A create and a delete at most this many at once per call (the API's default quota is 50 a second for each). */
const CONCURRENCY = 10;

const eachLimited = async <T>(items: T[], run: (item: T) => Promise<void>) => {
  for (let i = 0; i < items.length; i += CONCURRENCY) await Promise.all(items.slice(i, i + CONCURRENCY).map(run));
};

/**
 * The schedules through EventBridge Scheduler. The client is loaded on first use (`await import`),
 * so a function that never arms a timer neither loads nor parses it; it retries a throttled call
 * once, then leaves the timer to the sweep rather than hold up what else the caller does.
 */
export class EventBridgeTimerSchedules implements TimerSchedules {
  private client?: Promise<{ client: SchedulerClient; sdk: typeof import('@aws-sdk/client-scheduler') }>;

  constructor(
    private readonly config: TimerSchedulesConfig,
    private readonly logger: Logger,
    private readonly makeClient?: (sdk: typeof import('@aws-sdk/client-scheduler')) => SchedulerClient,
  ) {}

  private scheduler() {
    this.client ??= import('@aws-sdk/client-scheduler').then((sdk) => ({
      sdk,
      client: this.makeClient ? this.makeClient(sdk) : new sdk.SchedulerClient({ maxAttempts: 2 }),
    }));
    return this.client;
  }

  async arm(timers: DueTimer[]): Promise<ScheduleOutcome> {
    const out: ScheduleOutcome = { done: 0, failed: 0 };
    if (timers.length === 0) return out;
    const { client, sdk } = await this.scheduler();
    await eachLimited(timers, async (t) => {
      const name = scheduleName(t);
      try {
        await client.send(
          new sdk.CreateScheduleCommand({
            Name: name,
            GroupName: this.config.group,
            ScheduleExpression: scheduleExpression(t.dueAt, this.config.leadSeconds),
            ScheduleExpressionTimezone: 'UTC',
            FlexibleTimeWindow: { Mode: 'OFF' },
            ActionAfterCompletion: 'DELETE',
            Description: `Escalation timer ${t.timerId}`.slice(0, 512),
            Target: {
              Arn: this.config.targetArn,
              RoleArn: this.config.roleArn,
              Input: JSON.stringify({ workspaceId: t.workspaceId, timerId: t.timerId }),
              // A missed invocation is the sweep's within the minute: no long retries, no dead-letter queue.
              RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 60 },
            },
          }),
        );
        out.done++;
      } catch (err) {
        if (errorName(err) === 'ConflictException') {
          out.done++; // armed already (a repeated event)
          return;
        }
        out.failed++;
        this.logger.warn('escalation schedule not created: the sweep fires the timer', {
          schedule: name,
          timerId: t.timerId,
          error: errorName(err),
        });
      }
    });
    return out;
  }

  async disarm(timers: TimerTarget[]): Promise<ScheduleOutcome> {
    const out: ScheduleOutcome = { done: 0, failed: 0 };
    if (timers.length === 0) return out;
    const { client, sdk } = await this.scheduler();
    await eachLimited(timers, async (t) => {
      const name = scheduleName(t);
      try {
        await client.send(new sdk.DeleteScheduleCommand({ Name: name, GroupName: this.config.group }));
        out.done++;
      } catch (err) {
        if (errorName(err) === 'ResourceNotFoundException') {
          out.done++; // fired and deleted itself, or never created
          return;
        }
        // Left in place it fires on a timer that is gone, and does nothing.
        out.failed++;
        this.logger.warn('escalation schedule not deleted: it will find its timer gone', {
          schedule: name,
          timerId: t.timerId,
          error: errorName(err),
        });
      }
    });
    return out;
  }
}
