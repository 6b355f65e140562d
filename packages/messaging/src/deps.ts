import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  type AlertStore,
  type Clock,
  type DestinationRule,
  destinationRule,
  type Ids,
  type Store,
  systemClock,
  timeOrderedIds,
} from '@taskforce/core';
import { createDynamoClient, DynamoAlertStore, DynamoStore, documentClient } from '@taskforce/dynamo';
import { DestinationGuard } from './destinations';
import { createSqsClient } from './setup';

export interface MessagingLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Everything relay, fan-out and delivery need. The local runtime and the Lambda shells build the same thing. */
export interface MessagingDeps {
  store: Store;
  alerts: AlertStore;
  clock: Clock;
  ids: Ids;
  sqs: SQSClient;
  queues: { events: string; delivery: string };
  /** Used for webhook calls; tests inject their own. */
  fetch: typeof fetch;
  logger: MessagingLogger;
  /** Seconds a failed delivery waits before its next attempt, by receive count (default 10, 20, 40, 80, 160 s). */
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

export const defaultRetryDelaySeconds = (receiveCount: number): number => Math.min(900, 10 * 2 ** Math.max(0, receiveCount - 1));

/** Structured JSON lines on stdout, like the API's. */
export const jsonMessagingLogger = (service = 'taskforce-messaging'): MessagingLogger => {
  const quiet = process.env.LOG_LEVEL === 'silent';
  const emit = (level: string, msg: string, fields?: Record<string, unknown>) => {
    if (quiet) return;
    process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), service, msg, ...fields })}\n`);
  };
  return { info: (m, f) => emit('info', m, f), warn: (m, f) => emit('warn', m, f), error: (m, f) => emit('error', m, f) };
};

const required = (env: Record<string, string | undefined>, name: string): string => {
  const v = env[name];
  if (!v) throw new Error(`environment variable ${name} is not set`);
  return v;
};

/**
 * Builds messaging dependencies from the environment of a Lambda function:
 * - `TABLE_NAME`: the single table;
 * - `EVENTS_QUEUE_URL`: the notification (events) queue, fed by the outbox;
 * - `DELIVERY_QUEUE_URL`: the delivery queue, one message per recipient;
 * - optional `DYNAMODB_ENDPOINT` / `SQS_ENDPOINT` for local engines, and `AWS_REGION`;
 * - optional `WEBHOOK_DESTINATIONS`: `public` (default) or `any` for local receivers.
 */
export const messagingDepsFromEnv = (env: Record<string, string | undefined> = process.env): MessagingDeps => {
  const tableName = required(env, 'TABLE_NAME');
  const doc = documentClient(createDynamoClient(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}));
  return {
    store: new DynamoStore(doc, tableName),
    alerts: new DynamoAlertStore(doc, tableName),
    clock: systemClock,
    ids: timeOrderedIds(systemClock),
    sqs: createSqsClient(env.SQS_ENDPOINT ? { endpoint: env.SQS_ENDPOINT } : {}),
    queues: { events: required(env, 'EVENTS_QUEUE_URL'), delivery: required(env, 'DELIVERY_QUEUE_URL') },
    fetch: globalThis.fetch,
    logger: jsonMessagingLogger(),
    webhookDestinations: destinationRule(env.WEBHOOK_DESTINATIONS),
    destinations: new DestinationGuard(),
  };
};
