import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  type DomainEvent,
  type InboxNotification,
  type PageRef,
  planNotifications,
  timerSchedulesOf,
  verifyJobOf,
  type WebhookRef,
} from '@taskforce/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { sendInBatches } from './batch';
import { batchResponse, errorMessage } from './batch-runner';
import type { MessagingDeps } from './deps';
import type { TimerSchedules } from './escalation-schedules';
import type { DocumentJobMessage, ExportJobMessage, VerifyJobMessage } from './exports';
import { sweepAfter } from './retry-policy';

export interface FanoutStats {
  events: number;
  duplicates: number;
  notifications: number;
  withheld: number;
  sqsCalls: number;
  /** Pages put on the pages queue. */
  pages?: number;
  /** Escalation schedules created or deleted, and those left to the sweep. */
  schedules?: { armed: number; disarmed: number; failed: number };
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

/** The worker job an event asks for: an audit export, or the verification of a completed evidence upload (one queue, one worker). */
const exportJobOf = (e: DomainEvent): ExportJobMessage | VerifyJobMessage | DocumentJobMessage =>
  e.type === 'evidence.completed'
    ? { verify: verifyJobOf(e) }
    : e.type === 'document.requested'
      ? { workspaceId: String(e.data.workspaceId), documentId: String(e.data.documentId) }
      : { workspaceId: String(e.data.workspaceId), exportId: String(e.data.exportId) };

/** The pages an `incident.paged` event names, one `PageRef` each (ids that are not strings are skipped). */
const pageRefsOf = (e: DomainEvent): PageRef[] => {
  const incidentId = String(e.data.incidentId ?? '');
  const ids = Array.isArray(e.data.pageIds) ? e.data.pageIds : [];
  return ids
    .filter((id): id is string => typeof id === 'string')
    .map((pageId) => ({ workspaceId: e.workspaceId ?? e.chainId, incidentId, pageId }));
};

const WRITE_CONCURRENCY = 25;

/** Arms and disarms the schedules of the timers the events planned and deleted; never throws. */
const scheduleTimers = async (schedules: TimerSchedules, events: DomainEvent[], logger: MessagingDeps['logger']) => {
  const plans = events.map(timerSchedulesOf);
  const arm = plans.flatMap((p) => p.arm);
  const disarm = plans.flatMap((p) => p.disarm);
  const out = { armed: 0, disarmed: 0, failed: 0 };
  if (arm.length === 0 && disarm.length === 0) return out;
  try {
    const [armed, disarmed] = await Promise.all([schedules.arm(arm), schedules.disarm(disarm)]);
    return { armed: armed.done, disarmed: disarmed.done, failed: armed.failed + disarmed.failed };
  } catch (err) {
    logger.warn('fanout: escalation schedules left to the sweep', { message: errorMessage(err) });
    return { ...out, failed: arm.length + disarm.length };
  }
};

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
        const sweepAt = sweepAfter(deps, now);
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
        // Audit export and evidence verification jobs go to their worker's queue; one not queued comes back with its event.
        const jobs = fresh.filter(
          (e) =>
            (e.type === 'audit.export_requested' || e.type === 'evidence.completed' || e.type === 'document.requested') &&
            !unwritten.has(e.id),
        );
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
        // Pages go to the pager's queue, one message each; an event whose pages were not all queued comes back.
        const paged = fresh.filter((e) => e.type === 'incident.paged' && !unwritten.has(e.id));
        const refs = paged.flatMap((e) => pageRefsOf(e).map((ref) => ({ key: `${e.id} ${ref.pageId}`, eventId: e.id, ref })));
        if (refs.length > 0) {
          const queued = deps.queues.pages
            ? await sendInBatches(
                deps.sqs,
                deps.queues.pages,
                refs.map((r) => ({ key: r.key, body: JSON.stringify(r.ref) })),
              )
            : { calls: 0, failed: refs.map((r) => r.key) };
          stats.sqsCalls += queued.calls;
          stats.pages = refs.length - queued.failed.length;
          const eventOf = new Map(refs.map((r) => [r.key, r.eventId]));
          for (const key of queued.failed) unwritten.add(eventOf.get(key)!);
          if (queued.failed.length > 0) deps.logger.warn('fanout: pages not queued', { count: queued.failed.length });
        }
        // Escalation timers the events planned get a one-time schedule each, and those they deleted lose theirs:
        // precision only (the sweep fires every timer anyway), so a failure is logged and the event goes on.
        if (deps.schedules)
          stats.schedules = await scheduleTimers(
            deps.schedules,
            fresh.filter((e) => !unwritten.has(e.id)),
            deps.logger,
          );
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
        deps.logger.error('fanout failed', { message: errorMessage(err) });
        for (const r of event.Records) failures.add(r.messageId);
      }
    }
    onStats?.(stats);
    if (stats.events > 0) deps.logger.info('fanout', { ...stats, failed: failures.size });
    return batchResponse(failures);
  };
