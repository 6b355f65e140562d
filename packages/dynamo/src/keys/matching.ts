import type { RecordShapes } from './shared';

/**
 * The hit/no-hit index: one item per holder of a keyed hash of a selector, in the hash's own
 * partition (`MATCH#<key id>#<hmac>`), sorted by the holding record
 * (`HOLDER#<workspace>#<record type>#<record id>`). A create writes its own holders' items and
 * nothing shared, so creates naming one selector never conflict; a check reads a hash's holders
 * with one Query of its partition. The hashes spread the partitions evenly; the key id keeps two
 * keys' holders apart during a rotation. (A table written before holders were items holds one
 * list item per hash, sort key `MATCH`: the check's Query reads it too, see ../matching.ts.)
 */
export const matchPartition = (keyId: string, hmac: string): string => `MATCH#${keyId}#${hmac}`;
export const MATCH_HOLDER_PREFIX = 'HOLDER#';

export const matchingRecords: RecordShapes<'match_holder'> = {
  match_holder: {
    key: (ref) => ({
      pk: matchPartition(ref.keyId, ref.hmac),
      sk: `${MATCH_HOLDER_PREFIX}${ref.workspaceId}#${ref.recordType}#${ref.recordId}`,
    }),
  },
};
