import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DataRequest, Store, TurnaroundShard } from '@taskforce/core';
import type { TableContext } from './context';
import { evidencePrefix, fromItem, inboxPartition, inboxSortKey, REQUESTS_PREFIX, turnaroundPartition, workspacePartition } from './keys';
import { queryPage } from './paging';

export const requestQueries = (
  t: TableContext,
): Pick<Store, 'listRequests' | 'listInbox' | 'findInboxRequest' | 'listEvidence' | 'turnaroundShards'> => ({
  listRequests: (workspaceId, q) => queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: REQUESTS_PREFIX } }, q),
  listInbox: (providerOrgId, q) => queryPage(t, { index: 'inbox', partition: inboxPartition(providerOrgId), newestFirst: true }, q),
  async findInboxRequest(providerOrgId, requestId) {
    const page = await queryPage<DataRequest>(
      t,
      { index: 'inbox', partition: inboxPartition(providerOrgId), sort: { equals: inboxSortKey(requestId) } },
      { limit: 1 },
    );
    return page.items[0] ?? null;
  },
  listEvidence: (workspaceId, requestId, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: evidencePrefix(requestId) } }, q),
  /**
   * The partner's whole partition of counters, every type and shard: one strongly consistent
   * Query (the items stay small: counts and the buckets in use). Should it ever pass 1 MB, the
   * next page is read too.
   */
  async turnaroundShards(providerOrgId) {
    const shards: TurnaroundShard[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await t.doc.send(
        new QueryCommand({
          TableName: t.tableName,
          KeyConditionExpression: 'pk = :p',
          ExpressionAttributeValues: { ':p': turnaroundPartition(providerOrgId) },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of out.Items ?? []) shards.push(fromItem(item).value as TurnaroundShard);
      start = out.LastEvaluatedKey;
    } while (start);
    return shards;
  },
});
