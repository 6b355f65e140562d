import { describe, expect, it } from 'vitest';
import { type ChainTip, createTask, createWorkspace, proveAuditEntry, sequenceChain, verifyAuditTrail, verifyInclusion } from '../../src';
import { agencies, vnm } from '../world';

/**
 * A chain written before the Merkle tree existed has a head with only its last seq and hash, no
 * compact range, no checkpoint and no stored nodes. It must verify and prove as any other.
 */
describe('a chain whose head predates the tree', () => {
  it('gets its first checkpoint with nothing queued, verifies, and proves every entry from its entries', async () => {
    const deps = await agencies(vnm);
    const ws = (await createWorkspace(deps, { principal: vnm }, { title: 'Op Old', legalBasis: { code: 'UNCC', text: 'x' } })).result;
    for (const title of ['a', 'b', 'c', 'd', 'e'])
      await createTask(deps, { principal: vnm }, ws.id, {
        title,
        description: '',
        assigneeOrgId: 'vnm-a05',
        dueAt: '2026-03-05T00:00:00.000Z',
        priority: 'normal',
      });
    await sequenceChain(deps, ws.id);
    // What such a chain looks like: the head as format 2 wrote it, no nodes, no checkpoints.
    const raw = deps.store as unknown as { heads: Map<string, ChainTip>; merkle: Map<string, unknown>; checkpoints: Map<string, unknown> };
    const { seq, hash } = raw.heads.get(ws.id)!;
    raw.heads.set(ws.id, { chainId: ws.id, seq, hash });
    raw.merkle.delete(ws.id);
    raw.checkpoints.delete(ws.id);

    const verdict = await verifyAuditTrail(deps, vnm, ws.id);
    expect(verdict).toMatchObject({ ok: true, entries: seq });
    for (let s = 1; s <= seq; s++) {
      const proof = await proveAuditEntry(deps, vnm, ws.id, s);
      expect(verifyInclusion(proof.entry.hash, proof.leafIndex, proof.treeSize, proof.auditPath, proof.checkpoint.rootHash)).toBe(true);
    }
  });
});
