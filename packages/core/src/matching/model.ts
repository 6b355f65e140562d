import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Marking, Tlp } from '../kernel/marking';
import { CountryCode, Id, IsoDateTime, nonNegativeInt, positiveInt } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { Selector } from './selectors';

/** The kinds of record whose selectors are indexed. */
const MATCHED_RECORD_TYPES = ['request', 'task', 'incident'] as const;

/**
 * One holder of a selector: the record it was entered in and what a check may say of it. The
 * selector itself is not here, nor anywhere in the index: only its keyed hash (the item's key).
 */
export const MatchOwner = z.object({
  workspaceId: Id,
  record: z.object({ type: z.enum(MATCHED_RECORD_TYPES), id: Id }),
  selectorType: z.string(),
  /** The owning organisation: the record's originator. */
  orgId: Id,
  country: CountryCode,
  /** The record's marking when it was indexed: what a hit says it is held under. */
  marking: Marking,
  at: IsoDateTime,
});
export type MatchOwner = z.infer<typeof MatchOwner>;

/**
 * The index item of one keyed hash: every record holding that selector, so that a check reads
 * one item per selector (one BatchGetItem per 100) and never scans. `keyId` names the key the
 * hash was made with, so two keys' items live side by side during a rotation.
 */
export const MatchEntry = z.object({
  keyId: z.string(),
  hmac: z.string(),
  owners: z.array(MatchOwner),
  /** Records that named the selector once `owners` was full: counted, not listed. */
  overflow: z.optional(nonNegativeInt()),
  version: positiveInt(),
});
export type MatchEntry = z.infer<typeof MatchEntry>;

/** At most this many holders are listed per selector (an item stays far below DynamoDB's 400 KB). */
export const MAX_MATCH_OWNERS = 200;

declare module '../kernel/records' {
  interface RecordTypes {
    match: { value: MatchEntry; ref: { keyId: string; hmac: string } };
  }
}
defineRecord('match', ['keyId', 'hmac'], (m) => ({ keyId: m.keyId, hmac: m.hmac }));

export const MATCHING_EVENTS = ['selector.matched'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof MATCHING_EVENTS> {}
}

/** The most selectors one check takes, pasted, sent as JSON or uploaded as CSV. */
export const MAX_CHECK_SELECTORS = 500;

export const CheckSelectorsInput = z.strictObject({
  selectors: z.array(Selector).check(z.minLength(1), z.maxLength(MAX_CHECK_SELECTORS)),
});
export type CheckSelectorsInput = z.infer<typeof CheckSelectorsInput>;

/** An agency to contact about a hit, and the marking it holds the selector under: nothing of the record. */
export const MatchContact = z.object({
  orgId: Id,
  name: z.string(),
  country: CountryCode,
  tlp: Tlp,
  caveats: z.array(z.string()),
});
export type MatchContact = z.infer<typeof MatchContact>;

export const SelectorCheckResult = z.object({
  /** The position of the selector in what was sent (0-based). */
  index: nonNegativeInt(),
  type: z.string(),
  hit: z.boolean(),
  /** Your own organisation holds it too (never a hit against yourself). */
  heldByYou: z.boolean(),
  contacts: z.array(MatchContact),
});
export type SelectorCheckResult = z.infer<typeof SelectorCheckResult>;

export const CheckResult = z.object({
  checkedAt: IsoDateTime,
  selectors: nonNegativeInt(),
  hits: nonNegativeInt(),
  results: z.array(SelectorCheckResult),
});
export type CheckResult = z.infer<typeof CheckResult>;
