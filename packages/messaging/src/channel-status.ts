import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  applyStatus,
  type DeliveryStatus,
  type KernelDeps,
  PAGER_ACTOR,
  type PageRef,
  type PersonPage,
  pageAudit,
  runCommand,
  systemCommand,
  unchanged,
} from '@taskforce/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { batchResponse, errorMessage, failedRecords, runRecords } from './batch-runner';
import { queuePage } from './pager';

/**
 * What the channels say back about each message, over SQS: on AWS the SES configuration set's
 * events (Bounce, Complaint, Reject, Delivery, DeliveryDelay) and End User Messaging SMS status
 * events, both published to one SNS topic that lands them in the status queue (raw delivery: each
 * body is the service's own JSON); locally the runtime's SMS sink puts an SMS status event of the
 * same shape on the local status queue for every message it takes. Each status finds its page
 * through the `pageMessage` lookup and marks the attempt delivered or failed; a failed attempt
 * puts the page back on the pages queue, for its next method at once. A status about a message
 * that is not a page (a verification code) is ignored.
 */

/** The status queue, defined once: infra's Channels construct builds it on AWS, the local runtime on its engine. */
export const CHANNEL_STATUS_QUEUE = {
  name: 'taskforce-channel-status',
  dlq: 'taskforce-channel-status-dlq',
  visibilityTimeoutSeconds: 30,
  maxReceiveCount: 5,
} as const;

/** SMS statuses that end a message well: delivered (carrier receipt) or handed to the carrier where no receipt exists. */
export const SMS_DELIVERED = ['TEXT_DELIVERED', 'TEXT_SUCCESSFUL'];
/** SMS statuses that end a message badly: the next method should be tried. */
export const SMS_FAILED = [
  'TEXT_BLOCKED',
  'TEXT_CARRIER_BLOCKED',
  'TEXT_CARRIER_UNREACHABLE',
  'TEXT_INVALID',
  'TEXT_INVALID_MESSAGE',
  'TEXT_PROTECT_BLOCKED',
  'TEXT_SPAM',
  'TEXT_TTL_EXPIRED',
  'TEXT_UNKNOWN',
  'TEXT_UNREACHABLE',
];
/** SMS statuses on the way (queued, sent to the carrier, pending): nothing to record. */
export const SMS_UNDER_WAY = ['TEXT_QUEUED', 'TEXT_SENT', 'TEXT_PENDING'];

/** One status a channel reported about one message. */
export type ChannelStatus = { messageId: string } & DeliveryStatus;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 && v.length <= 512 ? v : undefined);

/**
 * The status a body says, or null for one that changes nothing (a complaint, an SMS still under
 * way, anything unknown). Reads SES events (`eventType`, or `notificationType` of SES
 * notifications), an SNS envelope around either, and End User Messaging SMS events.
 */
export const channelStatusOf = (body: string): ChannelStatus | null => {
  let e: Record<string, unknown>;
  try {
    e = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return null;
  }
  if (!e || typeof e !== 'object') return null;
  if (e.Type === 'Notification' && typeof e.Message === 'string') return channelStatusOf(e.Message);
  const type = str(e.eventType) ?? str(e.notificationType);
  if (!type) return null;
  const mail = e.mail as { messageId?: unknown } | undefined;
  if (mail && typeof mail === 'object') {
    const messageId = str(mail.messageId);
    if (!messageId) return null;
    const bounce = e.bounce as { bounceType?: unknown; bounceSubType?: unknown } | undefined;
    const delay = e.deliveryDelay as { delayType?: unknown } | undefined;
    switch (type) {
      case 'Delivery':
        return { messageId, delivered: true };
      case 'Bounce':
        return { messageId, delivered: false, reason: `bounce: ${str(bounce?.bounceType) ?? '?'}/${str(bounce?.bounceSubType) ?? '?'}` };
      case 'Reject':
        return { messageId, delivered: false, reason: 'rejected by SES' };
      // A page cannot wait for a mail server that defers it: the next method goes out now.
      case 'DeliveryDelay':
        return { messageId, delivered: false, reason: `delivery delayed: ${str(delay?.delayType) ?? '?'}` };
      default:
        return null;
    }
  }
  const messageId = str(e.messageId);
  if (!messageId) return null;
  if (SMS_DELIVERED.includes(type)) return { messageId, delivered: true };
  if (SMS_FAILED.includes(type)) return { messageId, delivered: false, reason: `SMS ${type.replace(/^TEXT_/, '').toLowerCase()}` };
  return null;
};

interface StatusLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface ChannelStatusDeps extends KernelDeps {
  sqs: SQSClient;
  queues: { pages: string };
  logger: StatusLogger;
}

/** A page whose latest attempt failed and that is not finished: its next method is due. */
const awaitsFailover = (page: PersonPage): boolean => page.status === 'sending' && page.attempts.at(-1)?.status === 'failed';

/** Applies one status to its page; true when the page must go back on the pages queue. */
export async function applyChannelStatus(deps: ChannelStatusDeps, status: ChannelStatus): Promise<boolean> {
  const lookup = await deps.store.get({ kind: 'pageMessage', messageId: status.messageId });
  if (!lookup) return false;
  const ref: PageRef = { workspaceId: lookup.workspaceId, incidentId: lookup.incidentId, pageId: lookup.pageId };
  const key = { kind: 'page' as const, workspaceId: ref.workspaceId, incidentId: ref.incidentId, id: ref.pageId };
  const incidentKey = { kind: 'incident' as const, workspaceId: ref.workspaceId, id: ref.incidentId };
  const out = await runCommand(deps, {
    chainId: ref.workspaceId,
    actor: PAGER_ACTOR,
    refs: [key, incidentKey],
    authorize: systemCommand,
    decide(view, now) {
      const page = view.get(key);
      if (!page) return unchanged(false);
      const next = applyStatus(page, lookup.attempt, status, now);
      // Applied before (a repeat of the status): a failover not yet queued is queued again.
      if (!next) return unchanged(awaitsFailover(page));
      const attempt = { attempt: lookup.attempt, channel: page.attempts.find((a) => a.n === lookup.attempt)?.channel };
      return {
        writes: [{ op: 'put', record: { kind: 'page', value: next.page }, expect: page.version }],
        audit: status.delivered
          ? pageAudit(page, view.get(incidentKey), 'page.delivered', attempt)
          : pageAudit(page, view.get(incidentKey), 'page.attempt_failed', { ...attempt, failure: 'bounced' }),
        result: next.failover,
      };
    },
  });
  if (out.result) await queuePage(deps.sqs, deps.queues.pages, ref);
  return out.result;
}

/**
 * The consumer of the channel status queue. A body that says nothing (or names no page) is
 * dropped; one whose page could not be updated or re-queued comes back.
 */
export const createChannelStatusHandler =
  (deps: ChannelStatusDeps) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const outcomes = await runRecords(
      event.Records,
      async (r) => {
        const status = channelStatusOf(r.body);
        if (!status) return 'done' as const;
        const failover = await applyChannelStatus(deps, status);
        if (failover) deps.logger.info('channel status: failing over', { delivered: status.delivered });
        return 'done' as const;
      },
      (r, err) => {
        deps.logger.error('channel status failed', { messageId: r.messageId, message: errorMessage(err) });
        return 'retry' as const;
      },
    );
    return batchResponse(failedRecords(event.Records, outcomes, (o) => o !== 'done').map((r) => r.messageId));
  };
