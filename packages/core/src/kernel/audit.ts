import { randomBytes } from 'node:crypto';
import * as z from 'zod/mini';
import { canonicalJson, sha256Hex } from './hash';
import { Marking } from './marking';
import { positiveInt } from './primitives';

/**
 * The audit trail of a workspace is a hash chain of entries, each made of a public header and
 * a sealed body:
 *
 *   body   = { salt, actor, action, target, outcome, details?, markings }
 *   header = { v: 2, chainId, seq, at, prevHash, bodyDigest = SHA-256(canonical body) }
 *   hash   = SHA-256(canonical header)
 *
 * The chain links headers only, so an entry whose body a reader may not see can be shown to
 * that reader as its header and hash alone (a sealed stub) and the whole chain still verifies.
 * The salt (128 random bits) stops anyone holding a stub from confirming a guess of a body's
 * content against its digest. `markings` are the markings of the records the entry is about
 * (none for entries about the workspace itself): a reader sees the body only if the evaluator
 * lets it see every one of them.
 */
const AUDIT_FORMAT = 2;
const GENESIS_HASH = '0'.repeat(64);

const Hex64 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'));
const Salt = z.string().check(z.regex(/^[0-9a-f]{32}$/, 'must be 32 lower-case hex digits'));

export const Actor = z.object({
  sub: z.string(),
  orgId: z.string(),
  country: z.string(),
});
export type Actor = z.infer<typeof Actor>;

export const SYSTEM_ACTOR: Actor = { sub: 'system:sweep', orgId: 'system', country: 'ZZZ' };

const headerShape = {
  v: z.literal(AUDIT_FORMAT),
  chainId: z.string(),
  seq: positiveInt(),
  at: z.string(),
  prevHash: Hex64,
  bodyDigest: Hex64,
};
const bodyShape = {
  salt: Salt,
  actor: Actor,
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  outcome: z.enum(['success', 'denied']),
  /** References, codes and the names of changed fields: never free text. */
  details: z.optional(z.record(z.string(), z.unknown())),
  /** The markings of the records the entry is about; empty for the workspace itself. */
  markings: z.array(Marking),
};
const HEADER_KEYS = Object.keys(headerShape) as (keyof typeof headerShape)[];
const BODY_KEYS = Object.keys(bodyShape) as (keyof typeof bodyShape)[];

/** An entry as stored, and as shown to a reader who may see what it is about. */
export const AuditEntry = z.strictObject({ ...headerShape, ...bodyShape, hash: Hex64 });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** An entry as shown to a reader who may not see a record it is about: its header and hash only. */
export const SealedAuditEntry = z.strictObject({ ...headerShape, hash: Hex64, sealed: z.literal(true) });
export type SealedAuditEntry = z.infer<typeof SealedAuditEntry>;

/** One line of a reader's view of the chain (a page, or an export). */
export const AuditView = z.union([AuditEntry, SealedAuditEntry]);
export type AuditView = AuditEntry | SealedAuditEntry;

export type AuditDraft = Pick<AuditEntry, 'action' | 'target' | 'details'> & {
  outcome?: AuditEntry['outcome'];
  /** Required, so that no command forgets to say what its entry is about ([] for the workspace itself). */
  markings: Marking[];
};

/** The head of a chain: the last entry's sequence number and hash. */
export interface ChainHead {
  chainId: string;
  seq: number;
  hash: string;
}

const pick = (raw: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));

/** The digest of an entry's body: its salt, who, what, which record, outcome, details and markings. */
export const digestBody = (entry: Pick<AuditEntry, (typeof BODY_KEYS)[number]>): string =>
  sha256Hex(canonicalJson(pick(entry as Record<string, unknown>, BODY_KEYS)));

/** The hash of an entry covers its header, which carries the digest of its body. */
const hashEntry = (entry: Pick<AuditEntry, (typeof HEADER_KEYS)[number]>): string =>
  sha256Hex(canonicalJson(pick(entry as Record<string, unknown>, HEADER_KEYS)));

const newSalt = (): string => randomBytes(16).toString('hex');

/** Each marking once, so that a list read of many records of one marking stays small. */
const distinct = (markings: Marking[]): Marking[] => {
  const seen = new Map<string, Marking>();
  for (const m of markings) seen.set(canonicalJson(m), m);
  return [...seen.values()];
};

export const appendEntry = (
  head: ChainHead | null,
  chainId: string,
  at: string,
  actor: Actor,
  draft: AuditDraft,
  salt: string = newSalt(),
): { entry: AuditEntry; head: ChainHead } => {
  // Through JSON, so that the entry is exactly what the store gives back (no undefined fields).
  const body = JSON.parse(
    JSON.stringify({
      salt,
      actor,
      action: draft.action,
      target: draft.target,
      outcome: draft.outcome ?? 'success',
      ...(draft.details ? { details: draft.details } : {}),
      markings: distinct(draft.markings),
    }),
  ) as Pick<AuditEntry, (typeof BODY_KEYS)[number]>;
  const header = {
    v: AUDIT_FORMAT,
    chainId,
    seq: (head?.seq ?? 0) + 1,
    at,
    prevHash: head?.hash ?? GENESIS_HASH,
    bodyDigest: digestBody(body),
  } as const;
  const entry: AuditEntry = { ...header, ...body, hash: hashEntry(header) };
  return { entry, head: { chainId, seq: entry.seq, hash: entry.hash } };
};

const sealEntry = (e: Pick<AuditEntry, (typeof HEADER_KEYS)[number] | 'hash'>): SealedAuditEntry => ({
  v: e.v,
  chainId: e.chainId,
  seq: e.seq,
  at: e.at,
  prevHash: e.prevHash,
  bodyDigest: e.bodyDigest,
  hash: e.hash,
  sealed: true,
});

/** The entry as a reader sees it: whole if it may see every record the entry is about, else sealed. */
export const viewEntry = (e: AuditEntry, maySee: (m: Marking) => boolean): AuditView => (e.markings.every(maySee) ? e : sealEntry(e));

export type ChainVerification =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Recomputes a chain from its first entry; entries may be whole or sealed, in any mix (a
 * reader's view verifies as well as the stored chain). A whole entry's body must match its
 * digest; every header must match its hash and link to the previous one. Reports the first
 * broken link: an edited entry, a deleted or reordered one (sequence gap or prevHash
 * mismatch), an entry of another chain, or an end that does not match the expected head.
 */
export const verifyChain = (entries: Iterable<unknown>, expectedHead?: Partial<ChainHead> | null): ChainVerification => {
  let prev = GENESIS_HASH;
  let seq = 0;
  let chainId = expectedHead?.chainId;
  for (const raw of entries) {
    const position = seq + 1;
    const broken = (reason: string): ChainVerification => ({ ok: false, entries: seq, brokenAt: position, reason });
    const parsed = AuditView.safeParse(raw);
    if (!parsed.success) return broken('entry is malformed');
    const e = raw as Record<string, unknown> & AuditView;
    if (e.seq !== position) return broken(`expected seq ${position}, found ${e.seq}`);
    chainId ??= e.chainId;
    if (e.chainId !== chainId) return broken('entry belongs to another chain');
    if (e.prevHash !== prev) return broken('prevHash does not match the previous entry');
    if (!('sealed' in e) && digestBody(e) !== e.bodyDigest) return broken('entry body does not match its digest');
    if (hashEntry(e) !== e.hash) return broken('entry header does not match its hash');
    prev = e.hash;
    seq = position;
  }
  if (expectedHead?.seq !== undefined && expectedHead.seq !== seq) {
    return { ok: false, entries: seq, brokenAt: seq + 1, reason: `chain ends at ${seq} but its head is at ${expectedHead.seq}` };
  }
  if (expectedHead?.hash !== undefined && expectedHead.hash !== prev) {
    return { ok: false, entries: seq, brokenAt: seq, reason: 'the last entry is not the expected head' };
  }
  return { ok: true, entries: seq, head: prev };
};

/**
 * Verifies an export (JSON Lines, one entry or sealed stub per line, oldest first) offline.
 * Give `expectedHead` (e.g. the `head` and `entries` the verify endpoint reported) to also
 * prove that nothing was cut off the end.
 */
export const verifyAuditExport = (jsonl: string, expectedHead?: Partial<ChainHead> | null): ChainVerification => {
  const lines = jsonl.endsWith('\n') ? jsonl.slice(0, -1).split('\n') : jsonl.split('\n');
  if (jsonl === '') lines.length = 0;
  function* parsed() {
    for (const line of lines) {
      try {
        yield JSON.parse(line) as unknown;
      } catch {
        yield undefined;
      }
    }
  }
  return verifyChain(parsed(), expectedHead);
};
