import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Key } from './keys';

type Item = Record<string, unknown>;

/** BatchGetItem's own limit: a request naming more keys is refused whole. */
export const BATCH_GET_MAX = 100;
/** Rounds for keys left unprocessed (throttling) before the read fails rather than spin. */
const MAX_ATTEMPTS = 10;

const keyString = (k: Key) => `${k.pk}\u0000${k.sk}`;

/**
 * Strongly consistent reads of many items: one GetItem for one key, else one BatchGetItem
 * per 100 distinct keys, asking again (with backoff) for any keys it left unprocessed.
 * Items are returned in no particular order; missing ones are simply absent.
 */
export const getItems = async (doc: DynamoDBDocumentClient, tableName: string, keys: Key[]): Promise<Item[]> => {
  const distinct = [...new Map(keys.map((k) => [keyString(k), k])).values()];
  if (distinct.length === 1) {
    const out = await doc.send(new GetCommand({ TableName: tableName, Key: distinct[0], ConsistentRead: true }));
    return out.Item ? [out.Item] : [];
  }
  const found: Item[] = [];
  for (let i = 0; i < distinct.length; i += BATCH_GET_MAX) {
    let pending = distinct.slice(i, i + BATCH_GET_MAX);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const out = await doc.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }));
      found.push(...(out.Responses?.[tableName] ?? []));
      pending = (out.UnprocessedKeys?.[tableName]?.Keys as Key[] | undefined) ?? [];
      if (pending.length === 0) break;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${attempt} attempts`);
      await new Promise((r) => setTimeout(r, Math.min(1000, 10 * 2 ** attempt)));
    }
  }
  return found;
};
