import type { Marking } from '../kernel/marking';
import type { RecordRef } from '../kernel/records';
import type { LoadedView } from '../kernel/runner';
import type { Write } from '../kernel/store';
import type { SelectorHasher } from './hasher';
import { type MatchGroup, type MatchOwner, matchHolderOf } from './model';
import { canonicalSelector } from './normalise';
import type { Selector } from './selectors';

/** A record's selectors, hashed under the current key: one per distinct canonical form. */
export interface HashedSelectors {
  items: { group: MatchGroup; selectorType: string }[];
}

/** Hashes a record's selectors (before its command loads), under the current key. */
export const hashSelectors = (hasher: SelectorHasher, selectors: readonly Selector[] = []): HashedSelectors => {
  const keyId = hasher.keyIds[0]!;
  const seen = new Map<string, HashedSelectors['items'][number]>();
  for (const s of selectors) {
    const hmac = hasher.hash(keyId, canonicalSelector(s));
    if (!seen.has(hmac)) seen.set(hmac, { group: { keyId, hmac }, selectorType: s.type });
  }
  return { items: [...seen.values()] };
};

/**
 * What a create must read of the index before it writes its holders: nothing. Each holder is an
 * item of its own, so no item another create writes is read, changed or raced for.
 */
export const indexRefs = (_h: HashedSelectors): RecordRef[] => [];

/**
 * The index writes of a new record's selectors, in the creating command's own transaction: one
 * new item per selector, the record as a holder of its hash. Nothing shared is read or rewritten,
 * so creates naming the same selector at once never conflict. (`view` is unused: kept so the
 * features that index selectors call it as they did.)
 */
export const indexWrites = (
  _view: LoadedView,
  h: HashedSelectors,
  owner: { workspaceId: string; record: MatchOwner['record']; marking: Marking },
  at: string,
): Write[] =>
  h.items.map(({ group, selectorType }) => ({
    op: 'put',
    record: { kind: 'match_holder', value: matchHolderOf(group, owner, selectorType, at) },
    expect: 'absent',
  }));
