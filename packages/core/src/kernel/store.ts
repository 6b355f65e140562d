import type { QueuedAuditEntry } from './audit';
import type { DomainEvent } from './events';
import type { CounterRef, RecordKind, RecordRef, RecordValue, StoredRecord } from './records';

export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A new, time-ordered, URL-safe identifier. */
  next(): string;
}

/** What a command wrote under an Idempotency-Key, replayed for a repeat of the same request. */
export interface IdempotencyRecord {
  scope: string;
  fingerprint: string;
  status: number;
  body: unknown;
  createdAt: string;
}

export type Write =
  /** `expect`: 'absent' for a create, a version number for an update (optimistic concurrency). */
  | { op: 'put'; record: StoredRecord; expect: 'absent' | number | 'any' }
  /** `expect: 'present'` makes the delete a claim: it fails if someone removed the record first. */
  | { op: 'delete'; ref: RecordRef; expect: 'present' | number | 'any' }
  /**
   * Adds each number to the named counter of a counter record (made, every counter at zero, if
   * absent): no read, no version, so commands that count the same thing never conflict on a
   * version (DynamoDB: an UpdateItem ADD in the transaction). Names match `COUNTER_NAME`.
   */
  | { op: 'add'; ref: CounterRef; counts: Record<string, number> };

/**
 * Everything one command writes, committed atomically or not at all. Its audit entry is queued
 * under a key of its own: no chain head is read or written, so commands of one workspace never
 * race each other for the chain's end (its sequencer orders the queue later).
 */
export interface Commit {
  audit: QueuedAuditEntry;
  events: DomainEvent[];
  writes: Write[];
  idempotency?: IdempotencyRecord & { expiresAt: string };
}

export interface Loaded {
  records: Map<string, StoredRecord>;
  idempotency: IdempotencyRecord | null;
}

export interface PageQuery {
  limit: number;
  cursor?: string;
}

/**
 * The base store port every feature uses. Each read method is one request to the database;
 * `commit` is one atomic transaction holding the change, its audit entry and its outbox events.
 * Features add their list queries in their own port (e.g. tasks/ports.ts).
 */
export interface RecordStore {
  load(request: { refs: RecordRef[]; idempotencyScope?: string }): Promise<Loaded>;
  get<K extends RecordKind>(ref: RecordRef & { kind: K }): Promise<RecordValue<K> | null>;
  commit(commit: Commit): Promise<void>;
}

/** What every use case needs: a store with (at least) the methods `S` names, a clock and ids. */
export interface KernelDeps<S extends RecordStore = RecordStore> {
  store: S;
  clock: Clock;
  ids: Ids;
  /**
   * Told the chain of each audit entry just queued, so that its sequencer can run soon (the
   * local runtime runs it in-process; on AWS the table's stream does, and this is absent).
   */
  auditQueued?(chainId: string): void;
}
