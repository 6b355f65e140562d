import { describe, expect, it } from 'vitest';
import { DUE_SHARDS, shardOf } from '../../src/index';
import {
  AT,
  type ContractContext,
  channel,
  event,
  idsInShard,
  invitation,
  later,
  markedBy,
  org,
  policy,
  put,
  timer,
  workspace,
} from './fixtures';

export const dueIndexCases = (t: ContractContext): void => {
  describe('due index', () => {
    it('gives the timers of one shard due at or before now, earliest first, up to the limit', async () => {
      const [a, b, c, d] = idsInShard(1, 'tmr-', 4) as [string, string, string, string];
      const [other] = idsInShard(2, 'tmr-', 1) as [string];
      await t.commit('ws-timers', [
        put({ kind: 'timer', value: timer(a, '2026-03-01T10:00:00.000Z') }),
        put({ kind: 'timer', value: timer(b, '2026-03-01T09:00:00.000Z') }),
        put({ kind: 'timer', value: timer(c, '2026-03-01T11:00:00.000Z') }),
        put({ kind: 'timer', value: timer(d, '2026-03-01T12:00:00.000Z') }),
        put({ kind: 'timer', value: timer(other, '2026-03-01T09:00:00.000Z') }),
      ]);
      const at = (iso: string) => new Date(iso);
      expect((await t.store.dueTimers(1, at('2026-03-01T08:59:59.999Z'), 10)).map((t) => t.id)).toEqual([]);
      expect((await t.store.dueTimers(1, at('2026-03-01T11:00:00.000Z'), 10)).map((t) => t.id)).toEqual([b, a, c]);
      expect((await t.store.dueTimers(1, at('2026-03-01T11:00:00.000Z'), 2)).map((t) => t.id)).toEqual([b, a]);
      expect((await t.store.dueTimers(2, at('2026-03-01T11:00:00.000Z'), 10)).map((t) => t.id)).toEqual([other]);
      expect(await t.store.dueTimers(0, at('2026-03-02T00:00:00.000Z'), 10)).toEqual([]);
      expect(await t.store.dueTimers(1, at('2026-03-01T11:00:00.000Z'), 1)).toEqual([timer(b, '2026-03-01T09:00:00.000Z')]);
      // Page by page: after a timer, what follows it in due order, whether or not it is still there.
      const after = (id: string, dueAt: string) => ({ workspaceId: 'ws-timers', id, dueAt });
      const noon = at('2026-03-01T12:00:00.000Z');
      expect((await t.store.dueTimers(1, noon, 2, after(b, '2026-03-01T09:00:00.000Z'))).map((t) => t.id)).toEqual([a, c]);
      expect((await t.store.dueTimers(1, noon, 2, after(c, '2026-03-01T11:00:00.000Z'))).map((t) => t.id)).toEqual([d]);
      expect(await t.store.dueTimers(1, noon, 2, after(d, '2026-03-01T12:00:00.000Z'))).toEqual([]);
      expect((await t.store.dueTimers(1, noon, 10, after('tmr-gone', '2026-03-01T10:30:00.000Z'))).map((t) => t.id)).toEqual([c, d]);
      // A claimed (deleted) timer is no longer due; one moved later is due later.
      await t.commit('ws-timers', [
        { op: 'delete', ref: { kind: 'timer', workspaceId: 'ws-timers', id: b }, expect: 'present' },
        put({ kind: 'timer', value: timer(a, '2026-03-01T13:00:00.000Z') }, 'any'),
      ]);
      expect((await t.store.dueTimers(1, at('2026-03-01T12:00:00.000Z'), 10)).map((t) => t.id)).toEqual([c, d]);
    });

    it('runs the outbox: committed events are unpublished in their shard once due, deferred, then published', async () => {
      const events = [0, 1, 2, 3]
        .flatMap((s) => idsInShard(s, '01outbox', 2))
        .map((id, i) => event('ws-1', { id, at: later(AT, i * 1000) }));
      await t.commit('ws-1', [], { events });
      const now = new Date(later(AT, 60_000));
      const byShard = async (at: Date) => {
        const out: string[] = [];
        for (let s = 0; s < DUE_SHARDS; s++) out.push(...(await t.alerts.unpublishedEvents(s, at, 10)).map((e) => `${s}:${e.id}`));
        return out.sort();
      };
      expect(await byShard(now)).toEqual(events.map((e) => `${shardOf(e.id)}:${e.id}`).sort());
      expect(await t.alerts.unpublishedEvents(shardOf(events[0]!.id), new Date(later(AT, -1)), 10)).toEqual([]);
      const shard0 = await t.alerts.unpublishedEvents(0, now, 10);
      expect(shard0.map((e) => e.at)).toEqual([...shard0.map((e) => e.at)].sort());
      expect(await t.alerts.unpublishedEvents(0, now, 1)).toEqual(shard0.slice(0, 1));
      expect(shard0[0]).toEqual(events.find((e) => e.id === shard0[0]!.id));

      await t.alerts.deferEvents(events.slice(0, 4), new Date(later(AT, 120_000)));
      expect(await byShard(now)).toEqual(
        events
          .slice(4)
          .map((e) => `${shardOf(e.id)}:${e.id}`)
          .sort(),
      );
      await t.alerts.markPublished(events[0]!, now);
      await t.alerts.markPublished(events[5]!, now);
      const afterDefer = new Date(later(AT, 120_000));
      const left = [1, 2, 3, 4, 6, 7].map((i) => events[i]!);
      expect(await byShard(afterDefer)).toEqual(left.map((e) => `${shardOf(e.id)}:${e.id}`).sort());
      // Deferring a published event does not bring it back.
      await t.alerts.deferEvents([events[0]!], afterDefer);
      expect(await byShard(new Date(later(AT, 600_000)))).toEqual(left.map((e) => `${shardOf(e.id)}:${e.id}`).sort());
      const ctx = await t.alerts.fanoutContext(events);
      expect([...ctx.published].sort()).toEqual([events[0]!.id, events[5]!.id].sort());
    });

    it('reads what fan-out needs: workspaces, audience organisations, their channels, invitations, policies', async () => {
      await t.commit('platform', [
        put({ kind: 'organisation', value: org('vnm-a05') }),
        put({ kind: 'organisation', value: org('gbr-nca', 'GBR') }),
        put({ kind: 'channel', value: channel('gbr-nca') }),
        put({ kind: 'policy', value: policy('VNM') }),
        put({ kind: 'policy', value: policy('FRA') }),
      ]);
      const e1 = event('ws-1', { audience: ['vnm-a05', 'gbr-nca', 'unknown-org'], marking: markedBy('VNM') });
      const e2 = event('ws-1', { type: 'invitation.sent', subject: { type: 'invitation', id: 'gbr-nca' }, audience: ['gbr-nca'] });
      await t.commit(
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
      const ctx = await t.alerts.fanoutContext([e1, e2, never]);
      expect([...ctx.published]).toEqual([never.id]);
      expect([...ctx.workspaces.keys()]).toEqual(['ws-1']);
      expect(ctx.workspaces.get('ws-1')).toEqual(workspace('ws-1'));
      expect([...ctx.organisations.keys()].sort()).toEqual(['gbr-nca', 'vnm-a05']);
      expect(ctx.invitations.get('ws-1/gbr-nca')?.status).toBe('pending');
      // Only the policies of the events' originators' countries: VNM's, not FRA's.
      expect(ctx.policies.countries).toEqual({ VNM: policy('VNM') });
      expect(ctx.policies.covers).toEqual(['VNM']);
      expect([...(ctx.channels?.keys() ?? [])]).toEqual(['gbr-nca']);
      await t.alerts.markPublished(e1, new Date(AT));
      expect([...(await t.alerts.fanoutContext([e1, e2])).published]).toEqual([e1.id]);
    });
    it('reads the fan-out context of a batch whose audience spans more than 100 keys', async () => {
      const orgIds = Array.from({ length: 70 }, (_, i) => `org-${String(i).padStart(3, '0')}`);
      for (let i = 0; i < orgIds.length; i += 35) {
        await t.commit(
          'platform',
          orgIds.slice(i, i + 35).map((id) => put({ kind: 'organisation', value: org(id) })),
        );
      }
      await t.commit('platform', [put({ kind: 'channel', value: channel('org-069') })]);
      const events = [event('ws-1', { audience: orgIds.slice(0, 35) }), event('ws-1', { audience: orgIds.slice(35) })];
      await t.commit('ws-1', [put({ kind: 'workspace', value: workspace('ws-1') })], { events });
      // 2 events, 1 workspace, 70 organisations, 70 channels and the policies: 144 keys.
      const ctx = await t.alerts.fanoutContext(events);
      expect(ctx.organisations.size).toBe(70);
      expect([...(ctx.channels?.keys() ?? [])]).toEqual(['org-069']);
      expect(ctx.published.size).toBe(0);
    });

    it('refuses to mark published an event that is not in the outbox', async () => {
      await expect(t.alerts.markPublished(event('ws-1'), new Date(AT))).rejects.toThrow();
    });
  });
};
