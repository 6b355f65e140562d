import { type AuditEntry, type ChainHead, type DomainEvent, shardOf } from '@taskforce/core';
import { dueSortKey, type Key } from './shared';
import { workspacePartition } from './workspaces';

const PLATFORM = 'platform';
/** A chain's partition: the platform's own, else its workspace's (the chain id is the workspace id). */
export const chainPk = (chainId: string): string => (chainId === PLATFORM ? 'PLATFORM' : workspacePartition(chainId));
export const chainHeadKey = (chainId: string): Key => ({ pk: chainPk(chainId), sk: 'CHAIN' });
export const AUDIT_PREFIX = 'AUDIT#';
export const auditKey = (chainId: string, seq: number): Key => ({
  pk: chainPk(chainId),
  sk: `${AUDIT_PREFIX}${String(seq).padStart(12, '0')}`,
});
export const EVENTS_PREFIX = 'EVENT#';
export const eventKey = (e: Pick<DomainEvent, 'chainId' | 'id'>): Key => ({ pk: chainPk(e.chainId), sk: `${EVENTS_PREFIX}${e.id}` });
/** Unpublished events of one shard, in the due index. */
export const outboxPartition = (shard: number): string => `OUTBOX#${shard}`;

export const headItem = (h: ChainHead) => ({ ...chainHeadKey(h.chainId), kind: 'chain', seq: h.seq, hash: h.hash });
export const auditItem = (a: AuditEntry) => ({ ...auditKey(a.chainId, a.seq), kind: 'audit', data: a });
/** An event's item: in its chain's partition, and in the outbox (the due index) until it is published. */
export const eventItem = (e: DomainEvent) => ({
  ...eventKey(e),
  kind: 'event',
  duePk: outboxPartition(shardOf(e.id)),
  dueSk: dueSortKey(e.at, e.id),
  data: e,
});
