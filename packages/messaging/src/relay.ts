import { type DomainEvent, DUE_SHARDS, type WebhookRef } from '@taskforce/core';
import { sendInBatches } from './batch';
import type { MessagingDeps } from './deps';

export interface RelayReport {
  relayed: number;
  failed: number;
  /** SendMessageBatch requests. */
  calls: number;
}

/**
 * Puts unpublished outbox events on the events queue, ten to a SendMessageBatch, then moves
 * each sent one `redeliverAfterMs` later in the outbox index so the next pass does not send it
 * again while fan-out works on it. An event fan-out never finishes comes round again after
 * that; duplicates are harmless because fan-out and delivery are idempotent. Locally this is
 * the relay; on AWS the table's stream feeds the queue and this runs as the backstop with
 * `minAgeMs`, so it only picks up what the stream missed.
 */
export async function relayOutbox(
  deps: Pick<MessagingDeps, 'alerts' | 'sqs' | 'queues' | 'clock'>,
  opts: { limit?: number; minAgeMs?: number; redeliverAfterMs?: number } = {},
): Promise<RelayReport> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - (opts.minAgeMs ?? 0));
  const shards = await Promise.all(
    Array.from({ length: DUE_SHARDS }, (_, s) => deps.alerts.unpublishedEvents(s, cutoff, opts.limit ?? 100)),
  );
  const events: DomainEvent[] = shards.flat();
  if (events.length === 0) return { relayed: 0, failed: 0, calls: 0 };
  const sent = await sendInBatches(
    deps.sqs,
    deps.queues.events,
    events.map((e) => ({ key: e.id, body: JSON.stringify(e) })),
  );
  const failed = new Set(sent.failed);
  const relayed = events.filter((e) => !failed.has(e.id));
  await deps.alerts.deferEvents(relayed, new Date(now.getTime() + (opts.redeliverAfterMs ?? 5 * 60_000)));
  return { relayed: relayed.length, failed: failed.size, calls: sent.calls };
}

/**
 * The backstop of webhook delivery: puts every webhook post whose attempt is due (in the due
 * index, on its inbox item) back on the delivery queue, then moves it `redeliverAfterMs` later
 * so the next pass does not queue it again while delivery works on it. Whatever the queue lost
 * (a purge, an expiry, a crash of a local runtime, an emptied dead-letter queue) comes round
 * here; an attempt delivery records sets the next due time itself, and a delivered post leaves
 * the index. Duplicates are harmless: delivery posts under a lease, and never twice.
 */
export async function sweepWebhooks(
  deps: Pick<MessagingDeps, 'alerts' | 'sqs' | 'queues' | 'clock'>,
  opts: { limit?: number; redeliverAfterMs?: number } = {},
): Promise<RelayReport> {
  const now = deps.clock.now();
  const shards = await Promise.all(Array.from({ length: DUE_SHARDS }, (_, s) => deps.alerts.dueWebhooks(s, now, opts.limit ?? 100)));
  const due: WebhookRef[] = shards.flat();
  if (due.length === 0) return { relayed: 0, failed: 0, calls: 0 };
  const sent = await sendInBatches(
    deps.sqs,
    deps.queues.delivery,
    due.map((r) => ({ key: r.id, body: JSON.stringify(r) })),
  );
  const failed = new Set(sent.failed);
  const queued = due.filter((r) => !failed.has(r.id));
  await deps.alerts.deferWebhooks(queued, new Date(now.getTime() + (opts.redeliverAfterMs ?? 5 * 60_000)));
  return { relayed: queued.length, failed: failed.size, calls: sent.calls };
}
