import type { DestinationRule } from '../notifications/destination';
import type { AlertStore } from '../notifications/model';
import type { DataRequest, EvidenceItem } from '../requests/request';
import type { AuditEntry, ChainHead } from './audit';
import type { DomainEvent } from './events';
import type {
  Invitation,
  Membership,
  Organisation,
  Page,
  RecordKind,
  RecordRef,
  RecordValue,
  StoredRecord,
  Task,
  TaskStatus,
  Timer,
} from './records';

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
  | { op: 'delete'; ref: RecordRef; expect: 'present' | number | 'any' };

/** Everything one command writes, committed atomically or not at all. */
export interface Commit {
  chain: { id: string; expected: ChainHead | null; next: ChainHead };
  audit: AuditEntry;
  events: DomainEvent[];
  writes: Write[];
  idempotency?: IdempotencyRecord & { expiresAt: string };
}

export interface Loaded {
  records: Map<string, StoredRecord>;
  head: ChainHead | null;
  idempotency: IdempotencyRecord | null;
}

export interface PageQuery {
  limit: number;
  cursor?: string;
}

export interface TaskQuery extends PageQuery {
  status?: TaskStatus;
  /** Only tasks still live whose due time is before this instant. */
  overdueAt?: string;
}

/**
 * The store port. Each read method is one request to the database; `commit` is one
 * atomic transaction holding the change, its audit entry and its outbox events.
 */
export interface Store {
  load(request: { refs: RecordRef[]; chainId?: string; idempotencyScope?: string }): Promise<Loaded>;
  get<K extends RecordKind>(ref: RecordRef & { kind: K }): Promise<RecordValue<K> | null>;
  commit(commit: Commit): Promise<void>;

  listOrganisations(q: PageQuery): Promise<Page<Organisation>>;
  listMemberships(orgId: string, q: PageQuery): Promise<Page<Membership>>;
  listInvitationsForWorkspace(workspaceId: string, q: PageQuery): Promise<Page<Invitation>>;
  listPendingInvitationsForOrg(orgId: string, q: PageQuery): Promise<Page<Invitation>>;
  listTasks(workspaceId: string, q: TaskQuery): Promise<Page<Task>>;
  listOpenTasksForAssignee(orgId: string, q: PageQuery): Promise<Page<Task>>;
  listAudit(chainId: string, q: PageQuery): Promise<Page<AuditEntry>>;
  listEvents(workspaceId: string, q: PageQuery): Promise<Page<DomainEvent>>;
  listRequests(workspaceId: string, q: PageQuery): Promise<Page<DataRequest>>;
  /** A private partner's inbox: requests addressed to it, never drafts. */
  listInbox(providerOrgId: string, q: PageQuery): Promise<Page<DataRequest>>;
  /** One request from a partner's inbox, or null if it is not addressed to that partner. */
  findInboxRequest(providerOrgId: string, requestId: string): Promise<DataRequest | null>;
  listEvidence(workspaceId: string, requestId: string, q: PageQuery): Promise<Page<EvidenceItem>>;
  /** Timers in one shard of the due index whose due time is at or before `now`, earliest first. */
  dueTimers(shard: number, now: Date, limit: number): Promise<Timer[]>;
}

/** Where evidence files live (S3 on AWS; the local engine's S3 API locally). */
export interface ContentStore {
  put(key: string, body: Uint8Array, meta: { sha256: string; mediaType: string }): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
}

export interface Deps {
  store: Store;
  clock: Clock;
  ids: Ids;
  content?: ContentStore;
  /** Incident and contact lists, the outbox and the partners' notification inboxes. */
  alerts?: AlertStore;
  /** Where webhooks may point (see notifications/destination.ts); only the local runtime allows private hosts. */
  webhookDestinations?: DestinationRule;
}
