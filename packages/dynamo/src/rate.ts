import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE } from './table';

/** The partitions of rate counters (the auth function's grant names them). */
export const RATE_PARTITION_PREFIX = 'RATE#';

/**
 * Fixed-window counters in the platform's table: one item per key and window, counted with an
 * atomic ADD and dropped by the table's time-to-live after its window. The key (a client address)
 * is stored hashed: the table keeps no addresses. Windows are on the wall clock, as the TTL is.
 */
export class DynamoRateCounter {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit of `key` in the current window of `windowSeconds`; returns the window's count so far. */
  async hit(key: string, windowSeconds: number): Promise<number> {
    const window = Math.floor(this.now() / 1000 / windowSeconds);
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: `${RATE_PARTITION_PREFIX}${createHash('sha256').update(key).digest('base64url')}#${window}`, sk: 'RATE' },
        UpdateExpression: 'ADD #n :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ExpressionAttributeNames: { '#n': 'n', '#ttl': TABLE.ttlAttribute },
        ExpressionAttributeValues: { ':one': 1, ':ttl': (window + 1) * windowSeconds + 60 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.n ?? 1);
  }
}
