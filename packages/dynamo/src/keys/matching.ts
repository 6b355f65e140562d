import type { RecordShapes } from './shared';

/**
 * The hit/no-hit index: one item per keyed hash of a selector, in a partition of its own
 * (`MATCH#<key id>#<hmac>`), listing every record that holds it. A check of N selectors reads
 * N items by key (one BatchGetItem per 100), never a query or a scan; the hashes spread the
 * partitions evenly. The key id keeps two keys' items apart during a rotation.
 */
const matchPartition = (keyId: string, hmac: string): string => `MATCH#${keyId}#${hmac}`;

export const matchingRecords: RecordShapes<'match'> = {
  match: { key: (ref) => ({ pk: matchPartition(ref.keyId, ref.hmac), sk: 'MATCH' }) },
};
