import { describe, expect, it } from 'vitest';
import { LoadedView, MAX_MATCH_OWNERS, type MatchHolder } from '../../src/index';
import { AT, type ContractContext, conflictReason, incident, put, request, task, walk, workspace } from './fixtures';

const holder = (hmac: string, workspaceId = 'ws-0', id = 'task-0', orgId = 'vnm-a05'): MatchHolder => ({
  keyId: 'k1',
  hmac,
  workspaceId,
  record: { type: 'task', id },
  selectorType: 'phone',
  orgId,
  country: 'VNM',
  marking: { originator: { orgId, country: 'VNM' }, tlp: 'AMBER', releasableTo: 'members', caveats: [] },
  at: AT,
});

/**
 * The hit/no-hit index: one item per holder of a keyed hash, written once by the record's create
 * (a second holder of the same hash is another item, never a conflict); the holders of many
 * hashes read with one query each, held or not.
 */
export const matchingCases = (t: ContractContext): void => {
  describe('the matching index', () => {
    it('writes each holder as an item of its own: a second holder of a hash never conflicts, the same holder twice is refused', async () => {
      await t.commit('ws-0', [put({ kind: 'match_holder', value: holder('h-1', 'ws-0', 'task-0') })]);
      // Another record naming the same selector, written with no read of the first.
      await t.commit('ws-1', [put({ kind: 'match_holder', value: holder('h-1', 'ws-1', 'task-1', 'tha-ccib') })]);
      expect(await conflictReason(t.commit('ws-0', [put({ kind: 'match_holder', value: holder('h-1', 'ws-0', 'task-0') })]))).toBe(
        'exists',
      );
      const [h1] = await t.store.matchHolders([{ keyId: 'k1', hmac: 'h-1' }]);
      expect(h1).toEqual([holder('h-1', 'ws-0', 'task-0'), holder('h-1', 'ws-1', 'task-1', 'tha-ccib')]);
      // A holder is found again by its full key (the re-index reads before it writes).
      const ref = { kind: 'match_holder', keyId: 'k1', hmac: 'h-1', workspaceId: 'ws-1', recordType: 'task', recordId: 'task-1' } as const;
      expect(await t.store.get(ref)).toEqual(holder('h-1', 'ws-1', 'task-1', 'tha-ccib'));
      expect(new LoadedView(await t.store.load({ refs: [ref] })).get(ref)).toEqual(holder('h-1', 'ws-1', 'task-1', 'tha-ccib'));
    });

    it('reads the holders of each hash in the order asked, one query each whether held or not, by workspace and record', async () => {
      await t.commit('ws-0', [
        put({ kind: 'match_holder', value: holder('h-1', 'ws-b', 'task-2') }),
        put({ kind: 'match_holder', value: holder('h-1', 'ws-a', 'task-9') }),
        put({ kind: 'match_holder', value: holder('h-1', 'ws-a', 'task-1') }),
        put({ kind: 'match_holder', value: holder('h-3', 'ws-a', 'task-1') }),
        put({ kind: 'match_holder', value: { ...holder('h-1', 'ws-a', 'task-1'), keyId: 'k2' } }),
      ]);
      t.reads?.reset();
      const out = await t.store.matchHolders([
        { keyId: 'k1', hmac: 'h-3' },
        { keyId: 'k1', hmac: 'h-2' },
        { keyId: 'k1', hmac: 'h-1' },
        { keyId: 'k2', hmac: 'h-1' },
      ]);
      if (t.reads) expect(t.reads.requests()).toBe(4);
      expect(out.map((hs) => hs.map((h) => `${h.keyId}/${h.workspaceId}/${h.record.id}`))).toEqual([
        ['k1/ws-a/task-1'],
        [],
        ['k1/ws-a/task-1', 'k1/ws-a/task-9', 'k1/ws-b/task-2'],
        ['k2/ws-a/task-1'],
      ]);
      expect(await t.store.matchHolders([])).toEqual([]);
    });

    it(`reads at most ${MAX_MATCH_OWNERS} holders of a hash, in one query`, async () => {
      const all = Array.from({ length: MAX_MATCH_OWNERS + 5 }, (_, i) => holder('h-hot', `ws-${String(i).padStart(3, '0')}`));
      for (let i = 0; i < all.length; i += 90)
        await t.commit(
          'ws-0',
          all.slice(i, i + 90).map((value) => put({ kind: 'match_holder', value })),
        );
      t.reads?.reset();
      const [hot] = await t.store.matchHolders([{ keyId: 'k1', hmac: 'h-hot' }]);
      if (t.reads) expect(t.reads.requests()).toBe(1);
      expect(hot!.map((h) => h.workspaceId)).toEqual(all.slice(0, MAX_MATCH_OWNERS).map((h) => h.workspaceId));
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
        put({ kind: 'match_holder', value: holder('h-1') }),
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
