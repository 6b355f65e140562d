import * as z from 'zod/mini';
import { canonicalJson, sha256Hex } from './hash';
import { positiveInt } from './primitives';

export const GENESIS_HASH = '0'.repeat(64);

export const Actor = z.object({
  sub: z.string(),
  orgId: z.string(),
  country: z.string(),
});
export type Actor = z.infer<typeof Actor>;

export const SYSTEM_ACTOR: Actor = { sub: 'system:sweep', orgId: 'system', country: 'ZZZ' };

export const AuditEntry = z.object({
  chainId: z.string(),
  seq: positiveInt(),
  at: z.string(),
  actor: Actor,
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  outcome: z.enum(['success', 'denied']),
  details: z.optional(z.record(z.string(), z.unknown())),
  prevHash: z.string().check(z.length(64)),
  hash: z.string().check(z.length(64)),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditDraft = Pick<AuditEntry, 'action' | 'target' | 'details'> & { outcome?: AuditEntry['outcome'] };

/** The head of a chain: the last entry's sequence number and hash. */
export interface ChainHead {
  chainId: string;
  seq: number;
  hash: string;
}

/** The hash covers every field of the entry but the hash itself, canonically serialised. */
export const hashEntry = (entry: Omit<AuditEntry, 'hash'>): string => {
  const { hash: _ignored, ...rest } = entry as AuditEntry;
  return sha256Hex(canonicalJson(rest));
};

export const appendEntry = (
  head: ChainHead | null,
  chainId: string,
  at: string,
  actor: Actor,
  draft: AuditDraft,
): { entry: AuditEntry; head: ChainHead } => {
  const body: Omit<AuditEntry, 'hash'> = {
    chainId,
    seq: (head?.seq ?? 0) + 1,
    at,
    actor,
    action: draft.action,
    target: draft.target,
    outcome: draft.outcome ?? 'success',
    ...(draft.details ? { details: draft.details } : {}),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const entry = { ...body, hash: hashEntry(body) };
  return { entry, head: { chainId, seq: entry.seq, hash: entry.hash } };
};

export type ChainVerification =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Recomputes a chain from its first entry. Reports the first broken link: an edited entry
 * (its hash no longer matches), a deleted or reordered one (sequence gap or prevHash
 * mismatch), or a head that does not match the stored head.
 */
export const verifyChain = (entries: Iterable<unknown>, expectedHead?: ChainHead | null): ChainVerification => {
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const raw of entries) {
    const position = seq + 1;
    const parsed = AuditEntry.safeParse(raw);
    if (!parsed.success) return { ok: false, entries: seq, brokenAt: position, reason: 'entry is malformed' };
    const e = parsed.data;
    if (e.seq !== position) return { ok: false, entries: seq, brokenAt: position, reason: `expected seq ${position}, found ${e.seq}` };
    if (e.prevHash !== prev) return { ok: false, entries: seq, brokenAt: position, reason: 'prevHash does not match the previous entry' };
    if (hashEntry(e) !== e.hash) return { ok: false, entries: seq, brokenAt: position, reason: 'entry content does not match its hash' };
    prev = e.hash;
    seq = position;
  }
  if (expectedHead && (expectedHead.seq !== seq || expectedHead.hash !== prev)) {
    return { ok: false, entries: seq, brokenAt: seq + 1, reason: `chain ends at ${seq} but its head is at ${expectedHead.seq}` };
  }
  return { ok: true, entries: seq, head: prev };
};
