import type { Principal } from '../kernel/principal';
import type { AuditDeps } from './queries';
import { requireAuditReader } from './reader';
import { sequenceChain } from './sequencer';

/**
 * The chain as the reader sees it, as JSON Lines, one entry or sealed stub per line, oldest
 * first, then `{"checkpoint": …}`, the signed checkpoint the lines are proven against; it
 * verifies offline with `verifyAuditExport` and the published keys. It records nothing itself:
 * the export job (export.ts) queued its `audit.export_requested` entry when it was asked for
 * (sequenced here before the chain is read, so the file ends with it), and records
 * `audit.exported`, with the file's digest, only once the file is made.
 */
export async function* exportAuditTrail(deps: AuditDeps, p: Principal, workspaceId: string): AsyncGenerator<string> {
  const lens = await requireAuditReader(deps, p, workspaceId);
  await sequenceChain(deps, workspaceId);
  const checkpoint = (await deps.store.chainTip(workspaceId))?.checkpoint;
  const size = checkpoint?.treeSize ?? 0;
  for (let after = 0; after < size; ) {
    const page = await deps.store.auditEntriesAfter(workspaceId, after, Math.min(500, size - after));
    if (page.length === 0) break;
    for (const e of await lens(page.filter((x) => x.seq <= size))) yield `${JSON.stringify(e)}\n`;
    after = page[page.length - 1]!.seq;
  }
  if (checkpoint) yield `${JSON.stringify({ checkpoint })}\n`;
}
