/**
 * The deployed console's sign-in, run in Node against a stand-in for its backend (`/auth/*`, the
 * auth function on AWS): page script only navigates to `/auth/login` (naming an agency's provider
 * if the person picks one), resumes the session the backend names by its cookie, and signs out
 * through it; it never talks to Cognito, holds a client id or sees a refresh token.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../src/api/client';
import { beginSignIn, loadConfig, resumeSession, signOut } from '../src/auth';

// The API client reads `location` when it loads, so the stand-in address bar exists before any
// import (vitest runs `vi.hoisted` first).
const nav = vi.hoisted(() => {
  const nav = { href: new URL('https://d111.cloudfront.net/'), assigned: undefined as string | undefined };
  Object.defineProperty(globalThis, 'location', {
    configurable: true,
    value: {
      get search() {
        return nav.href.search;
      },
      get pathname() {
        return nav.href.pathname;
      },
      get hash() {
        return nav.href.hash;
      },
      get origin() {
        return nav.href.origin;
      },
      assign: (u: string) => {
        nav.assigned = u;
      },
    },
  });
  return nav;
});

const b64url = (b: Buffer) => b.toString('base64url');
/** A JWT-shaped token; only its claims matter to the console. */
const token = (claims: object) => `${b64url(Buffer.from('{"alg":"none"}'))}.${b64url(Buffer.from(JSON.stringify(claims)))}.sig`;
// What Cognito issues and the backend hands the page: the ID token names the app client (`aud`) and
// carries the custom attributes the API reads.
const ID_TOKEN = token({ token_use: 'id', aud: 'client123', sub: 'u1', 'custom:org': 'vnm-a05', 'custom:roles': 'officer' });

let store: Map<string, string>;
const requests: { url: string; init?: RequestInit }[] = [];

beforeEach(() => {
  store = new Map();
  nav.assigned = undefined;
  nav.href = new URL('https://d111.cloudfront.net/#/workspaces/ws1');
  requests.length = 0;
  session.value = undefined;
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  vi.stubGlobal('history', {
    replaceState: (_: unknown, __: string, u: string) => {
      nav.href = new URL(u, nav.href);
    },
  });
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    requests.push({ url: String(url), ...(init ? { init } : {}) });
    if (String(url) === '/config.json')
      return Response.json({ apiUrl: 'https://d111.cloudfront.net', providers: [{ name: 'VNM-A05', label: 'A05 (Keycloak)' }] });
    // The backend hands the page Cognito's ID token (short-lived) and the session's idle deadline.
    if (String(url) === '/auth/session')
      return Response.json({
        token: ID_TOKEN,
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        now: new Date().toISOString(),
        idleMinutes: 30,
        idleEndsAt: new Date(Date.now() + 1800_000).toISOString(),
        endsAt: new Date(Date.now() + 14 * 3600_000).toISOString(),
      });
    if (String(url) === '/auth/logout')
      return Response.json({ redirect: 'https://taskforce-x.auth.eu-west-1.amazoncognito.com/logout?client_id=client123' });
    if (String(url).endsWith('/v1/me')) {
      // As the API does: the token must be for this app client and name an organisation.
      const bearer = new Headers(init?.headers).get('authorization')?.replace(/^Bearer /, '') ?? '';
      const claims = JSON.parse(Buffer.from(bearer.split('.')[1] ?? '', 'base64url').toString() || '{}');
      if (claims.aud !== 'client123' || typeof claims['custom:org'] !== 'string') return new Response(null, { status: 401 });
      return Response.json({ sub: 'u1', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
    }
    return new Response(null, { status: 404 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  session.value = undefined;
});

describe('deployed sign-in, through the console backend', () => {
  it("sends the person to the backend's /auth/login, coming back to this screen, with nothing of the client", () => {
    beginSignIn('vi');
    const to = new URL(nav.assigned!, 'https://d111.cloudfront.net');
    expect(to.origin + to.pathname).toBe('https://d111.cloudfront.net/auth/login');
    expect(to.searchParams.get('lang')).toBe('vi');
    expect(to.searchParams.get('return')).toBe('/#/workspaces/ws1');
    expect(to.searchParams.get('tab')).toMatch(/^[0-9a-f]{24}$/);
    for (const p of ['client_id', 'code_challenge', 'identity_provider', 'idp']) expect(to.searchParams.has(p)).toBe(false);
  });

  it("names the agency's own provider the person picked, from config.json", async () => {
    const config = await loadConfig();
    expect(config?.providers).toEqual([{ name: 'VNM-A05', label: 'A05 (Keycloak)' }]);
    beginSignIn('en', config!.providers![0]!.name);
    expect(new URL(nav.assigned!, 'https://d111.cloudfront.net').searchParams.get('idp')).toBe('VNM-A05');
  });

  it('resumes the session the backend names by its cookie, with the ID token it hands over (it names the client and the organisation)', async () => {
    expect(await resumeSession()).toBe(true);
    expect(session.value?.token).toBe(ID_TOKEN);
    expect(session.value?.me.orgId).toBe('vnm-a05');
    expect(requests.map((r) => r.url)).toEqual(['/auth/session', expect.stringMatching(/\/v1\/me$/)]);
  });
});

describe('sign out', () => {
  const signedIn = () => {
    session.value = {
      token: ID_TOKEN,
      me: { sub: 'u1', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] },
      label: 'vnm-a05',
    };
  };

  it("drops the in-memory token at once, asks the backend to end the session everywhere, and follows it through Cognito's sign-out", async () => {
    signedIn();
    const done = signOut();
    expect(session.value).toBeUndefined();
    await done;
    expect(requests).toEqual([
      {
        url: '/auth/logout',
        init: expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'X-Taskforce-Session': '1' }) }),
      },
    ]);
    expect(nav.assigned).toBe('https://taskforce-x.auth.eu-west-1.amazoncognito.com/logout?client_id=client123');
  });
});
