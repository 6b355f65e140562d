import { parseNotificationId } from '@taskforce/core';
import { orgPartition } from './organisations';
import type { Key, RecordShapes } from './shared';

/** A recipient's notification inbox: one partition per organisation, ordered by event id (time-ordered). */
export const notificationsPartition = (orgId: string): string => `NOTIF#${orgId}`;
export const NOTIFICATIONS_PREFIX = 'N#';
export const notificationKey = (orgId: string, eventId: string): Key => ({
  pk: notificationsPartition(orgId),
  sk: `${NOTIFICATIONS_PREFIX}${eventId}`,
});
/**
 * A recipient's notifications not yet acknowledged, in the lookup index, in inbox order: the
 * `pending` list. The item carries the lookup keys from its put until it is acknowledged.
 */
export const pendingLookup = (orgId: string): string => `PENDING#${orgId}`;
/** The lookup keys of a pending notification at `key` in `orgId`'s inbox: sorted as in the inbox. */
export const pendingIndex = (orgId: string, key: Key) => ({ gsi1pk: pendingLookup(orgId), gsi1sk: key.sk });
/** The key of notification `id` in `orgId`'s inbox, or null when the id does not name that recipient. */
export const inboxItemKey = (orgId: string, id: string): Key | null => {
  const parsed = parseNotificationId(id);
  return parsed && parsed.orgId === orgId ? notificationKey(orgId, parsed.eventId) : null;
};

/** Webhook posts waiting for their (next) attempt, in the due index beside timers and the outbox. */
export const webhookPartition = (shard: number): string => `WEBHOOK#${shard}`;
/**
 * Webhook posts given up after their last attempt, in the due index but never due: a redrive
 * finds them here without a scan. Sorted `<orgId>#<given up at>#<id>`, so one recipient's are a prefix.
 */
export const parkedWebhookPartition = (shard: number): string => `WEBHOOK-PARKED#${shard}`;
export const parkedPrefix = (orgId: string): string => `${orgId}#`;
export const parkedSortKey = (orgId: string, at: string, id: string): string => `${parkedPrefix(orgId)}${at}#${id}`;

export const notificationRecords: RecordShapes<'channel' | 'webhookSecrets'> = {
  channel: { key: (ref) => ({ pk: orgPartition(ref.orgId), sk: 'CHANNEL' }) },
  webhookSecrets: { key: (ref) => ({ pk: orgPartition(ref.orgId), sk: 'WEBHOOK-SECRETS' }) },
};
