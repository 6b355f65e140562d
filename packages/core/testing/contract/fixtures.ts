import { expect } from 'vitest';
import {
  type AlertStore,
  type AuditDraft,
  CommitConflict,
  type CommitConflictReason,
  type CountryContacts,
  type CountryPolicy,
  type DataRequest,
  type DomainEvent,
  type EvidenceItem,
  type IdempotencyRecord,
  type InboxNotification,
  type Incident,
  type Invitation,
  type Membership,
  type NotificationChannel,
  notificationId,
  type Organisation,
  type Page,
  type PageQuery,
  type QueuedAuditEntry,
  type Store,
  type StoredRecord,
  shardOf,
  type Task,
  type TaskStatus,
  type Timer,
  type Workspace,
  type Write,
} from '../../src/index';

export interface ContractStores {
  store: Store;
  alerts: AlertStore;
  cleanup?(): Promise<unknown> | unknown;
  /** What the stores read, where they can count it (the DynamoDB adapter, by SDK middleware). */
  reads?: ReadCounter;
}

/** Requests sent and items read (matched or not) since the last reset. */
export interface ReadCounter {
  reset(): void;
  requests(): number;
  items(): number;
}

/** Cases a store is known to get wrong, left out of its run (each must be reported where it is listed). */

export const AT = '2026-03-01T08:00:00.000Z';
export const actor = { sub: 'vnm-user', orgId: 'vnm-a05', country: 'VNM' };
const mark: Task['marking'] = {
  originator: { orgId: 'vnm-a05', country: 'VNM' },
  tlp: 'GREEN',
  releasableTo: 'members',
  caveats: [],
};
export const later = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

/** Ids that land in a chosen shard of the due index. */
export const idsInShard = (shard: number, prefix: string, n: number): string[] => {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const id = `${prefix}${String(i).padStart(4, '0')}`;
    if (shardOf(id) === shard) out.push(id);
  }
  return out;
};

// ---- records ----

export const org = (id: string, country = 'VNM'): Organisation => ({
  id,
  name: id.toUpperCase(),
  kind: 'agency',
  country,
  createdAt: AT,
  version: 1,
});
export const workspace = (id: string): Workspace => ({
  id,
  title: `Op ${id}`,
  leadOrgId: 'vnm-a05',
  legalBasis: { code: 'UNCC', text: 'Art. 47' },
  status: 'open',
  members: [{ orgId: 'vnm-a05', orgName: 'VNM', country: 'VNM', role: 'lead', joinedAt: AT }],
  createdAt: AT,
  updatedAt: AT,
  version: 1,
});
export const membership = (orgId: string, workspaceId: string): Membership => ({
  orgId,
  workspaceId,
  role: 'member',
  title: `Op ${workspaceId}`,
  status: 'open',
  version: 1,
});
export const invitation = (workspaceId: string, orgId: string, status: Invitation['status'], createdAt = AT): Invitation => ({
  workspaceId,
  workspaceTitle: `Op ${workspaceId}`,
  orgId,
  role: 'member',
  status,
  invitedBy: { sub: 'vnm-user', orgId: 'vnm-a05' },
  createdAt,
  version: 1,
});
export const task = (
  workspaceId: string,
  id: string,
  o: { status?: TaskStatus; dueAt?: string; assignee?: string; version?: number } = {},
): Task => ({
  workspaceId,
  id,
  title: `Task ${id}`,
  description: '',
  assigneeOrgId: o.assignee ?? 'gbr-nca',
  dueAt: o.dueAt ?? '2026-03-10T00:00:00.000Z',
  priority: 'normal',
  status: o.status ?? 'open',
  reminders: [],
  marking: mark,
  createdBy: { sub: 'vnm-user', orgId: 'vnm-a05' },
  createdAt: AT,
  updatedAt: AT,
  version: o.version ?? 1,
});
export const timer = (id: string, dueAt: string): Timer => ({
  workspaceId: 'ws-timers',
  id,
  kind: 'task.reminder',
  subjectId: 'task-1',
  dueAt,
});
export const request = (workspaceId: string, id: string, providerOrgId: string, sent: boolean): DataRequest =>
  ({
    workspaceId,
    id,
    providerOrgId,
    type: 'subscriber_info',
    legalBasis: { code: 'BUDAPEST', text: 'Art. 18' },
    urgency: 'standard',
    description: 'who holds it',
    selectors: [],
    status: sent ? 'sent' : 'draft',
    marking: mark,
    clarifications: [],
    requestedBy: { sub: 'vnm-user', orgId: 'vnm-a05', country: 'VNM' },
    createdAt: AT,
    updatedAt: AT,
    ...(sent ? { sentAt: AT } : {}),
    evidence: { registered: 0, stored: 0 },
    version: 1,
  }) as DataRequest;
export const evidence = (workspaceId: string, requestId: string, id: string): EvidenceItem => ({
  workspaceId,
  requestId,
  id,
  fileName: `${id}.bin`,
  size: 1,
  mediaType: 'application/octet-stream',
  sha256: 'a'.repeat(64),
  uploadedBy: { sub: 'gbr-user', orgId: 'gbr-nca' },
  registeredAt: AT,
  content: 'pending',
  version: 1,
});
export const incident = (workspaceId: string, id: string): Incident =>
  ({
    workspaceId,
    id,
    severity: 'high',
    type: 'ransomware',
    summary: 'locked',
    marking: mark,
    status: 'open',
    ladder: { ackDeadline: 'PT1H', repeats: 0 },
    alerts: [{ country: 'GBR', status: 'raised', step: 0, level: 1, round: 1 }],
    timeline: [],
    raisedBy: { sub: 'vnm-user', orgId: 'vnm-a05', country: 'VNM' },
    raisedAt: AT,
    updatedAt: AT,
    version: 1,
  }) as Incident;
export const contacts = (country: string): CountryContacts =>
  ({
    country,
    duty: { orgId: 'duty-org', name: 'Duty' },
    backup: { orgId: 'backup-org', name: 'Backup' },
    nationalLead: { orgId: 'lead-org', name: 'Lead' },
    updatedAt: AT,
    updatedBy: { sub: 'x', orgId: 'vnm-a05' },
    version: 1,
  }) as unknown as CountryContacts;
export const channel = (orgId: string): NotificationChannel => ({
  orgId,
  webhook: { url: 'https://hooks.example/x' },
  updatedAt: AT,
  version: 1,
});
/** One country's policy, as the policy command writes it. */
export const policy = (country: string, o: { version?: number; rules?: CountryPolicy['rules'] } = {}): CountryPolicy => ({
  country,
  rules: o.rules ?? [{ type: 'never_countries', countries: ['GBR'] }],
  version: o.version ?? 1,
  updatedAt: AT,
  updatedBy: { sub: 'x', orgId: `${country.toLowerCase()}-admin` },
});
/** A marking originated by an organisation of `country`. */
export const markedBy = (country: string, orgId = `${country.toLowerCase()}-org`): Task['marking'] => ({
  ...mark,
  originator: { orgId, country },
});

export const put = (record: StoredRecord, expect: Extract<Write, { op: 'put' }>['expect'] = 'absent'): Write => ({
  op: 'put',
  record,
  expect,
});

let eventSeq = 0;
/** Event ids as the platform makes them: lower-case, time-ordered, at least ten characters. */
export const event = (chainId: string, o: Partial<DomainEvent> = {}): DomainEvent => ({
  id: `01evt${String(++eventSeq).padStart(8, '0')}`,
  type: 'task.assigned',
  at: AT,
  chainId,
  workspaceId: chainId,
  subject: { type: 'task', id: 'task-1' },
  actor,
  audience: ['gbr-nca'],
  data: {},
  ...o,
});

export const notification = (eventId: string, recipient: string, o: Partial<InboxNotification> = {}): InboxNotification =>
  ({
    id: notificationId(eventId, recipient),
    eventId,
    type: 'task.assigned',
    at: AT,
    recipient,
    workspaceId: 'ws-1',
    subject: { type: 'task', id: 'task-1' },
    actorOrgId: 'vnm-a05',
    data: {},
    receivedAt: AT,
    ...o,
  }) as InboxNotification;

/** Walks every page of a list (small pages), failing on a repeated page or a runaway walk. */
export const walk = async <T>(list: (q: PageQuery) => Promise<Page<T>>, limit = 2): Promise<T[]> => {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await list({ limit, ...(cursor ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    all.push(...page.items);
    if (!page.next) return all;
    expect(page.next).not.toBe(cursor);
    cursor = page.next;
  }
  throw new Error('the list never ended');
};

/**
 * Walks every page of a list as a caller would, checking each page as it comes: no more than
 * `limit` items, none seen before, no empty page with a `next`, and (where the store counts its
 * reads) at most `maxRequests` requests reading at most `maxRequests * (limit + 1)` items, so
 * that a page costs the same however much of the list's partition does not match.
 */
export const walkPages = async <T>(
  list: (q: PageQuery) => Promise<Page<T>>,
  o: { limit: number; key: (t: T) => string; reads?: ReadCounter | undefined; maxRequests: number },
): Promise<{ items: T[]; pages: number }> => {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 1; pages <= 500; pages++) {
    o.reads?.reset();
    const page = await list({ limit: o.limit, ...(cursor ? { cursor } : {}) });
    if (o.reads) {
      expect(o.reads.requests()).toBeLessThanOrEqual(o.maxRequests);
      expect(o.reads.items()).toBeLessThanOrEqual(o.maxRequests * (o.limit + 1));
    }
    expect(page.items.length).toBeLessThanOrEqual(o.limit);
    if (page.next) expect(page.items.length).toBeGreaterThan(0);
    for (const t of page.items) {
      expect(seen.has(o.key(t))).toBe(false);
      seen.add(o.key(t));
      items.push(t);
    }
    if (!page.next) return { items, pages };
    cursor = page.next;
  }
  throw new Error('the list never ended');
};

export const conflictReason = (p: Promise<unknown>): Promise<CommitConflictReason | string> =>
  p.then(
    () => 'committed',
    (e) => (e instanceof CommitConflict ? e.reason : String(e)),
  );
/** What each group of cases works with: the stores of the current test and a committer. */
export interface ContractContext {
  store: Store;
  alerts: AlertStore;
  /** What the stores read, where they count it. */
  reads?: ReadCounter | undefined;
  /** Commits writes and events on a chain as a command would, with a queued audit entry. */
  commit(
    chainId: string,
    writes: Write[],
    o?: { events?: DomainEvent[]; idempotency?: IdempotencyRecord & { expiresAt: string }; audit?: Partial<AuditDraft> },
  ): Promise<{ entry: QueuedAuditEntry }>;
  /** An idempotency record for a commit. */
  idem(scope: string, fingerprint?: string): IdempotencyRecord & { expiresAt: string };
}
