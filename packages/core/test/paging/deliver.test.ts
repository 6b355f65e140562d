import { describe, expect, it } from 'vitest';
import {
  applyStatus,
  type ContactMethod,
  type ContactMethods,
  claimAttempt,
  type Incident,
  pageMessageId,
  planPage,
  recordOutcome,
  SENDING_STALE_MS,
} from '../../src/index';
import { pageOf, thaiWorld } from './fixtures';

const m = (id: string, kind: ContactMethod['kind'], status: ContactMethod['status'] = 'verified'): ContactMethod => ({
  id,
  kind,
  address: kind === 'email' ? `${id}@tha.example` : '+66812345678',
  status,
  createdAt: '2026-03-01T00:00:00.000Z',
  sends: [],
});
const methods = (...ms: ContactMethod[]): ContactMethods => ({ sub: 'tha-duty-1', orgId: 'tha-ccib', methods: ms, sends: [], version: 1 });
const withAlert = (inc: Incident, status: 'raised' | 'acknowledged' | 'resolved'): Incident => ({
  ...inc,
  alerts: inc.alerts.map((a) => ({ ...a, status })),
});

describe('planning a page', () => {
  it('tries the verified methods in the person’s order, then fails; with none verified the page is undeliverable', async () => {
    const { inc, t0 } = await thaiWorld();
    const now = new Date(t0);
    const ms = methods(m('a', 'email', 'unverified'), m('b', 'phone'), m('c', 'email'));
    const page = pageOf(inc);
    const first = planPage(page, inc, ms, now);
    expect(first).toMatchObject({ do: 'send', n: 1, resend: false, method: { id: 'b' } });
    if (first.do !== 'send') throw new Error('expected a send');
    const claimed = claimAttempt(page, first, 'h'.repeat(64), now);
    expect(claimed.status).toBe('sending');
    const failed = recordOutcome(claimed, 1, { sent: false, failure: 'rejected', reason: 'rejected: opted out' }, now)!;
    expect(planPage(failed, inc, ms, now)).toMatchObject({ do: 'send', n: 2, method: { id: 'c' } });
    const second = claimAttempt(failed, { method: m('c', 'email'), n: 2, resend: false }, 'i'.repeat(64), now);
    const bounced = recordOutcome(second, 2, { sent: false, failure: 'rejected', reason: 'rejected' }, now)!;
    expect(planPage(bounced, inc, ms, now)).toEqual({ do: 'fail' });
    expect(planPage(page, inc, methods(m('a', 'email', 'unverified')), now)).toEqual({ do: 'undeliverable' });
  });

  it('stops a page whose country acknowledged, whose incident was resolved, or whose link expired', async () => {
    const { inc, t0 } = await thaiWorld();
    const ms = methods(m('a', 'email'));
    expect(planPage(pageOf(inc), withAlert(inc, 'acknowledged'), ms, new Date(t0))).toEqual({ do: 'stop', why: 'acknowledged' });
    expect(planPage(pageOf(inc), withAlert(inc, 'resolved'), ms, new Date(t0))).toEqual({ do: 'stop', why: 'resolved' });
    expect(planPage(pageOf(inc), inc, ms, new Date(t0 + 16 * 60_000))).toEqual({ do: 'stop', why: 'expired' });
    expect(planPage(pageOf(inc, { status: 'acknowledged' }), inc, ms, new Date(t0))).toMatchObject({ do: 'nothing' });
  });

  it('leaves an attempt under way alone, and sends a stale one again as the same attempt', async () => {
    const { inc, t0 } = await thaiWorld();
    const ms = methods(m('a', 'email'));
    const claimed = claimAttempt(pageOf(inc), { method: m('a', 'email'), n: 1, resend: false }, 'h'.repeat(64), new Date(t0));
    expect(planPage(claimed, inc, ms, new Date(t0 + 1_000))).toEqual({ do: 'wait' });
    expect(planPage(claimed, inc, ms, new Date(t0 + SENDING_STALE_MS))).toMatchObject({ do: 'send', n: 1, resend: true });
    expect(pageMessageId(claimed, 1, 'taskforce.example')).toBe('<pg-0001.1@taskforce.example>');
  });

  it('a status marks an attempt delivered, or failed with a failover when it is the latest and the page goes on', async () => {
    const { inc, t0 } = await thaiWorld();
    const now = new Date(t0);
    const claimed = claimAttempt(pageOf(inc), { method: m('a', 'email'), n: 1, resend: false }, 'h'.repeat(64), now);
    const sent = recordOutcome(claimed, 1, { sent: true, messageId: 'ses-1' }, now)!;
    expect(sent.status).toBe('sent');
    expect(applyStatus(sent, 1, { delivered: true }, now)).toMatchObject({ page: { status: 'delivered' }, failover: false });
    const bounced = applyStatus(sent, 1, { delivered: false, reason: 'bounce' }, now)!;
    expect(bounced).toMatchObject({ page: { status: 'sending' }, failover: true });
    expect(applyStatus(bounced.page, 1, { delivered: true }, now)).toBeUndefined();
    expect(applyStatus({ ...sent, status: 'acknowledged' }, 1, { delivered: false, reason: 'late bounce' }, now)).toMatchObject({
      page: { status: 'acknowledged' },
      failover: false,
    });
  });
});
