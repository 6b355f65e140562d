import { apiUrl, type Principal, session, setApiBase } from './api/client';
import type { Key } from './i18n';

/** The demo's people (packages/local/src/demo.ts), signed in through the local runtime's token issuer. */
export interface Persona {
  id: string;
  role: Key;
  label: string;
  principal: Omit<Principal, 'sub'>;
  home: string;
}

type PersonaPrincipal = Persona['principal'];
/** An officer (or other role) of a law-enforcement agency. */
const agency = (orgId: string, country: string, roles: PersonaPrincipal['roles'] = ['officer']): PersonaPrincipal => ({
  orgId,
  orgKind: 'agency',
  country,
  roles,
});
/** An officer who also answers the 24/7 pager. */
const DUTY: PersonaPrincipal['roles'] = ['officer', 'duty_contact'];
/** A private partner's responder, who answers the requests addressed to it. */
const responder = (orgId: string, country: string): PersonaPrincipal => ({ orgId, orgKind: 'provider', country, roles: ['responder'] });

export const PERSONAS: Persona[] = [
  { id: 'lead', role: 'persona.lead', label: 'A05 (VNM)', principal: agency('vnm-a05', 'VNM'), home: '' },
  { id: 'fbi', role: 'persona.member', label: 'FBI (USA)', principal: agency('usa-fbi', 'USA'), home: 'tasks' },
  { id: 'ccib', role: 'persona.member', label: 'CCIB (THA)', principal: agency('tha-ccib', 'THA'), home: 'tasks' },
  { id: 'ccib-duty', role: 'persona.duty', label: 'CCIB (THA)', principal: agency('tha-ccib', 'THA', DUTY), home: 'pager' },
  { id: 'dsi-duty', role: 'persona.duty', label: 'DSI (THA)', principal: agency('tha-dsi', 'THA', DUTY), home: 'pager' },
  { id: 'bank', role: 'persona.bank', label: 'Mekong Commercial Bank', principal: responder('mekong-bank', 'THA'), home: 'inbox' },
  { id: 'exchange', role: 'persona.exchange', label: 'CoinHarbor Exchange', principal: responder('coinharbor', 'GBR'), home: 'inbox' },
  { id: 'tech', role: 'persona.tech', label: 'ChatWave Messaging', principal: responder('chatwave', 'USA'), home: 'inbox' },
  {
    id: 'auditor',
    role: 'persona.auditor',
    label: 'Royal Thai Police (THA)',
    principal: agency('tha-rtp', 'THA', ['auditor']),
    home: 'workspaces',
  },
  {
    // A second officer of A05 who co-signs its emergency requests; the demo signs this persona in with MFA (amr: password and one-time code).
    id: 'lead2',
    role: 'persona.cosigner',
    label: 'A05 (VNM)',
    principal: { ...agency('vnm-a05', 'VNM', ['officer', 'supervisor']), amr: ['pwd', 'otp'] } as PersonaPrincipal,
    home: '',
  },
  { id: 'policy', role: 'persona.policy', label: 'A05 (VNM)', principal: agency('vnm-a05', 'VNM', ['policy_admin']), home: 'policy' },
  {
    id: 'platform-admin',
    role: 'persona.platformAdmin',
    label: 'Taskforce',
    principal: { orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] },
    home: 'users',
  },
];

async function whoAmI(token: string): Promise<Principal> {
  const res = await fetch(apiUrl('/v1/me'), { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`/v1/me answered ${res.status}`);
  return (await res.json()) as Principal;
}

export async function signInAs(p: Persona): Promise<void> {
  const res = await fetch(apiUrl('/v1/dev/token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...p.principal, sub: `${p.principal.orgId}-${p.id}` }),
  });
  if (!res.ok) throw new Error(`token issuer answered ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  session.value = { token, me: await whoAmI(token), label: p.label };
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
export function signOut(cfg: CognitoConfig | undefined): void {
  session.value = undefined;
  if (!cfg) return;
  const q = new URLSearchParams({ client_id: cfg.cognito.clientId, logout_uri: cfg.cognito.logoutUri ?? cfg.cognito.redirectUri });
  location.assign(`https://${cfg.cognito.domain}/logout?${q}`);
}
