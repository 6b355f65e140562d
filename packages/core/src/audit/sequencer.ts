import { type AuditEntry, GENESIS_HASH, sequenceEntry } from '../kernel/audit';
import { type CheckpointSigner, ephemeralCheckpointSigner, signCheckpoint } from '../kernel/checkpoint';
import { appendLeaf, type CompactRange, leafHash, type MerkleNode, rootOf } from '../kernel/merkle';
import type { KernelDeps } from '../kernel/store';
import { DUE_SHARDS } from '../kernel/timers';
import type { AuditStore, ChainTip, SequenceRound } from './ports';

export interface SequencerDeps extends KernelDeps<AuditStore> {
  /** Signs checkpoints; without one, a key made up for this process (tests and the in-memory store only). */
  auditSigner?: CheckpointSigner;
}

/** One transaction holds at most 100 items; a round keeps two for the head and the checkpoint's history item. */
const ROUND_ITEMS = 100;
/** Queued entries read per round: each takes two items (its entry, its queued item's delete) and about one tree node. */
const QUEUE_READ = 40;

export interface SequencerReport {
  sequenced: number;
  rounds: number;
  /** Rounds another sequencer of the same chain won (nothing lost: it sequenced those entries). */
  lostRaces: number;
  treeSize: number;
}

/**
 * Rebuilds the compact range of a chain whose head predates the tree (entries of format 2) by
 * reading its entries once; the nodes of that part are not stored, so proofs start after it.
 */
const legacyRange = async (deps: SequencerDeps, tip: ChainTip): Promise<CompactRange> => {
  let range: CompactRange = { size: 0, frontier: [] };
  for (let after = 0; after < tip.seq; ) {
    const page = await deps.store.auditEntriesAfter(tip.chainId, after, 500);
    if (page.length === 0) break;
    for (const e of page) range = appendLeaf(range, leafHash(e.hash)).range;
    after = page[page.length - 1]!.seq;
  }
  return range;
};

/**
 * The chain's sequencer: folds its queued entries, oldest first, into the chain. Each round reads
 * the head (seq, last hash, Merkle compact range) and up to a transaction's worth of queued
 * entries, gives each its `seq` and `prevHash`, and writes in ONE transaction the sequenced
 * entries, the deletes of their queued items, the tree nodes they complete, the new head with
 * its signed checkpoint (on condition the head did not move) and the checkpoint's history item.
 * A sequencer that loses the race to another re-reads and goes on with what is left. Rounds
 * until the queue is empty or `maxRounds` is spent. Any number may run at once: the head's
 * condition lets exactly one round after a given head succeed, so no entry is lost, doubled or
 * given a gap.
 */
export async function sequenceChain(deps: SequencerDeps, chainId: string, opts: { maxRounds?: number } = {}): Promise<SequencerReport> {
  const signer = deps.auditSigner ?? ephemeralCheckpointSigner();
  const maxRounds = opts.maxRounds ?? 50;
  const report: SequencerReport = { sequenced: 0, rounds: 0, lostRaces: 0, treeSize: 0 };
  while (report.rounds < maxRounds) {
    const [tip, queued] = await Promise.all([deps.store.chainTip(chainId), deps.store.queuedAudit(chainId, QUEUE_READ)]);
    report.treeSize = tip?.seq ?? 0;
    // A chain whose head predates the tree gets its first checkpoint even with nothing queued.
    if (queued.length === 0 && !(tip && !tip.checkpoint)) return report;
    report.rounds++;
    let range: CompactRange = tip
      ? tip.frontier
        ? { size: tip.seq, frontier: tip.frontier }
        : await legacyRange(deps, tip)
      : { size: 0, frontier: [] };
    let prev = tip?.hash ?? GENESIS_HASH;
    let seq = tip?.seq ?? 0;
    const entries: { entry: AuditEntry; qid: string }[] = [];
    const nodes: MerkleNode[] = [];
    let items = 2;
    for (const q of queued) {
      const entry = sequenceEntry(q, seq + 1, prev);
      const out = appendLeaf(range, leafHash(entry.hash));
      if (items + 2 + out.completed.length > ROUND_ITEMS) break;
      items += 2 + out.completed.length;
      entries.push({ entry, qid: q.qid });
      nodes.push(...out.completed);
      range = out.range;
      prev = entry.hash;
      seq = entry.seq;
    }
    const checkpoint = signCheckpoint(signer, {
      v: 1,
      chainId,
      treeSize: seq,
      rootHash: rootOf(range),
      lastHash: prev,
      at: deps.clock.now().toISOString(),
    });
    const round: SequenceRound = {
      chainId,
      expectedSeq: tip ? tip.seq : null,
      entries,
      nodes,
      tip: { chainId, seq, hash: prev, frontier: range.frontier, checkpoint },
    };
    if (await deps.store.sequenceRound(round)) {
      report.sequenced += entries.length;
      report.treeSize = seq;
    } else {
      report.lostRaces++;
    }
  }
  return report;
}

/**
 * Sequences every chain with an entry queued before `now - olderThanMs`, found in the due index
 * (the sweep's share: entries whose chain no one caught up, e.g. a stream consumer that failed).
 */
export async function sequenceWaitingChains(
  deps: SequencerDeps,
  opts: { olderThanMs?: number; limitPerShard?: number } = {},
): Promise<{ chains: number; sequenced: number }> {
  const before = new Date(deps.clock.now().getTime() - (opts.olderThanMs ?? 5000));
  const chains = new Set<string>();
  for (let shard = 0; shard < DUE_SHARDS; shard++) {
    for (const c of await deps.store.chainsWithQueuedAudit(shard, before, opts.limitPerShard ?? 200)) chains.add(c);
  }
  let sequenced = 0;
  for (const chainId of chains) sequenced += (await sequenceChain(deps, chainId)).sequenced;
  return { chains: chains.size, sequenced };
}

/**
 * Runs a chain's sequencer soon after an entry is queued, one run in flight per chain: a kick
 * while one runs makes it run once more when done (the local runtime's in-process sequencer).
 * A kick waits `windowMs` before the run starts, so that the entries a busy chain queues
 * meanwhile are folded in the same round (a round costs a read of the head, a query and one
 * transaction however many entries it holds, up to ~30) rather than one round per entry.
 * Readers of the trail never wait for it: they sequence the chain themselves first.
 */
export const sequencerScheduler = (
  deps: SequencerDeps,
  onError: (chainId: string, err: unknown) => void,
  opts: { windowMs?: number } = {},
) => {
  const windowMs = opts.windowMs ?? 25;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const run = (chainId: string): Promise<void> => {
    const p = (async () => {
      if (windowMs > 0) await new Promise((resolve) => setTimeout(resolve, windowMs));
      try {
        do {
          again.delete(chainId);
          await sequenceChain(deps, chainId);
        } while (again.has(chainId));
      } catch (err) {
        onError(chainId, err);
      } finally {
        running.delete(chainId);
      }
    })();
    running.set(chainId, p);
    return p;
  };
  return {
    kick(chainId: string): void {
      if (running.has(chainId)) again.add(chainId);
      else void run(chainId);
    },
    /** Resolves when no run is in flight (tests, and a runtime stopping). */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
};
