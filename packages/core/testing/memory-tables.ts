import {
  type AuditEntry,
  type ChainTip,
  type DomainEvent,
  type IdempotencyRecord,
  type InboxNotification,
  invalid,
  type Page,
  type PageQuery,
  parseNotificationId,
  type QueuedAuditEntry,
  type RecordKind,
  type RecordValue,
  type StoredCheckpoint,
  type StoredRecord,
  type WebhookRef,
} from '../src/index';
/** What a single stored record may weigh, as in the DynamoDB adapter (one item). */
export const MAX_RECORD_BYTES = 400 * 1024;
/** Most writes one atomic commit may hold, as in one DynamoDB transaction. */
export const MAX_COMMIT_ITEMS = 100;

export const copy = <T>(v: T): T => structuredClone(v);

/** Where an item sits in an ordered index: its list and its sort key within it. */
export type Due = { partition: string; sort: string };

export interface EventEntry {
  event: DomainEvent;
  /** In the outbox index while fan-out has not finished. */
  due?: Due;
  publishedAt?: string;
}

export interface InboxEntry {
  data: InboxNotification;
  pending: boolean;
  lease?: string;
  deliveredAt?: string;
  due?: Due;
  hook?: WebhookRef;
}

export const versionOf = (r: StoredRecord): number | undefined => ('version' in r.value ? r.value.version : undefined);

/**
 * Cursors name the list they belong to and the sort key of the last item returned, so a cursor
 * of one list (or one workspace) is refused by another, as the DynamoDB adapter does.
 */
const encodeCursor = (list: string, after: string) => Buffer.from(JSON.stringify({ l: list, a: after }), 'utf8').toString('base64url');
const decodeCursor = (cursor: string | undefined, list: string): string | undefined => {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { l?: unknown; a?: unknown };
    if (c.l !== list || typeof c.a !== 'string') throw new Error('foreign');
    return c.a;
  } catch {
    throw invalid('cursor', 'the cursor is not valid for this list');
  }
};

/** One page of a list ordered by sort key (ascending unless `descending`). */
export const pageOf = <T>(
  list: string,
  entries: Iterable<[sort: string, value: T]>,
  q: PageQuery,
  opts: { descending?: boolean } = {},
): Page<T> => {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (opts.descending) sorted.reverse();
  const after = decodeCursor(q.cursor, list);
  const rest = after === undefined ? sorted : sorted.filter(([k]) => (opts.descending ? k < after : k > after));
  const limit = Math.max(1, q.limit);
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(([, v]) => copy(v)), ...(rest.length > limit && last ? { next: encodeCursor(list, last[0]) } : {}) };
};

/** What is due in one ordered partition by `now`, earliest first (the same comparison as the adapter's due index). */
export const dueBy = <T>(entries: Iterable<[Due | undefined, T]>, partition: string, now: Date, limit: number): T[] => {
  const bound = `${now.toISOString()}~`;
  return [...entries]
    .filter((e): e is [Due, T] => e[0]?.partition === partition && e[0].sort <= bound)
    .sort(([a], [b]) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
    .slice(0, limit)
    .map(([, v]) => copy(v));
};

export const timerPartition = (shard: number) => `timer:${shard}`;
export const outboxPartition = (shard: number) => `outbox:${shard}`;
export const webhookPartition = (shard: number) => `webhook:${shard}`;
export const parkedPartition = (shard: number) => `webhook-parked:${shard}`;
export const auditQueuePartition = (shard: number) => `audit-queue:${shard}`;

/**
 * What the in-memory store holds, as the DynamoDB adapter's single table does: records, chain
 * heads, audit entries, outbox events, idempotency records and each recipient's inbox.
 */
export abstract class MemoryTables {
  protected readonly records = new Map<string, StoredRecord>();
  protected readonly heads = new Map<string, ChainTip>();
  protected readonly audit = new Map<string, Map<number, AuditEntry>>();
  /** Queued audit entries by chain, then by queue id. */
  protected readonly queued = new Map<string, Map<string, QueuedAuditEntry>>();
  /** Stored Merkle nodes by chain, then by `level#index`. */
  protected readonly merkle = new Map<string, Map<string, string>>();
  protected readonly checkpoints = new Map<string, Map<number, StoredCheckpoint>>();
  protected readonly events = new Map<string, EventEntry>();
  protected readonly idempotency = new Map<string, IdempotencyRecord & { expiresAt: string }>();
  protected readonly inboxes = new Map<string, Map<string, InboxEntry>>();

  protected values<K extends RecordKind>(kind: K, where: (v: RecordValue<K>) => boolean): RecordValue<K>[] {
    const out: RecordValue<K>[] = [];
    for (const r of this.records.values()) if (r.kind === kind && where(r.value as RecordValue<K>)) out.push(r.value as RecordValue<K>);
    return out;
  }

  protected eventKey(e: Pick<DomainEvent, 'chainId' | 'id'>) {
    return `${e.chainId}\u0000${e.id}`;
  }

  /** The inbox entry a notification id names, if the id is well formed and names that recipient. */
  protected inboxSlot(orgId: string, id: string): { inbox: Map<string, InboxEntry>; eventId: string } | null {
    const parsed = parseNotificationId(id);
    if (!parsed || parsed.orgId !== orgId) return null;
    let inbox = this.inboxes.get(orgId);
    if (!inbox) {
      inbox = new Map();
      this.inboxes.set(orgId, inbox);
    }
    return { inbox, eventId: parsed.eventId };
  }

  protected inboxEntry(orgId: string, id: string): InboxEntry | undefined {
    const slot = this.inboxSlot(orgId, id);
    return slot?.inbox.get(slot.eventId);
  }

  protected allInboxEntries(): InboxEntry[] {
    return [...this.inboxes.values()].flatMap((inbox) => [...inbox.values()]);
  }
}
