import { type AuditFilter, type AuditView, isAuditFilterEmpty, matchesAuditFilter } from '../kernel/audit';
import { type ChainVerification, verifyCheckpointedStream } from '../kernel/audit-verify';
import { type Checkpoint, type CheckpointKey, ephemeralCheckpointSigner, type StoredCheckpoint } from '../kernel/checkpoint';
import { invalid, notFound } from '../kernel/errors';
import { canonicalJson, sha256Hex } from '../kernel/hash';
import { appendLeaf, type CompactRange, inclusionPathRefs, leafHash, perfectParts, rootOf, subtreeHash } from '../kernel/merkle';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import type { PageQuery } from '../kernel/store';
import { nodeId } from './ports';
import { catchUp, requireAuditReader } from './reader';
import type { SequencerDeps } from './sequencer';

export type AuditDeps = SequencerDeps;

/** The public keys checkpoints verify with: anyone may check a checkpoint or an export offline. */
export const auditSigningKeys = (deps: Pick<AuditDeps, 'auditSigner'>): CheckpointKey[] =>
  (deps.auditSigner ?? ephemeralCheckpointSigner()).publicKeys();

/**
 * How a filtered page reads the chain: `AUDIT_FILTER_BATCH` entries a read, at most
 * `AUDIT_FILTER_READS` reads a page (1,000 entries). The store keeps a chain in sequence order
 * only, so a filter is applied while reading it; a page the filter leaves short carries a `next`
 * while the chain has more. Reading in sequence order is also what keeps a filter from telling
 * anything of sealed entries: an index by action, actor or record would return the hidden
 * entries that match too, and the reads spent dropping them (more reads, shorter pages) would
 * show that they exist.
 */
export const AUDIT_FILTER_BATCH = 250;
export const AUDIT_FILTER_READS = 4;
const CURSOR_REFUSED = 'the cursor is not valid for this list';

/** A filtered page's cursor: the last entry read, bound to the filter (another filter's cursor is refused). */
const filterBinding = (f: AuditFilter): string =>
  sha256Hex(canonicalJson({ ...f, ...(f.actions ? { actions: [...new Set(f.actions)].sort() } : {}) })).slice(0, 16);

/**
 * A page of the chain as the reader may see it: entries about records it may not see are sealed
 * stubs. With a filter, only entries the reader sees whole and that match it (a sealed entry
 * matches no filter), oldest first; the evaluator decides every entry read, matched or not, so
 * what a filtered page shows, where it stops and how long it takes do not depend on what the
 * sealed entries say.
 */
export async function listAuditEntries(
  deps: AuditDeps,
  p: Principal,
  workspaceId: string,
  q: PageQuery,
  filter: AuditFilter = {},
): Promise<Page<AuditView>> {
  const lens = await requireAuditReader(deps, p, workspaceId);
  if (!q.cursor) await catchUp(deps, workspaceId);
  if (isAuditFilterEmpty(filter)) {
    const page = await deps.store.listAudit(workspaceId, q);
    return { ...page, items: await lens(page.items) };
  }
  const binding = filterBinding(filter);
  let after = 0;
  if (q.cursor) {
    const m = /^f([0-9]{1,15})\.([0-9a-f]{16})$/.exec(q.cursor);
    if (!m || m[2] !== binding) throw invalid('cursor', CURSOR_REFUSED);
    after = Number(m[1]);
  }
  const items: AuditView[] = [];
  for (let reads = 0; reads < AUDIT_FILTER_READS; reads++) {
    const batch = await deps.store.auditEntriesAfter(workspaceId, after, AUDIT_FILTER_BATCH);
    const seen = await lens(batch);
    for (const e of seen) {
      after = e.seq;
      if (!matchesAuditFilter(e, filter)) continue;
      items.push(e);
      if (items.length === q.limit) return { items, next: `f${after}.${binding}` };
    }
    if (batch.length < AUDIT_FILTER_BATCH) return { items };
  }
  return { items, next: `f${after}.${binding}` };
}

/**
 * Catches the chain up, reads its latest signed checkpoint FIRST, then the entries up to the
 * checkpoint's size only (entries sequenced meanwhile are not part of what is verified), and
 * checks them against it: signature, links, last hash and Merkle root. From `from` (the size of
 * an earlier checkpoint, whose signature and compact range are checked), only the entries since
 * are read: O(entries since + log n). Only the verdict and the checkpoint leave: nothing of a
 * sealed entry.
 */
export async function verifyAuditTrail(
  deps: AuditDeps,
  p: Principal,
  workspaceId: string,
  opts: { from?: number } = {},
): Promise<ChainVerification> {
  await requireAuditReader(deps, p, workspaceId);
  await catchUp(deps, workspaceId);
  const tip = await deps.store.chainTip(workspaceId);
  const keys = auditSigningKeys(deps);
  const from = opts.from ?? 0;
  if (!tip?.checkpoint) {
    if (from > 0) throw invalid('from', 'the chain has no checkpoint at this size');
    // Nothing sequenced yet: an empty chain, which verifies. Anything else stored is a break.
    const first = await deps.store.auditEntriesAfter(workspaceId, 0, 1);
    return first.length === 0 && !tip
      ? { ok: true, entries: 0, head: '0'.repeat(64), from: 0 }
      : { ok: false, entries: 0, brokenAt: 1, reason: 'the chain has entries but no signed checkpoint' };
  }
  const checkpoint = tip.checkpoint;
  let start: StoredCheckpoint | undefined;
  if (from > 0) {
    start = (await deps.store.checkpointAt(workspaceId, from)) ?? undefined;
    if (!start || from > checkpoint.treeSize) throw invalid('from', 'the chain has no checkpoint at this size');
  }
  async function* entries() {
    for (let after = from; after < checkpoint.treeSize; ) {
      const page = await deps.store.auditEntriesAfter(workspaceId, after, Math.min(500, checkpoint.treeSize - after));
      if (page.length === 0) return;
      for (const e of page) {
        if (typeof e.seq === 'number' && e.seq > checkpoint.treeSize) return;
        yield e;
      }
      after = page[page.length - 1]!.seq;
      if (typeof after !== 'number') return;
    }
  }
  return verifyCheckpointedStream(entries(), checkpoint, keys, start);
}

/** An entry's proof of inclusion: the entry as the caller may see it, its audit path and the signed checkpoint it is proven against. */
export interface InclusionProof {
  entry: AuditView;
  leafIndex: number;
  treeSize: number;
  /** RFC 9162 audit path, leaf side first; check it with `verifyInclusion(entry.hash, leafIndex, treeSize, auditPath, checkpoint.rootHash)`. */
  auditPath: string[];
  checkpoint: Checkpoint;
}

/**
 * Proves that entry `seq` is in the chain's latest signed checkpoint, without anything of the
 * other entries but hashes: O(log n) node hashes in one batch read.
 */
export async function proveAuditEntry(deps: AuditDeps, p: Principal, workspaceId: string, seq: number): Promise<InclusionProof> {
  const lens = await requireAuditReader(deps, p, workspaceId);
  await catchUp(deps, workspaceId);
  const tip = await deps.store.chainTip(workspaceId);
  const checkpoint = tip?.checkpoint;
  if (!checkpoint || seq > checkpoint.treeSize) throw notFound('audit entry');
  const entry = await deps.store.auditEntry(workspaceId, seq);
  if (!entry) throw notFound('audit entry');
  const auditPath = await auditPathOf(deps, workspaceId, seq, checkpoint.treeSize);
  const [seen] = await lens([entry]);
  return { entry: seen!, leafIndex: seq - 1, treeSize: checkpoint.treeSize, auditPath, checkpoint };
}

/** The RFC 9162 audit path of entry `seq` in the chain's tree of `treeSize` entries, leaf side first: O(log n) node hashes in one batch read. */
export async function auditPathOf(deps: AuditDeps, workspaceId: string, seq: number, treeSize: number): Promise<string[]> {
  const refs = inclusionPathRefs(seq - 1, treeSize);
  const parts = refs.map(perfectParts);
  const hashes = await deps.store.merkleNodes(workspaceId, parts.flat());
  // Nodes over entries sequenced before the tree existed (format 2) were never stored: rebuilt from their entries.
  for (const n of parts.flat().filter((x) => !hashes.has(nodeId(x)))) {
    const size = 2 ** n.level;
    let range: CompactRange = { size: 0, frontier: [] };
    for (let after = n.index * size; after < (n.index + 1) * size; ) {
      const page = await deps.store.auditEntriesAfter(workspaceId, after, Math.min(500, (n.index + 1) * size - after));
      if (page.length === 0) throw notFound('audit entry');
      for (const e of page) range = appendLeaf(range, leafHash(e.hash)).range;
      after = page[page.length - 1]!.seq;
    }
    hashes.set(nodeId(n), rootOf(range));
  }
  return parts.map((ps) => subtreeHash(ps.map((n) => hashes.get(nodeId(n))!)));
}
