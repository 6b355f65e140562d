import { type AlertStore, type DomainEvent, DUE_SHARDS, type WebhookRef } from '@taskforce/core';
import { sendInBatches } from './batch';
import type { MessagingDeps } from './deps';

/** How long the relays leave what they queued before they queue it again, unless told otherwise. */
const DEFAULT_REDELIVER_AFTER_MS = 5 * 60_000;

/** At most this many pages of a resuming pass (see `resume`), each of up to `limit` per shard. */
const RESUME_PAGES = 50;

export interface RelayOptions {
  /** Items per due-index shard and page (default 100). */
  limit?: number;
  /** How long a queued item is left before it is queued again (default 5 min). */
  redeliverAfterMs?: number;
  /**
   * The first pass of a runtime that starts again on the data of one that stopped (or was
   * killed): whatever that runtime queued and deferred (`redeliverAfterMs` later in the index)
   * may have died with it, in its hands or on a queue that keeps it hidden, so everything
   * deferred counts as due now (up to now + `redeliverAfterMs`), page after page until none is
   * left. Queueing again what the queue still holds is harmless: fan-out and delivery are
   * idempotent. A webhook post waiting out its backoff (its own `nextAttemptAt` still to come)
   * is left where it is: the sweep takes it up on its own schedule.
   */
  resume?: boolean;
}

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
  opts: RelayOptions & { minAgeMs?: number } = {},
): Promise<RelayReport> {
  const now = deps.clock.now();
  const limit = opts.limit ?? 100;
  const redeliverAfterMs = opts.redeliverAfterMs ?? DEFAULT_REDELIVER_AFTER_MS;
  const cutoff = opts.resume ? new Date(now.getTime() + redeliverAfterMs) : new Date(now.getTime() - (opts.minAgeMs ?? 0));
  const total: RelayReport = { relayed: 0, failed: 0, calls: 0 };
  for (let page = 0; page < (opts.resume ? RESUME_PAGES : 1); page++) {
    const shards = await Promise.all(Array.from({ length: DUE_SHARDS }, (_, s) => deps.alerts.unpublishedEvents(s, cutoff, limit)));
    const events: DomainEvent[] = shards.flat();
    if (events.length === 0) break;
    const sent = await sendInBatches(
      deps.sqs,
      deps.queues.events,
      events.map((e) => ({ key: e.id, body: JSON.stringify(e) })),
    );
    const failed = new Set(sent.failed);
    const relayed = events.filter((e) => !failed.has(e.id));
    await deps.alerts.deferEvents(relayed, deferredUntil(deps.clock.now(), redeliverAfterMs, cutoff));
    add(total, { relayed: relayed.length, failed: failed.size, calls: sent.calls });
    // The next page only while this one was full and moved something past the cutoff.
    if (relayed.length === 0 || shards.every((s) => s.length < limit)) break;
  }
  return total;
}

/** `redeliverAfterMs` from now, and in any case past the cutoff of the pass: the next page of a resuming pass does not see it again. */
const deferredUntil = (now: Date, redeliverAfterMs: number, cutoff: Date): Date =>
  new Date(Math.max(now.getTime() + redeliverAfterMs, cutoff.getTime() + 1));

const add = (total: RelayReport, r: RelayReport) => {
  total.relayed += r.relayed;
  total.failed += r.failed;
  total.calls += r.calls;
};

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
  opts: RelayOptions = {},
): Promise<RelayReport> {
  const now = deps.clock.now();
  const limit = opts.limit ?? 100;
  const redeliverAfterMs = opts.redeliverAfterMs ?? DEFAULT_REDELIVER_AFTER_MS;
  const cutoff = opts.resume ? new Date(now.getTime() + redeliverAfterMs) : now;
  const total: RelayReport = { relayed: 0, failed: 0, calls: 0 };
  for (let page = 0; page < (opts.resume ? RESUME_PAGES : 1); page++) {
    const shards = await Promise.all(Array.from({ length: DUE_SHARDS }, (_, s) => deps.alerts.dueWebhooks(s, cutoff, limit)));
    const found: WebhookRef[] = shards.flat();
    const due = opts.resume ? await attemptDue(deps.alerts, found, now, shards, limit) : found;
    if (due.length === 0) break;
    const sent = await sendInBatches(
      deps.sqs,
      deps.queues.delivery,
      due.map((r) => ({ key: r.id, body: JSON.stringify(r) })),
    );
    const failed = new Set(sent.failed);
    const queued = due.filter((r) => !failed.has(r.id));
    await deps.alerts.deferWebhooks(queued, deferredUntil(deps.clock.now(), redeliverAfterMs, cutoff));
    add(total, { relayed: queued.length, failed: failed.size, calls: sent.calls });
    if (queued.length === 0 || shards.every((s) => s.length < limit)) break;
  }
  return total;
}

/**
 * Of the posts a resuming pass found in the index up to its cutoff, those whose attempt is due
 * now: those the index holds as due now (read by one more query per shard), and of the rest
 * (deferred, or waiting for their sweep) those with no attempt of their own still to come (a post
 * not yet tried, or whose backoff has run out). A post in backoff is not posted before its time.
 */
async function attemptDue(
  alerts: Pick<AlertStore, 'dueWebhooks' | 'getNotification'>,
  found: WebhookRef[],
  now: Date,
  shards: WebhookRef[][],
  limit: number,
): Promise<WebhookRef[]> {
  if (found.length === 0) return [];
  const dueNow = new Set(
    (await Promise.all(shards.map((_, s) => alerts.dueWebhooks(s, now, limit)))).flat().map((r) => `${r.recipient}|${r.id}`),
  );
  const checked = await Promise.all(
    found.map(async (r) => {
      if (dueNow.has(`${r.recipient}|${r.id}`)) return r;
      const n = await alerts.getNotification(r.recipient, r.id);
      const next = n?.webhook?.nextAttemptAt;
      return n?.webhook && n.webhook.status !== 'delivered' && (!next || Date.parse(next) <= now.getTime()) ? r : undefined;
    }),
  );
  return checked.filter((r): r is WebhookRef => r !== undefined);
}
