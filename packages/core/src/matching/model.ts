import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Marking, Tlp } from '../kernel/marking';
import { CountryCode, Id, IsoDateTime, nonNegativeInt } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { Selector } from './selectors';

/** The kinds of record whose selectors are indexed. */
const MATCHED_RECORD_TYPES = ['request', 'task', 'incident', 'intel'] as const;

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
 * One holder of one keyed hash: an item of its own per (hash, holding record), so that creates
 * naming the same selector write different items and never conflict, and a check reads every
 * holder of a hash with one query of the hash's partition. `keyId` names the key the hash was
 * made with, so two keys' holders live side by side during a rotation. Written once, when the
 * record is created (or re-indexed), and never changed.
 */
export const MatchHolder = z.extend(MatchOwner, { keyId: z.string(), hmac: z.string() });
export type MatchHolder = z.infer<typeof MatchHolder>;

/** One keyed hash of a selector under one key: the group of holders a check reads together. */
export interface MatchGroup {
  keyId: string;
  hmac: string;
}

/** At most this many holders of one hash are read by a check (one query page, whoever holds it). */
export const MAX_MATCH_OWNERS = 200;

declare module '../kernel/records' {
  interface RecordTypes {
    match_holder: { value: MatchHolder; ref: { keyId: string; hmac: string; workspaceId: string; recordType: string; recordId: string } };
  }
}
defineRecord('match_holder', ['keyId', 'hmac', 'workspaceId', 'recordType', 'recordId'], (h) => ({
  keyId: h.keyId,
  hmac: h.hmac,
  workspaceId: h.workspaceId,
  recordType: h.record.type,
  recordId: h.record.id,
}));

/** The holder of a hash a record's create (or the re-index) writes: the record, its owner, its marking. */
export const matchHolderOf = (
  group: MatchGroup,
  owner: { workspaceId: string; record: MatchOwner['record']; marking: Marking },
  selectorType: string,
  at: string,
): MatchHolder => ({
  keyId: group.keyId,
  hmac: group.hmac,
  workspaceId: owner.workspaceId,
  record: owner.record,
  selectorType,
  orgId: owner.marking.originator.orgId,
  country: owner.marking.originator.country,
  marking: owner.marking,
  at,
});

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
