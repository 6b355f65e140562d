import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestRuntime, testRuntime } from '../support/runtime';

/**
 * The console's session routes (`/auth/*`, packages/api/src/session) take no token: they are how a
 * person gets one. They are not in the OpenAPI document, so the malformed-input suite's sweep of
 * every documented operation does not reach them; this does, with what a hostile or careless
 * browser sends: a provider answer with a forged or absent state and code, a missing, forged,
 * oversized or doubled cookie, a missing or wrong X-Taskforce-Session header, bodies that are not
 * JSON or carry the wrong types, odd tab names and return paths. Never a 5xx; every refusal is
 * problem+json, and a bad field is named. The same routes serve the console on AWS (functions/src/auth.ts).
 */
describe('malformed input to the console session routes', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await testRuntime();
  });
  afterAll(() => t.rt.stop());

  const send = async (method: string, path: string, headers: Record<string, string> = {}, body?: string) => {
    const res = await fetch(t.rt.url + path, { method, headers, redirect: 'manual', ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', location: res.headers.get('location'), text };
  };
  const H = { 'x-taskforce-session': '1' };
  const long = 'x'.repeat(5000);
  const cases: [string, string, Record<string, string>?, string?][] = [
    // The provider's answer to a sign-in this browser never started, or with forged or hostile values.
    ['GET', '/auth/callback'],
    ['GET', '/auth/callback?code=abc&state=forged'],
    ['GET', `/auth/callback?code=${long}&state=${long}`],
    ['GET', '/auth/callback?error=access_denied&error_description=%3Cscript%3E'],
    ['GET', '/auth/callback?code=abc', { cookie: '__Host-tf-signin=forged' }],
    ['GET', '/auth/callback?code=abc', { cookie: `__Host-tf-signin=${long}` }],
    ['GET', '/auth/callback?code=%00%ff&state=%E0%A4%A', { cookie: '__Host-tf-signin=a; __Host-tf-signin=b' }],
    // The session itself: no header (a form or link from another site), no cookie, a forged one, an oversized one.
    ['GET', '/auth/session'],
    ['GET', '/auth/session', { 'x-taskforce-session': 'yes' }],
    ['GET', '/auth/session', H],
    ['GET', '/auth/session', { ...H, cookie: '__Host-tf-session=forged' }],
    ['GET', '/auth/session', { ...H, cookie: `__Host-tf-session=${long}` }],
    ['GET', '/auth/session', { ...H, 'x-taskforce-tab': '../../etc', cookie: '__Host-tf-session-../../etc=x' }],
    ['GET', '/auth/session', { ...H, 'x-taskforce-tab': long }],
    ['POST', '/auth/session', {}, '{"shift":true}'],
    ['POST', '/auth/session', { ...H, 'content-type': 'application/json' }, '{"shift":"yes"'],
    ['POST', '/auth/session', { ...H, 'content-type': 'application/json', cookie: '__Host-tf-session=forged' }, '{"shift":"yes"}'],
    ['POST', '/auth/session', { ...H, 'content-type': 'text/plain', cookie: '__Host-tf-session=forged' }, long],
    // Signing out: without the header it is refused; with it and no live session it ends nothing.
    ['POST', '/auth/logout'],
    ['POST', '/auth/logout', { cookie: '__Host-tf-session=forged' }],
    ['PUT', '/auth/session', H],
    ['DELETE', '/auth/logout', H],
    ['GET', '/auth/nowhere'],
  ];

  it('never answers 5xx, refuses with problem+json, and names the field', async () => {
    const wrong: string[] = [];
    for (const [method, path, headers, body] of cases) {
      const r = await send(method, path, headers, body);
      const label = `${method} ${path.slice(0, 60)} ${JSON.stringify(headers ?? {}).slice(0, 80)}`;
      if (r.status >= 500) wrong.push(`${label}: ${r.status} ${r.text.slice(0, 120)}`);
      if (r.status >= 400 && r.type !== 'application/problem+json') wrong.push(`${label}: ${r.status} as ${r.type}`);
      if (r.status === 400 && !/"detail":"(state|code|shift): /.test(r.text))
        wrong.push(`${label}: 400 naming no field: ${r.text.slice(0, 120)}`);
      // Nothing echoes a hostile value back.
      if (r.text.includes('<script>') || r.text.includes(long)) wrong.push(`${label}: echoes the input`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers each refusal as the rule says', async () => {
    const status = async (...c: [string, string, Record<string, string>?, string?]) => (await send(...c)).status;
    expect(await status('GET', '/auth/callback?code=abc&state=forged')).toBe(400);
    expect(await status('GET', '/auth/session')).toBe(403);
    expect(await status('GET', '/auth/session', H)).toBe(401);
    expect(await status('GET', '/auth/session', { ...H, cookie: '__Host-tf-session=forged' })).toBe(401);
    expect(await status('POST', '/auth/logout')).toBe(403);
    const out = await send('POST', '/auth/logout', { ...H, cookie: '__Host-tf-session=forged' });
    expect([out.status, JSON.parse(out.text)]).toEqual([200, { redirect: '/' }]);
    // Only a path of the console is a place to come back to; another site is not.
    const login = await send('GET', '/auth/login?return=https://evil.example/&tab=../x&lang=<b>');
    expect(login.status).toBe(303);
    const sent = new URL(login.location!);
    expect(sent.searchParams.get('ui_locales')).toBeNull();
    expect(sent.searchParams.get('lang')).toBeNull();
    expect(login.text).not.toContain('evil.example');
  });
});
