import type { Marking } from '../kernel/marking';
import type { RecordRef } from '../kernel/records';
import type { LoadedView } from '../kernel/runner';
import type { Write } from '../kernel/store';
import type { SelectorHasher } from './hasher';
import { MAX_MATCH_OWNERS, type MatchEntry, type MatchOwner } from './model';
import { canonicalSelector } from './normalise';
import type { Selector } from './selectors';

/** A record's selectors, hashed under the current key: one per distinct canonical form. */
export interface HashedSelectors {
  items: { ref: Extract<RecordRef, { kind: 'match' }>; selectorType: string }[];
}

/** Hashes a record's selectors (before its command loads): their index items are read with the command's other records. */
export const hashSelectors = (hasher: SelectorHasher, selectors: readonly Selector[] = []): HashedSelectors => {
  const keyId = hasher.keyIds[0]!;
  const seen = new Map<string, HashedSelectors['items'][number]>();
  for (const s of selectors) {
    const hmac = hasher.hash(keyId, canonicalSelector(s));
    if (!seen.has(hmac)) seen.set(hmac, { ref: { kind: 'match', keyId, hmac }, selectorType: s.type });
  }
  return { items: [...seen.values()] };
};

export const indexRefs = (h: HashedSelectors): RecordRef[] => h.items.map((i) => i.ref);

/**
 * The index writes of a new record's selectors, in the creating command's own transaction: each
 * item gains the record as a holder, written only if nobody changed it since it was read (a
 * command that lost that race reads again: `retryOnRace`).
 */
export const indexWrites = (
  view: LoadedView,
  h: HashedSelectors,
  owner: { workspaceId: string; record: MatchOwner['record']; marking: Marking },
  at: string,
): Write[] =>
  h.items.map(({ ref, selectorType }) => {
    const before = view.get(ref);
    const holder: MatchOwner = {
      workspaceId: owner.workspaceId,
      record: owner.record,
      selectorType,
      orgId: owner.marking.originator.orgId,
      country: owner.marking.originator.country,
      marking: owner.marking,
      at,
    };
    const owners = before?.owners ?? [];
    const full = owners.length >= MAX_MATCH_OWNERS;
    const next: MatchEntry = {
      keyId: ref.keyId,
      hmac: ref.hmac,
      owners: full ? owners : [...owners, holder],
      ...(full || before?.overflow ? { overflow: (before?.overflow ?? 0) + (full ? 1 : 0) } : {}),
      version: (before?.version ?? 0) + 1,
    };
    return { op: 'put', record: { kind: 'match', value: next }, expect: before ? before.version : 'absent' };
  });
