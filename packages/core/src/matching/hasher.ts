import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The port that turns a canonical selector into what the index stores: HMAC-SHA256 under a key
 * the deployment holds and nobody else, so the index cannot be reversed by hashing guesses
 * (a phone number space is small) without that key. Every key has an id, and the index keys
 * its items by it, so a rotation can run both keys side by side.
 */
export interface SelectorHasher {
  /** The live key ids: the first is the one new index entries are written under; checks consult all. */
  readonly keyIds: readonly string[];
  /** The keyed hash of a canonical selector under one key, base64url. */
  hash(keyId: string, canonical: string): string;
}

/** A key's id: derived from the key itself (not secret: 48 bits of a hash of it), so the secret needs no other field. */
const keyIdOf = (secret: string): string =>
  createHash('sha256').update(`taskforce matching key id\u0000${secret}`).digest('base64url').slice(0, 8);

/** A hasher over secrets, the current one first (new entries) and the previous ones still consulted by checks. */
export const selectorHasherFromSecrets = (current: string, previous: readonly string[] = []): SelectorHasher => {
  const keys = new Map<string, string>();
  for (const secret of [current, ...previous]) {
    if (secret.length < 32) throw new Error('a matching key must be at least 32 characters');
    keys.set(keyIdOf(secret), secret);
  }
  return {
    keyIds: [...keys.keys()],
    hash(keyId, canonical) {
      const secret = keys.get(keyId);
      if (!secret) throw new Error(`no matching key ${keyId}`);
      return createHmac('sha256', secret).update(canonical, 'utf8').digest('base64url');
    },
  };
};

/**
 * `MATCHING_KEYS`, as the stack's secret holds it and the local runtime keeps it:
 * `{"current": "<secret>", "previous": ["<secret>", …]}`.
 */
export const parseMatchingSecrets = (json: string): SelectorHasher => {
  const { current, previous = [] } = JSON.parse(json) as { current?: unknown; previous?: unknown };
  if (typeof current !== 'string' || !Array.isArray(previous) || !previous.every((p) => typeof p === 'string')) {
    throw new Error('expected {"current": "<secret>", "previous": ["<secret>", …]}');
  }
  return selectorHasherFromSecrets(current, previous);
};

let ephemeral: SelectorHasher | undefined;
/**
 * A key made up for this process: for the in-memory store and tests only. Every deployed entry
 * point wires a kept key: an index written under a lost key matches nothing again.
 */
export const ephemeralSelectorHasher = (): SelectorHasher => {
  ephemeral ??= selectorHasherFromSecrets(randomBytes(32).toString('base64url'));
  return ephemeral;
};

/** What the features that index selectors, and the check, take: the hasher, when wired. */
export interface MatchingDeps {
  selectorHasher?: SelectorHasher;
}
export const hasherOf = (deps: MatchingDeps): SelectorHasher => deps.selectorHasher ?? ephemeralSelectorHasher();
