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

/**
 * Goes to the platform's sign-in page (through the console's backend), and comes back to this
 * screen; `idp` names an agency's own identity provider (on AWS, listed in `/config.json`).
 */
export function beginSignIn(lang: string, idp?: string): void {
  const back = `/${location.search}${location.hash}`;
  location.assign(`/auth/login?${new URLSearchParams({ lang, return: back, tab: tabId(), ...(idp ? { idp } : {}) })}`);
}

/**
 * Deployed settings, served beside the console on AWS (`/config.json`, infra/src/constructs/console.ts);
 * absent locally. Sign-in is the console's backend's business everywhere (`/auth/*`): page script
 * never sees a client id, a token endpoint or a refresh token.
 */
export interface DeployedConfig {
  apiUrl: string;
  /** Agencies' own identity providers: "Sign in with <label>" goes straight to that provider. */
  providers?: { name: string; label: string }[];
}

export async function loadConfig(): Promise<DeployedConfig | undefined> {
  try {
    const res = await fetch('/config.json', { cache: 'no-store' });
    if (!res.ok || !res.headers.get('content-type')?.includes('json')) return undefined;
    const cfg = (await res.json()) as DeployedConfig;
    setApiBase(cfg.apiUrl);
    return cfg;
  } catch {
    return undefined;
  }
}

/**
 * Signing out: the token goes from memory at once; then the backend ends the session everywhere
 * (every session of this person, their refresh tokens, and at the provider) and may send the
 * browser through the provider's own sign-out (Cognito's /logout on AWS).
 */
export async function signOut(): Promise<void> {
  clearTimeout(renewTimer);
  endedIdle.value = undefined;
  idle.value = undefined;
  session.value = undefined;
  const res = await fetch('/auth/logout', { method: 'POST', headers: sessionHeaders() }).catch(() => undefined);
  const to = res?.ok ? ((await res.json()) as { redirect?: string }).redirect : undefined;
  if (to && to !== '/') location.assign(to);
}
