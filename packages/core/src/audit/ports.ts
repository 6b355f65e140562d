import type { AuditEntry, QueuedAuditEntry } from '../kernel/audit';
import type { Checkpoint, StoredCheckpoint } from '../kernel/checkpoint';
import type { DomainEvent } from '../kernel/events';
import type { MerkleNode } from '../kernel/merkle';
import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';

/**
 * The head of a chain, which only its sequencer reads and writes: the last entry's sequence
 * number and hash, the Merkle tree's compact range over entries 1..seq, and the latest signed
 * checkpoint (of exactly that tree). `frontier` is absent on a head written before the tree existed.
 */
export interface ChainTip {
  chainId: string;
  seq: number;
  hash: string;
  frontier?: string[];
  checkpoint?: Checkpoint;
}

/**
 * One sequencer round, written atomically or not at all: the sequenced entries (each replacing
 * its queued item, which must still be there), the tree nodes they completed, the new head
 * (on condition that the head is still at `expectedSeq`; null: that there is none yet) and the
 * checkpoint's history item.
 */
export interface SequenceRound {
  chainId: string;
  expectedSeq: number | null;
  entries: { entry: AuditEntry; qid: string }[];
  nodes: MerkleNode[];
  tip: Required<Omit<ChainTip, 'frontier' | 'checkpoint'>> & { frontier: string[]; checkpoint: Checkpoint };
}

/** What the audit views and the sequencer need of the store. */
export interface AuditStore extends RecordStore {
  listAudit(chainId: string, q: PageQuery): Promise<Page<AuditEntry>>;
  listEvents(workspaceId: string, q: PageQuery): Promise<Page<DomainEvent>>;
  /** The chain's head (strongly consistent), or null before its first sequenced entry. */
  chainTip(chainId: string): Promise<ChainTip | null>;
  /** The oldest queued entries of a chain (by queue id), at most `limit`, strongly consistent. */
  queuedAudit(chainId: string, limit: number): Promise<QueuedAuditEntry[]>;
  /** Applies one round; false when another sequencer moved the head first (nothing written). */
  sequenceRound(round: SequenceRound): Promise<boolean>;
  /** Sequenced entries after `afterSeq`, oldest first, at most `limit`. */
  auditEntriesAfter(chainId: string, afterSeq: number, limit: number): Promise<AuditEntry[]>;
  /** One sequenced entry. */
  auditEntry(chainId: string, seq: number): Promise<AuditEntry | null>;
  /**
   * Hashes of tree nodes by `level#index`, in one batch read: stored nodes for level ≥ 1,
   * and for level 0 the leaf hash of entry `index + 1`. Missing ones are absent.
   */
  merkleNodes(chainId: string, nodes: { level: number; index: number }[]): Promise<Map<string, string>>;
  /** The checkpoint taken when the chain reached `treeSize` entries, with its compact range, if one was. */
  checkpointAt(chainId: string, treeSize: number): Promise<StoredCheckpoint | null>;
  /** Chains with an entry queued at or before `before`, from the due index of one shard. */
  chainsWithQueuedAudit(shard: number, before: Date, limit: number): Promise<string[]>;
}

/** One multipart upload in progress. Parts go in order; every part but the last is at least 5 MiB on S3. */
export interface ExportUpload {
  part(body: Uint8Array): Promise<void>;
  complete(): Promise<void>;
  abort(): Promise<void>;
}

/** Where export files go (S3 on AWS; the local engine's S3 API locally), and the links they are fetched by. */
export interface ExportFiles {
  begin(key: string, meta: { mediaType: string }): Promise<ExportUpload>;
  /** A link that reads `key` without credentials, for `ttlSeconds`; a browser saves it as `fileName`. */
  linkFor(key: string, ttlSeconds: number, fileName?: string): Promise<string>;
}

/** `level#index`: how `merkleNodes` names a node. */
export const nodeId = (n: { level: number; index: number }): string => `${n.level}#${n.index}`;
