import {
  type AlertStore,
  type AuditEntry,
  type ChainHead,
  type Commit,
  CommitConflict,
  type CommitConflictReason,
  type CountryContacts,
  type DataRequest,
  DomainError,
  type DomainEvent,
  DUE_SHARDS,
  EMPTY_POLICY_SET,
  type EvidenceItem,
  type FanoutContext,
  fanoutInvitationKey,
  type IdempotencyRecord,
  type InboxNotification,
  type Incident,
  type Invitation,
  invalid,
  isTerminalTask,
  type Loaded,
  type Membership,
  type Organisation,
  type Page,
  type PageQuery,
  parseNotificationId,
  type RecordKind,
  type RecordRef,
  type RecordValue,
  refKey,
  refOf,
  type Store,
  type StoredRecord,
  shardOf,
  type Task,
  type TaskQuery,
  type Timer,
  type WebhookClaim,
  type WebhookOutcome,
  type WebhookRef,
} from '../src/index';

/** What a single stored record may weigh, as in the DynamoDB adapter (one item). */
const MAX_RECORD_BYTES = 400 * 1024;
/** Most writes one atomic commit may hold, as in one DynamoDB transaction. */
const MAX_COMMIT_ITEMS = 100;

const copy = <T>(v: T): T => structuredClone(v);

/** Where an item sits in an ordered index: its list and its sort key within it. */
type Due = { partition: string; sort: string };

interface EventEntry {
  event: DomainEvent;
  /** In the outbox index while fan-out has not finished. */
  due?: Due;
  publishedAt?: string;
}

interface InboxEntry {
  data: InboxNotification;
  pending: boolean;
  lease?: string;
  deliveredAt?: string;
  due?: Due;
  hook?: WebhookRef;
}

const versionOf = (r: StoredRecord): number | undefined => ('version' in r.value ? r.value.version : undefined);

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
const pageOf = <T>(
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
const dueBy = <T>(entries: Iterable<[Due | undefined, T]>, partition: string, now: Date, limit: number): T[] => {
  const bound = `${now.toISOString()}~`;
  return [...entries]
    .filter((e): e is [Due, T] => e[0]?.partition === partition && e[0].sort <= bound)
    .sort(([a], [b]) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
    .slice(0, limit)
    .map(([, v]) => copy(v));
};

const timerPartition = (shard: number) => `timer:${shard}`;
const outboxPartition = (shard: number) => `outbox:${shard}`;
const webhookPartition = (shard: number) => `webhook:${shard}`;
const parkedPartition = (shard: number) => `webhook-parked:${shard}`;

/**
 * The store port and the alert store port in memory, with the DynamoDB adapter's semantics:
 * one atomic commit (every condition holds or nothing is written), the same conflict reasons,
 * the same list orders and filters, the sparse due index for timers, the outbox and webhook
 * posts, and opaque cursors bound to their list. Values are copied in and out, so a caller
 * cannot change what is stored by mutating what it gave or got.
 */
export class MemoryStore implements Store, AlertStore {
  private readonly records = new Map<string, StoredRecord>();
  private readonly heads = new Map<string, ChainHead>();
  private readonly audit = new Map<string, Map<number, AuditEntry>>();
  private readonly events = new Map<string, EventEntry>();
  private readonly idempotency = new Map<string, IdempotencyRecord & { expiresAt: string }>();
  private readonly inboxes = new Map<string, Map<string, InboxEntry>>();

  // ---- Store ----

  async load(req: { refs: RecordRef[]; chainId?: string; idempotencyScope?: string }): Promise<Loaded> {
    const loaded: Loaded = { records: new Map(), head: null, idempotency: null };
    for (const ref of req.refs) {
      const r = this.records.get(refKey(ref));
      if (r) loaded.records.set(refKey(ref), copy(r));
    }
    if (req.chainId) loaded.head = copy(this.heads.get(req.chainId) ?? null);
    if (req.idempotencyScope) {
      const stored = this.idempotency.get(req.idempotencyScope);
      if (stored) {
        const { expiresAt: _ttl, ...data } = stored;
        loaded.idempotency = copy(data);
      }
    }
    return loaded;
  }

  async get<K extends RecordKind>(ref: RecordRef & { kind: K }): Promise<RecordValue<K> | null> {
    const r = this.records.get(refKey(ref));
    return r ? (copy(r.value) as RecordValue<K>) : null;
  }

  /** Checks every condition first, then applies every write: all of the commit or none of it. */
  async commit(c: Commit): Promise<void> {
    const items = 2 + c.events.length + c.writes.length + (c.idempotency ? 1 : 0);
    if (items > MAX_COMMIT_ITEMS) throw new Error(`a commit holds at most ${MAX_COMMIT_ITEMS} items, this one ${items}`);
    const touched = new Set<string>();
    for (const w of c.writes) {
      const key = refKey(w.op === 'put' ? refOf(w.record) : w.ref);
      if (touched.has(key)) throw new Error(`a commit may change ${key} only once`);
      touched.add(key);
    }
    for (const w of c.writes) {
      if (w.op === 'put' && Buffer.byteLength(JSON.stringify(w.record.value)) > MAX_RECORD_BYTES) {
        throw new DomainError('too_large', 'the change would make a record larger than the store holds (400 KB)');
      }
    }

    const failed = new Set<CommitConflictReason>();
    const head = this.heads.get(c.chain.id);
    if (c.chain.expected ? head?.seq !== c.chain.expected.seq : head !== undefined) failed.add('chain');
    if (this.audit.get(c.audit.chainId)?.has(c.audit.seq)) failed.add('chain');
    for (const w of c.writes) {
      const current = this.records.get(refKey(w.op === 'put' ? refOf(w.record) : w.ref));
      if (w.expect === 'any') continue;
      if (w.expect === 'absent') {
        if (current) failed.add('exists');
      } else if (w.expect === 'present') {
        if (!current) failed.add('missing');
      } else if (!current || versionOf(current) !== w.expect) failed.add('stale');
    }
    if (c.idempotency && this.idempotency.has(c.idempotency.scope)) failed.add('idempotency');
    // A lost race for the idempotency key or the chain head explains any other failure.
    const reason = (['idempotency', 'chain', 'stale', 'exists', 'missing'] as const).find((r) => failed.has(r));
    if (reason) throw new CommitConflict(reason);

    this.heads.set(c.chain.id, copy(c.chain.next));
    const chain = this.audit.get(c.audit.chainId) ?? new Map<number, AuditEntry>();
    chain.set(c.audit.seq, copy(c.audit));
    this.audit.set(c.audit.chainId, chain);
    for (const e of c.events) {
      this.events.set(this.eventKey(e), { event: copy(e), due: { partition: outboxPartition(shardOf(e.id)), sort: `${e.at}#${e.id}` } });
    }
    for (const w of c.writes) {
      if (w.op === 'put') this.records.set(refKey(refOf(w.record)), copy(w.record));
      else this.records.delete(refKey(w.ref));
    }
    if (c.idempotency) this.idempotency.set(c.idempotency.scope, copy(c.idempotency));
  }

  private values<K extends RecordKind>(kind: K, where: (v: RecordValue<K>) => boolean): RecordValue<K>[] {
    const out: RecordValue<K>[] = [];
    for (const r of this.records.values()) if (r.kind === kind && where(r.value as RecordValue<K>)) out.push(r.value as RecordValue<K>);
    return out;
  }

  async listOrganisations(q: PageQuery): Promise<Page<Organisation>> {
    return pageOf(
      'organisations',
      this.values('organisation', () => true).map((o) => [o.id, o]),
      q,
    );
  }
  async listMemberships(orgId: string, q: PageQuery): Promise<Page<Membership>> {
    return pageOf(
      `memberships:${orgId}`,
      this.values('membership', (m) => m.orgId === orgId).map((m) => [m.workspaceId, m]),
      q,
    );
  }
  async listInvitationsForWorkspace(workspaceId: string, q: PageQuery): Promise<Page<Invitation>> {
    return pageOf(
      `invitations:${workspaceId}`,
      this.values('invitation', (i) => i.workspaceId === workspaceId).map((i) => [i.orgId, i]),
      q,
    );
  }
  async listPendingInvitationsForOrg(orgId: string, q: PageQuery): Promise<Page<Invitation>> {
    return pageOf(
      `invited:${orgId}`,
      this.values('invitation', (i) => i.orgId === orgId && i.status === 'pending').map((i) => [`${i.createdAt}#${i.workspaceId}`, i]),
      q,
    );
  }
  async listTasks(workspaceId: string, q: TaskQuery): Promise<Page<Task>> {
    const tasks = this.values(
      'task',
      (t) =>
        t.workspaceId === workspaceId &&
        (!q.status || t.status === q.status) &&
        (!q.overdueAt || (t.dueAt < q.overdueAt && !isTerminalTask(t.status))),
    );
    return pageOf(
      `tasks:${workspaceId}`,
      tasks.map((t) => [t.id, t]),
      q,
    );
  }
  async listOpenTasksForAssignee(orgId: string, q: PageQuery): Promise<Page<Task>> {
    return pageOf(
      `assigned:${orgId}`,
      this.values('task', (t) => t.assigneeOrgId === orgId && !isTerminalTask(t.status)).map((t) => [
        `${t.dueAt}#${t.workspaceId}#${t.id}`,
        t,
      ]),
      q,
    );
  }
  async listAudit(chainId: string, q: PageQuery): Promise<Page<AuditEntry>> {
    const entries = [...(this.audit.get(chainId)?.values() ?? [])];
    return pageOf(
      `audit:${chainId}`,
      entries.map((e) => [String(e.seq).padStart(12, '0'), e]),
      q,
    );
  }
  async listEvents(workspaceId: string, q: PageQuery): Promise<Page<DomainEvent>> {
    const events = [...this.events.values()].filter((e) => e.event.chainId === workspaceId).map((e) => e.event);
    return pageOf(
      `events:${workspaceId}`,
      events.map((e) => [e.id, e]),
      q,
    );
  }
  async listRequests(workspaceId: string, q: PageQuery): Promise<Page<DataRequest>> {
    return pageOf(
      `requests:${workspaceId}`,
      this.values('request', (r) => r.workspaceId === workspaceId).map((r) => [r.id, r]),
      q,
    );
  }
  /** Newest first; drafts (never sent) are not in any inbox. */
  async listInbox(providerOrgId: string, q: PageQuery): Promise<Page<DataRequest>> {
    return pageOf(
      `inbox:${providerOrgId}`,
      this.values('request', (r) => r.providerOrgId === providerOrgId && r.sentAt !== undefined).map((r) => [r.id, r]),
      q,
      { descending: true },
    );
  }
  async findInboxRequest(providerOrgId: string, requestId: string): Promise<DataRequest | null> {
    const found = this.values('request', (r) => r.providerOrgId === providerOrgId && r.sentAt !== undefined && r.id === requestId);
    return found[0] ? copy(found[0]) : null;
  }
  async listEvidence(workspaceId: string, requestId: string, q: PageQuery): Promise<Page<EvidenceItem>> {
    return pageOf(
      `evidence:${workspaceId}:${requestId}`,
      this.values('evidence', (e) => e.workspaceId === workspaceId && e.requestId === requestId).map((e) => [e.id, e]),
      q,
    );
  }
  async dueTimers(shard: number, now: Date, limit: number): Promise<Timer[]> {
    const timers = this.values('timer', () => true);
    return dueBy(
      timers.map((t): [Due, Timer] => [{ partition: timerPartition(shardOf(t.id)), sort: `${t.dueAt}#${t.id}` }, t]),
      timerPartition(shard),
      now,
      limit,
    );
  }

  /** Reads a chain's head (for verification and tests), as the DynamoDB adapter offers. */
  async chainHead(chainId: string): Promise<ChainHead | null> {
    return copy(this.heads.get(chainId) ?? null);
  }

  // ---- AlertStore ----

  async listIncidents(workspaceId: string, q: PageQuery): Promise<Page<Incident>> {
    return pageOf(
      `incidents:${workspaceId}`,
      this.values('incident', (i) => i.workspaceId === workspaceId).map((i) => [i.id, i]),
      q,
      { descending: true },
    );
  }
  async listContacts(q: PageQuery): Promise<Page<CountryContacts>> {
    return pageOf(
      'contacts',
      this.values('contacts', () => true).map((c) => [c.country, c]),
      q,
    );
  }

  private eventKey(e: Pick<DomainEvent, 'chainId' | 'id'>) {
    return `${e.chainId}\u0000${e.id}`;
  }

  async unpublishedEvents(shard: number, now: Date, limit: number): Promise<DomainEvent[]> {
    return dueBy(
      [...this.events.values()].map((e): [Due | undefined, DomainEvent] => [e.due, e.event]),
      outboxPartition(shard),
      now,
      limit,
    );
  }
  async deferEvents(events: DomainEvent[], until: Date): Promise<void> {
    for (const e of events) {
      const entry = this.events.get(this.eventKey(e));
      if (entry?.due) entry.due = { ...entry.due, sort: `${until.toISOString()}#${e.id}` };
    }
  }
  async markPublished(event: DomainEvent, at: Date): Promise<void> {
    const entry = this.events.get(this.eventKey(event));
    if (!entry) throw new Error(`event ${event.id} is not in the outbox`);
    delete entry.due;
    entry.publishedAt = at.toISOString();
  }

  async fanoutContext(events: DomainEvent[]): Promise<FanoutContext> {
    const ctx: FanoutContext = {
      published: new Set(),
      workspaces: new Map(),
      organisations: new Map(),
      invitations: new Map(),
      policies: EMPTY_POLICY_SET,
      channels: new Map(),
    };
    const record = <K extends RecordKind>(ref: RecordRef & { kind: K }) =>
      this.records.get(refKey(ref))?.value as RecordValue<K> | undefined;
    for (const e of events) {
      if (!this.events.get(this.eventKey(e))?.due) ctx.published.add(e.id);
      if (e.workspaceId) {
        const ws = record({ kind: 'workspace', id: e.workspaceId });
        if (ws) ctx.workspaces.set(ws.id, copy(ws));
        // An invitation event reaches the invitee only while its invitation is still pending.
        if (e.subject.type === 'invitation') {
          const inv = record({ kind: 'invitation', workspaceId: e.workspaceId, orgId: e.subject.id });
          if (inv) ctx.invitations.set(fanoutInvitationKey(inv.workspaceId, inv.orgId), copy(inv));
        }
      }
      for (const orgId of e.audience) {
        const org = record({ kind: 'organisation', id: orgId });
        if (org) ctx.organisations.set(org.id, copy(org));
        const channel = record({ kind: 'channel', orgId });
        if (channel) ctx.channels!.set(channel.orgId, copy(channel));
      }
    }
    const policies = record({ kind: 'policies' });
    if (policies) ctx.policies = copy(policies);
    return ctx;
  }

  /** The inbox entry a notification id names, if the id is well formed and names that recipient. */
  private inboxSlot(orgId: string, id: string): { inbox: Map<string, InboxEntry>; eventId: string } | null {
    const parsed = parseNotificationId(id);
    if (!parsed || parsed.orgId !== orgId) return null;
    let inbox = this.inboxes.get(orgId);
    if (!inbox) {
      inbox = new Map();
      this.inboxes.set(orgId, inbox);
    }
    return { inbox, eventId: parsed.eventId };
  }
  private inboxEntry(orgId: string, id: string): InboxEntry | undefined {
    const slot = this.inboxSlot(orgId, id);
    return slot?.inbox.get(slot.eventId);
  }

  async putNotification(n: InboxNotification, opts: { webhookDueAt?: Date } = {}): Promise<'created' | 'exists'> {
    const slot = this.inboxSlot(n.recipient, n.id);
    if (!slot) throw new Error(`notification id ${n.id} does not name recipient ${n.recipient}`);
    if (slot.inbox.has(slot.eventId)) return 'exists';
    slot.inbox.set(slot.eventId, {
      data: copy(n),
      pending: true,
      ...(opts.webhookDueAt
        ? {
            due: { partition: webhookPartition(shardOf(n.id)), sort: `${opts.webhookDueAt.toISOString()}#${n.id}` },
            hook: { recipient: n.recipient, id: n.id },
          }
        : {}),
    });
    return 'created';
  }
  async getNotification(orgId: string, id: string): Promise<InboxNotification | null> {
    const entry = this.inboxEntry(orgId, id);
    return entry ? copy(entry.data) : null;
  }
  /** Oldest first (ids are time-ordered); `pending`: only those not yet acknowledged. */
  async listNotifications(orgId: string, q: PageQuery & { pending?: boolean }): Promise<Page<InboxNotification>> {
    const entries = [...(this.inboxes.get(orgId)?.entries() ?? [])].filter(([, e]) => !q.pending || e.pending);
    return pageOf(
      `notifications:${orgId}`,
      entries.map(([eventId, e]) => [eventId, e.data]),
      q,
    );
  }
  async acknowledgeNotification(orgId: string, id: string, at: Date): Promise<InboxNotification | null> {
    const entry = this.inboxEntry(orgId, id);
    if (!entry) return null;
    entry.data.acknowledgedAt ??= at.toISOString();
    entry.pending = false;
    return copy(entry.data);
  }

  async claimWebhook(orgId: string, id: string, now: Date, leaseUntil: Date): Promise<WebhookClaim> {
    const entry = this.inboxEntry(orgId, id);
    if (!entry) return 'missing';
    if (entry.deliveredAt) return 'delivered';
    if (entry.lease !== undefined && !(entry.lease < now.toISOString())) return 'busy';
    entry.lease = leaseUntil.toISOString();
    return 'claimed';
  }

  async recordWebhook(orgId: string, id: string, outcome: WebhookOutcome): Promise<void> {
    if (!this.inboxSlot(orgId, id)) return;
    const entry = this.inboxEntry(orgId, id);
    if (!entry) throw new Error(`notification ${id} is not in ${orgId}'s inbox`);
    const at = outcome.at.toISOString();
    const attempts = outcome.attempt !== undefined ? { attempts: outcome.attempt } : {};
    delete entry.lease;
    if (outcome.ok) {
      entry.deliveredAt = at;
      entry.data.webhook = { status: 'delivered', deliveredAt: at, lastAttemptAt: at, ...attempts };
      delete entry.due;
      return;
    }
    const next = outcome.nextAttemptAt?.toISOString();
    entry.data.webhook = {
      status: 'failed',
      lastAttemptAt: at,
      lastError: outcome.error.slice(0, 300),
      ...attempts,
      ...(next ? { nextAttemptAt: next } : {}),
    };
    if (next) {
      const sweepAt = (outcome.sweepAt ?? outcome.nextAttemptAt!).toISOString();
      entry.due = { partition: webhookPartition(shardOf(id)), sort: `${sweepAt}#${id}` };
      entry.hook = { recipient: orgId, id };
    } else if (outcome.parked) {
      // Given up after its last attempt: parked where a redrive finds it, one recipient's together.
      entry.due = { partition: parkedPartition(shardOf(id)), sort: `${orgId}#${at}#${id}` };
      entry.hook = { recipient: orgId, id };
    } else delete entry.due;
  }

  private allInboxEntries(): InboxEntry[] {
    return [...this.inboxes.values()].flatMap((inbox) => [...inbox.values()]);
  }

  async dueWebhooks(shard: number, now: Date, limit: number): Promise<WebhookRef[]> {
    return dueBy(
      this.allInboxEntries().map((e): [Due | undefined, WebhookRef] => [e.due, e.hook ?? { recipient: e.data.recipient, id: e.data.id }]),
      webhookPartition(shard),
      now,
      limit,
    );
  }
  async deferWebhooks(refs: WebhookRef[], until: Date): Promise<void> {
    for (const r of refs) {
      const entry = this.inboxEntry(r.recipient, r.id);
      if (entry?.due) entry.due = { ...entry.due, sort: `${until.toISOString()}#${r.id}` };
    }
  }
  async redriveWebhooks(now: Date, opts: { orgId?: string; limit: number }): Promise<number> {
    let moved = 0;
    const at = now.toISOString();
    for (let shard = 0; shard < DUE_SHARDS && moved < opts.limit; shard++) {
      const partition = parkedPartition(shard);
      const parked = this.allInboxEntries()
        .filter((e) => e.due?.partition === partition && (!opts.orgId || e.due.sort.startsWith(`${opts.orgId}#`)))
        .sort((a, b) => (a.due!.sort < b.due!.sort ? -1 : a.due!.sort > b.due!.sort ? 1 : 0));
      for (const e of parked) {
        if (moved >= opts.limit) break;
        if (e.deliveredAt) continue;
        e.due = { partition: webhookPartition(shardOf(e.data.id)), sort: `${at}#${e.data.id}` };
        if (e.data.webhook) e.data.webhook = { ...e.data.webhook, attempts: 0, nextAttemptAt: at };
        moved++;
      }
    }
    return moved;
  }
}
