import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AlertStore, type InboxNotification, shardOf } from '@taskforce/core';
import { getItem } from './batch-get';
import { ifConditionHolds, type TableContext } from './context';
import {
  dueSortKey,
  inboxItemKey,
  NOTIFICATIONS_PREFIX,
  notificationKey,
  notificationsPartition,
  pendingIndex,
  pendingLookup,
  webhookPartition,
} from './keys';
import { queryPage, rangesPage } from './paging';

/** Each recipient's notification inbox. */
export const notificationInbox = (
  t: TableContext,
): Pick<AlertStore, 'putNotification' | 'getNotification' | 'listNotifications' | 'acknowledgeNotification'> => ({
  async putNotification(n, opts = {}) {
    const key = inboxItemKey(n.recipient, n.id);
    if (!key) throw new Error(`notification id ${n.id} does not name recipient ${n.recipient}`);
    const due = opts.webhookDueAt
      ? {
          duePk: webhookPartition(shardOf(n.id)),
          dueSk: dueSortKey(opts.webhookDueAt.toISOString(), n.id),
          hook: { recipient: n.recipient, id: n.id },
        }
      : {};
    const put = await ifConditionHolds(
      t.doc.send(
        new PutCommand({
          TableName: t.tableName,
          Item: { ...key, kind: 'notification', pending: 1, ...pendingIndex(n.recipient, key), ...due, data: n },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    return put ? 'created' : 'exists';
  },

  async getNotification(orgId, id) {
    const key = inboxItemKey(orgId, id);
    if (!key) return null;
    return ((await getItem(t, key))?.data as InboxNotification | undefined) ?? null;
  },

  listNotifications: (orgId, q) =>
    q.pending && q.newestFirst
      ? queryPage(t, { index: 'lookup', partition: pendingLookup(orgId), sort: { beginsWith: NOTIFICATIONS_PREFIX }, newestFirst: true }, q)
      : q.pending
        ? rangesPage(
            t,
            [
              {
                index: 'lookup',
                partition: pendingLookup(orgId),
                startKey: (sortKey) => notificationKey(orgId, sortKey.slice(NOTIFICATIONS_PREFIX.length)),
              },
            ],
            q,
          )
        : queryPage(
            t,
            {
              partition: notificationsPartition(orgId),
              sort: { beginsWith: NOTIFICATIONS_PREFIX },
              ...(q.newestFirst ? { newestFirst: true } : {}),
            },
            q,
          ),

  async acknowledgeNotification(orgId, id, at) {
    const key = inboxItemKey(orgId, id);
    if (!key) return null;
    const out = await ifConditionHolds(
      t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: key,
          UpdateExpression: 'SET #d.acknowledgedAt = if_not_exists(#d.acknowledgedAt, :at) REMOVE pending, gsi1pk, gsi1sk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#d': 'data' },
          ExpressionAttributeValues: { ':at': at.toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      ),
    );
    return (out?.Attributes?.data as InboxNotification | undefined) ?? null;
  },
});
