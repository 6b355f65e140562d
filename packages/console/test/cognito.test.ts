/**
 * The console's side of Cognito's authorization code flow with PKCE, run in Node against a
 * stand-in for the hosted UI and token endpoint: what it sends, and which token it keeps.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../src/api/client';
import { type CognitoConfig, cognitoCallback, cognitoSignIn, signOut } from '../src/auth';

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

const cfg: CognitoConfig = {
  apiUrl: 'https://d111.cloudfront.net',
  cognito: {
    domain: 'taskforce-x.auth.eu-west-1.amazoncognito.com',
    clientId: 'client123',
    redirectUri: 'https://d111.cloudfront.net/',
    logoutUri: 'https://d111.cloudfront.net/',
    scopes: ['openid', 'email', 'profile'],
  },
};

const b64url = (b: Buffer) => b.toString('base64url');
/** A JWT-shaped token; only its claims matter to the console. */
const token = (claims: object) => `${b64url(Buffer.from('{"alg":"none"}'))}.${b64url(Buffer.from(JSON.stringify(claims)))}.sig`;
// What Cognito issues: the ID token names the app client (`aud`) and carries the custom attributes;
// the access token names neither, so the API (which checks the audience and reads `custom:org`) refuses it.
const ID_TOKEN = token({ token_use: 'id', aud: 'client123', sub: 'u1', 'custom:org': 'vnm-a05', 'custom:roles': 'officer' });
const ACCESS_TOKEN = token({ token_use: 'access', client_id: 'client123', sub: 'u1', scope: 'openid email profile' });

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
    if (String(url).endsWith('/oauth2/token'))
      return Response.json({ id_token: ID_TOKEN, access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600 });
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

describe('Cognito sign-in (authorization code with PKCE)', () => {
  it('sends the user to the hosted UI with an S256 challenge of a verifier it keeps only for the round trip', async () => {
    await cognitoSignIn(cfg);
    const to = new URL(nav.assigned!);
    expect(`${to.origin}${to.pathname}`).toBe('https://taskforce-x.auth.eu-west-1.amazoncognito.com/oauth2/authorize');
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: 'https://d111.cloudfront.net/',
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    const saved = JSON.parse(store.get('pkce')!) as { verifier: string; state: string };
    expect(to.searchParams.get('code_challenge')).toBe(b64url(createHash('sha256').update(saved.verifier).digest()));
    expect(to.searchParams.get('state')).toBe(saved.state);
  });

  it("sends a user who picks their agency straight to that agency's provider, through the same code flow", async () => {
    await cognitoSignIn({ ...cfg, cognito: { ...cfg.cognito, providers: [{ name: 'VNM-A05', label: 'Viet Nam A05' }] } }, 'VNM-A05');
    const to = new URL(nav.assigned!);
    expect(to.pathname).toBe('/oauth2/authorize');
    expect(to.searchParams.get('identity_provider')).toBe('VNM-A05');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    // Without a provider, Cognito's own page (no identity_provider).
    await cognitoSignIn(cfg);
    expect(new URL(nav.assigned!).searchParams.has('identity_provider')).toBe(false);
  });

  it('exchanges the code with the verifier and signs in with the ID token, which names the client and the organisation', async () => {
    await cognitoSignIn(cfg);
    const { verifier, state } = JSON.parse(store.get('pkce')!) as { verifier: string; state: string };
    nav.href = new URL(`https://d111.cloudfront.net/?code=abc&state=${state}`);

    expect(await cognitoCallback(cfg)).toBe(true);

    const exchange = requests.find((r) => r.url.endsWith('/oauth2/token'))!;
    expect(Object.fromEntries(new URLSearchParams(String(exchange.init?.body)))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client123',
      code: 'abc',
      redirect_uri: 'https://d111.cloudfront.net/',
      code_verifier: verifier,
    });
    expect(session.value?.token).toBe(ID_TOKEN);
    expect(session.value?.me.orgId).toBe('vnm-a05');
    // Back where the user was, with the code gone from the address bar and the verifier forgotten.
    expect(nav.href.href).toBe('https://d111.cloudfront.net/#/workspaces/ws1');
    expect(store.size).toBe(0);
  });

  it('refuses a return whose state is not the one it sent', async () => {
    await cognitoSignIn(cfg);
    nav.href = new URL('https://d111.cloudfront.net/?code=abc&state=forged');
    await expect(cognitoCallback(cfg)).rejects.toThrow(/state/);
    expect(requests.some((r) => r.url.endsWith('/oauth2/token'))).toBe(false);
    expect(session.value).toBeUndefined();
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

  it('on AWS drops the token and ends the hosted UI session, returning to the console', () => {
    signedIn();
    signOut(cfg);
    expect(session.value).toBeUndefined();
    const to = new URL(nav.assigned!);
    expect(`${to.origin}${to.pathname}`).toBe('https://taskforce-x.auth.eu-west-1.amazoncognito.com/logout');
    expect(Object.fromEntries(to.searchParams)).toEqual({ client_id: 'client123', logout_uri: 'https://d111.cloudfront.net/' });
  });

  it("locally drops the in-memory token at once and asks the console's backend to end the session everywhere", () => {
    signedIn();
    void signOut(undefined);
    expect(session.value).toBeUndefined();
    expect(nav.assigned).toBeUndefined();
    expect(requests).toEqual([
      {
        url: '/auth/logout',
        init: expect.objectContaining({ method: 'POST', headers: expect.objectContaining({ 'X-Taskforce-Session': '1' }) }),
      },
    ]);
  });
});
