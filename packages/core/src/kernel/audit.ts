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
 *   header = { v: 3, chainId, seq, at, prevHash, bodyDigest = SHA-256(canonical body) }
 *   hash   = SHA-256(canonical header)
 *
 * An entry is born queued: the command's transaction writes its body, digest and time under a
 * key no other writer touches (`QueuedAuditEntry`). The chain's sequencer later gives it its
 * `seq` and `prevHash` (`sequenceEntry`), so no command waits for, or races on, the chain's end.
 * Entries of format 2 (written before queueing existed) keep verifying: the header is the same.
 * How a chain, a checkpoint or an export is verified: audit-verify.ts.
 *
 * The chain links headers only, so an entry whose body a reader may not see can be shown to
 * that reader as its header and hash alone (a sealed stub) and the whole chain still verifies.
 * The salt (128 random bits) stops anyone holding a stub from confirming a guess of a body's
 * content against its digest. `markings` are the markings of the records the entry is about
 * (none for entries about the workspace itself): a reader sees the body only if the evaluator
 * lets it see every one of them.
 */
const AUDIT_FORMAT = 3;
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
  v: z.union([z.literal(2), z.literal(AUDIT_FORMAT)]),
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

/**
 * An entry as its command wrote it, before its chain's sequencer gave it a place: the body and
 * its digest and the time are fixed; `qid` (time-ordered, unique) orders the queue.
 */
export type QueuedAuditEntry = Pick<AuditEntry, 'chainId' | 'at' | 'bodyDigest' | (typeof BODY_KEYS)[number]> & {
  v: typeof AUDIT_FORMAT;
  qid: string;
};

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
export const hashEntry = (entry: Pick<AuditEntry, (typeof HEADER_KEYS)[number]>): string =>
  sha256Hex(canonicalJson(pick(entry as Record<string, unknown>, HEADER_KEYS)));

const newSalt = (): string => randomBytes(16).toString('hex');

/** Each marking once, so that a list read of many records of one marking stays small. */
const distinct = (markings: Marking[]): Marking[] => {
  const seen = new Map<string, Marking>();
  for (const m of markings) seen.set(canonicalJson(m), m);
  return [...seen.values()];
};

/** A command's entry, queued: its body fixed and digested, its place in the chain still to come. */
export const queueEntry = (
  chainId: string,
  qid: string,
  at: string,
  actor: Actor,
  draft: AuditDraft,
  salt: string = newSalt(),
): QueuedAuditEntry => {
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
  return { v: AUDIT_FORMAT, chainId, qid, at, bodyDigest: digestBody(body), ...body };
};

/** The chain's sequencer gives a queued entry its place: the next `seq`, and the hash of the entry before it. */
export const sequenceEntry = (q: QueuedAuditEntry, seq: number, prevHash: string): AuditEntry => {
  const { qid: _qid, ...rest } = q;
  const header = { v: AUDIT_FORMAT, chainId: q.chainId, seq, at: q.at, prevHash, bodyDigest: q.bodyDigest } as const;
  return { ...rest, ...header, hash: hashEntry(header) };
};

/** Queues and sequences one entry after `head` at once (tests, and tools that build a chain by hand). */
export const appendEntry = (
  head: ChainHead | null,
  chainId: string,
  at: string,
  actor: Actor,
  draft: AuditDraft,
  salt: string = newSalt(),
): { entry: AuditEntry; head: ChainHead } => {
  const entry = sequenceEntry(queueEntry(chainId, '', at, actor, draft, salt), (head?.seq ?? 0) + 1, head?.hash ?? GENESIS_HASH);
  return { entry, head: { chainId, seq: entry.seq, hash: entry.hash } };
};

/** The hash before the first entry of every chain. */
export { GENESIS_HASH };

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

/**
 * How long a subject's repeated reads of the same records are recorded once: the first read in
 * each fixed window of this length leaves an entry, the repeats within it do not. A console page
 * left open polls every few seconds; without this each poll of an AMBER page wrote an entry.
 */
export const READ_COALESCE_MS = 5 * 60_000;

/**
 * The key that makes a read's entry the only one of its window: the chain, the window (time
 * divided by `READ_COALESCE_MS`), and a digest of who read (subject and organisation), how
 * (`task.read`, `task.listed`…) and which records (a list read: the set of ids it showed, so
 * a list that shows one more record is a new read). Expires after the window.
 */
export const readCoalescing = (chainId: string, actor: Actor, draft: AuditDraft, now: Date): { scope: string; expiresAt: string } => {
  const window = Math.floor(now.getTime() / READ_COALESCE_MS);
  const ids = Array.isArray(draft.details?.ids) ? (draft.details.ids as unknown[]).map(String).sort() : [draft.target.id];
  const about = sha256Hex(canonicalJson([actor.sub, actor.orgId, draft.action, draft.target.type, ids]));
  return { scope: `audit-read#${chainId}#${window}#${about}`, expiresAt: new Date((window + 2) * READ_COALESCE_MS).toISOString() };
};

/**
 * Actions that record a reading, not a change: reads and lists of records (`*.read`,
 * `*.listed`), and the custody events of evidence and exports (`*.downloaded`, `*.exported`,
 * `*.export_requested`). What the audit filter `kind: reads | changes` splits on.
 */
const isReadAction = (action: string): boolean => /\.(read|listed|downloaded|exported|export_requested)$/.test(action);

/**
 * What a reader may narrow a workspace's audit trail to. Each field given must match; `actions`
 * matches any of its names; `actor` an organisation id or a subject; `record` the target's id;
 * `from` and `to` bound the entry's time (inclusive). A filter is only ever matched against an
 * entry the reader may see whole: a sealed entry matches no filter, so a filter cannot tell
 * whether a hidden entry is about something.
 */
export interface AuditFilter {
  actions?: readonly string[];
  actor?: string;
  record?: string;
  kind?: 'reads' | 'changes';
  from?: string;
  to?: string;
}

export const isAuditFilterEmpty = (f: AuditFilter): boolean => !f.actions?.length && !f.actor && !f.record && !f.kind && !f.from && !f.to;

export const matchesAuditFilter = (e: AuditView, f: AuditFilter): boolean => {
  if (isAuditFilterEmpty(f)) return true;
  if ('sealed' in e) return false;
  if (f.actions?.length && !f.actions.includes(e.action)) return false;
  if (f.actor && e.actor.orgId !== f.actor && e.actor.sub !== f.actor) return false;
  if (f.record && e.target.id !== f.record) return false;
  if (f.kind && isReadAction(e.action) !== (f.kind === 'reads')) return false;
  const at = Date.parse(e.at);
  if (f.from && at < Date.parse(f.from)) return false;
  if (f.to && at > Date.parse(f.to)) return false;
  return true;
};
