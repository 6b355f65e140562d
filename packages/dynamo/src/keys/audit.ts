import { type AuditEntry, type ChainTip, type DomainEvent, type QueuedAuditEntry, type StoredCheckpoint, shardOf } from '@taskforce/core';
import { dueSortKey, type Key } from './shared';
import { workspacePartition } from './workspaces';

const PLATFORM = 'platform';
/** A chain's partition: the platform's own, else its workspace's (the chain id is the workspace id). */
export const chainPk = (chainId: string): string => (chainId === PLATFORM ? 'PLATFORM' : workspacePartition(chainId));
/** The chain's head: only its sequencer reads and writes it, never a command. */
export const chainHeadKey = (chainId: string): Key => ({ pk: chainPk(chainId), sk: 'CHAIN' });
export const AUDIT_PREFIX = 'AUDIT#';
const SEQ_DIGITS = 12;
export const auditKey = (chainId: string, seq: number): Key => ({
  pk: chainPk(chainId),
  sk: `${AUDIT_PREFIX}${String(seq).padStart(SEQ_DIGITS, '0')}`,
});
/** The greatest audit sort key: every sequenced entry's sorts at or before it. */
export const AUDIT_LAST_SK = `${AUDIT_PREFIX}${'9'.repeat(SEQ_DIGITS)}`;
/** Queued entries: one key per entry (its time-ordered queue id), so no two writers ever touch the same item. */
export const AUDIT_QUEUE_PREFIX = 'AUDQ#';
export const queuedAuditKey = (chainId: string, qid: string): Key => ({ pk: chainPk(chainId), sk: `${AUDIT_QUEUE_PREFIX}${qid}` });
/** Chains with queued entries, by shard of the chain id, in the due index (the sweep finds them without a scan). */
export const auditQueuePartition = (shard: number): string => `AUDQ#${shard}`;
/** A stored Merkle tree node (level ≥ 1): the root of the perfect subtree `index` of `level`. */
export const merkleNodeKey = (chainId: string, level: number, index: number): Key => ({
  pk: chainPk(chainId),
  sk: `MTN#${String(level).padStart(2, '0')}#${String(index).padStart(SEQ_DIGITS, '0')}`,
});
/** The checkpoint taken when the chain reached `treeSize` entries (one per sequencer round). */
export const checkpointKey = (chainId: string, treeSize: number): Key => ({
  pk: chainPk(chainId),
  sk: `CKPT#${String(treeSize).padStart(SEQ_DIGITS, '0')}`,
});
export const EVENTS_PREFIX = 'EVENT#';
export const eventKey = (e: Pick<DomainEvent, 'chainId' | 'id'>): Key => ({ pk: chainPk(e.chainId), sk: `${EVENTS_PREFIX}${e.id}` });
/** Unpublished events of one shard, in the due index. */
export const outboxPartition = (shard: number): string => `OUTBOX#${shard}`;

export const headItem = (h: Required<ChainTip>) => ({
  ...chainHeadKey(h.chainId),
  kind: 'chain',
  seq: h.seq,
  hash: h.hash,
  frontier: h.frontier,
  checkpoint: h.checkpoint,
});
export const auditItem = (a: AuditEntry) => ({ ...auditKey(a.chainId, a.seq), kind: 'audit', data: a });
export const queuedAuditItem = (q: QueuedAuditEntry) => ({
  ...queuedAuditKey(q.chainId, q.qid),
  kind: 'audit-queued',
  duePk: auditQueuePartition(shardOf(q.chainId)),
  dueSk: dueSortKey(q.at, q.qid),
  data: q,
});
export const checkpointItem = (s: StoredCheckpoint) => ({
  ...checkpointKey(s.checkpoint.chainId, s.checkpoint.treeSize),
  kind: 'checkpoint',
  data: s,
});
/** An event's item: in its chain's partition, and in the outbox (the due index) until it is published. */
export const eventItem = (e: DomainEvent) => ({
  ...eventKey(e),
  kind: 'event',
  duePk: outboxPartition(shardOf(e.id)),
  dueSk: dueSortKey(e.at, e.id),
  data: e,
});
