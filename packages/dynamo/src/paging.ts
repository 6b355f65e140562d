import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page, PageQuery } from '@taskforce/core';
import type { Item, TableContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { dueUpTo } from './keys';
import { TABLE } from './table';

/** One partition of the table or of an index, and which part of it to read. */
export interface PartitionQuery {
  /** The index queried; absent, the table's own keys. */
  index?: keyof typeof TABLE.indexes;
  partition: string;
  /** Sort keys starting with, equal to, or at most a value. */
  sort?: { beginsWith: string } | { equals: string } | { atMost: string };
  newestFirst?: boolean;
  /** Applied to the items read, after `limit` (as DynamoDB does). Placeholders `:p` and `:s` are taken. */
  filter?: { expression: string; names?: Record<string, string>; values: Record<string, unknown> };
}

const sortCondition = (attribute: string, sort: NonNullable<PartitionQuery['sort']>): [string, string] =>
  'beginsWith' in sort
    ? [`begins_with(${attribute}, :s)`, sort.beginsWith]
    : 'equals' in sort
      ? [`${attribute} = :s`, sort.equals]
      : [`${attribute} <= :s`, sort.atMost];

/**
 * One Query, as a page of records (`data`, unless `map` says otherwise) with the store-level
 * cursor: the query's last evaluated key, which on the way back must lie in the same partition.
 */
export const queryPage = async <T>(
  t: TableContext,
  spec: PartitionQuery,
  q: PageQuery,
  map: (item: Item) => T = (item) => item.data as T,
): Promise<Page<T>> => {
  const keys = spec.index ? TABLE.indexes[spec.index] : { name: undefined, partitionKey: TABLE.partitionKey, sortKey: TABLE.sortKey };
  const start = decodeCursor(q.cursor, { attribute: keys.partitionKey, value: spec.partition });
  const sort = spec.sort ? sortCondition(keys.sortKey, spec.sort) : undefined;
  const out = await t.doc.send(
    new QueryCommand({
      TableName: t.tableName,
      ...(keys.name ? { IndexName: keys.name } : {}),
      KeyConditionExpression: `${keys.partitionKey} = :p${sort ? ` AND ${sort[0]}` : ''}`,
      ExpressionAttributeValues: { ':p': spec.partition, ...(sort ? { ':s': sort[1] } : {}), ...spec.filter?.values },
      ...(spec.filter ? { FilterExpression: spec.filter.expression } : {}),
      ...(spec.filter?.names ? { ExpressionAttributeNames: spec.filter.names } : {}),
      ...(spec.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: q.limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const next = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map(map), ...(next ? { next } : {}) };
};

/**
 * What is due by `now` in one partition of the sparse due index (timers, the outbox, webhook posts),
 * earliest first; with `after` (an item's table and due-index keys), what comes after that item.
 */
export const dueItems = async <T>(
  t: TableContext,
  partition: string,
  now: Date,
  limit: number,
  map?: (item: Item) => T,
  after?: Record<string, string>,
): Promise<T[]> =>
  (await queryPage(t, { index: 'due', partition, sort: { atMost: dueUpTo(now) } }, { limit, cursor: encodeCursor(after) }, map)).items;
