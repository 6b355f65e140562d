import { AuditView, type ChainHead, digestBody, GENESIS_HASH, hashEntry } from './audit';
import {
  type Checkpoint,
  type CheckpointKey,
  Checkpoint as CheckpointSchema,
  checkpointSignatureValid,
  frontierMatches,
  type StoredCheckpoint,
} from './checkpoint';
import { appendLeaf, type CompactRange, leafHash, rootOf } from './merkle';

/**
 * Verifying an audit chain (entries and their format: audit.ts): link by link from its start or
 * from a stored checkpoint, against a signed checkpoint, and an export file offline.
 */
export type ChainVerification =
  | { ok: true; entries: number; head: string; from?: number; checkpoint?: Checkpoint }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Where a verification starts: after entry `seq` (0: the chain's start), whose hash is `hash`, with the tree's compact range there. */
export interface ChainStart {
  seq: number;
  hash: string;
  frontier: string[];
}

type Broken = Extract<ChainVerification, { ok: false }>;

/** Checks entries one at a time from `start`: each must be well formed, the next in order, and link to the previous one. */
const chainWalker = (start: ChainStart, chainIdHint: string | undefined) => {
  let prev = start.hash;
  let seq = start.seq;
  let range: CompactRange = { size: start.seq, frontier: [...start.frontier] };
  let chainId = chainIdHint;
  return {
    push(raw: unknown): Broken | undefined {
      const position = seq + 1;
      const broken = (reason: string): Broken => ({ ok: false, entries: seq, brokenAt: position, reason });
      const parsed = AuditView.safeParse(raw);
      if (!parsed.success) return broken('entry is malformed');
      const e = raw as Record<string, unknown> & AuditView;
      if (e.seq !== position) return broken(`expected seq ${position}, found ${e.seq}`);
      chainId ??= e.chainId;
      if (e.chainId !== chainId) return broken('entry belongs to another chain');
      if (e.prevHash !== prev) return broken('prevHash does not match the previous entry');
      if (!('sealed' in e) && digestBody(e) !== e.bodyDigest) return broken('entry body does not match its digest');
      if (hashEntry(e) !== e.hash) return broken('entry header does not match its hash');
      range = appendLeaf(range, leafHash(e.hash)).range;
      prev = e.hash;
      seq = position;
      return undefined;
    },
    end: () => ({ verdict: { ok: true, entries: seq, head: prev } as const, range }),
  };
};

const walk = (entries: Iterable<unknown>, start: ChainStart, chainIdHint: string | undefined) => {
  const w = chainWalker(start, chainIdHint);
  for (const raw of entries) {
    const broken = w.push(raw);
    if (broken) return { verdict: broken as ChainVerification, range: null };
  }
  return w.end();
};

/**
 * Recomputes a chain from its first entry (or from `start`); entries may be whole or sealed,
 * in any mix (a reader's view verifies as well as the stored chain). A whole entry's body must
 * match its digest; every header must match its hash and link to the previous one. Reports the
 * first broken link: an edited entry, a deleted or reordered one (sequence gap or prevHash
 * mismatch), an entry of another chain, or an end that does not match the expected head.
 */
export const verifyChain = (
  entries: Iterable<unknown>,
  expectedHead?: Partial<ChainHead> | null,
  start: ChainStart = { seq: 0, hash: GENESIS_HASH, frontier: [] },
): ChainVerification => {
  const { verdict } = walk(entries, start, expectedHead?.chainId);
  if (!verdict.ok) return verdict;
  const { entries: seq, head: prev } = verdict;
  if (expectedHead?.seq !== undefined && expectedHead.seq !== seq) {
    return { ok: false, entries: seq, brokenAt: seq + 1, reason: `chain ends at ${seq} but its head is at ${expectedHead.seq}` };
  }
  if (expectedHead?.hash !== undefined && expectedHead.hash !== prev) {
    return { ok: false, entries: seq, brokenAt: seq, reason: 'the last entry is not the expected head' };
  }
  return verdict;
};

type CheckpointedStart = { start: ChainStart; checkpoint: Checkpoint } | { broken: Broken };

const checkpointedStart = (checkpoint: unknown, keys: readonly CheckpointKey[], from?: StoredCheckpoint): CheckpointedStart => {
  const fail = (reason: string) => ({ broken: { ok: false, entries: from?.checkpoint.treeSize ?? 0, brokenAt: 0, reason } as Broken });
  if (!checkpointSignatureValid(checkpoint, keys)) return fail('the checkpoint is malformed or its signature does not verify');
  if (!from) return { start: { seq: 0, hash: GENESIS_HASH, frontier: [] }, checkpoint };
  if (!checkpointSignatureValid(from.checkpoint, keys))
    return fail('the starting checkpoint is malformed or its signature does not verify');
  if (!frontierMatches(from)) return fail("the starting checkpoint's compact range does not match its signed root");
  if (from.checkpoint.chainId !== checkpoint.chainId) return fail('the checkpoints belong to different chains');
  if (from.checkpoint.treeSize > checkpoint.treeSize) return fail('the starting checkpoint is beyond the checkpoint verified against');
  return { start: { seq: from.checkpoint.treeSize, hash: from.checkpoint.lastHash, frontier: from.frontier }, checkpoint };
};

const checkpointedEnd = (
  out: { verdict: ChainVerification; range: CompactRange | null },
  start: ChainStart,
  checkpoint: Checkpoint,
): ChainVerification => {
  const { verdict, range } = out;
  if (!verdict.ok || !range) return verdict;
  const seq = verdict.entries;
  if (seq !== checkpoint.treeSize) {
    return { ok: false, entries: seq, brokenAt: seq + 1, reason: `chain ends at ${seq} but its checkpoint is at ${checkpoint.treeSize}` };
  }
  if (verdict.head !== checkpoint.lastHash)
    return { ok: false, entries: seq, brokenAt: seq, reason: "the last entry is not the checkpoint's" };
  if (rootOf(range) !== checkpoint.rootHash) {
    return { ok: false, entries: seq, brokenAt: seq, reason: 'the Merkle root does not match the signed checkpoint' };
  }
  return { ...verdict, from: start.seq, checkpoint };
};

/**
 * Verifies entries against a signed checkpoint: the checkpoint's signature (one of `keys`), and,
 * from `from` (a stored checkpoint to start after, whose signature and compact range are checked
 * too; none: the chain's start), every link up to the checkpoint's size, whose last hash and
 * Merkle root must be the signed ones. Costs O(entries since `from` + log n).
 */
export const verifyCheckpointed = (
  entries: Iterable<unknown>,
  checkpoint: unknown,
  keys: readonly CheckpointKey[],
  from?: StoredCheckpoint,
): ChainVerification => {
  const s = checkpointedStart(checkpoint, keys, from);
  if ('broken' in s) return s.broken;
  return checkpointedEnd(walk(entries, s.start, s.checkpoint.chainId), s.start, s.checkpoint);
};

/** `verifyCheckpointed` over entries read as they come (a store read page by page), holding none of them. */
export const verifyCheckpointedStream = async (
  entries: AsyncIterable<unknown>,
  checkpoint: unknown,
  keys: readonly CheckpointKey[],
  from?: StoredCheckpoint,
): Promise<ChainVerification> => {
  const s = checkpointedStart(checkpoint, keys, from);
  if ('broken' in s) return s.broken;
  const w = chainWalker(s.start, s.checkpoint.chainId);
  for await (const raw of entries) {
    const broken = w.push(raw);
    if (broken) return broken;
  }
  return checkpointedEnd(w.end(), s.start, s.checkpoint);
};

/**
 * Verifies an export (JSON Lines, one entry or sealed stub per line, oldest first, then
 * `{"checkpoint": …}`) offline. With the checkpoint line, the entries must be exactly the
 * checkpoint's tree (size, last hash and Merkle root); with `keys` (the published public keys)
 * its signature must verify too, which proves nothing was cut off the end or rewritten. Give
 * `expectedHead` (e.g. the `head` and `entries` the verify endpoint reported) to also pin the end.
 */
export const verifyAuditExport = (
  jsonl: string,
  expectedHead?: Partial<ChainHead> | null,
  keys?: readonly CheckpointKey[],
): ChainVerification => {
  const lines = jsonl.endsWith('\n') ? jsonl.slice(0, -1).split('\n') : jsonl.split('\n');
  if (jsonl === '') lines.length = 0;
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      return undefined;
    }
  };
  const last = lines.length > 0 ? parse(lines[lines.length - 1]!) : undefined;
  const trailer =
    typeof last === 'object' && last !== null && 'checkpoint' in last ? (last as { checkpoint: unknown }).checkpoint : undefined;
  if (trailer !== undefined) lines.pop();
  else if (keys) return { ok: false, entries: 0, brokenAt: lines.length + 1, reason: 'the export does not end with its signed checkpoint' };
  function* parsed() {
    for (const line of lines) yield parse(line);
  }
  if (trailer === undefined) return verifyChain(parsed(), expectedHead);
  const parsedTrailer = CheckpointSchema.safeParse(trailer);
  if (!parsedTrailer.success) return { ok: false, entries: 0, brokenAt: lines.length + 1, reason: 'the checkpoint line is malformed' };
  const c = parsedTrailer.data;
  const result = keys
    ? verifyCheckpointed(parsed(), c, keys)
    : (() => {
        const { verdict, range } = walk(parsed(), { seq: 0, hash: GENESIS_HASH, frontier: [] }, c.chainId);
        if (!verdict.ok || !range) return verdict;
        if (verdict.entries !== c.treeSize || verdict.head !== c.lastHash || rootOf(range) !== c.rootHash) {
          return {
            ok: false,
            entries: verdict.entries,
            brokenAt: verdict.entries + 1,
            reason: "the entries are not the checkpoint's tree",
          } as const;
        }
        return { ...verdict, from: 0, checkpoint: c };
      })();
  if (!result.ok || !expectedHead) return result;
  if (expectedHead.seq !== undefined && expectedHead.seq !== result.entries) {
    return {
      ok: false,
      entries: result.entries,
      brokenAt: result.entries + 1,
      reason: `chain ends at ${result.entries} but its head is at ${expectedHead.seq}`,
    };
  }
  if (expectedHead.hash !== undefined && expectedHead.hash !== result.head) {
    return { ok: false, entries: result.entries, brokenAt: result.entries, reason: 'the last entry is not the expected head' };
  }
  return result;
};
