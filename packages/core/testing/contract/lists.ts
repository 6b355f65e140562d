import { describe, expect, it } from 'vitest';
import { DomainError, isTerminalTask, type Store, sequenceChain, type Task, type TaskStatus } from '../../src/index';
import {
  AT,
  type ContractContext,
  channel,
  contacts,
  event,
  evidence,
  incident,
  invitation,
  later,
  membership,
  org,
  put,
  request,
  task,
  walk,
  walkPages,
} from './fixtures';

export const listCases = (t: ContractContext): void => {
  describe('lists', () => {
    it('lists organisations by id across pages', async () => {
      const ids = ['org-c', 'org-a', 'org-e', 'org-b', 'org-d'];
      await t.commit(
        'platform',
        ids.map((id) => put({ kind: 'organisation', value: org(id) })),
      );
      expect((await walk((q) => t.store.listOrganisations(q))).map((o) => o.id)).toEqual([...ids].sort());
      const first = await t.store.listOrganisations({ limit: 5 });
      expect(first.items).toHaveLength(5);
    });

    it("lists one organisation's memberships by workspace, nothing else of its partition", async () => {
      await t.commit('platform', [
        put({ kind: 'organisation', value: org('gbr-nca', 'GBR') }),
        put({ kind: 'channel', value: channel('gbr-nca') }),
      ]);
      await t.commit('ws-x', [
        ...['ws-3', 'ws-1', 'ws-2'].map((w) => put({ kind: 'membership', value: membership('gbr-nca', w) })),
        put({ kind: 'membership', value: membership('fra-ocl', 'ws-1') }),
      ]);
      expect((await walk((q) => t.store.listMemberships('gbr-nca', q))).map((m) => m.workspaceId)).toEqual(['ws-1', 'ws-2', 'ws-3']);
    });

    it('lists a workspace’s invitations by organisation, and an organisation’s pending ones oldest first', async () => {
      await t.commit('ws-1', [
        put({ kind: 'invitation', value: invitation('ws-1', 'org-b', 'pending', '2026-03-02T00:00:00.000Z') }),
        put({ kind: 'invitation', value: invitation('ws-1', 'org-a', 'accepted') }),
        put({ kind: 'invitation', value: invitation('ws-1', 'org-c', 'pending') }),
      ]);
      await t.commit('ws-2', [
        put({ kind: 'invitation', value: invitation('ws-2', 'org-b', 'pending', '2026-03-01T00:00:00.000Z') }),
        put({ kind: 'invitation', value: invitation('ws-2', 'org-a', 'pending') }),
      ]);
      await t.commit('ws-3', [put({ kind: 'invitation', value: invitation('ws-3', 'org-b', 'revoked') })]);
      expect((await walk((q) => t.store.listInvitationsForWorkspace('ws-1', q))).map((i) => i.orgId)).toEqual(['org-a', 'org-b', 'org-c']);
      expect((await walk((q) => t.store.listPendingInvitationsForOrg('org-b', q), 1)).map((i) => i.workspaceId)).toEqual(['ws-2', 'ws-1']);
    });

    it('lists tasks by id, and filtered by status and by being overdue (live and due before the instant) soonest due first', async () => {
      const tasks = [
        task('ws-1', 'task-1', { dueAt: '2026-03-02T00:00:00.000Z' }),
        task('ws-1', 'task-2', { dueAt: '2026-03-02T00:00:00.000Z', status: 'done' }),
        task('ws-1', 'task-3', { dueAt: '2026-03-09T00:00:00.000Z' }),
        task('ws-1', 'task-4', { dueAt: '2026-03-01T00:00:00.000Z', status: 'in_progress' }),
        task('ws-1', 'task-5', { dueAt: '2026-03-01T00:00:00.000Z', status: 'cancelled' }),
        task('ws-1', 'task-6', { dueAt: '2026-03-05T00:00:00.000Z', status: 'declined' }),
      ];
      await t.commit(
        'ws-1',
        tasks.map((t) => put({ kind: 'task', value: t })),
      );
      await t.commit('ws-2', [put({ kind: 'task', value: task('ws-2', 'task-0') })]);
      await t.commit('ws-1', [put({ kind: 'request', value: request('ws-1', 'req-1', 'bank-a', true) })]);
      expect((await walk((q) => t.store.listTasks('ws-1', q))).map((t) => t.id)).toEqual(tasks.map((t) => t.id));
      expect((await walk((q) => t.store.listTasks('ws-1', { ...q, status: 'open' }))).map((t) => t.id)).toEqual(['task-1', 'task-3']);
      expect((await walk((q) => t.store.listTasks('ws-1', { ...q, overdueAt: '2026-03-06T00:00:00.000Z' }))).map((t) => t.id)).toEqual([
        'task-4',
        'task-1',
      ]);
      expect(
        (await walk((q) => t.store.listTasks('ws-1', { ...q, status: 'open', overdueAt: '2026-03-06T00:00:00.000Z' }), 1)).map((t) => t.id),
      ).toEqual(['task-1']);
    });

    it('walks every filtered task list page by page: each page O(page) reads, never empty with a next, the union exactly the matches', async () => {
      const states: TaskStatus[] = ['open', 'accepted', 'in_progress', 'done', 'declined', 'cancelled'];
      const assignees = ['gbr-nca', 'fra-ocl', 'usa-fbi'];
      const now = '2026-03-06T00:00:00.500Z';
      // Scattered: states, assignees and due times (some long past, some to come) cycle at different rates.
      const tasks = Array.from({ length: 60 }, (_, i) =>
        task('ws-1', `task-${String(i).padStart(2, '0')}`, {
          status: states[(i * 7) % states.length]!,
          assignee: assignees[(i * 5) % assignees.length]!,
          dueAt: later('2026-03-01T00:00:00.000Z', ((i * 37) % 60) * 4 * 3_600_000),
        }),
      );
      // Written without milliseconds, due half a second before `now`: overdue, though as a string it sorts after it.
      tasks.push(task('ws-1', 'task-late', { dueAt: '2026-03-06T00:00:00Z', assignee: 'gbr-nca' }));
      await t.commit(
        'ws-1',
        tasks.map((x) => put({ kind: 'task', value: x })),
      );
      await t.commit('ws-2', [put({ kind: 'task', value: task('ws-2', 'task-00', { dueAt: '2026-03-01T00:00:00.000Z' }) })]);
      const byDue = (a: Task, b: Task) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime() || (a.id < b.id ? -1 : 1);
      const live = (s: TaskStatus) => !isTerminalTask(s);
      let walked = 0;
      for (const status of [undefined, 'open', 'in_progress', 'done'] as const)
        for (const overdue of [false, true])
          for (const assigneeOrgId of [undefined, 'gbr-nca', 'nobody-org']) {
            const q = {
              ...(status ? { status } : {}),
              ...(overdue ? { overdueAt: now } : {}),
              ...(assigneeOrgId ? { assigneeOrgId } : {}),
            };
            const expected = tasks
              .filter(
                (x) =>
                  (!status || x.status === status) &&
                  (!assigneeOrgId || x.assigneeOrgId === assigneeOrgId) &&
                  (!overdue || (live(x.status) && new Date(x.dueAt).getTime() < new Date(now).getTime())),
              )
              .sort(status || overdue || assigneeOrgId ? byDue : (a, b) => (a.id < b.id ? -1 : 1));
            const limit = 4;
            const { items, pages } = await walkPages((pq) => t.store.listTasks('ws-1', { ...q, ...pq }), {
              limit,
              key: (x) => x.id,
              reads: t.reads,
              maxRequests: states.length,
            });
            expect({ q, ids: items.map((x) => x.id) }).toEqual({ q, ids: expected.map((x) => x.id) });
            // Every page but the last is full: no page is spent on tasks that do not match.
            expect({ q, pages }).toEqual({ q, pages: Math.max(1, Math.ceil(expected.length / limit)) });
            walked++;
          }
      expect(walked).toBe(24);
      expect((await walk((pq) => t.store.listTasks('ws-1', { ...pq, overdueAt: now }))).map((x) => x.id)).toContain('task-late');
    });

    it('moves a task between filtered lists as it changes state, assignee or due time', async () => {
      await t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1', { dueAt: '2026-03-02T00:00:00.000Z' }) })]);
      const ids = async (q: Omit<Parameters<Store['listTasks']>[1], 'limit'>) =>
        (await walk((pq) => t.store.listTasks('ws-1', { ...q, ...pq }))).map((x) => x.id);
      const now = '2026-03-06T00:00:00.000Z';
      expect(await ids({ overdueAt: now, assigneeOrgId: 'gbr-nca', status: 'open' })).toEqual(['task-1']);
      await t.commit('ws-1', [
        put({ kind: 'task', value: task('ws-1', 'task-1', { dueAt: '2026-03-09T00:00:00.000Z', assignee: 'fra-ocl', version: 2 }) }, 1),
      ]);
      expect(await ids({ overdueAt: now })).toEqual([]);
      expect(await ids({ assigneeOrgId: 'gbr-nca' })).toEqual([]);
      expect(await ids({ assigneeOrgId: 'fra-ocl', status: 'open' })).toEqual(['task-1']);
      await t.commit('ws-1', [
        put({ kind: 'task', value: task('ws-1', 'task-1', { status: 'done', assignee: 'fra-ocl', version: 3 }) }, 2),
      ]);
      expect(await ids({ status: 'open' })).toEqual([]);
      expect(await ids({ status: 'done', assigneeOrgId: 'fra-ocl' })).toEqual(['task-1']);
      expect(await ids({ status: 'done', overdueAt: '2027-01-01T00:00:00.000Z' })).toEqual([]);
    });

    it("refuses a filtered list's cursor in a list with other filters, as a bad 'cursor'", async () => {
      await t.commit(
        'ws-1',
        [1, 2, 3].map((i) => put({ kind: 'task', value: task('ws-1', `task-${i}`) })),
      );
      const isCursorError = (e: unknown) => e instanceof DomainError && e.code === 'validation' && e.field === 'cursor';
      const open = await t.store.listTasks('ws-1', { limit: 1, status: 'open' });
      expect(open.next).toBeDefined();
      await expect(t.store.listTasks('ws-1', { limit: 1, status: 'accepted', cursor: open.next! })).rejects.toSatisfy(isCursorError);
      await expect(t.store.listTasks('ws-1', { limit: 1, assigneeOrgId: 'gbr-nca', cursor: open.next! })).rejects.toSatisfy(isCursorError);
      await expect(t.store.listTasks('ws-1', { limit: 1, cursor: open.next! })).rejects.toSatisfy(isCursorError);
      await expect(t.store.listTasks('ws-2', { limit: 1, status: 'open', cursor: open.next! })).rejects.toSatisfy(isCursorError);
      const all = await t.store.listTasks('ws-1', { limit: 1 });
      await expect(t.store.listTasks('ws-1', { limit: 1, status: 'open', cursor: all.next! })).rejects.toSatisfy(isCursorError);
    });

    it("lists an assignee's open tasks across workspaces by due time, never finished ones", async () => {
      await t.commit('ws-1', [
        put({ kind: 'task', value: task('ws-1', 'task-1', { dueAt: '2026-03-05T00:00:00.000Z' }) }),
        put({ kind: 'task', value: task('ws-1', 'task-2', { dueAt: '2026-03-02T00:00:00.000Z', status: 'done' }) }),
        put({ kind: 'task', value: task('ws-1', 'task-3', { dueAt: '2026-03-03T00:00:00.000Z', assignee: 'fra-ocl' }) }),
      ]);
      await t.commit('ws-2', [
        put({ kind: 'task', value: task('ws-2', 'task-4', { dueAt: '2026-03-04T00:00:00.000Z', status: 'accepted' }) }),
        put({ kind: 'task', value: task('ws-2', 'task-5', { dueAt: '2026-03-06T00:00:00.000Z', status: 'declined' }) }),
      ]);
      expect((await walk((q) => t.store.listOpenTasksForAssignee('gbr-nca', q), 1)).map((t) => t.id)).toEqual(['task-4', 'task-1']);
      // Due times compare as instants, however they were written: without milliseconds is not later.
      await t.commit('ws-3', [
        put({ kind: 'task', value: task('ws-3', 'task-6', { dueAt: '2026-03-04T12:00:00.500Z', assignee: 'usa-fbi' }) }),
        put({ kind: 'task', value: task('ws-3', 'task-7', { dueAt: '2026-03-04T12:00:00Z', assignee: 'usa-fbi' }) }),
      ]);
      expect((await walk((q) => t.store.listOpenTasksForAssignee('usa-fbi', q))).map((t) => t.id)).toEqual(['task-7', 'task-6']);
      // A task that finishes leaves the list.
      await t.commit('ws-2', [put({ kind: 'task', value: task('ws-2', 'task-4', { status: 'done', version: 2 }) }, 1)]);
      expect((await walk((q) => t.store.listOpenTasksForAssignee('gbr-nca', q))).map((t) => t.id)).toEqual(['task-1']);
    });

    it('lists a chain’s audit entries in sequence and its events in id order, one chain only', async () => {
      const entries = [];
      const events = [];
      for (let i = 0; i < 5; i++) {
        const e = event('ws-1');
        events.push(e);
        entries.push((await t.commit('ws-1', [], { events: [e] })).entry);
      }
      await t.commit('ws-2', [], { events: [event('ws-2')] });
      const { workspaceId: _none, ...platformEvent } = event('platform');
      await t.commit('platform', [], { events: [platformEvent] });
      const sequencer = { store: t.store, clock: { now: () => new Date(AT) }, ids: { next: () => 'unused' } };
      await sequenceChain(sequencer, 'ws-1');
      await sequenceChain(sequencer, 'platform');
      expect((await walk((q) => t.store.listAudit('ws-1', q))).map(({ seq, bodyDigest }) => ({ seq, bodyDigest }))).toEqual(
        entries.map((e, i) => ({ seq: i + 1, bodyDigest: e.bodyDigest })),
      );
      expect((await walk((q) => t.store.listEvents('ws-1', q))).map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect((await t.store.listAudit('platform', { limit: 10 })).items).toHaveLength(1);
      expect((await t.store.listEvents('platform', { limit: 10 })).items).toHaveLength(1);
    });

    it("lists a workspace's requests by id, and a partner's inbox newest first without drafts", async () => {
      await t.commit('ws-1', [
        put({ kind: 'request', value: request('ws-1', 'req-1', 'bank-a', true) }),
        put({ kind: 'request', value: request('ws-1', 'req-2', 'bank-a', false) }),
        put({ kind: 'request', value: request('ws-1', 'req-3', 'bank-b', true) }),
        put({ kind: 'request', value: request('ws-1', 'req-4', 'bank-a', true) }),
      ]);
      await t.commit('ws-2', [put({ kind: 'request', value: request('ws-2', 'req-0', 'bank-a', true) })]);
      expect((await walk((q) => t.store.listRequests('ws-1', q))).map((r) => r.id)).toEqual(['req-1', 'req-2', 'req-3', 'req-4']);
      expect((await walk((q) => t.store.listInbox('bank-a', q), 1)).map((r) => r.id)).toEqual(['req-4', 'req-1', 'req-0']);
      expect((await t.store.findInboxRequest('bank-a', 'req-1'))?.workspaceId).toBe('ws-1');
      expect(await t.store.findInboxRequest('bank-a', 'req-2')).toBeNull();
      expect(await t.store.findInboxRequest('bank-a', 'req-3')).toBeNull();
      expect(await t.store.findInboxRequest('bank-b', 'req-404')).toBeNull();
    });

    it("lists one request's evidence by id, not a request whose id merely starts the same", async () => {
      await t.commit('ws-1', [
        ...['ev-2', 'ev-1', 'ev-3'].map((id) => put({ kind: 'evidence', value: evidence('ws-1', 'req-1', id) })),
        put({ kind: 'evidence', value: evidence('ws-1', 'req-10', 'ev-9') }),
      ]);
      expect((await walk((q) => t.store.listEvidence('ws-1', 'req-1', q))).map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3']);
      expect((await walk((q) => t.store.listEvidence('ws-1', 'req-10', q))).map((e) => e.id)).toEqual(['ev-9']);
    });

    it("refuses a cursor of another workspace's list, or no cursor at all, as a bad 'cursor'", async () => {
      await t.commit(
        'ws-1',
        [1, 2, 3].map((i) => put({ kind: 'task', value: task('ws-1', `task-${i}`) })),
      );
      await t.commit(
        'ws-2',
        [1, 2, 3].map((i) => put({ kind: 'task', value: task('ws-2', `task-${i}`) })),
      );
      const page = await t.store.listTasks('ws-1', { limit: 1 });
      expect(page.next).toBeDefined();
      const isCursorError = (e: unknown) => e instanceof DomainError && e.code === 'validation' && e.field === 'cursor';
      await expect(t.store.listTasks('ws-2', { limit: 1, cursor: page.next! })).rejects.toSatisfy(isCursorError);
      await expect(t.store.listTasks('ws-1', { limit: 1, cursor: 'not-a-cursor' })).rejects.toSatisfy(isCursorError);
      await expect(t.store.listOrganisations({ limit: 1, cursor: page.next! })).rejects.toSatisfy(isCursorError);
    });

    it('lists incidents newest first and contacts by country', async () => {
      await t.commit(
        'ws-1',
        ['inc-1', 'inc-3', 'inc-2'].map((id) => put({ kind: 'incident', value: incident('ws-1', id) })),
      );
      await t.commit('ws-2', [put({ kind: 'incident', value: incident('ws-2', 'inc-0') })]);
      await t.commit(
        'platform',
        ['GBR', 'FRA', 'VNM'].map((c) => put({ kind: 'contacts', value: contacts(c) })),
      );
      expect((await walk((q) => t.alerts.listIncidents('ws-1', q))).map((i) => i.id)).toEqual(['inc-3', 'inc-2', 'inc-1']);
      expect((await walk((q) => t.alerts.listContacts(q))).map((c) => c.country)).toEqual(['FRA', 'GBR', 'VNM']);
    });
  });
};
