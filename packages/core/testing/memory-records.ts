import {
  type AuditEntry,
  type ChainTip,
  COUNTER_NAME,
  type Commit,
  CommitConflict,
  type CommitConflictReason,
  type CounterRef,
  type CountryPolicy,
  type DataRequest,
  DomainError,
  type DomainEvent,
  type EvidenceItem,
  type EvidenceObject,
  type Invitation,
  isTerminalTask,
  type Loaded,
  leafHash,
  loadResolvingPolicies,
  MAX_MATCH_OWNERS,
  type MatchGroup,
  type MatchHolder,
  type Membership,
  type Message,
  type MessageRevision,
  nodeId,
  type Organisation,
  type Page,
  type PageQuery,
  type QueuedAuditEntry,
  type RecordKind,
  type RecordRef,
  type RecordValue,
  type Roster,
  refFields,
  refKey,
  refOf,
  type SearchKind,
  type SearchRecords,
  type SelectorHolder,
  type SequenceRound,
  type Store,
  type StoredCheckpoint,
  type StoredRecord,
  shardOf,
  type Task,
  type TaskQuery,
  type Channel as ThreadChannel,
  type Timer,
  type Transfer,
  type TurnaroundShard,
} from '../src/index';
import type { Intel } from '../src/stix-import/model';
import {
  auditQueuePartition,
  copy,
  type Due,
  dueBy,
  MAX_COMMIT_ITEMS,
  MAX_RECORD_BYTES,
  MemoryTables,
  outboxPartition,
  pageOf,
  timerPartition,
  versionOf,
} from './memory-tables';

/**
 * The store port in memory, with the DynamoDB adapter's semantics: one atomic commit (every
 * condition holds or nothing is written) with the same conflict reasons, the same list orders
 * and filters, timers in a due index by shard, and opaque cursors bound to their list.
 */
export class MemoryRecordStore extends MemoryTables implements Store {
  /** As the DynamoDB adapter: a `{ kind: 'policies' }` reference is resolved after the rest (`loadResolvingPolicies`). */
  async load(req: { refs: RecordRef[]; idempotencyScope?: string }): Promise<Loaded> {
    return loadResolvingPolicies(req, (r) => this.read(r));
  }

  private async read(req: { refs: RecordRef[]; idempotencyScope?: string }): Promise<Loaded> {
    const loaded: Loaded = { records: new Map(), idempotency: null };
    for (const ref of req.refs) {
      const r = this.records.get(refKey(ref));
      if (r) loaded.records.set(refKey(ref), copy(r));
    }
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
    if (ref.kind === 'policies') throw new Error('the policies a read needs are resolved by load, never read whole');
    const r = this.records.get(refKey(ref));
    return r ? (copy(r.value) as RecordValue<K>) : null;
  }

  /** Checks every condition first, then applies every write: all of the commit or none of it. */
  async commit(c: Commit): Promise<void> {
    const items = 1 + c.events.length + c.writes.length + (c.idempotency ? 1 : 0);
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
    if (this.queued.get(c.audit.chainId)?.has(c.audit.qid)) failed.add('exists');
    for (const w of c.writes) {
      if (w.op === 'add') {
        const bad = Object.keys(w.counts).find((n) => !COUNTER_NAME.test(n));
        if (bad !== undefined) throw new Error(`a counter name must match ${COUNTER_NAME}: ${bad}`);
        continue;
      }
      const current = this.records.get(refKey(w.op === 'put' ? refOf(w.record) : w.ref));
      if (w.expect === 'any') continue;
      if (w.expect === 'absent') {
        if (current) failed.add('exists');
      } else if (w.expect === 'present') {
        if (!current) failed.add('missing');
      } else if (!current || versionOf(current) !== w.expect) failed.add('stale');
    }
    if (c.idempotency && this.idempotency.has(c.idempotency.scope)) failed.add('idempotency');
    // A lost race for the idempotency key explains any other failure.
    const reason = (['idempotency', 'stale', 'exists', 'missing'] as const).find((r) => failed.has(r));
    if (reason) throw new CommitConflict(reason);

    const queue = this.queued.get(c.audit.chainId) ?? new Map<string, QueuedAuditEntry>();
    queue.set(c.audit.qid, copy(c.audit));
    this.queued.set(c.audit.chainId, queue);
    for (const e of c.events) {
      this.events.set(this.eventKey(e), { event: copy(e), due: { partition: outboxPartition(shardOf(e.id)), sort: `${e.at}#${e.id}` } });
    }
    for (const w of c.writes) {
      if (w.op === 'put') this.records.set(refKey(refOf(w.record)), copy(w.record));
      else if (w.op === 'add') this.addCounts(w.ref, w.counts);
      else this.records.delete(refKey(w.ref));
    }
    if (c.idempotency) this.idempotency.set(c.idempotency.scope, copy(c.idempotency));
  }

  /** As the adapter's UpdateItem ADD: the record is made if absent, each counter starts at zero. */
  private addCounts(ref: CounterRef, counts: Record<string, number>): void {
    const key = refKey(ref);
    const value = (this.records.get(key)?.value as { counts?: Record<string, number> } | undefined) ?? { ...refFields(ref), counts: {} };
    const next = { ...value, counts: { ...value.counts } };
    for (const [name, n] of Object.entries(counts)) next.counts[name] = (next.counts[name] ?? 0) + n;
    this.records.set(key, { kind: ref.kind, value: next } as StoredRecord);
  }

  async listPolicies(q: PageQuery): Promise<Page<CountryPolicy>> {
    return pageOf(
      'policies',
      this.values('policy', () => true).map((p) => [p.country, p]),
      q,
    );
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
  /** Unfiltered by id; filtered by due time then id, as the adapter's indexes order them. */
  async listTasks(workspaceId: string, q: TaskQuery): Promise<Page<Task>> {
    const due = (t: Task) => new Date(t.dueAt).getTime();
    const overdue = q.overdueAt === undefined ? undefined : new Date(q.overdueAt).getTime();
    const tasks = this.values(
      'task',
      (t) =>
        t.workspaceId === workspaceId &&
        (!q.status || t.status === q.status) &&
        (!q.assigneeOrgId || t.assigneeOrgId === q.assigneeOrgId) &&
        (overdue === undefined || (due(t) < overdue && !isTerminalTask(t.status))),
    );
    const filtered = q.status !== undefined || overdue !== undefined || q.assigneeOrgId !== undefined;
    if (!filtered)
      return pageOf(
        `tasks:${workspaceId}`,
        tasks.map((t) => [t.id, t]),
        q,
      );
    // Bound to its filters (not the overdue instant, which moves from page to page).
    const list = `tasks:${workspaceId}:${q.status ?? ''}:${q.assigneeOrgId ?? ''}:${overdue === undefined ? '' : 'overdue'}`;
    return pageOf(
      list,
      tasks.map((t) => [`${new Date(t.dueAt).toISOString()}#${t.id}`, t]),
      q,
    );
  }
  async listOpenTasksForAssignee(orgId: string, q: PageQuery): Promise<Page<Task>> {
    return pageOf(
      `assigned:${orgId}`,
      this.values('task', (t) => t.assigneeOrgId === orgId && !isTerminalTask(t.status)).map((t) => [
        `${new Date(t.dueAt).toISOString()}#${t.workspaceId}#${t.id}`,
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
  async listEvidenceObjects(workspaceId: string, parentKey: string, q: PageQuery): Promise<Page<EvidenceObject>> {
    return pageOf(
      `evidenceObject:${workspaceId}:${parentKey}`,
      this.values('evidenceObject', (e) => e.workspaceId === workspaceId && `${e.parent.kind}:${e.parent.id}` === parentKey).map((e) => [
        e.id,
        e,
      ]),
      q,
    );
  }
  async turnaroundShards(providerOrgId: string): Promise<TurnaroundShard[]> {
    return this.values('turnaround', (s) => s.orgId === providerOrgId).map(copy);
  }
  async dueTimers(shard: number, now: Date, limit: number, after?: Pick<Timer, 'id' | 'dueAt'>): Promise<Timer[]> {
    const sort = (t: Pick<Timer, 'id' | 'dueAt'>) => `${t.dueAt}#${t.id}`;
    const timers = this.values('timer', (t) => !after || sort(t) > sort(after));
    return dueBy(
      timers.map((t): [Due, Timer] => [{ partition: timerPartition(shardOf(t.id)), sort: sort(t) }, t]),
      timerPartition(shard),
      now,
      limit,
    );
  }

  async chainTip(chainId: string): Promise<ChainTip | null> {
    return copy(this.heads.get(chainId) ?? null);
  }
  async queuedAudit(chainId: string, limit: number): Promise<QueuedAuditEntry[]> {
    return [...(this.queued.get(chainId)?.entries() ?? [])]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([, q]) => copy(q));
  }
  /** All of the round or none of it, as the adapter's one transaction: the head must not have moved and every queued item must still be there. */
  async sequenceRound(r: SequenceRound): Promise<boolean> {
    const items = 2 * r.entries.length + r.nodes.length + 2;
    if (items > MAX_COMMIT_ITEMS) throw new Error(`a commit holds at most ${MAX_COMMIT_ITEMS} items, this one ${items}`);
    const head = this.heads.get(r.chainId);
    if (r.expectedSeq === null ? head !== undefined : head?.seq !== r.expectedSeq) return false;
    const queue = this.queued.get(r.chainId);
    const chain = this.audit.get(r.chainId) ?? new Map<number, AuditEntry>();
    if (r.entries.some(({ entry, qid }) => !queue?.has(qid) || chain.has(entry.seq))) return false;
    for (const { entry, qid } of r.entries) {
      chain.set(entry.seq, copy(entry));
      queue!.delete(qid);
    }
    this.audit.set(r.chainId, chain);
    const nodes = this.merkle.get(r.chainId) ?? new Map<string, string>();
    for (const n of r.nodes) nodes.set(nodeId(n), n.hash);
    this.merkle.set(r.chainId, nodes);
    const checkpoints = this.checkpoints.get(r.chainId) ?? new Map<number, StoredCheckpoint>();
    checkpoints.set(r.tip.checkpoint.treeSize, copy({ checkpoint: r.tip.checkpoint, frontier: r.tip.frontier }));
    this.checkpoints.set(r.chainId, checkpoints);
    this.heads.set(r.chainId, copy(r.tip));
    return true;
  }
  async auditEntriesAfter(chainId: string, afterSeq: number, limit: number): Promise<AuditEntry[]> {
    return [...(this.audit.get(chainId)?.values() ?? [])]
      .filter((e) => e.seq > afterSeq)
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit)
      .map(copy);
  }
  async auditEntry(chainId: string, seq: number): Promise<AuditEntry | null> {
    return copy(this.audit.get(chainId)?.get(seq) ?? null);
  }
  async merkleNodes(chainId: string, nodes: { level: number; index: number }[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const n of nodes) {
      const h = n.level === 0 ? this.audit.get(chainId)?.get(n.index + 1)?.hash : this.merkle.get(chainId)?.get(nodeId(n));
      if (h) found.set(nodeId(n), n.level === 0 ? leafHash(h) : h);
    }
    return found;
  }
  async checkpointAt(chainId: string, treeSize: number): Promise<StoredCheckpoint | null> {
    return copy(this.checkpoints.get(chainId)?.get(treeSize) ?? null);
  }
  async chainsWithQueuedAudit(shard: number, before: Date, limit: number): Promise<string[]> {
    const all = [...this.queued.values()].flatMap((q) => [...q.values()]);
    const due = dueBy(
      all.map((q): [Due, string] => [{ partition: auditQueuePartition(shardOf(q.chainId)), sort: `${q.at}#${q.qid}` }, q.chainId]),
      auditQueuePartition(shard),
      before,
      limit,
    );
    return [...new Set(due)];
  }
  /** Newest first, as the adapter reads a thread backwards. */
  async listMessages(workspaceId: string, threadKey: string, q: PageQuery): Promise<Page<Message>> {
    return pageOf(
      `messages:${workspaceId}:${threadKey}`,
      this.values('message', (m) => m.workspaceId === workspaceId && `${m.thread.kind}:${m.thread.id}` === threadKey).map((m) => [m.id, m]),
      q,
      { descending: true },
    );
  }
  async listChannels(workspaceId: string, q: PageQuery): Promise<Page<ThreadChannel>> {
    return pageOf(
      `channels:${workspaceId}`,
      this.values('threadChannel', (c) => c.workspaceId === workspaceId).map((c) => [c.id, c]),
      q,
    );
  }
  async listRevisions(workspaceId: string, threadKey: string, messageId: string, q: PageQuery): Promise<Page<MessageRevision>> {
    return pageOf(
      `revisions:${workspaceId}:${threadKey}:${messageId}`,
      this.values('messageRevision', (r) => r.workspaceId === workspaceId && r.threadKey === threadKey && r.messageId === messageId).map(
        (r) => [String(r.n).padStart(4, '0'), r],
      ),
      q,
    );
  }
  async listRosters(orgId: string, q: PageQuery): Promise<Page<Roster>> {
    return pageOf(
      `rosters:${orgId}`,
      this.values('roster', (r) => r.orgId === orgId).map((r) => [r.id, r]),
      q,
    );
  }
  async listIntel(workspaceId: string, q: PageQuery): Promise<Page<Intel>> {
    return pageOf(
      `intel:${workspaceId}`,
      this.values('intel', (r) => r.workspaceId === workspaceId).map((r) => [r.id, r]),
      q,
    );
  }

  async listTransfers(workspaceId: string, q: PageQuery): Promise<Page<Transfer>> {
    return pageOf(
      `transfers:${workspaceId}`,
      this.values('transfer', (t) => t.workspaceId === workspaceId).map((t) => [t.id, t]),
      q,
    );
  }

  /** As the adapter: one workspace's records of a kind in sort-key order (a message's is its thread's key, then its id), at most `max`. */
  async searchCandidates<K extends SearchKind>(workspaceId: string, kind: K, max: number) {
    const sortKey = (v: { id: string; thread?: { kind: string; id: string } }) =>
      v.thread ? `${v.thread.kind}:${v.thread.id}#${v.id}` : v.id;
    const all = (this.values(kind, (v) => (v as { workspaceId?: string }).workspaceId === workspaceId) as SearchRecords[K][]).sort(
      (a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0),
    );
    return { items: all.slice(0, max).map(copy), truncated: all.length > max };
  }

  /** As the adapter's Query of each hash's partition: its holders in sort-key order, at most `MAX_MATCH_OWNERS`. */
  async matchHolders(groups: readonly MatchGroup[]): Promise<MatchHolder[][]> {
    const sortKey = (h: MatchHolder) => `${h.workspaceId}#${h.record.type}#${h.record.id}`;
    return groups.map((g) =>
      this.values('match_holder', (h) => h.keyId === g.keyId && h.hmac === g.hmac)
        .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))
        .slice(0, MAX_MATCH_OWNERS)
        .map(copy),
    );
  }

  /** As the adapter's Scan: `limit` counts the records read, of every kind; those that hold selectors are returned. */
  async selectorHolders(q: PageQuery): Promise<Page<SelectorHolder>> {
    const page = pageOf('selector-holders', [...this.records.entries()], q);
    return {
      items: page.items
        .filter((r) => HOLDER_KINDS.has(r.kind) && ((r.value as { selectors?: unknown[] }).selectors?.length ?? 0) > 0)
        .map((r) => r as unknown as SelectorHolder),
      ...(page.next ? { next: page.next } : {}),
    };
  }
}

const HOLDER_KINDS = new Set<string>(['request', 'task', 'incident']);
