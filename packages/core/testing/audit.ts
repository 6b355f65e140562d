import type { AuditEntry, ChainHead } from '../src/index';

/**
 * A well-formed audit entry that no chain sealed: for store tests that commit by hand and only
 * need the commit to carry an entry taking the chain to `next` from `prevHash`.
 */
export const unsealedEntry = (next: ChainHead, prevHash: string, o: Partial<AuditEntry> = {}): AuditEntry => ({
  v: 2,
  chainId: next.chainId,
  seq: next.seq,
  at: '2026-03-01T08:00:00.000Z',
  prevHash,
  bodyDigest: 'd'.repeat(64),
  salt: 'c'.repeat(32),
  actor: { sub: 't', orgId: 't', country: 'ZZZ' },
  action: 'test.commit',
  target: { type: 'test', id: 'x' },
  outcome: 'success',
  markings: [],
  hash: next.hash,
  ...o,
});
