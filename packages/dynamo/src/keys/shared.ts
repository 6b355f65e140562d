import type { RecordKind, RecordRef, RecordValue } from '@taskforce/core';

export interface Key {
  pk: string;
  sk: string;
}

/** One string per key, to find an item again among many. */
export const keyId = (k: Key): string => `${k.pk}\u0000${k.sk}`;

/** Index attributes of a stored item (`gsi1pk`/`gsi1sk`, `gsi2pk`/`gsi2sk`, `duePk`/`dueSk`). */
export type IndexAttributes = Record<string, string>;

/**
 * How one record kind is stored: its primary key, and the index attributes its item carries.
 * Sparse indexes hold an item only while it is live: `index` gives none (undefined) otherwise.
 */
interface RecordShape<K extends RecordKind> {
  key(ref: Extract<RecordRef, { kind: K }>): Key;
  index?(value: RecordValue<K>): IndexAttributes | undefined;
}

/** The shapes of some record kinds; every feature declares its own, and `keys/index.ts` needs them all. */
export type RecordShapes<K extends RecordKind = RecordKind> = { [P in K]: RecordShape<P> };

/** Sort key in the due index: due time, then id, so a partition reads earliest first. */
export const dueSortKey = (at: string, id: string): string => `${at}#${id}`;
/** The greatest due sort key of anything due at or before `now`. */
export const dueUpTo = (now: Date): string => `${now.toISOString()}~`;
