import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from '@taskforce/messaging';
import { describe, expect, it } from 'vitest';

const body = JSON.stringify({ id: '01abc:tha-ccib', type: 'incident.escalated', data: { level: 2 } });
const at = new Date('2026-03-01T08:00:00.000Z');
const t = Math.floor(at.getTime() / 1000);
const A = 'whsec_first-secret-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'whsec_second-secret-bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

describe('webhook signatures', () => {
  it('is an HMAC-SHA256 of "t.body" in hex, with the timestamp in the header', () => {
    const header = signWebhook(body, [A], at);
    const expected = createHmac('sha256', A).update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${expected}`);
    expect(verifyWebhookSignature(header, body, [A], { now: at })).toEqual({ ok: true, timestamp: t });
  });

  it('rejects a changed body, a wrong secret, a malformed header', () => {
    const header = signWebhook(body, [A], at);
    expect(verifyWebhookSignature(header, body.replace('2', '3'), [A], { now: at })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(header, body, [B], { now: at })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyWebhookSignature(undefined, body, [A], { now: at })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature('v1=abc', body, [A], { now: at })).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyWebhookSignature(`t=${t}`, body, [A], { now: at })).toEqual({ ok: false, reason: 'malformed' });
    // A signature moved to another timestamp does not verify.
    const forged = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyWebhookSignature(forged, body, [A], { now: at })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses replays outside the five-minute window, both ways', () => {
    const header = signWebhook(body, [A], at);
    expect(verifyWebhookSignature(header, body, [A], { now: new Date(at.getTime() + 300_000) }).ok).toBe(true);
    expect(verifyWebhookSignature(header, body, [A], { now: new Date(at.getTime() + 301_000) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebhookSignature(header, body, [A], { now: new Date(at.getTime() - 301_000) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebhookSignature(header, body, [A], { now: new Date(at.getTime() + 3_600_000), toleranceSeconds: 3600 }).ok).toBe(true);
  });

  it('signs with both secrets during a rotation, so a receiver on either verifies', () => {
    const header = signWebhook(body, [B, A], at);
    expect(header.split(',').filter((p) => p.startsWith('v1='))).toHaveLength(2);
    expect(verifyWebhookSignature(header, body, [A], { now: at }).ok).toBe(true);
    expect(verifyWebhookSignature(header, body, [B], { now: at }).ok).toBe(true);
    expect(verifyWebhookSignature(header, body, ['whsec_other'], { now: at }).ok).toBe(false);
    expect(() => signWebhook(body, [], at)).toThrow();
  });
});
