import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Item, TableContext } from './context';
import { type Key, keyId } from './keys';

/** BatchGetItem's own limit: a request naming more keys is refused whole. */
const BATCH_GET_MAX = 100;
/** Rounds for keys left unprocessed (throttling) before the read fails rather than spin. */
const MAX_ATTEMPTS = 10;

/** One item by its key, strongly consistent. */
export const getItem = async ({ doc, tableName }: TableContext, key: Key): Promise<Item | undefined> =>
  (await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

/**
 * Strongly consistent reads of many items: one GetItem for one key (unless `batch`: the
 * policies' read, always BatchGetItem, so a role reading them needs that one action), else one
 * BatchGetItem per 100 distinct keys, asking again (with backoff) for any keys it left
 * unprocessed. Items are returned in no particular order; missing ones are simply absent.
 */
export const getItems = async (t: TableContext, keys: Key[], opts: { batch?: boolean } = {}): Promise<Item[]> => {
  const distinct = [...new Map(keys.map((k) => [keyId(k), k])).values()];
  if (distinct.length === 1 && !opts.batch) {
    const item = await getItem(t, distinct[0]!);
    return item ? [item] : [];
  }
  const found: Item[] = [];
  for (let i = 0; i < distinct.length; i += BATCH_GET_MAX) {
    let pending = distinct.slice(i, i + BATCH_GET_MAX);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const out = await t.doc.send(new BatchGetCommand({ RequestItems: { [t.tableName]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(out.Responses?.[t.tableName] ?? []));
      pending = (out.UnprocessedKeys?.[t.tableName]?.Keys as Key[] | undefined) ?? [];
      if (pending.length === 0) break;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${attempt} attempts`);
      await new Promise((r) => setTimeout(r, Math.min(1000, 10 * 2 ** attempt)));
    }
  }
  return found;
};
