import { type DomainEvent, DUE_SHARDS } from '@taskforce/core';
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
