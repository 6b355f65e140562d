import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AlertStore,
  type AuditDraft,
  appendEntry,
  type ChainHead,
  CommitConflict,
  type CommitConflictReason,
  type CountryContacts,
  type DataRequest,
  DomainError,
  type DomainEvent,
  DUE_SHARDS,
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
  type PolicySet,
  type RecordRef,
  refKey,
  type Store,
  type StoredRecord,
  shardOf,
  type Task,
  type TaskStatus,
  type Timer,
  type Workspace,
  type Write,
} from '../src/index';

export interface ContractStores {
  store: Store;
  alerts: AlertStore;
  cleanup?(): Promise<unknown> | unknown;
}

/** Cases a store is known to get wrong, left out of its run (each must be reported where it is listed). */
export type ContractGap = 'load-over-100-keys';

const AT = '2026-03-01T08:00:00.000Z';
const actor = { sub: 'vnm-user', orgId: 'vnm-a05', country: 'VNM' };
const mark: Task['marking'] = { originator: { orgId: 'vnm-a05', country: 'VNM' }, tlp: 'GREEN', releasableTo: 'members', caveats: [] };
const later = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

/** Ids that land in a chosen shard of the due index. */
const idsInShard = (shard: number, prefix: string, n: number): string[] => {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const id = `${prefix}${String(i).padStart(4, '0')}`;
    if (shardOf(id) === shard) out.push(id);
  }
  return out;
};

// ---- records ----

const org = (id: string, country = 'VNM'): Organisation => ({
  id,
  name: id.toUpperCase(),
  kind: 'agency',
  country,
  createdAt: AT,
  version: 1,
});
const workspace = (id: string): Workspace => ({
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
const membership = (orgId: string, workspaceId: string): Membership => ({
  orgId,
  workspaceId,
  role: 'member',
  title: `Op ${workspaceId}`,
  status: 'open',
  version: 1,
});
const invitation = (workspaceId: string, orgId: string, status: Invitation['status'], createdAt = AT): Invitation => ({
  workspaceId,
  workspaceTitle: `Op ${workspaceId}`,
  orgId,
  role: 'member',
  status,
  invitedBy: { sub: 'vnm-user', orgId: 'vnm-a05' },
  createdAt,
  version: 1,
});
const task = (
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
const timer = (id: string, dueAt: string): Timer => ({ workspaceId: 'ws-timers', id, kind: 'task.reminder', subjectId: 'task-1', dueAt });
const request = (workspaceId: string, id: string, providerOrgId: string, sent: boolean): DataRequest =>
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
const evidence = (workspaceId: string, requestId: string, id: string): EvidenceItem => ({
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
const incident = (workspaceId: string, id: string): Incident =>
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
const contacts = (country: string): CountryContacts =>
  ({
    country,
    duty: { orgId: 'duty-org', name: 'Duty' },
    backup: { orgId: 'backup-org', name: 'Backup' },
    nationalLead: { orgId: 'lead-org', name: 'Lead' },
    updatedAt: AT,
    updatedBy: { sub: 'x', orgId: 'vnm-a05' },
    version: 1,
  }) as unknown as CountryContacts;
const channel = (orgId: string): NotificationChannel => ({ orgId, webhook: { url: 'https://hooks.example/x' }, updatedAt: AT, version: 1 });
const policies = (): PolicySet => ({ version: 3, countries: {} });

const put = (record: StoredRecord, expect: Extract<Write, { op: 'put' }>['expect'] = 'absent'): Write => ({
  op: 'put',
  record,
  expect,
});

let eventSeq = 0;
/** Event ids as the platform makes them: lower-case, time-ordered, at least ten characters. */
const event = (chainId: string, o: Partial<DomainEvent> = {}): DomainEvent => ({
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

const notification = (eventId: string, recipient: string, o: Partial<InboxNotification> = {}): InboxNotification =>
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
const walk = async <T>(list: (q: PageQuery) => Promise<Page<T>>, limit = 2): Promise<T[]> => {
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

const conflictReason = (p: Promise<unknown>): Promise<CommitConflictReason | string> =>
  p.then(
    () => 'committed',
    (e) => (e instanceof CommitConflict ? e.reason : String(e)),
  );

/**
 * The behaviour every store must have: the in-memory store and the DynamoDB adapter run it
 * alike, so a use case tested on the first behaves the same on the second.
 */
export function describeStoreContract(name: string, make: () => Promise<ContractStores>, opts: { gaps?: ContractGap[] } = {}): void {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    let alerts: AlertStore;
    let cleanup: (() => Promise<unknown> | unknown) | undefined;
    const heads = new Map<string, ChainHead | null>();

    beforeEach(async () => {
      const made = await make();
      store = made.store;
      alerts = made.alerts;
      cleanup = made.cleanup;
      heads.clear();
    });
    afterEach(async () => {
      await cleanup?.();
    });

    /** Commits writes and events on a chain as a command would: after the head it last committed. */
    const commit = async (
      chainId: string,
      writes: Write[],
      o: { events?: DomainEvent[]; idempotency?: IdempotencyRecord & { expiresAt: string }; audit?: Partial<AuditDraft> } = {},
    ) => {
      const expected = heads.has(chainId) ? heads.get(chainId)! : (await store.load({ refs: [], chainId })).head;
      const { entry, head } = appendEntry(expected, chainId, AT, actor, {
        action: 'test.change',
        target: { type: 'test', id: chainId },
        markings: [],
        ...o.audit,
      });
      await store.commit({
        chain: { id: chainId, expected, next: head },
        audit: entry,
        events: o.events ?? [],
        writes,
        ...(o.idempotency ? { idempotency: o.idempotency } : {}),
      });
      heads.set(chainId, head);
      return { entry, head };
    };
    const idem = (scope: string, fingerprint = 'f1') => ({
      scope,
      fingerprint,
      status: 201,
      body: { ok: scope },
      createdAt: AT,
      expiresAt: later(AT, 86_400_000),
    });

    describe('commit', () => {
      it('writes the records, the audit entry, the events and the idempotency record together', async () => {
        const e = event('ws-1');
        const { entry, head } = await commit('ws-1', [put({ kind: 'workspace', value: workspace('ws-1') })], {
          events: [e],
          idempotency: idem('create:ws-1'),
        });
        const loaded = await store.load({ refs: [{ kind: 'workspace', id: 'ws-1' }], chainId: 'ws-1', idempotencyScope: 'create:ws-1' });
        expect(loaded.records.get(refKey({ kind: 'workspace', id: 'ws-1' }))).toEqual({ kind: 'workspace', value: workspace('ws-1') });
        expect(loaded.head).toEqual(head);
        expect(loaded.idempotency).toEqual({
          scope: 'create:ws-1',
          fingerprint: 'f1',
          status: 201,
          body: { ok: 'create:ws-1' },
          createdAt: AT,
        });
        expect((await store.listAudit('ws-1', { limit: 10 })).items).toEqual([entry]);
        expect((await store.listEvents('ws-1', { limit: 10 })).items).toEqual([e]);
        expect(await store.get({ kind: 'workspace', id: 'ws-1' })).toEqual(workspace('ws-1'));
      });

      it('writes nothing when one expectation fails: no record, no audit entry, no event, no idempotency record', async () => {
        const first = await commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1') })]);
        const before = await store.load({ refs: [{ kind: 'task', workspaceId: 'ws-1', id: 'task-1' }], chainId: 'ws-1' });
        const { entry, head } = appendEntry(first.head, 'ws-1', AT, actor, { action: 'x', target: { type: 't', id: 'i' }, markings: [] });
        const attempt = store.commit({
          chain: { id: 'ws-1', expected: first.head, next: head },
          audit: entry,
          events: [event('ws-1')],
          writes: [
            put({ kind: 'task', value: task('ws-1', 'task-2') }),
            put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2, status: 'accepted' }) }, 7),
          ],
          idempotency: idem('scope-failed'),
        });
        expect(await conflictReason(attempt)).toBe('stale');
        const after = await store.load({
          refs: [
            { kind: 'task', workspaceId: 'ws-1', id: 'task-1' },
            { kind: 'task', workspaceId: 'ws-1', id: 'task-2' },
          ],
          chainId: 'ws-1',
          idempotencyScope: 'scope-failed',
        });
        expect(after.records).toEqual(before.records);
        expect(after.head).toEqual(first.head);
        expect(after.idempotency).toBeNull();
        expect((await store.listAudit('ws-1', { limit: 10 })).items).toEqual([first.entry]);
        expect((await store.listEvents('ws-1', { limit: 10 })).items).toEqual([]);
        for (let s = 0; s < DUE_SHARDS; s++) expect(await alerts.unpublishedEvents(s, new Date(later(AT, 1000)), 10)).toEqual([]);
      });

      it('checks puts against absence and versions, and deletes against presence and versions', async () => {
        const t1 = { kind: 'task', value: task('ws-1', 'task-1') } as const;
        const ref = { kind: 'task', workspaceId: 'ws-1', id: 'task-1' } as const;
        await commit('ws-1', [put(t1)]);
        expect(await conflictReason(commit('ws-1', [put(t1)]))).toBe('exists');
        expect(await conflictReason(commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2 }) }, 2)]))).toBe(
          'stale',
        );
        expect(await conflictReason(commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-9', { version: 2 }) }, 1)]))).toBe(
          'stale',
        );
        await commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2, status: 'accepted' }) }, 1)]);
        expect((await store.get(ref))?.status).toBe('accepted');
        await commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 5 }) }, 'any')]);
        expect((await store.get(ref))?.version).toBe(5);
        expect(await conflictReason(commit('ws-1', [{ op: 'delete', ref, expect: 4 }]))).toBe('stale');
        expect(await conflictReason(commit('ws-1', [{ op: 'delete', ref: { ...ref, id: 'task-9' }, expect: 'present' }]))).toBe('missing');
        await commit('ws-1', [{ op: 'delete', ref: { ...ref, id: 'task-9' }, expect: 'any' }]);
        await commit('ws-1', [{ op: 'delete', ref, expect: 5 }]);
        expect(await store.get(ref)).toBeNull();
        await commit('ws-1', [put(t1)]);
        await commit('ws-1', [{ op: 'delete', ref, expect: 'present' }]);
        expect(await store.get(ref)).toBeNull();
      });

      it('lets one of two commits after the same chain head win; the other hears "chain"', async () => {
        const first = await commit('ws-1', []);
        const draft = { action: 'x', target: { type: 't', id: 'i' }, markings: [] };
        const a = appendEntry(first.head, 'ws-1', AT, actor, draft);
        const b = appendEntry(first.head, 'ws-1', AT, actor, draft);
        await store.commit({ chain: { id: 'ws-1', expected: first.head, next: a.head }, audit: a.entry, events: [], writes: [] });
        expect(
          await conflictReason(
            store.commit({
              chain: { id: 'ws-1', expected: first.head, next: b.head },
              audit: b.entry,
              events: [],
              writes: [put({ kind: 'task', value: task('ws-1', 'task-1') })],
            }),
          ),
        ).toBe('chain');
        // A chain that exists cannot be started again.
        const fresh = appendEntry(null, 'ws-1', AT, actor, draft);
        expect(
          await conflictReason(
            store.commit({ chain: { id: 'ws-1', expected: null, next: fresh.head }, audit: fresh.entry, events: [], writes: [] }),
          ),
        ).toBe('chain');
        expect(await store.get({ kind: 'task', workspaceId: 'ws-1', id: 'task-1' })).toBeNull();
        expect((await store.load({ refs: [], chainId: 'ws-1' })).head).toEqual(a.head);
        expect((await store.listAudit('ws-1', { limit: 10 })).items.map((e) => e.seq)).toEqual([1, 2]);
      });

      it('names a lost idempotency race before any other failure, and a chain race before a stale version', async () => {
        await commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1') })], { idempotency: idem('same-key') });
        expect(
          await conflictReason(
            commit('ws-2', [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2 }) }, 9)], {
              idempotency: idem('same-key', 'f2'),
            }),
          ),
        ).toBe('idempotency');
        expect((await store.load({ refs: [], idempotencyScope: 'same-key' })).idempotency?.fingerprint).toBe('f1');
        const stale = appendEntry(null, 'ws-1', AT, actor, { action: 'x', target: { type: 't', id: 'i' }, markings: [] });
        expect(
          await conflictReason(
            store.commit({
              chain: { id: 'ws-1', expected: null, next: stale.head },
              audit: stale.entry,
              events: [],
              writes: [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2 }) }, 9)],
            }),
          ),
        ).toBe('chain');
      });

      it('answers a record beyond the size of one item as too large', async () => {
        const huge = { ...task('ws-1', 'task-big'), description: 'x'.repeat(450_000) };
        await expect(commit('ws-1', [put({ kind: 'task', value: huge })])).rejects.toSatisfy(
          (e) => e instanceof DomainError && e.code === 'too_large',
        );
        expect(await store.get({ kind: 'task', workspaceId: 'ws-1', id: 'task-big' })).toBeNull();
      });

      it('keeps what it stores apart from what callers hold', async () => {
        const value = task('ws-1', 'task-1');
        await commit('ws-1', [put({ kind: 'task', value })]);
        value.title = 'changed by the caller after the commit';
        const got = await store.get({ kind: 'task', workspaceId: 'ws-1', id: 'task-1' });
        expect(got?.title).toBe('Task task-1');
        got!.title = 'changed by the reader';
        expect((await store.get({ kind: 'task', workspaceId: 'ws-1', id: 'task-1' }))?.title).toBe('Task task-1');
        const listed = (await store.listTasks('ws-1', { limit: 10 })).items[0]!;
        listed.status = 'done';
        expect((await store.listTasks('ws-1', { limit: 10 })).items[0]?.status).toBe('open');
      });
    });

    describe('load', () => {
      it('reads missing records as absent and the head of an unknown chain as null', async () => {
        const loaded = await store.load({ refs: [{ kind: 'organisation', id: 'nobody' }], chainId: 'ws-none', idempotencyScope: 'none' });
        expect(loaded).toEqual({ records: new Map(), head: null, idempotency: null });
        expect(await store.get({ kind: 'policies' })).toBeNull();
      });

      if (!opts.gaps?.includes('load-over-100-keys')) {
        it('reads more than 100 records in one load (150 refs)', async () => {
          const ids = Array.from({ length: 150 }, (_, i) => `org-${String(i).padStart(3, '0')}`);
          for (let i = 0; i < ids.length; i += 50) {
            await commit(
              'platform',
              ids.slice(i, i + 50).map((id) => put({ kind: 'organisation', value: org(id) })),
            );
          }
          const refs: RecordRef[] = ids.map((id) => ({ kind: 'organisation', id }));
          const loaded = await store.load({ refs, chainId: 'platform' });
          expect(loaded.records.size).toBe(150);
          for (const id of ids) expect(loaded.records.get(refKey({ kind: 'organisation', id }))?.value).toEqual(org(id));
          expect(loaded.head?.seq).toBe(3);
        });
      }
    });

    describe('lists', () => {
      it('lists organisations by id across pages', async () => {
        const ids = ['org-c', 'org-a', 'org-e', 'org-b', 'org-d'];
        await commit(
          'platform',
          ids.map((id) => put({ kind: 'organisation', value: org(id) })),
        );
        expect((await walk((q) => store.listOrganisations(q))).map((o) => o.id)).toEqual([...ids].sort());
        const first = await store.listOrganisations({ limit: 5 });
        expect(first.items).toHaveLength(5);
      });

      it("lists one organisation's memberships by workspace, nothing else of its partition", async () => {
        await commit('platform', [
          put({ kind: 'organisation', value: org('gbr-nca', 'GBR') }),
          put({ kind: 'channel', value: channel('gbr-nca') }),
        ]);
        await commit('ws-x', [
          ...['ws-3', 'ws-1', 'ws-2'].map((w) => put({ kind: 'membership', value: membership('gbr-nca', w) })),
          put({ kind: 'membership', value: membership('fra-ocl', 'ws-1') }),
        ]);
        expect((await walk((q) => store.listMemberships('gbr-nca', q))).map((m) => m.workspaceId)).toEqual(['ws-1', 'ws-2', 'ws-3']);
      });

      it('lists a workspace’s invitations by organisation, and an organisation’s pending ones oldest first', async () => {
        await commit('ws-1', [
          put({ kind: 'invitation', value: invitation('ws-1', 'org-b', 'pending', '2026-03-02T00:00:00.000Z') }),
          put({ kind: 'invitation', value: invitation('ws-1', 'org-a', 'accepted') }),
          put({ kind: 'invitation', value: invitation('ws-1', 'org-c', 'pending') }),
        ]);
        await commit('ws-2', [
          put({ kind: 'invitation', value: invitation('ws-2', 'org-b', 'pending', '2026-03-01T00:00:00.000Z') }),
          put({ kind: 'invitation', value: invitation('ws-2', 'org-a', 'pending') }),
        ]);
        await commit('ws-3', [put({ kind: 'invitation', value: invitation('ws-3', 'org-b', 'revoked') })]);
        expect((await walk((q) => store.listInvitationsForWorkspace('ws-1', q))).map((i) => i.orgId)).toEqual(['org-a', 'org-b', 'org-c']);
        expect((await walk((q) => store.listPendingInvitationsForOrg('org-b', q), 1)).map((i) => i.workspaceId)).toEqual(['ws-2', 'ws-1']);
      });

      it('lists tasks by id, filtered by status and by being overdue (live and due before the instant)', async () => {
        const tasks = [
          task('ws-1', 'task-1', { dueAt: '2026-03-02T00:00:00.000Z' }),
          task('ws-1', 'task-2', { dueAt: '2026-03-02T00:00:00.000Z', status: 'done' }),
          task('ws-1', 'task-3', { dueAt: '2026-03-09T00:00:00.000Z' }),
          task('ws-1', 'task-4', { dueAt: '2026-03-01T00:00:00.000Z', status: 'in_progress' }),
          task('ws-1', 'task-5', { dueAt: '2026-03-01T00:00:00.000Z', status: 'cancelled' }),
          task('ws-1', 'task-6', { dueAt: '2026-03-05T00:00:00.000Z', status: 'declined' }),
        ];
        await commit(
          'ws-1',
          tasks.map((t) => put({ kind: 'task', value: t })),
        );
        await commit('ws-2', [put({ kind: 'task', value: task('ws-2', 'task-0') })]);
        await commit('ws-1', [put({ kind: 'request', value: request('ws-1', 'req-1', 'bank-a', true) })]);
        expect((await walk((q) => store.listTasks('ws-1', q))).map((t) => t.id)).toEqual(tasks.map((t) => t.id));
        expect((await walk((q) => store.listTasks('ws-1', { ...q, status: 'open' }))).map((t) => t.id)).toEqual(['task-1', 'task-3']);
        expect((await walk((q) => store.listTasks('ws-1', { ...q, overdueAt: '2026-03-06T00:00:00.000Z' }))).map((t) => t.id)).toEqual([
          'task-1',
          'task-4',
        ]);
        expect(
          (await walk((q) => store.listTasks('ws-1', { ...q, status: 'open', overdueAt: '2026-03-06T00:00:00.000Z' }), 1)).map((t) => t.id),
        ).toEqual(['task-1']);
      });

      it("lists an assignee's open tasks across workspaces by due time, never finished ones", async () => {
        await commit('ws-1', [
          put({ kind: 'task', value: task('ws-1', 'task-1', { dueAt: '2026-03-05T00:00:00.000Z' }) }),
          put({ kind: 'task', value: task('ws-1', 'task-2', { dueAt: '2026-03-02T00:00:00.000Z', status: 'done' }) }),
          put({ kind: 'task', value: task('ws-1', 'task-3', { dueAt: '2026-03-03T00:00:00.000Z', assignee: 'fra-ocl' }) }),
        ]);
        await commit('ws-2', [
          put({ kind: 'task', value: task('ws-2', 'task-4', { dueAt: '2026-03-04T00:00:00.000Z', status: 'accepted' }) }),
          put({ kind: 'task', value: task('ws-2', 'task-5', { dueAt: '2026-03-06T00:00:00.000Z', status: 'declined' }) }),
        ]);
        expect((await walk((q) => store.listOpenTasksForAssignee('gbr-nca', q), 1)).map((t) => t.id)).toEqual(['task-4', 'task-1']);
        // A task that finishes leaves the list.
        await commit('ws-2', [put({ kind: 'task', value: task('ws-2', 'task-4', { status: 'done', version: 2 }) }, 1)]);
        expect((await walk((q) => store.listOpenTasksForAssignee('gbr-nca', q))).map((t) => t.id)).toEqual(['task-1']);
      });

      it('lists a chain’s audit entries in sequence and its events in id order, one chain only', async () => {
        const entries = [];
        const events = [];
        for (let i = 0; i < 5; i++) {
          const e = event('ws-1');
          events.push(e);
          entries.push((await commit('ws-1', [], { events: [e] })).entry);
        }
        await commit('ws-2', [], { events: [event('ws-2')] });
        const { workspaceId: _none, ...platformEvent } = event('platform');
        await commit('platform', [], { events: [platformEvent] });
        expect(await walk((q) => store.listAudit('ws-1', q))).toEqual(entries);
        expect((await walk((q) => store.listEvents('ws-1', q))).map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect((await store.listAudit('platform', { limit: 10 })).items).toHaveLength(1);
        expect((await store.listEvents('platform', { limit: 10 })).items).toHaveLength(1);
      });

      it("lists a workspace's requests by id, and a partner's inbox newest first without drafts", async () => {
        await commit('ws-1', [
          put({ kind: 'request', value: request('ws-1', 'req-1', 'bank-a', true) }),
          put({ kind: 'request', value: request('ws-1', 'req-2', 'bank-a', false) }),
          put({ kind: 'request', value: request('ws-1', 'req-3', 'bank-b', true) }),
          put({ kind: 'request', value: request('ws-1', 'req-4', 'bank-a', true) }),
        ]);
        await commit('ws-2', [put({ kind: 'request', value: request('ws-2', 'req-0', 'bank-a', true) })]);
        expect((await walk((q) => store.listRequests('ws-1', q))).map((r) => r.id)).toEqual(['req-1', 'req-2', 'req-3', 'req-4']);
        expect((await walk((q) => store.listInbox('bank-a', q), 1)).map((r) => r.id)).toEqual(['req-4', 'req-1', 'req-0']);
        expect((await store.findInboxRequest('bank-a', 'req-1'))?.workspaceId).toBe('ws-1');
        expect(await store.findInboxRequest('bank-a', 'req-2')).toBeNull();
        expect(await store.findInboxRequest('bank-a', 'req-3')).toBeNull();
        expect(await store.findInboxRequest('bank-b', 'req-404')).toBeNull();
      });

      it("lists one request's evidence by id, not a request whose id merely starts the same", async () => {
        await commit('ws-1', [
          ...['ev-2', 'ev-1', 'ev-3'].map((id) => put({ kind: 'evidence', value: evidence('ws-1', 'req-1', id) })),
          put({ kind: 'evidence', value: evidence('ws-1', 'req-10', 'ev-9') }),
        ]);
        expect((await walk((q) => store.listEvidence('ws-1', 'req-1', q))).map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3']);
        expect((await walk((q) => store.listEvidence('ws-1', 'req-10', q))).map((e) => e.id)).toEqual(['ev-9']);
      });

      it("refuses a cursor of another workspace's list, or no cursor at all, as a bad 'cursor'", async () => {
        await commit(
          'ws-1',
          [1, 2, 3].map((i) => put({ kind: 'task', value: task('ws-1', `task-${i}`) })),
        );
        await commit(
          'ws-2',
          [1, 2, 3].map((i) => put({ kind: 'task', value: task('ws-2', `task-${i}`) })),
        );
        const page = await store.listTasks('ws-1', { limit: 1 });
        expect(page.next).toBeDefined();
        const isCursorError = (e: unknown) => e instanceof DomainError && e.code === 'validation' && e.field === 'cursor';
        await expect(store.listTasks('ws-2', { limit: 1, cursor: page.next! })).rejects.toSatisfy(isCursorError);
        await expect(store.listTasks('ws-1', { limit: 1, cursor: 'not-a-cursor' })).rejects.toSatisfy(isCursorError);
        await expect(store.listOrganisations({ limit: 1, cursor: page.next! })).rejects.toSatisfy(isCursorError);
      });

      it('lists incidents newest first and contacts by country', async () => {
        await commit(
          'ws-1',
          ['inc-1', 'inc-3', 'inc-2'].map((id) => put({ kind: 'incident', value: incident('ws-1', id) })),
        );
        await commit('ws-2', [put({ kind: 'incident', value: incident('ws-2', 'inc-0') })]);
        await commit(
          'platform',
          ['GBR', 'FRA', 'VNM'].map((c) => put({ kind: 'contacts', value: contacts(c) })),
        );
        expect((await walk((q) => alerts.listIncidents('ws-1', q))).map((i) => i.id)).toEqual(['inc-3', 'inc-2', 'inc-1']);
        expect((await walk((q) => alerts.listContacts(q))).map((c) => c.country)).toEqual(['FRA', 'GBR', 'VNM']);
      });
    });

    describe('due index', () => {
      it('gives the timers of one shard due at or before now, earliest first, up to the limit', async () => {
        const [a, b, c, d] = idsInShard(1, 'tmr-', 4) as [string, string, string, string];
        const [other] = idsInShard(2, 'tmr-', 1) as [string];
        await commit('ws-timers', [
          put({ kind: 'timer', value: timer(a, '2026-03-01T10:00:00.000Z') }),
          put({ kind: 'timer', value: timer(b, '2026-03-01T09:00:00.000Z') }),
          put({ kind: 'timer', value: timer(c, '2026-03-01T11:00:00.000Z') }),
          put({ kind: 'timer', value: timer(d, '2026-03-01T12:00:00.000Z') }),
          put({ kind: 'timer', value: timer(other, '2026-03-01T09:00:00.000Z') }),
        ]);
        const at = (iso: string) => new Date(iso);
        expect((await store.dueTimers(1, at('2026-03-01T08:59:59.999Z'), 10)).map((t) => t.id)).toEqual([]);
        expect((await store.dueTimers(1, at('2026-03-01T11:00:00.000Z'), 10)).map((t) => t.id)).toEqual([b, a, c]);
        expect((await store.dueTimers(1, at('2026-03-01T11:00:00.000Z'), 2)).map((t) => t.id)).toEqual([b, a]);
        expect((await store.dueTimers(2, at('2026-03-01T11:00:00.000Z'), 10)).map((t) => t.id)).toEqual([other]);
        expect(await store.dueTimers(0, at('2026-03-02T00:00:00.000Z'), 10)).toEqual([]);
        expect(await store.dueTimers(1, at('2026-03-01T11:00:00.000Z'), 1)).toEqual([timer(b, '2026-03-01T09:00:00.000Z')]);
        // A claimed (deleted) timer is no longer due; one moved later is due later.
        await commit('ws-timers', [
          { op: 'delete', ref: { kind: 'timer', workspaceId: 'ws-timers', id: b }, expect: 'present' },
          put({ kind: 'timer', value: timer(a, '2026-03-01T13:00:00.000Z') }, 'any'),
        ]);
        expect((await store.dueTimers(1, at('2026-03-01T12:00:00.000Z'), 10)).map((t) => t.id)).toEqual([c, d]);
      });

      it('runs the outbox: committed events are unpublished in their shard once due, deferred, then published', async () => {
        const events = [0, 1, 2, 3]
          .flatMap((s) => idsInShard(s, '01outbox', 2))
          .map((id, i) => event('ws-1', { id, at: later(AT, i * 1000) }));
        await commit('ws-1', [], { events });
        const now = new Date(later(AT, 60_000));
        const byShard = async (t: Date) => {
          const out: string[] = [];
          for (let s = 0; s < DUE_SHARDS; s++) out.push(...(await alerts.unpublishedEvents(s, t, 10)).map((e) => `${s}:${e.id}`));
          return out.sort();
        };
        expect(await byShard(now)).toEqual(events.map((e) => `${shardOf(e.id)}:${e.id}`).sort());
        expect(await alerts.unpublishedEvents(shardOf(events[0]!.id), new Date(later(AT, -1)), 10)).toEqual([]);
        const shard0 = await alerts.unpublishedEvents(0, now, 10);
        expect(shard0.map((e) => e.at)).toEqual([...shard0.map((e) => e.at)].sort());
        expect(await alerts.unpublishedEvents(0, now, 1)).toEqual(shard0.slice(0, 1));
        expect(shard0[0]).toEqual(events.find((e) => e.id === shard0[0]!.id));

        await alerts.deferEvents(events.slice(0, 4), new Date(later(AT, 120_000)));
        expect(await byShard(now)).toEqual(
          events
            .slice(4)
            .map((e) => `${shardOf(e.id)}:${e.id}`)
            .sort(),
        );
        await alerts.markPublished(events[0]!, now);
        await alerts.markPublished(events[5]!, now);
        const afterDefer = new Date(later(AT, 120_000));
        const left = [1, 2, 3, 4, 6, 7].map((i) => events[i]!);
        expect(await byShard(afterDefer)).toEqual(left.map((e) => `${shardOf(e.id)}:${e.id}`).sort());
        // Deferring a published event does not bring it back.
        await alerts.deferEvents([events[0]!], afterDefer);
        expect(await byShard(new Date(later(AT, 600_000)))).toEqual(left.map((e) => `${shardOf(e.id)}:${e.id}`).sort());
        const ctx = await alerts.fanoutContext(events);
        expect([...ctx.published].sort()).toEqual([events[0]!.id, events[5]!.id].sort());
      });

      it('reads what fan-out needs: workspaces, audience organisations, their channels, invitations, policies', async () => {
        await commit('platform', [
          put({ kind: 'organisation', value: org('vnm-a05') }),
          put({ kind: 'organisation', value: org('gbr-nca', 'GBR') }),
          put({ kind: 'channel', value: channel('gbr-nca') }),
          put({ kind: 'policies', value: policies() }),
        ]);
        const e1 = event('ws-1', { audience: ['vnm-a05', 'gbr-nca', 'unknown-org'] });
        const e2 = event('ws-1', { type: 'invitation.sent', subject: { type: 'invitation', id: 'gbr-nca' }, audience: ['gbr-nca'] });
        await commit(
          'ws-1',
          [
            put({ kind: 'workspace', value: workspace('ws-1') }),
            put({ kind: 'invitation', value: invitation('ws-1', 'gbr-nca', 'pending') }),
          ],
          {
            events: [e1, e2],
          },
        );
        const never = event('ws-9');
        const ctx = await alerts.fanoutContext([e1, e2, never]);
        expect([...ctx.published]).toEqual([never.id]);
        expect([...ctx.workspaces.keys()]).toEqual(['ws-1']);
        expect(ctx.workspaces.get('ws-1')).toEqual(workspace('ws-1'));
        expect([...ctx.organisations.keys()].sort()).toEqual(['gbr-nca', 'vnm-a05']);
        expect(ctx.invitations.get('ws-1/gbr-nca')?.status).toBe('pending');
        expect(ctx.policies).toEqual(policies());
        expect([...(ctx.channels?.keys() ?? [])]).toEqual(['gbr-nca']);
        await alerts.markPublished(e1, new Date(AT));
        expect([...(await alerts.fanoutContext([e1, e2])).published]).toEqual([e1.id]);
      });
      it('reads the fan-out context of a batch whose audience spans more than 100 keys', async () => {
        const orgIds = Array.from({ length: 70 }, (_, i) => `org-${String(i).padStart(3, '0')}`);
        for (let i = 0; i < orgIds.length; i += 35) {
          await commit(
            'platform',
            orgIds.slice(i, i + 35).map((id) => put({ kind: 'organisation', value: org(id) })),
          );
        }
        await commit('platform', [put({ kind: 'channel', value: channel('org-069') })]);
        const events = [event('ws-1', { audience: orgIds.slice(0, 35) }), event('ws-1', { audience: orgIds.slice(35) })];
        await commit('ws-1', [put({ kind: 'workspace', value: workspace('ws-1') })], { events });
        // 2 events, 1 workspace, 70 organisations, 70 channels and the policies: 144 keys.
        const ctx = await alerts.fanoutContext(events);
        expect(ctx.organisations.size).toBe(70);
        expect([...(ctx.channels?.keys() ?? [])]).toEqual(['org-069']);
        expect(ctx.published.size).toBe(0);
      });

      it('refuses to mark published an event that is not in the outbox', async () => {
        await expect(alerts.markPublished(event('ws-1'), new Date(AT))).rejects.toThrow();
      });
    });

    describe('notifications', () => {
      it('puts a notification once, reads it back only under its recipient, and refuses an id naming someone else', async () => {
        const n = notification('01aaaaaaaaaa', 'gbr-nca');
        expect(await alerts.putNotification(n)).toBe('created');
        expect(await alerts.putNotification({ ...n, type: 'task.updated' })).toBe('exists');
        expect(await alerts.getNotification('gbr-nca', n.id)).toEqual(n);
        expect(await alerts.getNotification('fra-ocl', n.id)).toBeNull();
        expect(await alerts.getNotification('gbr-nca', 'garbage')).toBeNull();
        await expect(alerts.putNotification({ ...n, recipient: 'fra-ocl' })).rejects.toThrow();
      });

      it('lists an inbox oldest first, acknowledges once, and lists pending ones only when asked', async () => {
        const ids = ['01aaaaaaaaa3', '01aaaaaaaaa1', '01aaaaaaaaa2', '01aaaaaaaaa4'];
        for (const id of ids) await alerts.putNotification(notification(id, 'gbr-nca'));
        await alerts.putNotification(notification('01aaaaaaaaa0', 'fra-ocl'));
        expect((await walk((q) => alerts.listNotifications('gbr-nca', q))).map((n) => n.eventId)).toEqual([...ids].sort());
        const acked = await alerts.acknowledgeNotification('gbr-nca', notificationId('01aaaaaaaaa2', 'gbr-nca'), new Date(later(AT, 1000)));
        expect(acked?.acknowledgedAt).toBe(later(AT, 1000));
        const again = await alerts.acknowledgeNotification('gbr-nca', notificationId('01aaaaaaaaa2', 'gbr-nca'), new Date(later(AT, 5000)));
        expect(again?.acknowledgedAt).toBe(later(AT, 1000));
        expect(await alerts.acknowledgeNotification('gbr-nca', notificationId('01aaaaaaaaa9', 'gbr-nca'), new Date(AT))).toBeNull();
        expect(await alerts.acknowledgeNotification('fra-ocl', notificationId('01aaaaaaaaa1', 'gbr-nca'), new Date(AT))).toBeNull();
        expect((await walk((q) => alerts.listNotifications('gbr-nca', { ...q, pending: true }), 1)).map((n) => n.eventId)).toEqual([
          '01aaaaaaaaa1',
          '01aaaaaaaaa3',
          '01aaaaaaaaa4',
        ]);
        expect((await alerts.getNotification('gbr-nca', notificationId('01aaaaaaaaa2', 'gbr-nca')))?.acknowledgedAt).toBe(later(AT, 1000));
      });

      it("leases a webhook post to one worker: 'busy' while leased, 'delivered' once it went out, 'missing' if unknown", async () => {
        const n = notification('01bbbbbbbbbb', 'gbr-nca');
        await alerts.putNotification(n);
        const t0 = new Date(AT);
        const lease = new Date(later(AT, 30_000));
        expect(await alerts.claimWebhook('gbr-nca', n.id, t0, lease)).toBe('claimed');
        expect(await alerts.claimWebhook('gbr-nca', n.id, new Date(later(AT, 10_000)), new Date(later(AT, 40_000)))).toBe('busy');
        expect(await alerts.claimWebhook('gbr-nca', n.id, new Date(later(AT, 30_001)), new Date(later(AT, 60_000)))).toBe('claimed');
        await alerts.recordWebhook('gbr-nca', n.id, { ok: true, at: new Date(later(AT, 31_000)), attempt: 2 });
        expect(await alerts.claimWebhook('gbr-nca', n.id, new Date(later(AT, 90_000)), new Date(later(AT, 99_000)))).toBe('delivered');
        expect((await alerts.getNotification('gbr-nca', n.id))?.webhook).toEqual({
          status: 'delivered',
          deliveredAt: later(AT, 31_000),
          lastAttemptAt: later(AT, 31_000),
          attempts: 2,
        });
        expect(await alerts.claimWebhook('gbr-nca', notificationId('01cccccccccc', 'gbr-nca'), t0, lease)).toBe('missing');
        expect(await alerts.claimWebhook('fra-ocl', n.id, t0, lease)).toBe('missing');
      });

      it('refuses to record an attempt on a notification that is not in the inbox, and ignores an id naming someone else', async () => {
        const unknown = notificationId('01dddddddddd', 'gbr-nca');
        await expect(alerts.recordWebhook('gbr-nca', unknown, { ok: true, at: new Date(AT) })).rejects.toThrow();
        await expect(alerts.recordWebhook('fra-ocl', unknown, { ok: true, at: new Date(AT) })).resolves.toBeUndefined();
        expect(await alerts.getNotification('gbr-nca', unknown)).toBeNull();
      });

      it('enters webhook posts in the due index, re-enters failures at their sweep time, and takes deliveries out', async () => {
        const [i1, i2, i3] = idsInShard(3, '01hook', 3) as [string, string, string];
        const [n1, n2, n3] = [i1, i2, i3].map((i) => notification(i, 'gbr-nca')) as [
          InboxNotification,
          InboxNotification,
          InboxNotification,
        ];
        // Webhook posts are sharded by notification id.
        const shard = shardOf(n1.id);
        const sameShard = [n1, n2, n3].filter((n) => shardOf(n.id) === shard);
        for (const n of [n1, n2, n3]) await alerts.putNotification(n, { webhookDueAt: new Date(AT) });
        await alerts.putNotification(notification('01nohookxxxx', 'gbr-nca'));
        const dueIn = async (t: string) => {
          const out: string[] = [];
          for (let s = 0; s < DUE_SHARDS; s++) out.push(...(await alerts.dueWebhooks(s, new Date(t), 10)).map((r) => r.id));
          return out.sort();
        };
        expect(await dueIn(AT)).toEqual([n1.id, n2.id, n3.id].sort());
        expect(await alerts.dueWebhooks(shard, new Date(AT), 10)).toEqual(
          sameShard.map((n) => ({ recipient: 'gbr-nca', id: n.id })).sort((a, b) => (a.id < b.id ? -1 : 1)),
        );
        expect(await dueIn(later(AT, -1))).toEqual([]);

        await alerts.recordWebhook('gbr-nca', n1.id, {
          ok: false,
          at: new Date(AT),
          error: 'HTTP 503',
          attempt: 1,
          nextAttemptAt: new Date(later(AT, 60_000)),
          sweepAt: new Date(later(AT, 120_000)),
        });
        expect((await alerts.getNotification('gbr-nca', n1.id))?.webhook).toEqual({
          status: 'failed',
          lastAttemptAt: AT,
          lastError: 'HTTP 503',
          attempts: 1,
          nextAttemptAt: later(AT, 60_000),
        });
        await alerts.recordWebhook('gbr-nca', n2.id, { ok: true, at: new Date(AT) });
        await alerts.recordWebhook('gbr-nca', n3.id, { ok: false, at: new Date(AT), error: 'withheld' });
        expect((await alerts.getNotification('gbr-nca', n3.id))?.webhook).toEqual({
          status: 'failed',
          lastAttemptAt: AT,
          lastError: 'withheld',
        });
        expect(await dueIn(later(AT, 119_999))).toEqual([]);
        expect(await dueIn(later(AT, 120_000))).toEqual([n1.id]);

        // Queued posts move later, unless delivered meanwhile.
        await alerts.deferWebhooks(
          [n1, n2].map((n) => ({ recipient: 'gbr-nca', id: n.id })),
          new Date(later(AT, 300_000)),
        );
        expect(await dueIn(later(AT, 299_999))).toEqual([]);
        expect(await dueIn(later(AT, 300_000))).toEqual([n1.id]);
        expect(await alerts.dueWebhooks(shardOf(n1.id), new Date(later(AT, 300_000)), 10)).toEqual([{ recipient: 'gbr-nca', id: n1.id }]);
      });

      it('parks posts that ran out of attempts and redrives them: by recipient, up to a limit, each once', async () => {
        const gbr = ['01park000001', '01park000002', '01park000003'].map((e) => notification(e, 'gbr-nca'));
        const fra = ['01park000004', '01park000005'].map((e) => notification(e, 'fra-ocl'));
        for (const n of [...gbr, ...fra]) {
          await alerts.putNotification(n, { webhookDueAt: new Date(AT) });
          await alerts.recordWebhook(n.recipient, n.id, { ok: false, at: new Date(AT), error: 'HTTP 500', attempt: 8, parked: true });
        }
        const dueIds = async (t: string) => {
          const out: string[] = [];
          for (let s = 0; s < DUE_SHARDS; s++) out.push(...(await alerts.dueWebhooks(s, new Date(t), 100)).map((r) => r.id));
          return out.sort();
        };
        expect(await dueIds(later(AT, 86_400_000))).toEqual([]);
        const now = new Date(later(AT, 3_600_000));
        expect(await alerts.redriveWebhooks(now, { orgId: 'fra-ocl', limit: 10 })).toBe(2);
        expect(await dueIds(now.toISOString())).toEqual(fra.map((n) => n.id).sort());
        expect((await alerts.getNotification('fra-ocl', fra[0]!.id))?.webhook).toMatchObject({
          status: 'failed',
          attempts: 0,
          nextAttemptAt: now.toISOString(),
        });
        expect(await alerts.redriveWebhooks(now, { orgId: 'fra-ocl', limit: 10 })).toBe(0);
        expect(await alerts.redriveWebhooks(now, { limit: 2 })).toBe(2);
        expect(await alerts.redriveWebhooks(now, { limit: 10 })).toBe(1);
        expect(await dueIds(now.toISOString())).toEqual([...gbr, ...fra].map((n) => n.id).sort());
        expect(await alerts.redriveWebhooks(now, { limit: 10 })).toBe(0);
      });
    });
  });
}
