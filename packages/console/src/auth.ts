import { apiUrl, type Principal, session, setApiBase } from './api/client';
import { PERSONAS, type Persona } from './personas';
import { signal } from './signal';

async function whoAmI(token: string): Promise<Principal> {
  const res = await fetch(apiUrl('/v1/me'), { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`/v1/me answered ${res.status}`);
  return (await res.json()) as Principal;
}

/** The demo person a subject is (the local provider's demo users), for their label and home screen. */
export const personaOf = (sub: string): Persona | undefined => PERSONAS.find((p) => `${p.principal.orgId}-${p.id}` === sub);

/** State-changing session routes want this header: a form or a link from another site cannot send it. */
const sessionHeaders = () => ({ 'X-Taskforce-Session': '1', 'X-Taskforce-Tab': tabId() });

/** This tab's name (kept across reloads in the tab's sessionStorage; not a secret): each tab has its own session. */
function tabId(): string {
  if (typeof sessionStorage === 'undefined') return '';
  let id = sessionStorage.getItem('tf-tab');
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem('tf-tab', id);
  }
  return id;
}

/** What the console's backend says of the session: the short-lived token (memory only) and the idle deadline. */
interface SessionView {
  token: string;
  expiresAt: string;
  now: string;
  idleMinutes: number;
  idleEndsAt: string;
  endsAt: string;
}

/** The session's idle deadline, on the browser's clock (the server's `now` gives the offset). */
export const idle = signal<{ endsAt: number; minutes: number } | undefined>(undefined);
/** Set when the session ended for inactivity: the sign-in page says so. */
export const endedIdle = signal<number | undefined>(undefined);

let renewTimer: ReturnType<typeof setTimeout> | undefined;

async function apply(v: SessionView): Promise<void> {
  const me = session.value?.token === v.token ? session.value.me : await whoAmI(v.token);
  session.value = { token: v.token, me, label: personaOf(me.sub)?.label ?? me.orgId };
  idle.value = { endsAt: Date.now() + (Date.parse(v.idleEndsAt) - Date.parse(v.now)), minutes: v.idleMinutes };
  // The token is renewed a minute before it lapses (the backend refreshes it with the refresh token it keeps).
  clearTimeout(renewTimer);
  renewTimer = setTimeout(() => void checkSession(), Math.max(5_000, Date.parse(v.expiresAt) - Date.now() - 60_000));
}

function ended(): void {
  clearTimeout(renewTimer);
  if (session.value && idle.value) endedIdle.value = idle.value.minutes;
  session.value = undefined;
  idle.value = undefined;
}

/** Picks up the session the cookie names, after a reload; false when there is none. */
export async function resumeSession(): Promise<boolean> {
  const res = await fetch('/auth/session', { headers: sessionHeaders(), cache: 'no-store' });
  if (!res.ok) return false;
  await apply((await res.json()) as SessionView);
  return true;
}

/** Reads the session again (its idle deadline, a fresh token); ends it here when the backend has. */
export async function checkSession(): Promise<void> {
  const res = await fetch('/auth/session', { headers: sessionHeaders(), cache: 'no-store' }).catch(() => undefined);
  if (!res) return;
  if (res.status === 401) return ended();
  if (res.ok) await apply((await res.json()) as SessionView);
}

/** Activity: the idle time starts again ("Stay signed in", or the person using the console); `shift` asks for a duty contact's shift-long idle time. */
export async function stayActive(shift?: boolean): Promise<void> {
  const res = await fetch('/auth/session', {
    method: 'POST',
    headers: { ...sessionHeaders(), 'Content-Type': 'application/json' },
    body: JSON.stringify(shift === undefined ? {} : { shift }),
  });
  if (res.status === 401) return ended();
  if (res.ok) await apply((await res.json()) as SessionView);
}

/** Goes to the platform's sign-in page (through the console's backend), and comes back to this screen. */
export function beginSignIn(lang: string): void {
  const back = `/${location.search}${location.hash}`;
  location.assign(`/auth/login?${new URLSearchParams({ lang, return: back, tab: tabId() })}`);
}

/** Deployed settings, served beside the console on AWS (`/config.json`); absent locally. */
export interface CognitoConfig {
  apiUrl: string;
  /** `logoutUri` is where the hosted UI sends the user after signing out (one of the client's sign-out URLs). */
  cognito: {
    domain: string;
    clientId: string;
    redirectUri: string;
    logoutUri?: string;
    scopes?: string[];
    /** Agencies' own identity providers: "Sign in with <label>" goes straight to that provider (`identity_provider=<name>`). */
    providers?: { name: string; label: string }[];
  };
}

export async function loadConfig(): Promise<CognitoConfig | undefined> {
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (!res.ok || !res.headers.get('content-type')?.includes('json')) return undefined;
    const cfg = (await res.json()) as CognitoConfig;
    setApiBase(cfg.apiUrl);
    return cfg;
  } catch {
    return undefined;
  }
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/**
 * Cognito's authorization code flow with PKCE. The verifier lives in sessionStorage only for the
 * round trip to the hosted sign-in page and is removed on return; the tokens stay in memory.
 */
export async function cognitoSignIn(cfg: CognitoConfig, provider?: string): Promise<void> {
  const verifier = b64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const state = b64url(crypto.getRandomValues(new Uint8Array(16)));
  sessionStorage.setItem('pkce', JSON.stringify({ verifier, state, hash: location.hash }));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.cognito.clientId,
    redirect_uri: cfg.cognito.redirectUri,
    scope: (cfg.cognito.scopes ?? ['openid']).join(' '),
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  // An agency's provider named: Cognito skips its own page and sends the user to that provider.
  if (provider) q.set('identity_provider', provider);
  location.assign(`https://${cfg.cognito.domain}/oauth2/authorize?${q}`);
}

/** On return from the hosted sign-in page: exchange the code (with the verifier) for tokens. */
export async function cognitoCallback(cfg: CognitoConfig): Promise<boolean> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const saved = sessionStorage.getItem('pkce');
  if (!code || !saved) return false;
  sessionStorage.removeItem('pkce');
  const { verifier, state, hash } = JSON.parse(saved) as { verifier: string; state: string; hash: string };
  history.replaceState(null, '', `${location.pathname}${hash}`);
  if (params.get('state') !== state) throw new Error('sign-in state does not match');
  const res = await fetch(`https://${cfg.cognito.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cfg.cognito.clientId,
      code,
      redirect_uri: cfg.cognito.redirectUri,
      code_verifier: verifier,
    }),
  });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  // The ID token, not the access token: only the ID token names the app client as its audience
  // and carries `custom:org` and `custom:roles`, which is what the authorizer and the API check.
  const { id_token } = (await res.json()) as { id_token: string };
  const me = await whoAmI(id_token);
  session.value = { token: id_token, me, label: me.orgId };
  return true;
}

/**
 * Signing out drops the in-memory token; on AWS it also ends the hosted UI's session, or the next
 * "Sign in" would come straight back signed in as the same person (Cognito's /logout, which then
 * returns to the console).
 */
export async function signOut(cfg: CognitoConfig | undefined): Promise<void> {
  if (!cfg) {
    // The token goes from memory at once; then the backend ends the session everywhere: every
    // session of this person, their refresh tokens, and at the provider.
    clearTimeout(renewTimer);
    endedIdle.value = undefined;
    idle.value = undefined;
    session.value = undefined;
    const res = await fetch('/auth/logout', { method: 'POST', headers: sessionHeaders() }).catch(() => undefined);
    const to = res?.ok ? ((await res.json()) as { redirect?: string }).redirect : undefined;
    if (to && to !== '/') location.assign(to);
    return;
  }
  session.value = undefined;
  const q = new URLSearchParams({ client_id: cfg.cognito.clientId, logout_uri: cfg.cognito.logoutUri ?? cfg.cognito.redirectUri });
  location.assign(`https://${cfg.cognito.domain}/logout?${q}`);
}
