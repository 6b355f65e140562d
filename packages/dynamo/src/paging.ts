import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { invalid, type Page, type PageQuery } from '@taskforce/core';
import type { Item, TableContext } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { dueUpTo, type Key } from './keys';
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

/**
 * One ordered part of an index partition read by `rangesPage`: sort keys starting with a
 * prefix or before a bound. `startKey` gives the key an item of the range is found again by
 * from its index sort key (the table keys and the index keys), so a cursor need only carry
 * the sort key of the last item taken.
 */
export interface IndexRange {
  index: keyof typeof TABLE.indexes;
  partition: string;
  sort?: { beginsWith: string } | { before: string };
  startKey(sortKey: string): Key;
}

const inRange = (r: IndexRange, sortKey: string): boolean =>
  !r.sort || ('beginsWith' in r.sort ? sortKey.startsWith(r.sort.beginsWith) : sortKey < r.sort.before);

/** Where a walk of several ranges stands: per range, the sort key last taken, or not begun (0), or finished (1). */
type RangeCursor = { l: string; r: (string | 0 | 1)[] };

/** Names the set of ranges a cursor belongs to, so that another list's cursor is refused (its bounds may move: not them). */
const listOf = (ranges: IndexRange[]): string =>
  createHash('sha256')
    .update(JSON.stringify(ranges.map((r) => [r.index, r.partition])))
    .digest('base64url')
    .slice(0, 12);

const openRanges = (cursor: string | undefined, ranges: IndexRange[]): (string | 0 | 1)[] => {
  if (!cursor) return ranges.map(() => 0);
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as RangeCursor;
    if (c.l !== listOf(ranges) || !Array.isArray(c.r) || c.r.length !== ranges.length) throw new Error('foreign');
    c.r.forEach((s, i) => {
      if (!(s === 0 || s === 1 || (typeof s === 'string' && inRange(ranges[i]!, s)))) throw new Error('foreign');
    });
    return c.r;
  } catch {
    throw invalid('cursor', 'the cursor is not valid for this list');
  }
};

/**
 * A page of the items of one or more index ranges merged in sort-key order, with no filter:
 * each range is one Query whose `Limit` counts only items the list returns. Each page costs at
 * most one Query per range not yet finished, each reading at most `limit + 1` items (the one
 * more says whether the range goes on), so a page costs O(page) whatever lies outside the
 * ranges. A page carries a `next` only when some range still holds an item it did not return:
 * never an empty page with a `next`, nor a last page followed by an empty one.
 */
export const rangesPage = async <T>(
  t: TableContext,
  ranges: IndexRange[],
  q: PageQuery,
  map: (item: Item) => T = (item) => item.data as T,
): Promise<Page<T>> => {
  const state = openRanges(q.cursor, ranges);
  const limit = Math.max(1, q.limit);
  const read = await Promise.all(
    ranges.map(async (r, i) => {
      const at = state[i]!;
      if (at === 1) return { items: [] as Item[], more: false, stoppedAt: undefined };
      const keys = TABLE.indexes[r.index];
      const sort = r.sort && ('beginsWith' in r.sort ? `begins_with(${keys.sortKey}, :s)` : `${keys.sortKey} < :s`);
      const bound = r.sort && ('beginsWith' in r.sort ? r.sort.beginsWith : r.sort.before);
      const out = await t.doc.send(
        new QueryCommand({
          TableName: t.tableName,
          IndexName: keys.name,
          KeyConditionExpression: `${keys.partitionKey} = :p${sort ? ` AND ${sort}` : ''}`,
          ExpressionAttributeValues: { ':p': r.partition, ...(bound !== undefined ? { ':s': bound } : {}) },
          Limit: limit + 1,
          ...(at === 0 ? {} : { ExclusiveStartKey: { ...r.startKey(at), [keys.partitionKey]: r.partition, [keys.sortKey]: at } }),
        }),
      );
      const items = out.Items ?? [];
      // Read short of `limit + 1` yet not finished: DynamoDB stopped at 1 MB; nothing past the last item read is known.
      const truncated = items.length <= limit && out.LastEvaluatedKey !== undefined;
      return { items, more: items.length > limit || out.LastEvaluatedKey !== undefined, stoppedAt: truncated ? items.length : undefined };
    }),
  );
  const sortOf = (i: number, item: Item) => String(item[TABLE.indexes[ranges[i]!.index].sortKey]);
  // Only what sorts before the end of every range read short can be returned: the rest may come after items not yet read.
  let frontier: string | undefined;
  read.forEach((r, i) => {
    const last = r.items.at(-1);
    if (r.stoppedAt !== undefined && last && (frontier === undefined || sortOf(i, last) < frontier)) frontier = sortOf(i, last);
  });
  const merged = read
    .flatMap((r, i) => r.items.map((item) => ({ i, item, sort: sortOf(i, item) })))
    .filter((x) => frontier === undefined || x.sort <= frontier)
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : a.i - b.i))
    .slice(0, limit);
  const taken = ranges.map(() => 0);
  const next = [...state];
  for (const m of merged) {
    taken[m.i]!++;
    next[m.i] = m.sort;
  }
  read.forEach((r, i) => {
    if (state[i] !== 1 && taken[i] === r.items.length && !r.more) next[i] = 1;
  });
  const more = next.some((s) => s !== 1);
  const cursor: RangeCursor = { l: listOf(ranges), r: next };
  return {
    items: merged.map((m) => map(m.item)),
    ...(more ? { next: Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url') } : {}),
  };
};
