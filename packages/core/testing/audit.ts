import {
  type AuditEntry,
  auditSigningKeys,
  type QueuedAuditEntry,
  type SequencerDeps,
  sequenceChain,
  verifyCheckpointed,
} from '../src/index';

/**
 * A well-formed queued audit entry: for store tests that commit by hand and only need the
 * commit to carry an entry (its queue id is made unique per call unless given).
 */
let made = 0;
export const unsealedEntry = (chainId: string, o: Partial<QueuedAuditEntry> = {}): QueuedAuditEntry => ({
  v: 3,
  chainId,
  qid: `test-${Date.now().toString(36)}-${String(++made).padStart(6, '0')}`,
  at: '2026-03-01T08:00:00.000Z',
  bodyDigest: 'd'.repeat(64),
  salt: 'c'.repeat(32),
  actor: { sub: 't', orgId: 't', country: 'ZZZ' },
  action: 'test.commit',
  target: { type: 'test', id: 'x' },
  outcome: 'success',
  markings: [],
  ...o,
});

/**
 * Runs a chain's sequencer until nothing is queued, then reads the whole chain and verifies it
 * against its signed checkpoint: what a test asserts on after the commands it ran.
 */
export const settledAudit = async (deps: SequencerDeps, chainId: string) => {
  await sequenceChain(deps, chainId);
  const tip = await deps.store.chainTip(chainId);
  const entries: AuditEntry[] = [];
  for (let after = 0; ; ) {
    const page = await deps.store.auditEntriesAfter(chainId, after, 500);
    if (page.length === 0) break;
    entries.push(...page);
    after = page[page.length - 1]!.seq;
  }
  return { entries, tip, verification: verifyCheckpointed(entries, tip?.checkpoint, auditSigningKeys(deps)) };
};
