import { describe, expect, it } from 'vitest';
import { DomainError, DUE_SHARDS, queueEntry, type RecordRef, refKey } from '../../src/index';
import { AT, actor, type ContractContext, conflictReason, event, later, org, put, task, workspace } from './fixtures';

export const commitCases = (t: ContractContext): void => {
  describe('commit', () => {
    it('writes the records, the queued audit entry, the events and the idempotency record together', async () => {
      const e = event('ws-1');
      const { entry } = await t.commit('ws-1', [put({ kind: 'workspace', value: workspace('ws-1') })], {
        events: [e],
        idempotency: t.idem('create:ws-1'),
      });
      const loaded = await t.store.load({ refs: [{ kind: 'workspace', id: 'ws-1' }], idempotencyScope: 'create:ws-1' });
      expect(loaded.records.get(refKey({ kind: 'workspace', id: 'ws-1' }))).toEqual({ kind: 'workspace', value: workspace('ws-1') });
      expect(loaded.idempotency).toEqual({
        scope: 'create:ws-1',
        fingerprint: 'f1',
        status: 201,
        body: { ok: 'create:ws-1' },
        createdAt: AT,
      });
      expect(await t.store.queuedAudit('ws-1', 10)).toEqual([entry]);
      // Queued, not sequenced: the chain has no entry and no head until its sequencer runs.
      expect((await t.store.listAudit('ws-1', { limit: 10 })).items).toEqual([]);
      expect(await t.store.chainTip('ws-1')).toBeNull();
      expect((await t.store.listEvents('ws-1', { limit: 10 })).items).toEqual([e]);
      expect(await t.store.get({ kind: 'workspace', id: 'ws-1' })).toEqual(workspace('ws-1'));
    });

    it('writes nothing when one expectation fails: no record, no audit entry, no event, no idempotency record', async () => {
      const first = await t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1') })]);
      const before = await t.store.load({ refs: [{ kind: 'task', workspaceId: 'ws-1', id: 'task-1' }] });
      const entry = queueEntry('ws-1', 'q-failed', AT, actor, { action: 'x', target: { type: 't', id: 'i' }, markings: [] });
      const attempt = t.store.commit({
        audit: entry,
        events: [event('ws-1')],
        writes: [
          put({ kind: 'task', value: task('ws-1', 'task-2') }),
          put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2, status: 'accepted' }) }, 7),
        ],
        idempotency: t.idem('scope-failed'),
      });
      expect(await conflictReason(attempt)).toBe('stale');
      const after = await t.store.load({
        refs: [
          { kind: 'task', workspaceId: 'ws-1', id: 'task-1' },
          { kind: 'task', workspaceId: 'ws-1', id: 'task-2' },
        ],
        idempotencyScope: 'scope-failed',
      });
      expect(after.records).toEqual(before.records);
      expect(after.idempotency).toBeNull();
      expect(await t.store.queuedAudit('ws-1', 10)).toEqual([first.entry]);
      expect((await t.store.listEvents('ws-1', { limit: 10 })).items).toEqual([]);
      for (let s = 0; s < DUE_SHARDS; s++) expect(await t.alerts.unpublishedEvents(s, new Date(later(AT, 1000)), 10)).toEqual([]);
    });

    it('checks puts against absence and versions, and deletes against presence and versions', async () => {
      const t1 = { kind: 'task', value: task('ws-1', 'task-1') } as const;
      const ref = { kind: 'task', workspaceId: 'ws-1', id: 'task-1' } as const;
      await t.commit('ws-1', [put(t1)]);
      expect(await conflictReason(t.commit('ws-1', [put(t1)]))).toBe('exists');
      expect(await conflictReason(t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2 }) }, 2)]))).toBe(
        'stale',
      );
      expect(await conflictReason(t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-9', { version: 2 }) }, 1)]))).toBe(
        'stale',
      );
      await t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2, status: 'accepted' }) }, 1)]);
      expect((await t.store.get(ref))?.status).toBe('accepted');
      await t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 5 }) }, 'any')]);
      expect((await t.store.get(ref))?.version).toBe(5);
      expect(await conflictReason(t.commit('ws-1', [{ op: 'delete', ref, expect: 4 }]))).toBe('stale');
      expect(await conflictReason(t.commit('ws-1', [{ op: 'delete', ref: { ...ref, id: 'task-9' }, expect: 'present' }]))).toBe('missing');
      await t.commit('ws-1', [{ op: 'delete', ref: { ...ref, id: 'task-9' }, expect: 'any' }]);
      await t.commit('ws-1', [{ op: 'delete', ref, expect: 5 }]);
      expect(await t.store.get(ref)).toBeNull();
      await t.commit('ws-1', [put(t1)]);
      await t.commit('ws-1', [{ op: 'delete', ref, expect: 'present' }]);
      expect(await t.store.get(ref)).toBeNull();
    });

    it('lets two commands of one chain commit at once: each queues its own entry, neither waits for the other', async () => {
      const [a, b] = await Promise.all([
        t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1') })]),
        t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-2') })]),
      ]);
      expect((await t.store.queuedAudit('ws-1', 10)).map((q) => q.qid).sort()).toEqual([a.entry.qid, b.entry.qid].sort());
      // An entry alone (an audited read) is queued the same way.
      const read = queueEntry('ws-1', 'q-read', AT, actor, { action: 'task.read', target: { type: 'task', id: 'task-1' }, markings: [] });
      await t.store.commit({ audit: read, events: [], writes: [] });
      expect(await t.store.queuedAudit('ws-1', 10)).toHaveLength(3);
    });

    it('names a lost idempotency race before any other failure', async () => {
      await t.commit('ws-1', [put({ kind: 'task', value: task('ws-1', 'task-1') })], { idempotency: t.idem('same-key') });
      expect(
        await conflictReason(
          t.commit('ws-2', [put({ kind: 'task', value: task('ws-1', 'task-1', { version: 2 }) }, 9)], {
            idempotency: t.idem('same-key', 'f2'),
          }),
        ),
      ).toBe('idempotency');
      expect((await t.store.load({ refs: [], idempotencyScope: 'same-key' })).idempotency?.fingerprint).toBe('f1');
    });

    it('answers a record beyond the size of one item as too large', async () => {
      const huge = { ...task('ws-1', 'task-big'), description: 'x'.repeat(450_000) };
      await expect(t.commit('ws-1', [put({ kind: 'task', value: huge })])).rejects.toSatisfy(
        (e) => e instanceof DomainError && e.code === 'too_large',
      );
      expect(await t.store.get({ kind: 'task', workspaceId: 'ws-1', id: 'task-big' })).toBeNull();
    });

    it('keeps what it stores apart from what callers hold', async () => {
      const value = task('ws-1', 'task-1');
      await t.commit('ws-1', [put({ kind: 'task', value })]);
      value.title = 'changed by the caller after the commit';
      const got = await t.store.get({ kind: 'task', workspaceId: 'ws-1', id: 'task-1' });
      expect(got?.title).toBe('Task task-1');
      got!.title = 'changed by the reader';
      expect((await t.store.get({ kind: 'task', workspaceId: 'ws-1', id: 'task-1' }))?.title).toBe('Task task-1');
      const listed = (await t.store.listTasks('ws-1', { limit: 10 })).items[0]!;
      listed.status = 'done';
      expect((await t.store.listTasks('ws-1', { limit: 10 })).items[0]?.status).toBe('open');
    });
  });

  describe('load', () => {
    it('reads missing records as absent, and the head of an unknown chain as null', async () => {
      const loaded = await t.store.load({ refs: [{ kind: 'organisation', id: 'nobody' }], idempotencyScope: 'none' });
      expect(loaded).toEqual({ records: new Map(), idempotency: null });
      expect(await t.store.chainTip('ws-none')).toBeNull();
      expect(await t.store.get({ kind: 'policy', country: 'VNM' })).toBeNull();
    });

    it('reads more than 100 records in one load (150 refs)', async () => {
      const ids = Array.from({ length: 150 }, (_, i) => `org-${String(i).padStart(3, '0')}`);
      for (let i = 0; i < ids.length; i += 50) {
        await t.commit(
          'platform',
          ids.slice(i, i + 50).map((id) => put({ kind: 'organisation', value: org(id) })),
        );
      }
      const refs: RecordRef[] = ids.map((id) => ({ kind: 'organisation', id }));
      const loaded = await t.store.load({ refs });
      expect(loaded.records.size).toBe(150);
      for (const id of ids) expect(loaded.records.get(refKey({ kind: 'organisation', id }))?.value).toEqual(org(id));
    });
  });
};
