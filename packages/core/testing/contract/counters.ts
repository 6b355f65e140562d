import { describe, expect, it } from 'vitest';
import { refKey, type TurnaroundShard } from '../../src/index';
import { type ContractContext, conflictReason, put, task } from './fixtures';

const shard = (orgId: string, type: string, n: string) => ({ kind: 'turnaround', orgId, type, shard: n }) as const;

export const counterCases = (t: ContractContext): void => {
  describe('counters (add writes)', () => {
    it('makes a counter record on the first add and adds to it after, in the same commit as other writes', async () => {
      const ref = shard('bank-1', 'production', '0');
      await t.commit('ws-c', [put({ kind: 'task', value: task('ws-c', 'task-1') }), { op: 'add', ref, counts: { sent: 1, ans_12: 2 } }]);
      await t.commit('ws-c', [{ op: 'add', ref, counts: { sent: 1, why_other: 1 } }]);
      const expected: TurnaroundShard = { orgId: 'bank-1', type: 'production', shard: '0', counts: { sent: 2, ans_12: 2, why_other: 1 } };
      expect(await t.store.get(ref)).toEqual(expected);
      expect((await t.store.load({ refs: [ref] })).records.get(refKey(ref))).toEqual({ kind: 'turnaround', value: expected });
      expect(await t.store.get({ kind: 'task', workspaceId: 'ws-c', id: 'task-1' })).toEqual(task('ws-c', 'task-1'));
    });

    it('adds nothing when another write of the commit fails', async () => {
      const ref = shard('bank-1', 'content', '1');
      await t.commit('ws-c', [{ op: 'add', ref, counts: { sent: 1 } }]);
      const attempt = t.commit('ws-c', [
        put({ kind: 'task', value: task('ws-c', 'task-9', { version: 3 }) }, 2),
        { op: 'add', ref, counts: { sent: 5 } },
      ]);
      expect(await conflictReason(attempt)).toBe('stale');
      expect((await t.store.get(ref))?.counts).toEqual({ sent: 1 });
    });

    it("lists one partner's shards of every type together, and no other partner's", async () => {
      await t.commit('ws-c', [{ op: 'add', ref: shard('bank-2', 'content', '0'), counts: { sent: 1 } }]);
      await t.commit('ws-c', [{ op: 'add', ref: shard('bank-2', 'preservation', '3'), counts: { met: 4 } }]);
      await t.commit('ws-c', [{ op: 'add', ref: shard('bank-3', 'content', '0'), counts: { sent: 7 } }]);
      const listed = (await t.store.turnaroundShards('bank-2')).sort((a, b) => a.type.localeCompare(b.type));
      expect(listed).toEqual([
        { orgId: 'bank-2', type: 'content', shard: '0', counts: { sent: 1 } },
        { orgId: 'bank-2', type: 'preservation', shard: '3', counts: { met: 4 } },
      ]);
      expect(await t.store.turnaroundShards('bank-none')).toEqual([]);
    });

    it('concurrent adds to one counter all count', async () => {
      const ref = shard('bank-4', 'production', '2');
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, () => t.commit('ws-c', [{ op: 'add', ref, counts: { sent: 1 } }])),
      );
      const committed = results.filter((r) => r.status === 'fulfilled').length;
      expect((await t.store.get(ref))?.counts.sent).toBe(committed);
      expect(committed).toBeGreaterThan(0);
    });
  });
};
