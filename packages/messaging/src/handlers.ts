import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  accessCountries,
  activeSecrets,
  type DestinationRule,
  type DomainEvent,
  type InboxNotification,
  isPublicAddress,
  LoadedView,
  notificationAsSeenNow,
  notificationRefs,
  planNotifications,
  type RecordRef,
  refKey,
  type WebhookRef,
  webhookUrlProblem,
  withoutAccess,
} from '@taskforce/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { sendInBatches } from './batch';
import { defaultRetryDelaySeconds, type MessagingDeps } from './deps';
import type { DestinationGuard } from './destinations';
import { EVENT_TYPE_HEADER, NOTIFICATION_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook';

export interface FanoutStats {
  events: number;
  duplicates: number;
  notifications: number;
  withheld: number;
  sqsCalls: number;
}

/**
 * Reads a domain event from a message body: either the event itself (from `relayOutbox`) or a
 * DynamoDB stream record of its outbox item (from the EventBridge Pipe on AWS).
 */
export const eventFromBody = (body: string): DomainEvent | null => {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  const image = (parsed.dynamodb as { NewImage?: Record<string, never> } | undefined)?.NewImage;
  const candidate = image ? (unmarshall(image) as { kind?: string; data?: unknown }).data : parsed;
  const e = candidate as Partial<DomainEvent> | undefined;
  return e && typeof e.id === 'string' && typeof e.type === 'string' && Array.isArray(e.audience) && typeof e.chainId === 'string'
    ? (e as DomainEvent)
    : null;
};

/** An audit export job's message on the exports queue: which job to run. */
export interface ExportJobMessage {
  workspaceId: string;
  exportId: string;
}
const exportJobOf = (e: DomainEvent): ExportJobMessage => ({ workspaceId: String(e.data.workspaceId), exportId: String(e.data.exportId) });

const WRITE_CONCURRENCY = 25;

/** How long a webhook post waits past its due time for the queue before the sweep re-drives it. */
const defaultWebhookSweepGraceMs = 60_000;
/** Posts of one notification before its webhook is given up (the notification stays in the inbox). */
export const MAX_WEBHOOK_ATTEMPTS = 12;

/**
 * The consumer of the events queue. For a batch of events it reads, in one request, their
 * outbox entries, workspaces, audience organisations, their channels and the country policies;
 * asks the one evaluator which audience members may learn of each event's subject; writes each
 * allowed recipient's notification into its inbox (a conditional put keyed `eventId:orgId`, so a
 * repeat finds it there), with its webhook post, if the recipient has a webhook, entered in the
 * due index; puts those posts on the delivery queue (ten to a SendMessageBatch), which only
 * speeds them up; and only then takes each event out of the outbox. An event already published
 * (a duplicate) is skipped; an event whose notifications could not all be written is reported
 * as a batch item failure and comes back.
 */
export const createFanoutHandler =
  (deps: MessagingDeps, onStats?: (s: FanoutStats) => void) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures = new Set<string>();
    const byEvent = new Map<string, { event: DomainEvent; messageIds: string[] }>();
    for (const r of event.Records) {
      let e: DomainEvent | null = null;
      try {
        e = eventFromBody(r.body);
      } catch {
        e = null;
      }
      if (!e) {
        deps.logger.error('fanout: unreadable event message', { messageId: r.messageId });
        failures.add(r.messageId); // it will reach the dead-letter queue for inspection
        continue;
      }
      const entry = byEvent.get(e.id) ?? { event: e, messageIds: [] };
      entry.messageIds.push(r.messageId);
      byEvent.set(e.id, entry);
    }
    const stats: FanoutStats = { events: byEvent.size, duplicates: 0, notifications: 0, withheld: 0, sqsCalls: 0 };
    if (byEvent.size > 0) {
      const events = [...byEvent.values()].map((x) => x.event);
      try {
        const ctx = await deps.alerts.fanoutContext(events);
        const now = deps.clock.now();
        const sweepAt = new Date(now.getTime() + (deps.webhookSweepGraceMs ?? defaultWebhookSweepGraceMs));
        const writes: { eventId: string; item: InboxNotification; hook: boolean }[] = [];
        const fresh: DomainEvent[] = [];
        for (const e of events) {
          if (ctx.published.has(e.id)) {
            stats.duplicates++;
            continue;
          }
          fresh.push(e);
          const plan = planNotifications(e, ctx, now);
          stats.withheld += plan.withheld.length;
          for (const n of plan.notifications) {
            const hook = Boolean(ctx.channels?.get(n.recipient)?.webhook);
            const item: InboxNotification = {
              ...n,
              receivedAt: now.toISOString(),
              ...(hook ? { webhook: { status: 'pending' as const } } : {}),
            };
            writes.push({ eventId: e.id, item, hook });
          }
        }
        stats.notifications = writes.length;
        // First every notification into its recipient's inbox (a repeat finds it there), with its
        // webhook post in the due index: from here on nothing the queue loses is lost.
        const unwritten = new Set<string>();
        for (let i = 0; i < writes.length; i += WRITE_CONCURRENCY)
          await Promise.all(
            writes.slice(i, i + WRITE_CONCURRENCY).map(async (w) => {
              try {
                await deps.alerts.putNotification(w.item, w.hook ? { webhookDueAt: sweepAt } : {});
              } catch (err) {
                unwritten.add(w.eventId);
                deps.logger.warn('fanout: could not write a notification', { notificationId: w.item.id, message: String(err) });
              }
            }),
          );
        // Then the webhook posts on the delivery queue, to go out at once; one it loses the sweep re-drives.
        const posts = writes.filter((w) => w.hook && !unwritten.has(w.eventId));
        const sent = await sendInBatches(
          deps.sqs,
          deps.queues.delivery,
          posts.map((w) => ({ key: w.item.id, body: JSON.stringify({ recipient: w.item.recipient, id: w.item.id } satisfies WebhookRef) })),
        );
        stats.sqsCalls = sent.calls;
        if (sent.failed.length > 0) deps.logger.warn('fanout: webhook posts left to the sweep', { count: sent.failed.length });
        // Audit export jobs go to their worker's queue; one not queued comes back with its event.
        const jobs = fresh.filter((e) => e.type === 'audit.export_requested' && !unwritten.has(e.id));
        if (jobs.length > 0) {
          const queued = deps.queues.exports
            ? await sendInBatches(
                deps.sqs,
                deps.queues.exports,
                jobs.map((e) => ({ key: e.id, body: JSON.stringify(exportJobOf(e)) })),
              )
            : { calls: 0, failed: jobs.map((e) => e.id) };
          stats.sqsCalls += queued.calls;
          for (const id of queued.failed) unwritten.add(id);
          if (queued.failed.length > 0) deps.logger.warn('fanout: audit export jobs not queued', { count: queued.failed.length });
        }
        // Only now does an event count as published.
        await Promise.all(
          fresh.map(async (e) => {
            if (unwritten.has(e.id)) {
              for (const id of byEvent.get(e.id)!.messageIds) failures.add(id);
              return;
            }
            try {
              await deps.alerts.markPublished(e, now);
            } catch (err) {
              // Written but not marked: the relay brings it again and fan-out finds the notifications there.
              deps.logger.warn('fanout: could not mark event published', { eventId: e.id, message: String(err) });
            }
          }),
        );
      } catch (err) {
        deps.logger.error('fanout failed', { message: err instanceof Error ? err.message : String(err) });
        for (const r of event.Records) failures.add(r.messageId);
      }
    }
    onStats?.(stats);
    if (stats.events > 0) deps.logger.info('fanout', { ...stats, failed: failures.size });
    return { batchItemFailures: [...failures].map((itemIdentifier) => ({ itemIdentifier })) };
  };

/**
 * `withheld`: the recipient may no longer learn of it (it left the workspace, or a policy tightened
 * since fan-out); `duplicate`: already delivered, or nothing (any more) to post.
 */
export type DeliveryOutcome = 'delivered' | 'duplicate' | 'retry' | 'withheld';

const receiveCount = (r: SQSRecord) => Number(r.attributes?.ApproximateReceiveCount ?? '1') || 1;

/**
 * The consumer of the delivery queue, whose messages name an inbox item (`{ recipient, id }`)
 * whose webhook post is due; fan-out already put the notification in the inbox. The item is
 * POSTed, signed, to the recipient's webhook under a lease so that two workers never post it at
 * once, and never again once a post succeeded. A failed post is counted on the item, with its
 * next attempt `retryDelaySeconds` later in the due index (where the sweep finds it if the queue
 * has not retried it by then), and is a batch item failure pushed back by the same delay; after
 * the queue's maxReceiveCount it lands in the dead-letter queue, while the table keeps it due
 * until `MAX_WEBHOOK_ATTEMPTS` posts. What the posts of a batch need besides their inbox items
 * (each recipient's channel, secrets and registry entry, the policies, the workspaces and
 * invitations of the re-check) is read once for the whole batch, in one request.
 */
export const createDeliveryHandler = (deps: MessagingDeps, onOutcome?: (id: string, o: DeliveryOutcome) => void) => {
  const guard = deps.destinations;
  const failed = (r: SQSRecord, err: unknown): DeliveryOutcome => {
    deps.logger.error('delivery failed', { messageId: r.messageId, message: err instanceof Error ? err.message : String(err) });
    return 'retry';
  };
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const outcomes = new Map<SQSRecord, DeliveryOutcome>();
    // Each message's inbox item: what is left to post, if anything.
    const due: { r: SQSRecord; n: DuePost }[] = [];
    await Promise.all(
      event.Records.map(async (r) => {
        try {
          const n = await duePost(deps, r);
          if (typeof n === 'string') outcomes.set(r, n);
          else due.push({ r, n });
        } catch (err) {
          outcomes.set(r, failed(r, err));
        }
      }),
    );
    if (due.length > 0) {
      let view: LoadedView | undefined;
      try {
        const posts = due.map(({ n }) => n);
        view = new LoadedView(
          await deps.store.load({
            refs: [...uniqueRefs(posts.flatMap(deliveryRefs)), { kind: 'policies', countries: accessCountries(posts) }],
          }),
        );
      } catch (err) {
        for (const { r } of due) outcomes.set(r, failed(r, err));
      }
      if (view) {
        const read = view;
        await Promise.all(
          due.map(async ({ r, n }) => {
            try {
              outcomes.set(r, await deliverOne(deps, guard, r, n, read));
            } catch (err) {
              outcomes.set(r, failed(r, err));
            }
          }),
        );
      }
    }
    const failures: SQSRecord[] = [];
    for (const r of event.Records) {
      const outcome = outcomes.get(r) ?? 'retry';
      if (outcome === 'retry') failures.push(r);
      onOutcome?.(r.messageId, outcome);
    }
    const delay = deps.retryDelaySeconds ?? defaultRetryDelaySeconds;
    await Promise.all(
      failures.map(
        (r) =>
          deps.sqs
            .send(
              new ChangeMessageVisibilityCommand({
                QueueUrl: deps.queues.delivery,
                ReceiptHandle: r.receiptHandle,
                VisibilityTimeout: Math.max(0, Math.round(delay(receiveCount(r)))),
              }),
            )
            .catch(() => undefined), // the queue's own visibility timeout applies instead
      ),
    );
    return { batchItemFailures: failures.map((r) => ({ itemIdentifier: r.messageId })) };
  };
};

/**
 * What a post needs read besides its inbox item and the policies (read once for the batch, of
 * every country the batch's re-checks judge): the recipient's channel, secrets and registry
 * entry, and the re-check's records.
 */
const deliveryRefs = (n: InboxNotification): RecordRef[] => [
  { kind: 'channel', orgId: n.recipient },
  { kind: 'webhookSecrets', orgId: n.recipient },
  { kind: 'organisation', id: n.recipient },
  ...notificationRefs(n.recipient, n),
];

const uniqueRefs = (refs: RecordRef[]): RecordRef[] => [...new Map(refs.map((ref) => [refKey(ref), ref])).values()];

const systemResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The destination rule again, at the moment of delivery: the URL as set may have been accepted
 * under an older rule, and its name may since resolve to a private address. (The connection
 * resolves the name once more; a name that flips between the two lookups is the residual risk.)
 */
async function destinationProblem(url: string, deps: Pick<MessagingDeps, 'webhookDestinations' | 'resolve'>): Promise<string | undefined> {
  const rule: DestinationRule = deps.webhookDestinations ?? {};
  const problem = webhookUrlProblem(url, rule);
  if (problem) return `destination refused: ${problem}`;
  if (rule.allowPrivate) return undefined;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return undefined; // judged above
  let addresses: string[];
  try {
    addresses = await (deps.resolve ?? systemResolve)(host);
  } catch (err) {
    return (err as { code?: string }).code ?? 'ENOTFOUND';
  }
  return addresses.length > 0 && addresses.every(isPublicAddress) ? undefined : 'destination refused: resolves to a non-public address';
}

/** The inbox item a delivery message names: `{ recipient, id }`, or a whole notification (queued before fan-out wrote inboxes). */
const refFromBody = (body: string): WebhookRef | null => {
  try {
    const r = JSON.parse(body) as Partial<WebhookRef> | null;
    return r && typeof r.recipient === 'string' && typeof r.id === 'string' ? { recipient: r.recipient, id: r.id } : null;
  } catch {
    return null;
  }
};

type DuePost = InboxNotification & { webhook: NonNullable<InboxNotification['webhook']> };

/** The inbox item a delivery message names if its post is still to be made, or the outcome if not. */
async function duePost(deps: MessagingDeps, r: SQSRecord): Promise<DuePost | DeliveryOutcome> {
  const ref = refFromBody(r.body);
  if (!ref) {
    deps.logger.error('delivery: unreadable message', { messageId: r.messageId });
    return 'retry'; // it will reach the dead-letter queue for inspection
  }
  const n = await deps.alerts.getNotification(ref.recipient, ref.id);
  if (!n?.webhook || n.webhook.status === 'delivered') return 'duplicate';
  // Given up (failed with no next attempt): a stale or dead-lettered message posts it no more;
  // only a redrive from the table (which sets its next attempt) brings it back.
  if (n.webhook.status === 'failed' && !n.webhook.nextAttemptAt) return 'duplicate';
  return n as DuePost;
}

/**
 * One post, with what the batch read: the channel, and what the re-check needs (the recipient
 * as the registry has it, today's policies, the workspace and the recipient's invitation to it).
 */
async function deliverOne(
  deps: MessagingDeps,
  guard: DestinationGuard | undefined,
  r: SQSRecord,
  n: DuePost,
  view: LoadedView,
): Promise<DeliveryOutcome> {
  const orgId = n.recipient;
  const now = deps.clock.now();
  const attempt = (n.webhook.attempts ?? 0) + 1;
  // No post is made: nothing is counted, and the post leaves the due index.
  const giveUp = (error: string) => deps.alerts.recordWebhook(orgId, n.id, { ok: false, at: now, error });
  // A post retried or redriven after its recipient left the workspace, or after a policy
  // tightened, is not made: the same question the inbox asks on every read.
  const recipient = view.get({ kind: 'organisation', id: orgId });
  if (!recipient || !notificationAsSeenNow({ orgId, orgKind: recipient.kind, country: recipient.country }, n, view, now, 'notify')) {
    await giveUp('withheld: the recipient may no longer see it');
    return 'withheld';
  }
  const channel = view.get({ kind: 'channel', orgId });
  if (!channel?.webhook) {
    await giveUp('no webhook');
    return 'duplicate';
  }
  const delay = deps.retryDelaySeconds ?? defaultRetryDelaySeconds;
  const grace = deps.webhookSweepGraceMs ?? defaultWebhookSweepGraceMs;
  const retryAt = (nextAttemptAt: Date) => ({ nextAttemptAt, sweepAt: new Date(nextAttemptAt.getTime() + grace) });
  const failed = (error: string, at: Date) =>
    deps.alerts.recordWebhook(orgId, n.id, {
      ok: false,
      at,
      error,
      attempt,
      // The last attempt parks the post where a redrive (POST /v1/admin/redrive, pnpm redrive) finds it.
      ...(attempt < MAX_WEBHOOK_ATTEMPTS ? retryAt(new Date(at.getTime() + delay(attempt) * 1000)) : { parked: true }),
    });

  // This endpoint's own bounds: while it has its fill of posts in flight, or its circuit is open,
  // the post waits (uncounted, still due) and the rest of the batch goes on.
  const origin = new URL(channel.webhook.url).origin;
  if (guard && guard.admit(origin, now) !== 'ok') return 'retry';
  let posted: boolean | undefined;
  try {
    const outcome = await postWebhook(deps, r, n, view, channel.webhook.url, now, failed, attempt);
    posted = outcome === 'delivered' ? true : outcome === 'failed' ? false : undefined;
    return outcome === 'delivered' || outcome === 'duplicate' ? outcome : 'retry';
  } finally {
    guard?.release(origin, posted, deps.clock.now());
  }
}

async function postWebhook(
  deps: MessagingDeps,
  r: SQSRecord,
  n: InboxNotification,
  view: LoadedView,
  url: string,
  now: Date,
  failed: (error: string, at: Date) => Promise<void>,
  attempt: number,
): Promise<'delivered' | 'duplicate' | 'failed' | 'skipped'> {
  const orgId = n.recipient;
  const secrets = activeSecrets(view.get({ kind: 'webhookSecrets', orgId }), now).map((s) => s.value);
  const timeoutMs = deps.webhookTimeoutMs ?? 10_000;
  const claim = await deps.alerts.claimWebhook(orgId, n.id, now, new Date(now.getTime() + timeoutMs + 20_000));
  if (claim === 'delivered') return 'duplicate';
  if (claim !== 'claimed') return 'skipped';
  if (secrets.length === 0) {
    await failed('no active webhook secret', now);
    return 'skipped';
  }
  const { receivedAt: _r, acknowledgedAt: _a, webhook: _w, ...sent } = n;
  const body = JSON.stringify(withoutAccess(sent));
  let status: number | undefined;
  let error = (await destinationProblem(url, deps)) ?? '';
  if (!error)
    try {
      const res = await deps.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Taskforce-Webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(body, secrets, now),
          [NOTIFICATION_ID_HEADER]: n.id,
          [EVENT_TYPE_HEADER]: n.type,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      // e.g. ENOTFOUND, ECONNREFUSED, TimeoutError: the cause, never the URL or the body.
      error = (err as { cause?: { code?: string } }).cause?.code ?? (err instanceof Error ? err.name : 'network error');
    }
  if (status !== undefined && status >= 200 && status < 300) {
    // If this write fails the lease stays until it runs out, and the post is made again: the receiver deduplicates by id.
    await deps.alerts.recordWebhook(orgId, n.id, { ok: true, at: deps.clock.now(), attempt });
    return 'delivered';
  }
  if (status !== undefined) error = `HTTP ${status}`;
  await failed(error, deps.clock.now());
  deps.logger.warn('webhook delivery failed', { notificationId: n.id, recipient: orgId, error, receiveCount: receiveCount(r) });
  return 'failed';
}
