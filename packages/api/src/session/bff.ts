import { randomBytes } from 'node:crypto';
import { DomainError } from '@taskforce/core';
import type { Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oauth from 'oauth4webapi';
import type { BrowserSession, PendingLogin, SessionStore } from './store';

export type * from './store';

/** The session cookie: `__Host-` (this origin only, path /, Secure), HttpOnly, SameSite=Strict; it names a session, nothing more. */
export const SESSION_COOKIE = '__Host-tf-session';
/**
 * The sign-in cookie, only for the round trip to the provider: SameSite=Lax, since the provider
 * sends the browser back with a top-level navigation from its own site (Cognito's domain on AWS).
 */
const LOGIN_COOKIE = '__Host-tf-signin';
/** State-changing session routes need this header: a form post or a link from another site cannot send it. */
export const CSRF_HEADER = 'X-Taskforce-Session';
/**
 * A browser tab's own session: the console names its tab (an id kept in the tab's sessionStorage,
 * not a secret) and each tab's cookie carries it, so two tabs may be two people (and a reload keeps
 * the tab's). Without it, one session per browser.
 */
const TAB_HEADER = 'X-Taskforce-Tab';
const TAB = /^[\w-]{6,32}$/;
const cookieName = (tab: string | undefined) => (tab && TAB.test(tab) ? `${SESSION_COOKIE}-${tab}` : SESSION_COOKIE);

/** Idle time after which a session ends, and the longer one a duty contact may choose for a roster shift. */
const IDLE_MINUTES = 30;
const SHIFT_IDLE_MINUTES = 12 * 60;
/** A session ends this long after sign-in whatever the activity (the provider's session lasts as long). */
const SESSION_HOURS = 14;
const LOGIN_TTL_SECONDS = 10 * 60;
/** An access token that lapses within this long is renewed before it is handed out. */
const RENEW_BEFORE_MS = 60_000;

export interface SessionRoutesOptions {
  /** The provider's issuer (the local provider, or the Cognito user pool). */
  issuer: string;
  clientId: string;
  clientSecret: string | (() => Promise<string>);
  /** The console's origin: the callback is `<origin>/auth/callback`, signing out returns to `<origin>/`. */
  origin: string;
  store: SessionStore;
  /** The platform's clock: idle time is measured on it. */
  now: () => Date;
  /** Which token the page is handed: the access token for the API (local provider) or the ID token (Cognito, whose ID token carries the organisation). */
  handOut?: 'access_token' | 'id_token';
  /** Ends the user's sessions at the provider too (local: its sessions, grants and refresh tokens). */
  endEverywhere?: (sub: string) => Promise<void>;
  /** Where the browser goes after signing out (Cognito's /logout); by default the console. */
  logoutRedirect?: (idToken: string | undefined) => string;
  /** http:// issuers (the local runtime only). */
  allowInsecure?: boolean;
  /** The roles the token handed to the page names (the one that allows the longer, shift-long idle time). */
  rolesOf?: (token: string) => string[];
  /** What the sign-in asks for (default `openid profile email api`, the local provider's; Cognito's pool: no `api`). */
  scopes?: string[];
  /** Agencies' identity providers by name: `/auth/login?idp=<name>` goes straight to one (Cognito's `identity_provider`); any other name is ignored. */
  providers?: readonly string[];
}

const b64 = (n = 32) => randomBytes(n).toString('base64url');
const unauthenticated = (why: string) => new DomainError('unauthenticated', why);

/**
 * The console's backend-for-frontend (IETF "OAuth 2.0 for Browser-Based Applications", the
 * token-mediating pattern): it runs the authorization code flow with PKCE as a confidential client,
 * keeps the refresh and ID tokens in the session item in the table, and gives the browser only an
 * HttpOnly cookie. The page asks `/auth/session` for a short-lived access token (≤ 5 min), kept in
 * memory only; see docs/security.md.
 */
export function sessionRoutes(opts: SessionRoutesOptions) {
  const client: oauth.Client = { client_id: opts.clientId };
  const insecure = opts.allowInsecure ? { [oauth.allowInsecureRequests]: true } : {};
  const redirectUri = `${opts.origin}/auth/callback`;
  let server: Promise<oauth.AuthorizationServer> | undefined;
  const as = () => {
    server ??= (async () => {
      const issuer = new URL(opts.issuer);
      return oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }));
    })().catch((err) => {
      server = undefined;
      throw err;
    });
    return server;
  };
  const auth = async () => oauth.ClientSecretBasic(typeof opts.clientSecret === 'string' ? opts.clientSecret : await opts.clientSecret());
  const secure = { httpOnly: true, secure: true, path: '/' } as const;

  const idleEndsAt = (s: BrowserSession) => new Date(new Date(s.lastActiveAt).getTime() + s.idleMinutes * 60_000);
  const ended = (s: BrowserSession, now: Date) => idleEndsAt(s) <= now || new Date(s.endsAt) <= now;

  /** The session the cookie names, if it is still live; an ended one is deleted. */
  const current = async (c: Context): Promise<{ id: string; session: BrowserSession }> => {
    const name = cookieName(c.req.header(TAB_HEADER));
    const id = getCookie(c, name);
    if (!id || id.length > 64) throw unauthenticated('no session');
    const session = await opts.store.get(id);
    if (!session) throw unauthenticated('no session');
    if (ended(session, opts.now())) {
      await opts.store.delete(id);
      deleteCookie(c, name, secure);
      throw unauthenticated('the session ended after a time without activity');
    }
    return { id, session };
  };
  const requireHeader = (c: Context) => {
    if (c.req.header(CSRF_HEADER) !== '1') throw new DomainError('forbidden', `send the ${CSRF_HEADER}: 1 header`);
  };

  const handed = (s: BrowserSession) => (opts.handOut === 'id_token' ? (s.idToken ?? s.accessToken) : s.accessToken);

  const renew = async (id: string, s: BrowserSession): Promise<BrowserSession> => {
    if (s.accessExpiresAt - Date.now() > RENEW_BEFORE_MS) return s;
    if (!s.refreshToken) throw unauthenticated('the session cannot be renewed');
    const a = await as();
    let result: oauth.TokenEndpointResponse;
    try {
      const res = await oauth.refreshTokenGrantRequest(a, client, await auth(), s.refreshToken, insecure);
      result = await oauth.processRefreshTokenResponse(a, client, res);
    } catch {
      // Refused (signed out elsewhere, a disabled user, a refresh token already used): the session is over.
      await opts.store.delete(id);
      throw unauthenticated('the session could not be renewed; sign in again');
    }
    const next: BrowserSession = {
      ...s,
      accessToken: result.access_token,
      accessExpiresAt: Date.now() + (result.expires_in ?? 300) * 1000,
      ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
      ...(result.id_token ? { idToken: result.id_token } : {}),
    };
    await opts.store.put(id, next);
    return next;
  };

  const view = (s: BrowserSession) => ({
    token: handed(s),
    expiresAt: new Date(s.accessExpiresAt).toISOString(),
    now: opts.now().toISOString(),
    idleMinutes: s.idleMinutes,
    idleEndsAt: idleEndsAt(s).toISOString(),
    endsAt: s.endsAt,
  });

  // biome-ignore lint/suspicious/noExplicitAny: mounted on the API app, whatever its variables
  return (app: Hono<any>) => {
    app.get('/auth/login', async (c) => {
      const a = await as();
      const codeVerifier = oauth.generateRandomCodeVerifier();
      const login: PendingLogin = {
        state: oauth.generateRandomState(),
        nonce: oauth.generateRandomNonce(),
        codeVerifier,
        // Only a path of the console (its hash route), never another site.
        returnTo: /^\/(?!\/)[\w\-./?=&%#]*$/.test(c.req.query('return') ?? '') ? c.req.query('return')! : '/',
        ...(TAB.test(c.req.query('tab') ?? '') ? { tab: c.req.query('tab')! } : {}),
      };
      const id = b64();
      await opts.store.putLogin(id, login, LOGIN_TTL_SECONDS);
      setCookie(c, LOGIN_COOKIE, id, { ...secure, sameSite: 'Lax', maxAge: LOGIN_TTL_SECONDS });
      const url = new URL(a.authorization_endpoint!);
      const lang = c.req.query('lang');
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: opts.clientId,
        redirect_uri: redirectUri,
        scope: (opts.scopes ?? ['openid', 'profile', 'email', 'api']).join(' '),
        state: login.state,
        nonce: login.nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        // OpenID Connect's `ui_locales` (the local provider reads it); Cognito's managed login reads `lang`.
        ...(lang && /^[a-z]{2}$/.test(lang) ? { ui_locales: lang, lang } : {}),
        ...(opts.providers?.includes(c.req.query('idp') ?? '') ? { identity_provider: c.req.query('idp')! } : {}),
        // Every sign-in asks who is signing in: a browser's provider session never signs a tab in as someone else.
        prompt: 'login',
      }).toString();
      c.header('Cache-Control', 'no-store');
      return c.redirect(url.href, 303);
    });

    app.get('/auth/callback', async (c) => {
      const id = getCookie(c, LOGIN_COOKIE);
      deleteCookie(c, LOGIN_COOKIE, secure);
      const login = id && id.length <= 64 ? await opts.store.takeLogin(id) : undefined;
      if (!login) throw new DomainError('validation', 'state: this sign-in is unknown or expired; start again');
      const a = await as();
      let result: oauth.TokenEndpointResponse;
      try {
        const params = oauth.validateAuthResponse(a, client, new URL(c.req.url, opts.origin), login.state);
        const res = await oauth.authorizationCodeGrantRequest(a, client, await auth(), params, redirectUri, login.codeVerifier, insecure);
        result = await oauth.processAuthorizationCodeResponse(a, client, res, { expectedNonce: login.nonce, requireIdToken: true });
      } catch (err) {
        throw new DomainError('validation', `code: the sign-in could not be completed (${err instanceof Error ? err.message : 'refused'})`);
      }
      const claims = oauth.getValidatedIdTokenClaims(result)!;
      const now = opts.now();
      const session: BrowserSession = {
        sub: claims.sub,
        accessToken: result.access_token,
        accessExpiresAt: Date.now() + (result.expires_in ?? 300) * 1000,
        ...(result.refresh_token ? { refreshToken: result.refresh_token } : {}),
        ...(result.id_token ? { idToken: result.id_token } : {}),
        createdAt: now.toISOString(),
        lastActiveAt: now.toISOString(),
        idleMinutes: IDLE_MINUTES,
        endsAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
      };
      const sid = b64();
      await opts.store.put(sid, session);
      setCookie(c, cookieName(login.tab), sid, { ...secure, sameSite: 'Strict' });
      c.header('Cache-Control', 'no-store');
      return c.redirect(login.returnTo, 303);
    });

    /** The page's short-lived token and the session's idle deadline; reading it is not activity. */
    app.get('/auth/session', async (c) => {
      requireHeader(c);
      const { id, session } = await current(c);
      c.header('Cache-Control', 'no-store');
      return c.json(view(await renew(id, session)));
    });

    /** Activity ("Stay signed in", or the person using the console): the idle time starts again. A duty contact may ask for a shift-long idle time. */
    app.post('/auth/session', async (c) => {
      requireHeader(c);
      const { id, session } = await current(c);
      const body = (await c.req.json().catch(() => ({}))) as { shift?: unknown };
      if (body.shift !== undefined && typeof body.shift !== 'boolean') throw new DomainError('validation', 'shift: a boolean');
      let idleMinutes = session.idleMinutes;
      if (typeof body.shift === 'boolean') {
        const roles = opts.rolesOf?.(handed(session)) ?? [];
        if (body.shift && !roles.includes('duty_contact'))
          throw new DomainError('forbidden', 'shift: only a duty contact may stay signed in for a shift');
        idleMinutes = body.shift ? SHIFT_IDLE_MINUTES : IDLE_MINUTES;
      }
      const next = { ...session, lastActiveAt: opts.now().toISOString(), idleMinutes };
      await opts.store.put(id, next);
      c.header('Cache-Control', 'no-store');
      return c.json(view(await renew(id, next)));
    });

    /** Signs out everywhere: every session of this user here, their refresh tokens and their sessions at the provider. */
    app.post('/auth/logout', async (c) => {
      requireHeader(c);
      const name = cookieName(c.req.header(TAB_HEADER));
      const id = getCookie(c, name);
      const session = id && id.length <= 64 ? await opts.store.get(id) : undefined;
      deleteCookie(c, name, secure);
      if (!session) return c.json({ redirect: '/' });
      await opts.store.deleteAllOf(session.sub);
      if (session.refreshToken) {
        const a = await as();
        await oauth.revocationRequest(a, client, await auth(), session.refreshToken, insecure).catch(() => undefined);
      }
      await opts.endEverywhere?.(session.sub);
      return c.json({ redirect: opts.logoutRedirect?.(session.idToken) ?? '/' });
    });
  };
}
