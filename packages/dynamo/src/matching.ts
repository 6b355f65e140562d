import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  invalid,
  MAX_MATCH_OWNERS,
  type MatchGroup,
  type MatchHolder,
  type MatchOwner,
  type SelectorHolder,
  type Store,
} from '@taskforce/core';
import type { TableContext } from './context';
import { fromItem, MATCH_HOLDER_PREFIX, matchPartition } from './keys';
import { TABLE } from './table';

/**
 * The holders an item of a hash's partition names: a holder item (`HOLDER#…`), itself; the list
 * item the index kept before holders were items of their own (sort key `MATCH`, `owners`), each of
 * its owners, so that a table written before is still matched until `pnpm reindex-selectors` has
 * written its holders anew (a check drops the duplicates); anything else, nothing.
 */
const holdersOf = (item: Record<string, unknown>, g: MatchGroup): MatchHolder[] => {
  if (typeof item[TABLE.sortKey] === 'string' && (item[TABLE.sortKey] as string).startsWith(MATCH_HOLDER_PREFIX))
    return [item.data as MatchHolder];
  if (item[TABLE.sortKey] === LEGACY_MATCH_SORT_KEY) {
    const owners = (item.data as { owners?: MatchOwner[] } | undefined)?.owners ?? [];
    return owners.map((o) => ({ ...o, keyId: g.keyId, hmac: g.hmac }));
  }
  return [];
};
const LEGACY_MATCH_SORT_KEY = 'MATCH';

/** Queries of hash partitions a check runs at once (a check of 500 selectors makes 500). */
const QUERIES_AT_ONCE = 32;

/** Binds a scan cursor to this walk, so another list's cursor is refused. */
const LIST = 'selector-holders';

const encode = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify({ l: LIST, k: key }), 'utf8').toString('base64url') : undefined;

/** The table key the scan stopped at: exactly the table's two keys, both strings. */
const decode = (cursor: string | undefined): Record<string, string> | undefined => {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { l?: unknown; k?: Record<string, unknown> };
    const k = c.k;
    if (c.l !== LIST || !k || typeof k !== 'object' || Object.keys(k).length !== 2) throw new Error('foreign');
    const pk = k[TABLE.partitionKey];
    const sk = k[TABLE.sortKey];
    if (typeof pk !== 'string' || typeof sk !== 'string' || !pk || !sk) throw new Error('foreign');
    return { [TABLE.partitionKey]: pk, [TABLE.sortKey]: sk };
  } catch {
    throw invalid('cursor', 'the cursor is not valid for this list');
  }
};

/**
 * The re-index's walk (matching/reindex.ts): one Scan page of the whole table, filtered to the
 * requests, tasks and incidents that carry selectors. A Scan pays for every item it reads,
 * whatever the filter keeps (`limit` items, or 1 MB, a page): the whole table once per re-index,
 * which a rare administrative job may afford and nothing else should.
 */
export const matchingQueries = (t: TableContext): Pick<Store, 'selectorHolders' | 'matchHolders'> => ({
  /** One Query (one page of at most `MAX_MATCH_OWNERS` items) of each hash's partition, held or not: the same requests either way. */
  async matchHolders(groups) {
    const out: MatchHolder[][] = new Array(groups.length);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < groups.length; i = next++) {
        const g = groups[i]!;
        const page = await t.doc.send(
          new QueryCommand({
            TableName: t.tableName,
            KeyConditionExpression: '#pk = :p',
            ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
            ExpressionAttributeValues: { ':p': matchPartition(g.keyId, g.hmac) },
            ConsistentRead: true,
            Limit: MAX_MATCH_OWNERS,
          }),
        );
        out[i] = (page.Items ?? []).flatMap((item) => holdersOf(item, g)).slice(0, MAX_MATCH_OWNERS);
      }
    };
    await Promise.all(Array.from({ length: Math.min(QUERIES_AT_ONCE, groups.length) }, worker));
    return out;
  },

  async selectorHolders(q) {
    const start = decode(q.cursor);
    const out = await t.doc.send(
      new ScanCommand({
        TableName: t.tableName,
        FilterExpression: '#kind IN (:request, :task, :incident) AND size(#data.#selectors) > :none',
        ProjectionExpression: '#kind, #data',
        ExpressionAttributeNames: { '#kind': 'kind', '#data': 'data', '#selectors': 'selectors' },
        ExpressionAttributeValues: { ':request': 'request', ':task': 'task', ':incident': 'incident', ':none': 0 },
        Limit: Math.max(1, q.limit),
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const next = encode(out.LastEvaluatedKey);
    return { items: (out.Items ?? []).map((item) => fromItem(item) as SelectorHolder), ...(next ? { next } : {}) };
  },
});
