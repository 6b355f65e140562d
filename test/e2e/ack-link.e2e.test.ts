import { pageReferenceCode } from '@taskforce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackWorld } from '../support/ack-link';
import { type TestRuntime, testRuntime } from '../support/runtime';

/**
 * Acknowledging from the message over HTTP, as a phone's browser does it: open the link (GET, which
 * changes nothing), press Acknowledge (a form POST to the same address), read the answer; a link
 * used, expired, forged or unknown is one and the same dead page; too many requests from one
 * address are refused before any token is looked at.
 */
describe('the acknowledge link over HTTP', () => {
  let t: TestRuntime;
  let w: Awaited<ReturnType<typeof ackWorld>>;
  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    w = await ackWorld(t);
  });
  afterAll(() => t.rt.stop());

  const open = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(t.rt.url + path, { redirect: 'manual', ...init });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const press = (path: string, lang?: string) =>
    open(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(lang ? { 'accept-language': lang } : {}) },
    });

  it('shows what needs the person without acknowledging, then acknowledges as them on one click', async () => {
    const inc = await w.raise();
    const { token } = await w.page(inc.id);
    const link = `/ack/${token}`;
    const first = await open(link);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(first.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.text).toContain('A critical incident needs you');
    expect(first.text).toContain('Level 1 of the 24/7 ladder of THA');
    expect(first.text).toContain(pageReferenceCode(inc.id));
    expect(first.text).toContain(`<form method="post" action="${link}?lang=en">`);
    expect(first.text).not.toContain('hospital');
    expect(first.text).not.toContain('<script');
    // A scanner's prefetch, twice: nothing changes.
    await open(link);
    expect((await t.call('GET', `/v1/workspaces/${w.ws}/incidents/${inc.id}`, w.lead)).body.alerts[0].status).toBe('raised');

    // Vietnamese from the browser, Thai when asked for in the address.
    expect((await open(link, { headers: { 'accept-language': 'vi-VN,vi;q=0.9' } })).text).toContain(
      'Một sự cố mức nghiêm trọng cần bạn xử lý',
    );
    expect((await open(`${link}?lang=th`)).text).toContain('<html lang="th">');

    const done = await press(`${link}?lang=en`);
    expect(done.status).toBe(200);
    expect(done.text).toContain('You acknowledged this incident for THA');
    expect(done.text).toContain(`/auth/login?lang=en&amp;return=%2F%23%2Fw%2F${w.ws}%2Fincidents%2F${inc.id}`);
    const alert = (await t.call('GET', `/v1/workspaces/${w.ws}/incidents/${inc.id}`, w.lead)).body.alerts[0];
    expect(alert).toMatchObject({ status: 'acknowledged', acknowledgedBy: { sub: w.duty.sub, orgId: 'tha-ccib' } });

    // A double-click: "already acknowledged", by CCIB; opening the link again: it no longer works.
    const again = await press(link);
    expect(again.status).toBe(200);
    expect(again.text).toContain('CCIB has already acknowledged this incident for THA.');
    const reopened = await open(link);
    expect(reopened.status).toBe(404);
    expect(reopened.text).toContain('This link no longer works');
  });

  it('answers every dead link alike: wrong secret, unknown page, forged, expired, another person', async () => {
    const inc = await w.raise('second');
    const live = await w.page(inc.id);
    const expired = await w.page(inc.id, { expiresAt: t.clock.now().toISOString() });
    const stranger = await w.page(inc.id, { sub: 'nobody-at-all' });
    const dead = [
      `/ack/${live.token.slice(0, -43)}${'A'.repeat(43)}`,
      `/ack/${live.token.replace(live.page.id, 'page-unknown')}`,
      `/ack/${expired.token}`,
      `/ack/${stranger.token}`,
      '/ack/nonsense',
      '/ack/a.b.c.d',
    ];
    const answers = [];
    for (const path of dead) answers.push(await open(path), await press(path));
    expect(new Set(answers.map((a) => `${a.status} ${a.text}`)).size).toBe(1);
    expect(answers[0]!.status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${w.ws}/incidents/${inc.id}`, w.lead)).body.alerts[0].status).toBe('raised');
    // The live link still works after all that.
    expect((await open(`/ack/${live.token}`)).status).toBe(200);
  });

  it('says who acknowledged first when the country already did', async () => {
    const inc = await w.raise('third');
    const { token } = await w.page(inc.id);
    expect((await t.call('POST', `/v1/workspaces/${w.ws}/incidents/${inc.id}/acknowledge`, w.ccib, {})).status).toBe(200);
    expect((await open(`/ack/${token}`)).text).toContain('CCIB has already acknowledged');
    const pressed = await press(`/ack/${token}`);
    expect([pressed.status, pressed.text.includes('CCIB has already acknowledged')]).toEqual([200, true]);
  });

  it('refuses too many requests from one address before reading any token, alike for a live one', async () => {
    const inc = await w.raise('fourth');
    const { token } = await w.page(inc.id);
    let last = await open('/ack/nonsense');
    for (let i = 0; i < 40 && last.status !== 429; i++) last = await open('/ack/nonsense');
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    const live = await open(`/ack/${token}`);
    const pressed = await press(`/ack/${token}`);
    expect([live.status, live.text]).toEqual([429, last.text]);
    expect(pressed.status).toBe(429);
    expect((await t.call('GET', `/v1/workspaces/${w.ws}/incidents/${inc.id}`, w.lead)).body.alerts[0].status).toBe('raised');
  });
});
