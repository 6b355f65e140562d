import { invalid } from '@taskforce/core';

/**
 * Cursors are the query's last evaluated key, base64url-encoded. On the way back in, the key
 * must lie in the partition being queried, so a cursor cannot be used to read elsewhere.
 */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key), 'utf8').toString('base64url') : undefined;

export const decodeCursor = (
  cursor: string | undefined,
  partition: { attribute: string; value: string },
): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const values = Object.values(key);
    if (key[partition.attribute] !== partition.value || values.some((v) => typeof v !== 'string')) throw new Error('foreign');
    return key;
  } catch {
    throw invalid('cursor', 'the cursor is not valid for this list');
  }
};
