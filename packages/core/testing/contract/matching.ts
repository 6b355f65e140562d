import { describe, expect, it } from 'vitest';
import { LoadedView, type MatchEntry, type RecordRef } from '../../src/index';
import { AT, type ContractContext, conflictReason, incident, put, request, task, walk, workspace } from './fixtures';

const entry = (hmac: string, version = 1, holders = 1): MatchEntry => ({
  keyId: 'k1',
  hmac,
  owners: Array.from({ length: holders }, (_, i) => ({
    workspaceId: `ws-${i}`,
    record: { type: 'task', id: `task-${i}` },
    selectorType: 'phone',
    orgId: 'vnm-a05',
    country: 'VNM',
    marking: { originator: { orgId: 'vnm-a05', country: 'VNM' }, tlp: 'AMBER', releasableTo: 'members', caveats: [] },
    at: AT,
  })),
  version,
});

/**
 * The hit/no-hit index: one item per keyed hash, created by the first record naming the selector
 * and updated by later ones only against the version read; many read by key in one load.
 */
export const matchingCases = (t: ContractContext): void => {
  describe('the matching index', () => {
    it('creates an index item once, and updates it only against the version read', async () => {
      await t.commit('ws-0', [put({ kind: 'match', value: entry('h-1') })]);
      expect(await conflictReason(t.commit('ws-1', [put({ kind: 'match', value: entry('h-1') })]))).toBe('exists');
      await t.commit('ws-1', [put({ kind: 'match', value: entry('h-1', 2, 2) }, 1)]);
      expect(await conflictReason(t.commit('ws-2', [put({ kind: 'match', value: entry('h-1', 2, 3) }, 1)]))).toBe('stale');
      expect((await t.store.get({ kind: 'match', keyId: 'k1', hmac: 'h-1' }))?.owners).toHaveLength(2);
    });

    it('reads 250 index items by key in one load, the absent ones simply missing, in at most 3 requests', async () => {
      for (let i = 0; i < 200; i += 50)
        await t.commit(
          'ws-0',
          Array.from({ length: 50 }, (_, k) => put({ kind: 'match', value: entry(`h-${i + k}`) })),
        );
      const refs: RecordRef[] = Array.from({ length: 250 }, (_, i) => ({ kind: 'match', keyId: 'k1', hmac: `h-${i}` }));
      t.reads?.reset();
      const view = new LoadedView(await t.store.load({ refs }));
      if (t.reads) expect(t.reads.requests()).toBeLessThanOrEqual(3);
      const found = refs.filter((r) => view.get(r as Extract<RecordRef, { kind: 'match' }>));
      expect(found).toHaveLength(200);
      expect(view.get({ kind: 'match', keyId: 'k1', hmac: 'h-7' })).toEqual(entry('h-7'));
    });

    it('walks every request, task and incident that carries selectors, page by page, and nothing else', async () => {
      const PHONE = { type: 'phone' as const, value: '+84912345678' };
      await t.commit('ws-1', [
        put({ kind: 'workspace', value: workspace('ws-1') }),
        put({ kind: 'task', value: { ...task('ws-1', 'task-with'), selectors: [PHONE] } }),
        put({ kind: 'task', value: task('ws-1', 'task-without') }),
        put({ kind: 'request', value: { ...request('ws-1', 'req-with', 'bank-x', false), selectors: [PHONE, PHONE] } }),
        put({ kind: 'request', value: request('ws-1', 'req-empty', 'bank-x', false) }),
        put({ kind: 'incident', value: { ...incident('ws-1', 'inc-with'), selectors: [PHONE] } }),
        put({ kind: 'incident', value: incident('ws-1', 'inc-without') }),
        put({ kind: 'match', value: entry('h-1') }),
      ]);
      await t.commit('ws-2', [put({ kind: 'task', value: { ...task('ws-2', 'task-2'), selectors: [PHONE] } })]);
      // Bounded pages (the limit counts what is read), each one after the last, until the end.
      const all = await walk((q) => t.store.selectorHolders(q), 2);
      expect(all.map((h) => `${h.kind}/${h.value.id}`).sort()).toEqual([
        'incident/inc-with',
        'request/req-with',
        'task/task-2',
        'task/task-with',
      ]);
      expect(all.find((h) => h.value.id === 'req-with')?.value.selectors).toEqual([PHONE, PHONE]);
    });

    it("refuses a cursor that is not the walk's own, naming `cursor`", async () => {
      await t.commit('ws-1', [put({ kind: 'task', value: { ...task('ws-1', 'a'), selectors: [{ type: 'phone', value: '+1' }] } })]);
      const foreign = (await t.store.listTasks('ws-1', { limit: 1 })).next ?? Buffer.from('{"pk":"WS#ws-1"}').toString('base64url');
      for (const cursor of [foreign, 'not-a-cursor', Buffer.from('{"l":"selector-holders","k":{"pk":1,"sk":"x"}}').toString('base64url')])
        await expect(t.store.selectorHolders({ limit: 5, cursor })).rejects.toMatchObject({ code: 'validation', field: 'cursor' });
    });
  });
};
