import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackWorld, rawRequest } from '../support/ack-link';
import { type TestRuntime, testRuntime } from '../support/runtime';

/**
 * The acknowledge link's page (`/ack/<token>`, packages/api/src/session/ack.ts) takes no bearer
 * token and is not in the OpenAPI document, so the sweep of documented operations does not reach
 * it; this sends it what a hostile or broken client would: huge tokens, non-ASCII and
 * percent-encoded bytes, dots, extra segments, NUL, a right-length secret of the wrong alphabet,
 * script in the language, absurd Accept-Language headers, bodies it does not read, other methods,
 * and replays of a live link. Never a 5xx, nothing reflected, and every dead link the same page.
 */
describe('malformed input to the acknowledge link', () => {
  let t: TestRuntime;
  let w: Awaited<ReturnType<typeof ackWorld>>;
  let n = 0;
  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    w = await ackWorld(t);
  });
  afterAll(() => t.rt.stop());

  // Ten requests per loopback address: the rate limit (per address) is not what this suite tests.
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    rawRequest(t.rt.url, method, path, { headers, ...(body !== undefined ? { body } : {}), from: `127.0.1.${1 + Math.floor(n++ / 10)}` });

  it('answers hostile tokens with the one dead page, never a 5xx, never reflecting them', async () => {
    const inc = await w.raise();
    const { token, page } = await w.page(inc.id);
    const [ws = '', incident = ''] = token.split('.');
    const secret = token.slice(-43);
    const paths = [
      '/ack/',
      '/ack/x',
      `/ack/${'a'.repeat(6000)}`,
      `/ack/${'a.'.repeat(2000)}`,
      `/ack/${token}${'A'.repeat(3000)}`,
      '/ack/%E0%B8%A3%E0%B8%B1%E0%B8%9A.%E0%B8%97.%E0%B8%A3.%E0%B8%B2',
      `/ack/${ws}.${incident}.${encodeURIComponent('páge-1')}.${secret}`,
      '/ack/%ff%fe%00',
      `/ack/${token}%00`,
      '/ack/.',
      '/ack/....',
      `/ack/${token.replaceAll('.', '..')}`,
      `/ack/${ws}.${incident}.${page.id}.${secret}.extra`,
      `/ack/${ws}.${incident}.${page.id}`,
      `/ack/${ws.toUpperCase()}.${incident}.${page.id}.${secret}`,
      `/ack/${ws}.${incident}.${page.id}.${'+'.repeat(42)}=`,
      `/ack/${ws}.${incident}.${page.id}.${secret.slice(0, 42)}`,
      `/ack/${incident}.${ws}.${page.id}.${secret}`,
      `/ack/${token}/more`,
      '/ack/%2e%2e/v1/me',
      '/ack/<script>alert(1)</script>',
      "/ack/'%22%3E%3Cimg%20src=x%3E",
    ];
    const answers: { path: string; status: number; text: string }[] = [];
    for (const path of paths)
      for (const method of ['GET', 'POST']) {
        const r = await send(method, path, { 'content-type': 'application/x-www-form-urlencoded' }, method === 'POST' ? 'x=1' : undefined);
        expect(r.status, `${method} ${path.slice(0, 80)}`).toBeLessThan(500);
        expect(r.text).not.toMatch(/<script|<img|alert\(1\)/);
        answers.push({ path, status: r.status, text: r.text });
      }
    // Every one of them is the dead link, but a path that is not under /ack/ once the URL is
    // resolved (`/ack/%2e%2e/v1/me` is `/v1/me`): the API's own problem, asking for a token.
    const elsewhere = (path: string) => path.includes('%2e%2e');
    const dead = answers.filter((a) => !elsewhere(a.path));
    const kinds = new Map(dead.map((a) => [`${a.status} ${a.text}`, a.path.slice(0, 100)]));
    expect([...kinds.values()]).toHaveLength(1);
    expect(dead[0]!.status).toBe(404);
    expect(dead[0]!.text).toContain('This link no longer works');
    for (const a of answers.filter((x) => elsewhere(x.path))) expect(a.status).toBe(401);
    // None of it touched the incident, and the link still works.
    expect((await t.call('GET', `/v1/workspaces/${w.ws}/incidents/${inc.id}`, w.lead)).body.alerts[0].status).toBe('raised');
    expect((await send('GET', `/ack/${token}`)).status).toBe(200);
  });

  it('takes no script from the language, nor harm from absurd headers or bodies', async () => {
    const inc = await w.raise('second');
    const { token } = await w.page(inc.id);
    const link = `/ack/${token}`;
    const cases: [string, string, Record<string, string>?, string?][] = [
      ['GET', `${link}?lang=%3Cscript%3Ealert(1)%3C%2Fscript%3E`],
      ['GET', `${link}?lang=${'x'.repeat(3000)}&lang=vi`],
      ['GET', link, { 'accept-language': 'x'.repeat(7000) }],
      ['GET', link, { 'accept-language': '*;q=0, th-TH-u-nu-thai;q=0.1' }],
      ['GET', link, { 'accept-language': ',,,;;;===' }],
      ['GET', link, { cookie: `__Host-tf-session=${'x'.repeat(3000)}`, authorization: 'Bearer forged' }],
      ['PUT', link],
      ['DELETE', link],
      ['PATCH', link, { 'content-type': 'application/json' }, '{}'],
      ['POST', `/ack/${'z'.repeat(40)}`, { 'content-type': 'application/json' }, '{"acknowledge":true,'],
      ['POST', `/ack/${'z'.repeat(40)}`, { 'content-type': 'text/plain' }, 'y'.repeat(200_000)],
    ];
    for (const [method, path, headers, body] of cases) {
      const r = await send(method, path, headers, body);
      expect(r.status, `${method} ${path.slice(0, 60)} ${JSON.stringify(headers ?? {}).slice(0, 60)}`).toBeLessThan(500);
      expect(r.text).not.toMatch(/<script|alert\(1\)/);
      if (method === 'PUT' || method === 'DELETE' || method === 'PATCH')
        expect([r.status, r.headers['content-type']]).toEqual([404, 'application/problem+json']);
    }
    expect((await t.call('GET', `/v1/workspaces/${w.ws}/incidents/${inc.id}`, w.lead)).body.alerts[0].status).toBe('raised');
  });

  it('takes replays of a live link: one acknowledgement, then "already acknowledged", then dead', async () => {
    const inc = await w.raise('third');
    const { token } = await w.page(inc.id);
    const link = `/ack/${token}`;
    const posts = await Promise.all([1, 2, 3, 4, 5].map(() => send('POST', link)));
    expect(posts.map((p) => p.status)).toEqual([200, 200, 200, 200, 200]);
    expect(posts.filter((p) => p.text.includes('You acknowledged this incident')).length).toBe(1);
    expect(posts.filter((p) => p.text.includes('has already acknowledged')).length).toBe(4);
    const audit = await t.call('GET', `/v1/workspaces/${w.ws}/incidents/${inc.id}`, w.lead);
    expect(audit.body.timeline.filter((e: { what: string }) => e.what === 'acknowledged').length).toBe(1);
    expect((await send('GET', link)).status).toBe(404);
    t.clock.advance(3 * 60_000);
    expect((await send('POST', link)).status).toBe(404);
  });
});
