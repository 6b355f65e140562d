import {
  accessCountries,
  type InboxNotification,
  LoadedView,
  notificationAsSeenNow,
  notificationRefs,
  type RecordRef,
  refKey,
  type WebhookRef,
} from '@taskforce/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { batchResponse, errorMessage, failedRecords, runRecords } from './batch-runner';
import type { MessagingDeps } from './deps';
import type { DestinationGuard } from './destinations';
import { afterFailedAttempt, givenUp, postponeOnQueue } from './retry-policy';
import { type DuePost, postWebhook } from './webhook-post';

/**
 * `withheld`: the recipient may no longer learn of it (it left the workspace, or a policy tightened
 * since fan-out); `duplicate`: already delivered, or nothing (any more) to post.
 */
export type DeliveryOutcome = 'delivered' | 'duplicate' | 'retry' | 'withheld';

/**
 * The consumer of the delivery queue, whose messages name an inbox item (`{ recipient, id }`)
 * whose webhook post is due; fan-out already put the notification in the inbox. The item is
 * POSTed, signed, to the recipient's webhook under a lease so that two workers never post it at
 * once, and never again once a post succeeded. A failed post is counted on the item and comes
 * back on the schedule of the retry policy (retry-policy.ts): its next attempt in the due index
 * (where the sweep finds it if the queue has not retried it by then), and a batch item failure
 * pushed back by the same delay; after the queue's maxReceiveCount it lands in the dead-letter
 * queue, while the table keeps it due until `MAX_WEBHOOK_ATTEMPTS` posts. What the posts of a
 * batch need besides their inbox items (each recipient's channel, secrets and registry entry, the
 * policies, the workspaces and invitations of the re-check) is read once for the whole batch, in
 * one request.
 */
export const createDeliveryHandler = (deps: MessagingDeps, onOutcome?: (id: string, o: DeliveryOutcome) => void) => {
  const guard = deps.destinations;
  const failed = (r: SQSRecord, err: unknown): DeliveryOutcome => {
    deps.logger.error('delivery failed', { messageId: r.messageId, message: errorMessage(err) });
    return 'retry';
  };
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    // Each message's inbox item: what is left to post, if anything.
    const read = await runRecords(event.Records, (r) => duePost(deps, r), failed);
    const outcomes = new Map<SQSRecord, DeliveryOutcome>();
    const due: { r: SQSRecord; n: DuePost }[] = [];
    for (const [r, n] of read) {
      if (typeof n === 'string') outcomes.set(r, n);
      else due.push({ r, n });
    }
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
        const loaded = view;
        const posted = await runRecords(
          due,
          ({ r, n }) => deliverOne(deps, guard, r, n, loaded),
          ({ r }, err) => failed(r, err),
        );
        for (const [{ r }, o] of posted) outcomes.set(r, o);
      }
    }
    const failures = failedRecords(event.Records, outcomes, (o) => o === 'retry');
    for (const r of event.Records) onOutcome?.(r.messageId, outcomes.get(r) ?? 'retry');
    await postponeOnQueue(deps, failures);
    return batchResponse(failures.map((r) => r.messageId));
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

/** The inbox item a delivery message names: `{ recipient, id }`, or a whole notification (queued before fan-out wrote inboxes). */
const refFromBody = (body: string): WebhookRef | null => {
  try {
    const r = JSON.parse(body) as Partial<WebhookRef> | null;
    return r && typeof r.recipient === 'string' && typeof r.id === 'string' ? { recipient: r.recipient, id: r.id } : null;
  } catch {
    return null;
  }
};

/** The inbox item a delivery message names if its post is still to be made, or the outcome if not. */
async function duePost(deps: MessagingDeps, r: SQSRecord): Promise<DuePost | DeliveryOutcome> {
  const ref = refFromBody(r.body);
  if (!ref) {
    deps.logger.error('delivery: unreadable message', { messageId: r.messageId });
    return 'retry'; // it will reach the dead-letter queue for inspection
  }
  const n = await deps.alerts.getNotification(ref.recipient, ref.id);
  if (!n?.webhook || n.webhook.status === 'delivered') return 'duplicate';
  if (givenUp(n.webhook)) return 'duplicate';
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
  const failed = (error: string, at: Date) =>
    deps.alerts.recordWebhook(orgId, n.id, { ok: false, at, error, attempt, ...afterFailedAttempt(deps, attempt, at) });

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
