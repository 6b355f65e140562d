import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import type { InboxNotification } from '@taskforce/core';
import type { SQSRecord } from 'aws-lambda';
import type { MessagingDeps } from './deps';

/**
 * When a webhook post is tried again, and when it is given up: the one place that says so. Two
 * clocks keep a failed post going, and both follow the schedule below. The queue brings the
 * message back after the delay for its receive count (the visibility of a batch item failure);
 * the table keeps the post due (its next attempt, in the due index, where the sweep finds it if
 * the queue has lost it). After `MAX_WEBHOOK_ATTEMPTS` posts the post is parked in the table.
 */

/** Posts of one notification before its webhook is given up (the notification stays in the inbox). */
export const MAX_WEBHOOK_ATTEMPTS = 12;

/** The backoff: seconds a failed delivery waits before its next attempt, by attempt or receive count (10, 20, 40, 80, 160 s, … up to 15 min). */
const defaultRetryDelaySeconds = (receiveCount: number): number => Math.min(900, 10 * 2 ** Math.max(0, receiveCount - 1));

/** How long a webhook post waits past its due time for the queue before the sweep re-drives it. */
const defaultWebhookSweepGraceMs = 60_000;

type RetryDeps = Pick<MessagingDeps, 'retryDelaySeconds' | 'webhookSweepGraceMs'>;

const delayOf = (deps: RetryDeps) => deps.retryDelaySeconds ?? defaultRetryDelaySeconds;

/** When the sweep re-drives a post due at `at` that the queue has not brought back by then. */
export const sweepAfter = (deps: RetryDeps, at: Date): Date =>
  new Date(at.getTime() + (deps.webhookSweepGraceMs ?? defaultWebhookSweepGraceMs));

/**
 * What a failed post records of its future: its next attempt (and when the sweep takes it up if
 * the queue has not), or, after the last attempt, that it is parked where a redrive
 * (POST /v1/admin/redrive, pnpm redrive) finds it.
 */
export const afterFailedAttempt = (
  deps: RetryDeps,
  attempt: number,
  at: Date,
): { nextAttemptAt: Date; sweepAt: Date } | { parked: true } => {
  if (attempt >= MAX_WEBHOOK_ATTEMPTS) return { parked: true };
  const nextAttemptAt = new Date(at.getTime() + delayOf(deps)(attempt) * 1000);
  return { nextAttemptAt, sweepAt: sweepAfter(deps, nextAttemptAt) };
};

/**
 * Given up: failed with no next attempt. A stale or dead-lettered message posts it no more; only
 * a redrive from the table (which sets its next attempt) brings it back.
 */
export const givenUp = (webhook: NonNullable<InboxNotification['webhook']>): boolean =>
  webhook.status === 'failed' && !webhook.nextAttemptAt;

export const receiveCount = (r: SQSRecord) => Number(r.attributes?.ApproximateReceiveCount ?? '1') || 1;

/**
 * Pushes each failed delivery message back by the delay for its receive count, so the queue
 * brings it back on the same schedule; after the queue's maxReceiveCount it lands in the
 * dead-letter queue, while the table keeps the post due.
 */
export const postponeOnQueue = (deps: RetryDeps & Pick<MessagingDeps, 'sqs' | 'queues'>, failures: readonly SQSRecord[]) =>
  Promise.all(
    failures.map(
      (r) =>
        deps.sqs
          .send(
            new ChangeMessageVisibilityCommand({
              QueueUrl: deps.queues.delivery,
              ReceiptHandle: r.receiptHandle,
              VisibilityTimeout: Math.max(0, Math.round(delayOf(deps)(receiveCount(r)))),
            }),
          )
          .catch(() => undefined), // the queue's own visibility timeout applies instead
    ),
  );
