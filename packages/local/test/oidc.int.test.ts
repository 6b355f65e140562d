/**
 * The local OpenID Connect provider and the console's session routes over HTTP, as a browser and a
 * client meet them: discovery and JWKS, the authorization code flow with PKCE (S256 only), the
 * refresh token rotated at each use (the old one refused), sign-out everywhere, lockout.
 */
import { ManualClock } from '@taskforce/core';
import { type DynamoUsers, documentClient } from '@taskforce/dynamo';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../api/src/session/bff';
import { DEMO_PEOPLE, DEMO_TOTP, demoTotpCode, totpCode } from '../src/demo';
import { loadOrCreateDevKey } from '../src/dev-keys';
import { dynamoOidcAdapter } from '../src/oidc/adapter';
import { CONSOLE_CLIENT_ID, consoleClientSecret } from '../src/oidc/provider';
import { type Runtime, startRuntime } from '../src/runtime';

/** A browser's cookies, one origin: enough to follow the flow by hand. */
class Browser {
  jar = new Map<string, string>();
  constructor(readonly base: string) {}
  cookie(name: string) {
    return this.jar.get(name);
  }
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size) headers.set('Cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(path, this.base), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return res;
  }
  /** Follows redirects on this origin until a page that is not one (or one that leaves for `stopAt`). */
  async follow(path: string, stopAt?: RegExp): Promise<Response> {
    let res = await this.fetch(path);
    while (res.status >= 300 && res.status < 400) {
      const to = new URL(res.headers.get('location')!, this.base);
      if (stopAt?.test(to.pathname)) return res;
      res = await this.fetch(to.pathname + to.search);
    }
    return res;
  }
}

const formAction = (html: string, ends: string) => {
  const m = html.match(new RegExp(`action="([^"]*${ends})"`));
  if (!m) throw new Error(`no form ending ${ends}`);
  return m[1]!;
};

describe('the local OpenID Connect provider', () => {
  let rt: Runtime;
  const clock = new ManualClock(new Date());
  const lead = DEMO_PEOPLE.find((d) => d.persona.id === 'lead')!;
  const fbi = DEMO_PEOPLE.find((d) => d.persona.id === 'fbi')!;

  beforeAll(async () => {
    rt = await startRuntime({
      dynamoEndpoint: inject('dynamoEndpoint'),
      sqsEndpoint: inject('sqsEndpoint'),
      tableName: `oidc-${Math.random().toString(36).slice(2, 10)}`,
      clock,
      sweepEveryMs: false,
      workers: false,
      demoSignIn: true,
      logger: { info() {}, warn() {}, error() {} },
    });
    const { seedDemo } = await import('../src/demo');
    await seedDemo(rt.deps);
  });
  afterAll(() => rt?.stop());

  /** Signs in through the console's session routes and the provider's sign-in page; returns the browser. */
  const signIn = async (email: string, password: string) => {
    const b = new Browser(rt.url);
    const page = await b.follow('/auth/login?lang=vi&return=/%23/tasks');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain('Mật khẩu');
    const done = await b.fetch(formAction(html, '/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password, lang: 'vi' }),
    });
    return { b, done };
  };
  const finish = async (b: Browser, res: Response) => {
    expect(res.status).toBe(303);
    const end = await b.follow(res.headers.get('location')!, /^\/$/);
    expect(end.status).toBe(303);
    expect(end.headers.get('location')).toBe('/#/tasks');
    expect(b.cookie(SESSION_COOKIE)).toBeTruthy();
  };
  const tokenOf = async (b: Browser) => {
    const res = await b.fetch('/auth/session', { headers: { [CSRF_HEADER]: '1' } });
    return { res, body: res.ok ? ((await res.json()) as { token: string; idleEndsAt: string }) : undefined };
  };

  it('publishes discovery and its keys, with PKCE S256 only', async () => {
    const d = (await (await fetch(`${rt.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(d.issuer).toBe(rt.issuer);
    expect(d.code_challenge_methods_supported).toEqual(['S256']);
    expect(d.end_session_endpoint).toBeTruthy();
    const jwks = (await (await fetch(String(d.jwks_uri))).json()) as { keys: { d?: string }[] };
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
  });

  it('signs a demo person in with the code flow; the session cookie is HttpOnly, Secure, SameSite=Strict; the token works on the API', async () => {
    const b = new Browser(rt.url);
    const login = await b.fetch('/auth/login?lang=en');
    const auth = new URL(login.headers.get('location')!);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(login.headers.getSetCookie().join()).toMatch(/__Host-tf-signin=.*HttpOnly.*Secure.*SameSite=Lax/i);
    const { b: b2, done } = await signIn(lead.email, lead.password);
    const cookies: string[] = [];
    const origFetch = b2.fetch.bind(b2);
    b2.fetch = async (p, i) => {
      const r = await origFetch(p, i);
      cookies.push(...r.headers.getSetCookie());
      return r;
    };
    await finish(b2, done);
    expect(cookies.find((c) => c.startsWith(SESSION_COOKIE))).toMatch(/Path=\/.*HttpOnly.*Secure.*SameSite=Strict/i);
    const { body } = await tokenOf(b2);
    const claims = JSON.parse(Buffer.from(body!.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: rt.issuer, aud: 'taskforce-api', sub: lead.sub, org: 'vnm-a05', roles: ['officer'], amr: ['pwd'] });
    expect(Number(claims.exp) - Number(claims.iat)).toBeLessThanOrEqual(300);
    const me = await fetch(`${rt.url}/v1/me`, { headers: { Authorization: `Bearer ${body!.token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ sub: lead.sub, orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM' });
    // Without the header a session route refuses (a form or link from another site cannot send it).
    expect((await b2.fetch('/auth/session')).status).toBe(403);
  });

  it('the one-click demo sign-in goes through the same code flow', async () => {
    const b = new Browser(rt.url);
    const page = await b.follow('/auth/login?lang=th');
    const html = await page.text();
    expect(html).toContain('ผู้ใช้สาธิต');
    const done = await b.fetch(formAction(html, '/demo'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ persona: 'bank', lang: 'th' }),
    });
    expect(done.status).toBe(303);
    await b.follow(done.headers.get('location')!, /^\/$/);
    const { body } = await tokenOf(b);
    const me = (await (await fetch(`${rt.url}/v1/me`, { headers: { Authorization: `Bearer ${body!.token}` } })).json()) as Record<
      string,
      unknown
    >;
    expect(me).toMatchObject({ orgId: 'mekong-bank', orgKind: 'provider', roles: ['responder'] });
  });

  it('asks an account with TOTP for its one-time code after the password: a wrong or replayed code is refused, the right one signs in with amr pwd+otp', async () => {
    const cosigner = DEMO_PEOPLE.find((d) => d.persona.id === DEMO_TOTP.persona)!;
    const { b, done } = await signIn(cosigner.email, cosigner.password);
    // The password alone does not sign in: the page asks for the code, in the page's language.
    expect(done.status).toBe(200);
    const step = await done.text();
    expect(step).toContain('Mã dùng một lần');
    expect(step).toContain('autocomplete="one-time-code"');
    expect(b.cookie(SESSION_COOKIE)).toBeUndefined();
    const post = (otp: string) =>
      b.fetch(formAction(step, '/otp'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ otp, lang: 'vi' }),
      });
    const wrong = await post(demoTotpCode(new Date(clock.now().getTime() + 10 * 60_000)));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('aria-invalid="true"');
    expect((await post('not a code')).status).toBe(401);
    const code = demoTotpCode(clock.now());
    const right = await post(code);
    expect(right.status).toBe(303);
    await b.follow(right.headers.get('location')!, /^\/$/);
    const { body } = await tokenOf(b);
    const claims = JSON.parse(Buffer.from(body!.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: cosigner.sub, amr: ['pwd', 'otp'] });
    // The same code, seen over a shoulder, does not sign anyone in again.
    const again = await signIn(cosigner.email, cosigner.password);
    const replay = await again.b.fetch(formAction(await again.done.text(), '/otp'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ otp: code, lang: 'vi' }),
    });
    expect(replay.status).toBe(401);
    // Without a passed password step, a code alone is not an entry.
    const fresh = new Browser(rt.url);
    const page = await (await fresh.follow('/auth/login?lang=en')).text();
    const direct = await fresh.fetch(formAction(page, '/login').replace(/\/login$/, '/otp'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ otp: demoTotpCode(clock.now()), lang: 'en' }),
    });
    expect(direct.status).toBe(400);
  });

  it('enrols a duty contact without a second factor at sign-in: QR code as inline SVG under the strict CSP, secret, first code, ten recovery codes once; a recovery code signs in once with amr pwd+mfa', async () => {
    const users = rt.deps.users as DynamoUsers;
    const email = `duty.${Math.random().toString(36).slice(2, 8)}@tha-ccib.example`;
    const duty = await users.create({ email, name: 'Somchai', orgId: 'tha-ccib', roles: ['officer', 'duty_contact'] });
    await users.setPassword(duty.sub, 'night-shift-pass');
    const { b, done } = await signIn(email, 'night-shift-pass');
    expect(done.status).toBe(200);
    const csp = done.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    const page = await done.text();
    expect(page).toContain('Thiết lập yếu tố xác thực thứ hai');
    expect(page).not.toMatch(/<script|style="/i);
    expect(page).toMatch(/<svg role="img" aria-label="[^"]+"[^>]*viewBox/);
    const secret = page.match(/id="secret"[^>]*>([A-Z2-7 ]+)<\/textarea>/)![1]!.replaceAll(' ', '');
    expect(secret).toHaveLength(32);
    // Not signed in yet: the session starts only once the first code is right. The step waits in the
    // table (a restart keeps it), under the interaction's id, for five minutes.
    expect(b.cookie(SESSION_COOKIE)).toBeUndefined();
    const uid = formAction(page, '/enrol').split('/')[3]!;
    const { Adapter } = dynamoOidcAdapter(documentClient(rt.dynamo), rt.store.tableName);
    expect(await new Adapter('SecondStep').find(uid)).toEqual({ accountId: duty.sub, step: 'enrol', secret });
    const post = (path: string, body: Record<string, string>) =>
      b.fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...body, lang: 'vi' }),
      });
    const enrol = formAction(page, '/enrol');
    const wrong = await post(enrol, { otp: totpCode(secret, new Date(clock.now().getTime() + 10 * 60_000)) });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain(secret.replace(/(.{4})(?!$)/g, '$1 '));
    expect((await users.get(duty.sub))?.mfa).toBe(false);
    const right = await post(enrol, { otp: totpCode(secret, clock.now()) });
    expect(right.status).toBe(200);
    const codesPage = await right.text();
    const codes = [...codesPage.matchAll(/<li><code>([0-9A-Z-]{19})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect((await users.get(duty.sub))?.mfa).toBe(true);
    // The step is spent: the enrolment form cannot be posted again.
    expect((await post(enrol, { otp: totpCode(secret, clock.now()) })).status).toBe(400);
    const go = codesPage.match(/<form method="get" action="([^"]+)"/)![1]!;
    await finish(b, await b.fetch(new URL(go.replaceAll('&amp;', '&')).pathname));
    const claims = (t: string) => JSON.parse(Buffer.from(t.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims((await tokenOf(b)).body!.token)).toMatchObject({ sub: duty.sub, amr: ['pwd', 'otp'] });

    // Next time: the code page offers a recovery code instead; one signs in, once, saying how many are left.
    const again = await signIn(email, 'night-shift-pass');
    const otpStep = await again.done.text();
    expect(otpStep).toContain('autocomplete="one-time-code"');
    const link = otpStep.match(/href="([^"]*\/recovery\?lang=vi)"/)![1]!;
    const recoveryForm = await (await again.b.fetch(link)).text();
    const useCode = (code: string) =>
      again.b.fetch(formAction(recoveryForm, '/recovery'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ recovery: code, lang: 'vi' }),
      });
    expect((await useCode('AAAA-AAAA-AAAA-AAAA')).status).toBe(401);
    const used = await useCode(codes[0]!.toLowerCase());
    expect(used.status).toBe(200);
    const usedPage = await used.text();
    expect(usedPage).toContain('Bạn còn 9 mã khôi phục');
    const next = usedPage.match(/<form method="get" action="([^"]+)"/)![1]!;
    await finish(again.b, await again.b.fetch(new URL(next).pathname));
    const token = (await tokenOf(again.b)).body!.token;
    expect(claims(token)).toMatchObject({ sub: duty.sub, amr: ['pwd', 'mfa'] });
    // The API reads `mfa` as a second factor, as `otp`.
    const me = (await (await fetch(`${rt.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { mfa?: boolean };
    expect(me.mfa).toBe(true);
    // The same recovery code does not sign in again.
    const third = await signIn(email, 'night-shift-pass');
    const reuse = await third.b.fetch(formAction(await third.done.text(), '/otp').replace(/\/otp$/, '/recovery'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ recovery: codes[0]!, lang: 'vi' }),
    });
    expect(reuse.status).toBe(401);
    // Without a passed password step, neither a recovery code nor an enrolment is an entry.
    const fresh = new Browser(rt.url);
    const login = await (await fresh.follow('/auth/login?lang=en')).text();
    for (const step of ['/recovery', '/enrol']) {
      const direct = await fresh.fetch(formAction(login, '/login').replace(/\/login$/, step), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ recovery: codes[1]!, otp: '123456', lang: 'en' }),
      });
      expect(direct.status, step).toBe(400);
    }
  });

  it('asks a user whose MFA an administrator reset to enrol again at the next sign-in, even without a role that needs it', async () => {
    const users = rt.deps.users as DynamoUsers;
    const email = `officer.${Math.random().toString(36).slice(2, 8)}@usa-fbi.example`;
    const officer = await users.create({ email, name: 'Dana', orgId: 'usa-fbi', roles: ['officer'] });
    await users.setPassword(officer.sub, 'day-shift-pass');
    expect((await signIn(email, 'day-shift-pass')).done.status).toBe(303);
    await users.setTotp(officer.sub, DEMO_TOTP.secret);
    await users.resetMfa(officer.sub);
    const { done } = await signIn(email, 'day-shift-pass');
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('id="secret"');
  });

  it('answers hostile input on the second step with a page and a 4xx, never a 500', async () => {
    const users = rt.deps.users as DynamoUsers;
    const email = `hostile.${Math.random().toString(36).slice(2, 8)}@tha-dsi.example`;
    const u = await users.create({ email, name: 'Niran', orgId: 'tha-dsi', roles: ['supervisor'] });
    await users.setPassword(u.sub, 'supervisor-pass');
    const { b, done } = await signIn(email, 'supervisor-pass');
    const page = await done.text();
    const enrol = formAction(page, '/enrol');
    const base = enrol.replace(/\/enrol$/, '');
    const post = (path: string, body: string) =>
      b.fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    const cases: [string, Promise<Response>, number][] = [
      ['a huge code', post(enrol, `otp=${'9'.repeat(100_000)}&lang=th`), 401],
      ['a code of letters', post(enrol, 'otp=%00%FF%3Cscript%3E&lang=%3Cscript%3E'), 401],
      ['no body', post(enrol, ''), 401],
      ['recovery while enrolling', post(`${base}/recovery`, 'recovery=AAAA-AAAA-AAAA-AAAA'), 400],
      ['the code step while enrolling', b.fetch(`${base}/otp`), 400],
      ['an unknown step', post(`${base}/nothing`, 'otp=1'), 405],
      ['GET on the enrolment', b.fetch(enrol), 405],
      ['another interaction', post('/oidc/interaction/not-this-one/enrol', 'otp=123456'), 400],
    ];
    for (const [what, res, status] of cases) {
      const r = await res;
      expect(r.status, what).toBe(status);
      if (r.headers.get('content-type')?.startsWith('text/html'))
        expect(r.headers.get('content-security-policy'), what).toContain("default-src 'none'");
      expect(await r.text(), what).not.toContain('<script');
    }
    // The enrolment still waits, unharmed: the right code enrols.
    const secret = page.match(/id="secret"[^>]*>([A-Z2-7 ]+)<\/textarea>/)![1]!.replaceAll(' ', '');
    expect((await post(enrol, `otp=${totpCode(secret, clock.now())}`)).status).toBe(200);
  });

  it('rotates refresh tokens: a used refresh token is refused, and with it the whole grant', async () => {
    const { privateJwk } = await loadOrCreateDevKey();
    const issuer = new URL(rt.issuer);
    const insecure = { [oauth.allowInsecureRequests]: true };
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, insecure));
    const client = { client_id: CONSOLE_CLIENT_ID };
    const auth = oauth.ClientSecretBasic(consoleClientSecret(privateJwk));
    const verifier = oauth.generateRandomCodeVerifier();
    const b = new Browser(rt.url);
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: CONSOLE_CLIENT_ID,
      redirect_uri: `${rt.url}/auth/callback`,
      scope: 'openid api',
      state: 's1',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    // "plain" is refused outright.
    const plain = await b.fetch(
      `/oidc/auth?${new URLSearchParams({ ...Object.fromEntries(q), code_challenge: verifier, code_challenge_method: 'plain' })}`,
    );
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toContain('error=invalid_request');
    const page = await b.follow(`/oidc/auth?${q}`);
    const done = await b.fetch(formAction(await page.text(), '/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: fbi.email, password: fbi.password }),
    });
    const back = await b.follow(done.headers.get('location')!, /^\/auth\/callback$/);
    const callback = new URL(back.headers.get('location')!, rt.url);
    const params = oauth.validateAuthResponse(as, client, callback, 's1');
    const tokens = await oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, auth, params, `${rt.url}/auth/callback`, verifier, insecure),
    );
    expect(tokens.refresh_token).toBeTruthy();
    const first = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, insecure),
    );
    expect(first.refresh_token).toBeTruthy();
    expect(first.refresh_token).not.toBe(tokens.refresh_token);
    const reused = await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, insecure);
    expect(reused.status).toBe(400);
    expect(((await reused.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('signs out everywhere: every session of the user ends, and at the provider too', async () => {
    const one = await signIn(fbi.email, fbi.password);
    await finish(one.b, one.done);
    const two = await signIn(fbi.email, fbi.password);
    await finish(two.b, two.done);
    expect((await tokenOf(one.b)).res.status).toBe(200);
    const out = await one.b.fetch('/auth/logout', { method: 'POST', headers: { [CSRF_HEADER]: '1' } });
    expect(out.status).toBe(200);
    expect((await tokenOf(one.b)).res.status).toBe(401);
    expect((await tokenOf(two.b)).res.status).toBe(401);
    // The provider's own session is gone: a new sign-in asks for the password again.
    const again = await two.b.follow('/auth/login');
    expect(await again.text()).toContain('name="password"');
  });

  it('ends a session after 30 minutes without activity; activity keeps it', async () => {
    const { b, done } = await signIn(lead.email, lead.password);
    await finish(b, done);
    clock.advance(25 * 60_000);
    const stay = await b.fetch('/auth/session', { method: 'POST', headers: { [CSRF_HEADER]: '1' } });
    expect(stay.status).toBe(200);
    clock.advance(25 * 60_000);
    expect((await tokenOf(b)).res.status).toBe(200);
    clock.advance(6 * 60_000);
    expect((await tokenOf(b)).res.status).toBe(401);
  });

  it('locks an account for 15 minutes after 5 failed attempts, and says so', async () => {
    const ccib = DEMO_PEOPLE.find((d) => d.persona.id === 'ccib')!;
    for (let i = 0; i < 4; i++) {
      const { done } = await signIn(ccib.email, 'wrong');
      expect(done.status).toBe(401);
    }
    // The fifth failure locks the account; then even the right password is refused until it lapses.
    expect((await signIn(ccib.email, 'wrong')).done.status).toBe(423);
    const { done } = await signIn(ccib.email, ccib.password);
    expect(done.status).toBe(423);
    expect(await done.text()).toContain('UTC');
    clock.advance(16 * 60_000);
    const later = await signIn(ccib.email, ccib.password);
    expect(later.done.status).toBe(303);
  });
  it('answers hostile input to the session routes with problem+json naming the field, never a 500', async () => {
    const b = new Browser(rt.url);
    const h = { [CSRF_HEADER]: '1' };
    const cases: [string, RequestInit, number, RegExp?][] = [
      ['/auth/session', {}, 403],
      ['/auth/session', { headers: h }, 401],
      ['/auth/session', { headers: { ...h, Cookie: `${SESSION_COOKIE}=${'x'.repeat(500)}` } }, 401],
      ['/auth/session', { method: 'POST', headers: { ...h, 'X-Taskforce-Tab': '../../etc' } }, 401],
      ['/auth/logout', { method: 'POST' }, 403],
      ['/auth/callback?code=x&state=y', {}, 400, /state/],
      ['/auth/callback', { headers: { Cookie: '__Host-tf-signin=nope' } }, 400, /state/],
      ['/auth/login?return=https://evil.example/&lang=<script>', {}, 303],
    ];
    for (const [path, init, status, detail] of cases) {
      const res = await b.fetch(path, init);
      expect(res.status, path).toBe(status);
      if (status >= 400) {
        expect(res.headers.get('content-type'), path).toContain('application/problem+json');
        if (detail) expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
      }
    }
    // A foreign return address is never followed: the login goes back to the console.
    const login = await b.fetch('/auth/login?return=//evil.example/');
    const auth = new URL(login.headers.get('location')!);
    expect(auth.searchParams.get('ui_locales')).toBeNull();
    // With a live session, a bad shift value names the field; a person who is not a duty contact may not ask for a shift.
    const one = await signIn(lead.email, lead.password);
    await finish(one.b, one.done);
    const bad = await one.b.fetch('/auth/session', {
      method: 'POST',
      headers: { ...h, 'Content-Type': 'application/json' },
      body: '{"shift":"yes"}',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/^shift/);
    const notDuty = await one.b.fetch('/auth/session', {
      method: 'POST',
      headers: { ...h, 'Content-Type': 'application/json' },
      body: '{"shift":true}',
    });
    expect(notDuty.status).toBe(403);
    const junk = await one.b.fetch('/auth/session', {
      method: 'POST',
      headers: { ...h, 'Content-Type': 'application/json' },
      body: '{"shift":',
    });
    expect(junk.status).toBe(200);
  });
});
