import type { AuditEntry } from '../kernel/audit';
import { type Checkpoint, checkpointSignatureValid, ephemeralCheckpointSigner, signCheckpoint } from '../kernel/checkpoint';
import { appendLeaf, type CompactRange, leafHash, rootOf } from '../kernel/merkle';
import type { Principal } from '../kernel/principal';
import { type AuditDeps, auditSigningKeys } from './queries';
import { requireAuditReader } from './reader';
import { sequenceChain } from './sequencer';

// The lines of an export file: the chain as the reader sees it, up to the job's own request, then
// the signed checkpoint of exactly those entries.

/** The entry an export of `exportId` ends with: the job's own `audit.export_requested`. */
const isRequestOf = (exportId: string) => (e: AuditEntry) =>
  e.action === 'audit.export_requested' && e.target.type === 'auditExport' && e.target.id === exportId;

class ChainMismatch extends Error {}

/**
 * A signed checkpoint of the chain's first `end.seq` entries, whose compact range is `range`:
 * the head's when it is there, else the one taken when the chain reached that size, else (the
 * request was sequenced in one round with later entries) one signed now, once the entries after
 * `end` up to the head's checkpoint are read and the tree they make with `range` is the one that
 * checkpoint signed, so that nothing stored since can be laundered into a new signature.
 */
const checkpointThrough = async (
  deps: AuditDeps,
  chainId: string,
  end: AuditEntry,
  range: CompactRange,
  head: Checkpoint,
): Promise<Checkpoint> => {
  if (head.treeSize === end.seq) return head;
  const stored = await deps.store.checkpointAt(chainId, end.seq);
  if (stored) return stored.checkpoint;
  let grown = range;
  let last = end.hash;
  for (let after = end.seq; after < head.treeSize; ) {
    const page = await deps.store.auditEntriesAfter(chainId, after, Math.min(500, head.treeSize - after));
    if (page.length === 0) break;
    for (const e of page) {
      if (e.seq > head.treeSize) break;
      grown = appendLeaf(grown, leafHash(e.hash)).range;
      last = e.hash;
    }
    after = page[page.length - 1]!.seq;
  }
  const matches =
    grown.size === head.treeSize &&
    last === head.lastHash &&
    rootOf(grown) === head.rootHash &&
    checkpointSignatureValid(head, auditSigningKeys(deps));
  if (!matches) throw new ChainMismatch("the stored chain is not the tree of its head's checkpoint");
  return signCheckpoint(deps.auditSigner ?? ephemeralCheckpointSigner(), {
    v: 1,
    chainId,
    treeSize: end.seq,
    rootHash: rootOf(range),
    lastHash: end.hash,
    at: deps.clock.now().toISOString(),
  });
};

/**
 * The chain as the reader sees it, as JSON Lines, one entry or sealed stub per line, oldest
 * first, then `{"checkpoint": …}`, the signed checkpoint the lines are proven against; it
 * verifies offline with `verifyAuditExport` and the published keys. It records nothing itself:
 * the export job (export.ts) queued its `audit.export_requested` entry when it was asked for
 * (sequenced here before the chain is read), and records `audit.exported`, with the file's
 * digest, only once the file is made. Given `exportId`, the lines end with that job's
 * `audit.export_requested` entry, whatever was written after it (an error if it is not in the
 * chain); without, with the chain's head.
 */
export async function* exportAuditTrail(
  deps: AuditDeps,
  p: Principal,
  workspaceId: string,
  opts: { exportId?: string } = {},
): AsyncGenerator<string> {
  const lens = await requireAuditReader(deps, p, workspaceId);
  await sequenceChain(deps, workspaceId);
  const checkpoint = (await deps.store.chainTip(workspaceId))?.checkpoint;
  const size = checkpoint?.treeSize ?? 0;
  const isEnd = opts.exportId === undefined ? () => false : isRequestOf(opts.exportId);
  // The compact range of the lines so far (O(log n)), for a checkpoint that ends with them.
  let range: CompactRange = { size: 0, frontier: [] };
  let end: AuditEntry | undefined;
  for (let after = 0; after < size && !end; ) {
    const page = await deps.store.auditEntriesAfter(workspaceId, after, Math.min(500, size - after));
    if (page.length === 0) break;
    let lines = page.filter((x) => x.seq <= size);
    const at = lines.findIndex(isEnd);
    if (at >= 0) {
      end = lines[at];
      lines = lines.slice(0, at + 1);
    }
    for (const e of lines) range = appendLeaf(range, leafHash(e.hash)).range;
    for (const e of await lens(lines)) yield `${JSON.stringify(e)}\n`;
    after = page[page.length - 1]!.seq;
  }
  if (opts.exportId === undefined) {
    if (checkpoint) yield `${JSON.stringify({ checkpoint })}\n`;
    return;
  }
  if (!end || !checkpoint || range.size !== end.seq) throw new ChainMismatch("the export's request is not in the signed chain");
  yield `${JSON.stringify({ checkpoint: await checkpointThrough(deps, workspaceId, end, range, checkpoint) })}\n`;
}
