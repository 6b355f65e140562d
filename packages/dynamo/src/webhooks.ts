import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AlertStore, DUE_SHARDS, shardOf, type WebhookRef } from '@taskforce/core';
import { getItem } from './batch-get';
import { ifConditionHolds, type TableContext } from './context';
import { dueSortKey, inboxItemKey, parkedPrefix, parkedSortKey, parkedWebhookPartition, webhookPartition } from './keys';
import { dueItems, queryPage } from './paging';

const hookOf = (item: Record<string, unknown>) => item.hook as WebhookRef;

/** Webhook delivery of inbox items: leases, attempts, the due index and parked posts. */
export const webhookDeliveries = (
  t: TableContext,
): Pick<AlertStore, 'claimWebhook' | 'recordWebhook' | 'dueWebhooks' | 'deferWebhooks' | 'redriveWebhooks'> => {
  /** Moves a parked post back to its due partition, due at `now`, unless it is no longer parked. */
  const unpark = async (r: WebhookRef, parked: string, now: Date): Promise<boolean> => {
    const key = inboxItemKey(r.recipient, r.id);
    if (!key) return false;
    const at = now.toISOString();
    const out = await ifConditionHolds(
      t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: key,
          UpdateExpression: 'SET duePk = :dp, dueSk = :ds, #d.webhook.attempts = :zero, #d.webhook.nextAttemptAt = :at',
          ConditionExpression: 'duePk = :parked AND attribute_not_exists(webhookDeliveredAt)',
          ExpressionAttributeNames: { '#d': 'data' },
          ExpressionAttributeValues: {
            ':dp': webhookPartition(shardOf(r.id)),
            ':ds': dueSortKey(at, r.id),
            ':zero': 0,
            ':at': at,
            ':parked': parked,
          },
        }),
      ),
    );
    return out !== null;
  };

  return {
    async claimWebhook(orgId, id, now, leaseUntil) {
      const key = inboxItemKey(orgId, id);
      if (!key) return 'missing';
      const claimed = await ifConditionHolds(
        t.doc.send(
          new UpdateCommand({
            TableName: t.tableName,
            Key: key,
            UpdateExpression: 'SET lease = :until',
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(webhookDeliveredAt) AND (attribute_not_exists(lease) OR lease < :now)',
            ExpressionAttributeValues: { ':until': leaseUntil.toISOString(), ':now': now.toISOString() },
          }),
        ),
      );
      if (claimed) return 'claimed';
      const item = await getItem(t, key);
      if (!item) return 'missing';
      return item.webhookDeliveredAt ? 'delivered' : 'busy';
    },

    async recordWebhook(orgId, id, outcome) {
      const key = inboxItemKey(orgId, id);
      if (!key) return;
      const at = outcome.at.toISOString();
      const next = !outcome.ok && outcome.nextAttemptAt ? outcome.nextAttemptAt.toISOString() : undefined;
      const sweepAt = !outcome.ok && outcome.nextAttemptAt ? (outcome.sweepAt ?? outcome.nextAttemptAt).toISOString() : undefined;
      const attempts = outcome.attempt !== undefined ? { attempts: outcome.attempt } : {};
      // Given up after its last attempt: parked in the due index where a redrive finds it.
      const parked = !outcome.ok && !next && outcome.parked;
      const failed = outcome.ok
        ? undefined
        : {
            status: 'failed',
            lastAttemptAt: at,
            lastError: outcome.error.slice(0, 300),
            ...attempts,
            ...(next ? { nextAttemptAt: next } : {}),
          };
      await t.doc.send(
        new UpdateCommand({
          TableName: t.tableName,
          Key: key,
          UpdateExpression: outcome.ok
            ? 'SET webhookDeliveredAt = :at, #d.webhook = :w REMOVE lease, duePk, dueSk'
            : next || parked
              ? 'SET #d.webhook = :w, duePk = :dp, dueSk = :ds, hook = :hook REMOVE lease'
              : 'SET #d.webhook = :w REMOVE lease, duePk, dueSk',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#d': 'data' },
          ExpressionAttributeValues: {
            ...(outcome.ok
              ? { ':at': at, ':w': { status: 'delivered', deliveredAt: at, lastAttemptAt: at, ...attempts } }
              : { ':w': failed }),
            ...(next ? { ':dp': webhookPartition(shardOf(id)), ':ds': dueSortKey(sweepAt!, id), ':hook': { recipient: orgId, id } } : {}),
            ...(parked
              ? { ':dp': parkedWebhookPartition(shardOf(id)), ':ds': parkedSortKey(orgId, at, id), ':hook': { recipient: orgId, id } }
              : {}),
          },
        }),
      );
    },

    dueWebhooks: (shard, now, limit) => dueItems(t, webhookPartition(shard), now, limit, hookOf),

    /** One UpdateItem each, conditional on the post still waiting: a delivered one stays out of the index. */
    async deferWebhooks(refs, until) {
      await Promise.all(
        refs.map(async (r) => {
          const key = inboxItemKey(r.recipient, r.id);
          if (!key) return;
          await ifConditionHolds(
            t.doc.send(
              new UpdateCommand({
                TableName: t.tableName,
                Key: key,
                UpdateExpression: 'SET dueSk = :sk',
                ConditionExpression: 'attribute_exists(duePk)',
                ExpressionAttributeValues: { ':sk': dueSortKey(until.toISOString(), r.id) },
              }),
            ),
          );
        }),
      );
    },

    /**
     * Queries each shard's parked partition (one recipient's posts are a prefix of it) and moves
     * each post back to its due partition, due at `now`, with its attempts counted afresh; each
     * move is conditional on the post still being parked, so two redrives at once move it once.
     */
    async redriveWebhooks(now, opts) {
      let moved = 0;
      for (let shard = 0; shard < DUE_SHARDS && moved < opts.limit; shard++) {
        const parked = parkedWebhookPartition(shard);
        let cursor: string | undefined;
        do {
          const page = await queryPage(
            t,
            { index: 'due', partition: parked, ...(opts.orgId ? { sort: { beginsWith: parkedPrefix(opts.orgId) } } : {}) },
            { limit: Math.min(100, opts.limit - moved), ...(cursor ? { cursor } : {}) },
            hookOf,
          );
          cursor = page.next;
          for (let i = 0; i < page.items.length; i += 25) {
            const done = await Promise.all(page.items.slice(i, i + 25).map((r) => unpark(r, parked, now)));
            moved += done.filter(Boolean).length;
          }
        } while (cursor && moved < opts.limit);
      }
      return moved;
    },
  };
};
