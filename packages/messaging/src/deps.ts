import type { SQSClient } from '@aws-sdk/client-sqs';
import type { AlertStore, Clock, DestinationRule, Ids, Store } from '@taskforce/core';
import type { DestinationGuard } from './destinations';
import type { TimerSchedules } from './escalation-schedules';

/** The shape of the one logger (see `createLogger` in @taskforce/api/log), so this package needs none. */
interface MessagingLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Everything relay, fan-out and delivery need: built by the local runtime and by the worker functions (functions/src/workers.ts). */
export interface MessagingDeps {
  store: Store;
  alerts: AlertStore;
  clock: Clock;
  ids: Ids;
  sqs: SQSClient;
  /**
   * `exports`: where fan-out puts audit export jobs for the export worker; `pages`: where it puts
   * the pages an `incident.paged` event names, for the pager (only fan-out needs them).
   */
  queues: { events: string; delivery: string; exports?: string; pages?: string };
  /**
   * One-time schedules that fire each planned escalation timer at its due time (fan-out arms and
   * disarms them; on AWS only: locally the sweep ticks every few seconds, and this is absent).
   */
  schedules?: TimerSchedules;
  /** Used for webhook calls; tests inject their own. */
  fetch: typeof fetch;
  logger: MessagingLogger;
  /** Seconds a failed delivery waits before its next attempt, by receive count (default 10, 20, 40, 80, 160 s, … up to 15 min: see retry-policy.ts). */
  retryDelaySeconds?: (receiveCount: number) => number;
  /** How long a webhook post may stay past its due time, waiting for the queue, before the sweep re-drives it (default 60 s). */
  webhookSweepGraceMs?: number;
  /** Per-endpoint bounds on webhook posts (in flight, circuit breaker); none if absent. */
  destinations?: DestinationGuard;
  /** Webhook request timeout (default 10 s). */
  webhookTimeoutMs?: number;
  /** Where webhooks may point; the same rule the API applies when a webhook is set. */
  webhookDestinations?: DestinationRule;
  /** Resolves a webhook's host to its addresses (default: the system resolver); tests inject their own. */
  resolve?: (host: string) => Promise<string[]>;
}
