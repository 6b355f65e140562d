import { describe, expect, it } from 'vitest';
import { DUE_SHARDS, type InboxNotification, notificationId, shardOf } from '../../src/index';
import { AT, type ContractContext, idsInShard, later, notification, walk, walkPages } from './fixtures';

/** Every other notification with a webhook post due, so inbox items both in and out of the due index are walked. */
const withSomeWebhooks = (id: string) => (id.endsWith('1') || id.endsWith('3') ? { webhookDueAt: new Date(AT) } : {});

export const notificationCases = (t: ContractContext): void => {
  describe('notifications', () => {
    it('puts a notification once, reads it back only under its recipient, and refuses an id naming someone else', async () => {
      const n = notification('01aaaaaaaaaa', 'gbr-nca');
      expect(await t.alerts.putNotification(n)).toBe('created');
      expect(await t.alerts.putNotification({ ...n, type: 'task.updated' })).toBe('exists');
      expect(await t.alerts.getNotification('gbr-nca', n.id)).toEqual(n);
      expect(await t.alerts.getNotification('fra-ocl', n.id)).toBeNull();
      expect(await t.alerts.getNotification('gbr-nca', 'garbage')).toBeNull();
      await expect(t.alerts.putNotification({ ...n, recipient: 'fra-ocl' })).rejects.toThrow();
    });

    it('lists an inbox oldest first, acknowledges once, and lists pending ones only when asked', async () => {
      const ids = ['01aaaaaaaaa3', '01aaaaaaaaa1', '01aaaaaaaaa2', '01aaaaaaaaa4'];
      for (const id of ids) await t.alerts.putNotification(notification(id, 'gbr-nca'));
      await t.alerts.putNotification(notification('01aaaaaaaaa0', 'fra-ocl'));
      expect((await walk((q) => t.alerts.listNotifications('gbr-nca', q))).map((n) => n.eventId)).toEqual([...ids].sort());
      const acked = await t.alerts.acknowledgeNotification('gbr-nca', notificationId('01aaaaaaaaa2', 'gbr-nca'), new Date(later(AT, 1000)));
      expect(acked?.acknowledgedAt).toBe(later(AT, 1000));
      const again = await t.alerts.acknowledgeNotification('gbr-nca', notificationId('01aaaaaaaaa2', 'gbr-nca'), new Date(later(AT, 5000)));
      expect(again?.acknowledgedAt).toBe(later(AT, 1000));
      expect(await t.alerts.acknowledgeNotification('gbr-nca', notificationId('01aaaaaaaaa9', 'gbr-nca'), new Date(AT))).toBeNull();
      expect(await t.alerts.acknowledgeNotification('fra-ocl', notificationId('01aaaaaaaaa1', 'gbr-nca'), new Date(AT))).toBeNull();
      expect((await walk((q) => t.alerts.listNotifications('gbr-nca', { ...q, pending: true }), 1)).map((n) => n.eventId)).toEqual([
        '01aaaaaaaaa1',
        '01aaaaaaaaa3',
        '01aaaaaaaaa4',
      ]);
      expect((await t.alerts.getNotification('gbr-nca', notificationId('01aaaaaaaaa2', 'gbr-nca')))?.acknowledgedAt).toBe(later(AT, 1000));
    });

    it('walks the pending notifications page by page: each page O(page) reads, never empty with a next, however many are acknowledged', async () => {
      const ids = Array.from({ length: 30 }, (_, i) => `01pend${String(i).padStart(6, '0')}`);
      for (const id of ids) await t.alerts.putNotification(notification(id, 'gbr-nca'), withSomeWebhooks(id));
      await t.alerts.putNotification(notification('01pendother0', 'fra-ocl'));
      // Two of every three acknowledged, the first twelve all of them: a caller paging what is pending never pays for those.
      const acked = ids.filter((_, i) => i < 12 || i % 3 !== 0);
      for (const id of acked) await t.alerts.acknowledgeNotification('gbr-nca', notificationId(id, 'gbr-nca'), new Date(AT));
      const pending = ids.filter((id) => !acked.includes(id));
      const limit = 2;
      const { items, pages } = await walkPages((q) => t.alerts.listNotifications('gbr-nca', { ...q, pending: true }), {
        limit,
        key: (n) => n.id,
        reads: t.reads,
        maxRequests: 1,
      });
      expect(items.map((n) => n.eventId)).toEqual(pending);
      expect(pages).toBe(Math.ceil(pending.length / limit));
      const all = await walkPages((q) => t.alerts.listNotifications('gbr-nca', q), { limit: 7, key: (n) => n.id, maxRequests: 1 });
      expect(all.items.map((n) => n.eventId)).toEqual(ids);
    });

    it("leases a webhook post to one worker: 'busy' while leased, 'delivered' once it went out, 'missing' if unknown", async () => {
      const n = notification('01bbbbbbbbbb', 'gbr-nca');
      await t.alerts.putNotification(n);
      const t0 = new Date(AT);
      const lease = new Date(later(AT, 30_000));
      expect(await t.alerts.claimWebhook('gbr-nca', n.id, t0, lease)).toBe('claimed');
      expect(await t.alerts.claimWebhook('gbr-nca', n.id, new Date(later(AT, 10_000)), new Date(later(AT, 40_000)))).toBe('busy');
      expect(await t.alerts.claimWebhook('gbr-nca', n.id, new Date(later(AT, 30_001)), new Date(later(AT, 60_000)))).toBe('claimed');
      await t.alerts.recordWebhook('gbr-nca', n.id, { ok: true, at: new Date(later(AT, 31_000)), attempt: 2 });
      expect(await t.alerts.claimWebhook('gbr-nca', n.id, new Date(later(AT, 90_000)), new Date(later(AT, 99_000)))).toBe('delivered');
      expect((await t.alerts.getNotification('gbr-nca', n.id))?.webhook).toEqual({
        status: 'delivered',
        deliveredAt: later(AT, 31_000),
        lastAttemptAt: later(AT, 31_000),
        attempts: 2,
      });
      expect(await t.alerts.claimWebhook('gbr-nca', notificationId('01cccccccccc', 'gbr-nca'), t0, lease)).toBe('missing');
      expect(await t.alerts.claimWebhook('fra-ocl', n.id, t0, lease)).toBe('missing');
    });

    it('refuses to record an attempt on a notification that is not in the inbox, and ignores an id naming someone else', async () => {
      const unknown = notificationId('01dddddddddd', 'gbr-nca');
      await expect(t.alerts.recordWebhook('gbr-nca', unknown, { ok: true, at: new Date(AT) })).rejects.toThrow();
      await expect(t.alerts.recordWebhook('fra-ocl', unknown, { ok: true, at: new Date(AT) })).resolves.toBeUndefined();
      expect(await t.alerts.getNotification('gbr-nca', unknown)).toBeNull();
    });

    it('enters webhook posts in the due index, re-enters failures at their sweep time, and takes deliveries out', async () => {
      const [i1, i2, i3] = idsInShard(3, '01hook', 3) as [string, string, string];
      const [n1, n2, n3] = [i1, i2, i3].map((i) => notification(i, 'gbr-nca')) as [InboxNotification, InboxNotification, InboxNotification];
      // Webhook posts are sharded by notification id.
      const shard = shardOf(n1.id);
      const sameShard = [n1, n2, n3].filter((n) => shardOf(n.id) === shard);
      for (const n of [n1, n2, n3]) await t.alerts.putNotification(n, { webhookDueAt: new Date(AT) });
      await t.alerts.putNotification(notification('01nohookxxxx', 'gbr-nca'));
      const dueIn = async (at: string) => {
        const out: string[] = [];
        for (let s = 0; s < DUE_SHARDS; s++) out.push(...(await t.alerts.dueWebhooks(s, new Date(at), 10)).map((r) => r.id));
        return out.sort();
      };
      expect(await dueIn(AT)).toEqual([n1.id, n2.id, n3.id].sort());
      expect(await t.alerts.dueWebhooks(shard, new Date(AT), 10)).toEqual(
        sameShard.map((n) => ({ recipient: 'gbr-nca', id: n.id })).sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      expect(await dueIn(later(AT, -1))).toEqual([]);

      await t.alerts.recordWebhook('gbr-nca', n1.id, {
        ok: false,
        at: new Date(AT),
        error: 'HTTP 503',
        attempt: 1,
        nextAttemptAt: new Date(later(AT, 60_000)),
        sweepAt: new Date(later(AT, 120_000)),
      });
      expect((await t.alerts.getNotification('gbr-nca', n1.id))?.webhook).toEqual({
        status: 'failed',
        lastAttemptAt: AT,
        lastError: 'HTTP 503',
        attempts: 1,
        nextAttemptAt: later(AT, 60_000),
      });
      await t.alerts.recordWebhook('gbr-nca', n2.id, { ok: true, at: new Date(AT) });
      await t.alerts.recordWebhook('gbr-nca', n3.id, { ok: false, at: new Date(AT), error: 'withheld' });
      expect((await t.alerts.getNotification('gbr-nca', n3.id))?.webhook).toEqual({
        status: 'failed',
        lastAttemptAt: AT,
        lastError: 'withheld',
      });
      expect(await dueIn(later(AT, 119_999))).toEqual([]);
      expect(await dueIn(later(AT, 120_000))).toEqual([n1.id]);

      // Queued posts move later, unless delivered meanwhile.
      await t.alerts.deferWebhooks(
        [n1, n2].map((n) => ({ recipient: 'gbr-nca', id: n.id })),
        new Date(later(AT, 300_000)),
      );
      expect(await dueIn(later(AT, 299_999))).toEqual([]);
      expect(await dueIn(later(AT, 300_000))).toEqual([n1.id]);
      expect(await t.alerts.dueWebhooks(shardOf(n1.id), new Date(later(AT, 300_000)), 10)).toEqual([{ recipient: 'gbr-nca', id: n1.id }]);
    });

    it('parks posts that ran out of attempts and redrives them: by recipient, up to a limit, each once', async () => {
      const gbr = ['01park000001', '01park000002', '01park000003'].map((e) => notification(e, 'gbr-nca'));
      const fra = ['01park000004', '01park000005'].map((e) => notification(e, 'fra-ocl'));
      for (const n of [...gbr, ...fra]) {
        await t.alerts.putNotification(n, { webhookDueAt: new Date(AT) });
        await t.alerts.recordWebhook(n.recipient, n.id, { ok: false, at: new Date(AT), error: 'HTTP 500', attempt: 8, parked: true });
      }
      const dueIds = async (at: string) => {
        const out: string[] = [];
        for (let s = 0; s < DUE_SHARDS; s++) out.push(...(await t.alerts.dueWebhooks(s, new Date(at), 100)).map((r) => r.id));
        return out.sort();
      };
      expect(await dueIds(later(AT, 86_400_000))).toEqual([]);
      const now = new Date(later(AT, 3_600_000));
      expect(await t.alerts.redriveWebhooks(now, { orgId: 'fra-ocl', limit: 10 })).toBe(2);
      expect(await dueIds(now.toISOString())).toEqual(fra.map((n) => n.id).sort());
      expect((await t.alerts.getNotification('fra-ocl', fra[0]!.id))?.webhook).toMatchObject({
        status: 'failed',
        attempts: 0,
        nextAttemptAt: now.toISOString(),
      });
      expect(await t.alerts.redriveWebhooks(now, { orgId: 'fra-ocl', limit: 10 })).toBe(0);
      expect(await t.alerts.redriveWebhooks(now, { limit: 2 })).toBe(2);
      expect(await t.alerts.redriveWebhooks(now, { limit: 10 })).toBe(1);
      expect(await dueIds(now.toISOString())).toEqual([...gbr, ...fra].map((n) => n.id).sort());
      expect(await t.alerts.redriveWebhooks(now, { limit: 10 })).toBe(0);
    });
  });
};
