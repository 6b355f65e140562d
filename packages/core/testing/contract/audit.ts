import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  DUE_SHARDS,
  ephemeralCheckpointSigner,
  inclusionPathRefs,
  nodeId,
  perfectParts,
  queueEntry,
  type SequencerDeps,
  sequenceChain,
  shardOf,
  subtreeHash,
  verifyCheckpointed,
  verifyInclusion,
} from '../../src/index';
import { AT, actor, type ContractContext, later } from './fixtures';

const keys = () => ephemeralCheckpointSigner().publicKeys();

export const auditCases = (t: ContractContext): void => {
  const deps = (): SequencerDeps => ({
    store: t.store,
    clock: { now: () => new Date(later(AT, 60_000)) },
    ids: { next: () => 'unused' },
    auditSigner: ephemeralCheckpointSigner(),
  });
  const queue = async (chainId: string, n: number, prefix = 'q') => {
    for (let i = 0; i < n; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, n - i) }, (_, j) =>
          t.store.commit({
            audit: queueEntry(chainId, `${prefix}-${String(i + j).padStart(5, '0')}`, AT, actor, {
              action: 'test.read',
              target: { type: 'test', id: `${i + j}` },
              markings: [],
            }),
            events: [],
            writes: [],
          }),
        ),
      );
    }
  };
  const chain = async (chainId: string): Promise<AuditEntry[]> => t.store.auditEntriesAfter(chainId, 0, 1000);

  describe('audit log: queued entries, sequencing, checkpoints', () => {
    it('sequences queued entries oldest first into a chain that verifies against its signed checkpoint', async () => {
      await queue('ws-1', 5);
      expect(await t.store.chainsWithQueuedAudit(shardOf('ws-1'), new Date(later(AT, 1)), 10)).toEqual(['ws-1']);
      const report = await sequenceChain(deps(), 'ws-1');
      expect(report).toMatchObject({ sequenced: 5, treeSize: 5, lostRaces: 0 });
      const entries = await chain('ws-1');
      expect(entries.map((e) => [e.seq, e.target.id])).toEqual([
        [1, '0'],
        [2, '1'],
        [3, '2'],
        [4, '3'],
        [5, '4'],
      ]);
      expect((await t.store.listAudit('ws-1', { limit: 10 })).items).toEqual(entries);
      expect(await t.store.queuedAudit('ws-1', 10)).toEqual([]);
      for (let s = 0; s < DUE_SHARDS; s++) expect(await t.store.chainsWithQueuedAudit(s, new Date(later(AT, 1)), 10)).toEqual([]);
      const tip = await t.store.chainTip('ws-1');
      expect(tip).toMatchObject({ seq: 5, hash: entries[4]!.hash });
      expect(verifyCheckpointed(entries, tip!.checkpoint, keys())).toMatchObject({ ok: true, entries: 5 });
      // Nothing queued: nothing to do.
      expect(await sequenceChain(deps(), 'ws-1')).toMatchObject({ sequenced: 0, rounds: 0, treeSize: 5 });
    });

    it('lets four sequencers of one chain race: no gap, no duplicate, no lost entry, every round checkpointed', async () => {
      await queue('ws-1', 90);
      const reports = await Promise.all([1, 2, 3, 4].map(() => sequenceChain(deps(), 'ws-1')));
      expect(reports.reduce((n, r) => n + r.sequenced, 0)).toBe(90);
      const entries = await chain('ws-1');
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
      expect(new Set(entries.map((e) => e.target.id)).size).toBe(90);
      expect(await t.store.queuedAudit('ws-1', 10)).toEqual([]);
      const tip = await t.store.chainTip('ws-1');
      expect(verifyCheckpointed(entries, tip!.checkpoint, keys())).toMatchObject({ ok: true, entries: 90 });
      // More than one round (a transaction holds at most 100 items): an earlier checkpoint verifies the rest incrementally.
      const sizes: number[] = [];
      for (let n = 1; n < 90; n++) if (await t.store.checkpointAt('ws-1', n)) sizes.push(n);
      expect(sizes.length).toBeGreaterThan(0);
      const from = (await t.store.checkpointAt('ws-1', sizes[0]!))!;
      expect(verifyCheckpointed(entries.slice(sizes[0]!), tip!.checkpoint, keys(), from)).toMatchObject({
        ok: true,
        entries: 90,
        from: sizes[0],
      });
    });

    it('writes nothing for a round after a head that moved', async () => {
      await queue('ws-1', 2);
      await sequenceChain(deps(), 'ws-1', { maxRounds: 1 });
      await queue('ws-1', 1, 'r');
      const tip = (await t.store.chainTip('ws-1'))!;
      const [q] = await t.store.queuedAudit('ws-1', 1);
      const stale = {
        chainId: 'ws-1',
        expectedSeq: 1,
        entries: [{ entry: { ...(await chain('ws-1'))[0]!, seq: 3 }, qid: q!.qid }],
        nodes: [],
        tip: { ...tip, frontier: tip.frontier!, checkpoint: tip.checkpoint!, seq: 3 },
      };
      expect(await t.store.sequenceRound(stale)).toBe(false);
      expect(await t.store.queuedAudit('ws-1', 10)).toHaveLength(1);
      expect((await t.store.chainTip('ws-1'))?.seq).toBe(2);
      expect(await chain('ws-1')).toHaveLength(2);
    });

    it('reads the tree nodes an inclusion proof needs, for every entry', async () => {
      await queue('ws-1', 21);
      await sequenceChain(deps(), 'ws-1');
      const entries = await chain('ws-1');
      const { checkpoint } = (await t.store.chainTip('ws-1'))!;
      for (const e of entries) {
        const parts = inclusionPathRefs(e.seq - 1, checkpoint!.treeSize).map(perfectParts);
        const found = await t.store.merkleNodes('ws-1', parts.flat());
        const path = parts.map((ps) => subtreeHash(ps.map((n) => found.get(nodeId(n))!)));
        expect(verifyInclusion(e.hash, e.seq - 1, checkpoint!.treeSize, path, checkpoint!.rootHash)).toBe(true);
      }
      expect(await t.store.auditEntry('ws-1', 21)).toEqual(entries[20]);
      expect(await t.store.auditEntry('ws-1', 22)).toBeNull();
    });
  });
};
