import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ChangeMessageVisibilityCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  activeSecrets,
  type DestinationRule,
  type DomainEvent,
  type InboxNotification,
  isPublicAddress,
  LoadedView,
  Notification,
  type Notification as NotificationT,
  notificationAsSeenNow,
  notificationRefs,
  planNotifications,
  webhookUrlProblem,
  withoutAccess,
} from '@taskforce/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { sendInBatches } from './batch';
import { defaultRetryDelaySeconds, type MessagingDeps } from './deps';
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

/**
 * The consumer of the events queue. For a batch of events it reads, in one request, their
 * outbox entries, workspaces, audience organisations and the country policies; asks the one
 * evaluator which audience members may learn of each event's subject; sends one message per
 * allowed recipient to the delivery queue, ten to a SendMessageBatch across the whole batch;
 * and only then takes each fully sent event out of the outbox. An event already published
 * (a duplicate) is skipped; an event whose notifications could not all be sent is reported
 * as a batch item failure and comes back. Notification ids are `eventId:orgId`, so a repeat
 * produces the same notifications, which delivery deduplicates.
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
        const outgoing: { key: string; body: string }[] = [];
        const fresh: DomainEvent[] = [];
        for (const e of events) {
          if (ctx.published.has(e.id)) {
            stats.duplicates++;
            continue;
          }
          fresh.push(e);
          const plan = planNotifications(e, ctx, now);
          stats.withheld += plan.withheld.length;
          for (const n of plan.notifications) outgoing.push({ key: n.id, body: JSON.stringify(n) });
        }
        stats.notifications = outgoing.length;
        const sent = await sendInBatches(deps.sqs, deps.queues.delivery, outgoing);
        stats.sqsCalls = sent.calls;
        const unsent = new Set(sent.failed.map((key) => key.slice(0, key.indexOf(':'))));
        await Promise.all(
          fresh.map(async (e) => {
            if (unsent.has(e.id)) {
              for (const id of byEvent.get(e.id)!.messageIds) failures.add(id);
              return;
            }
            try {
              await deps.alerts.markPublished(e, now);
            } catch (err) {
              // Sent but not marked: the relay will send it again and delivery will deduplicate.
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

/** `withheld`: the recipient may no longer learn of it (it left the workspace, or a policy tightened since fan-out). */
export type DeliveryOutcome = 'delivered' | 'inbox' | 'duplicate' | 'retry' | 'withheld';

const receiveCount = (r: SQSRecord) => Number(r.attributes?.ApproximateReceiveCount ?? '1') || 1;

/**
 * The consumer of the delivery queue. Each notification goes into its recipient's pull inbox
 * (a conditional put: a repeat is a no-op) and, if the recipient has a webhook, is POSTed to
 * it signed, under a lease so that two workers never post it at once, and never again once a
 * post succeeded. A failed post is a batch item failure whose next attempt is pushed back by
 * `retryDelaySeconds`; after the queue's maxReceiveCount it lands in the dead-letter queue,
 * from which `redriveDeadLetters` brings it back.
 */
export const createDeliveryHandler =
  (deps: MessagingDeps, onOutcome?: (id: string, o: DeliveryOutcome) => void) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures: SQSRecord[] = [];
    await Promise.all(
      event.Records.map(async (r) => {
        let outcome: DeliveryOutcome;
        try {
          outcome = await deliverOne(deps, r);
        } catch (err) {
          deps.logger.error('delivery failed', { messageId: r.messageId, message: err instanceof Error ? err.message : String(err) });
          outcome = 'retry';
        }
        if (outcome === 'retry') failures.push(r);
        onOutcome?.(r.messageId, outcome);
      }),
    );
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

async function deliverOne(deps: MessagingDeps, r: SQSRecord): Promise<DeliveryOutcome> {
  const parsed = Notification.safeParse(JSON.parse(r.body));
  if (!parsed.success) {
    deps.logger.error('delivery: unreadable notification', { messageId: r.messageId });
    return 'retry'; // it will reach the dead-letter queue for inspection
  }
  const n: NotificationT = parsed.data;
  const orgId = n.recipient;
  const now = deps.clock.now();
  const received: InboxNotification = { ...n, receivedAt: now.toISOString() };
  // One read: the channel, and what the re-check needs (the recipient as the registry has it,
  // today's policies, the workspace and the recipient's invitation to it).
  const view = new LoadedView(
    await deps.store.load({
      refs: [
        { kind: 'channel', orgId },
        { kind: 'webhookSecrets', orgId },
        { kind: 'organisation', id: orgId },
        { kind: 'policies' },
        ...notificationRefs(orgId, received),
      ],
    }),
  );
  // A notification queued, retried or redriven after its recipient left the workspace, or after a
  // policy tightened, is neither stored nor posted: the same question the inbox asks on every read.
  const recipient = view.get({ kind: 'organisation', id: orgId });
  if (!recipient || !notificationAsSeenNow({ orgId, orgKind: recipient.kind, country: recipient.country }, received, view, now, 'notify'))
    return 'withheld';
  const channel = view.get({ kind: 'channel', orgId });
  const inbox: InboxNotification = { ...received, ...(channel?.webhook ? { webhook: { status: 'pending' as const } } : {}) };
  const put = await deps.alerts.putNotification(inbox);
  if (!channel?.webhook) return put === 'created' ? 'inbox' : 'duplicate';

  const secrets = activeSecrets(view.get({ kind: 'webhookSecrets', orgId }), now).map((s) => s.value);
  const timeoutMs = deps.webhookTimeoutMs ?? 10_000;
  const claim = await deps.alerts.claimWebhook(orgId, n.id, now, new Date(now.getTime() + timeoutMs + 20_000));
  if (claim === 'delivered') return 'duplicate';
  if (claim !== 'claimed') return 'retry';
  if (secrets.length === 0) {
    await deps.alerts.recordWebhook(orgId, n.id, { ok: false, at: now, error: 'no active webhook secret' });
    return 'retry';
  }
  const body = JSON.stringify(withoutAccess(n));
  let status: number | undefined;
  let error = (await destinationProblem(channel.webhook.url, deps)) ?? '';
  if (!error)
    try {
      const res = await deps.fetch(channel.webhook.url, {
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
    await deps.alerts.recordWebhook(orgId, n.id, { ok: true, at: deps.clock.now() });
    return 'delivered';
  }
  if (status !== undefined) error = `HTTP ${status}`;
  await deps.alerts.recordWebhook(orgId, n.id, { ok: false, at: deps.clock.now(), error });
  deps.logger.warn('webhook delivery failed', { notificationId: n.id, recipient: orgId, error, receiveCount: receiveCount(r) });
  return 'retry';
}
