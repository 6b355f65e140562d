import { createHmac } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { secondFactorStep } from '@taskforce/core';
import type { DynamoUsers } from '@taskforce/dynamo';
import type { JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { PERSONAS } from '../../../console/src/personas';
import { LOCAL_AUDIENCE } from '../dev-keys';
import { dynamoOidcAdapter } from './adapter';
import {
  enrolPage,
  LOGIN_CSS,
  loginPage,
  messagePage,
  otpPage,
  PAGE_HEADERS,
  type PageLang,
  pageLang,
  recoveryCodesPage,
  recoveryPage,
  recoveryUsedPage,
  text,
} from './pages';

/** Where the provider is served on the runtime's own origin. */
export const OIDC_PATH = '/oidc';
/** The console's backend-for-frontend, the provider's one client (a confidential one). */
export const CONSOLE_CLIENT_ID = 'taskforce-console';
/** The API as a resource server: access tokens for it are JWTs with its audience. */
const API_RESOURCE = 'urn:taskforce:api';
/** How long a passed password step waits for the second factor (its code, a recovery code or an enrolment), in seconds. */
const SECOND_STEP_TTL = 5 * 60;
/** The issuer an authenticator app lists the account under. */
const TOTP_ISSUER = 'Taskforce';

/**
 * An interaction whose password step passed, waiting for the second factor: the account, what it
 * waits for, and for an enrolment the new secret (it never leaves the identity side but on the
 * enrolment page itself). Kept in the table under the interaction's id, which only the browser
 * holding that interaction's signed cookie can name, for five minutes.
 */
interface SecondStep {
  accountId: string;
  step: 'code' | 'enrol';
  secret?: string;
}

/** Lifetimes, in seconds. Access and ID tokens are short; the refresh token and the session last a long shift. */
const OIDC_TTL = {
  AccessToken: 300,
  IdToken: 300,
  AuthorizationCode: 60,
  Interaction: 15 * 60,
  RefreshToken: 14 * 3600,
  Session: 14 * 3600,
  Grant: 14 * 3600,
} as const;

export interface LocalProviderOptions {
  /** The runtime's origin, e.g. http://127.0.0.1:3000; the issuer is `<origin>/oidc`. */
  origin: string;
  /** The dev signing key (ES256), which also signs `pnpm token`'s tokens: one JWKS for the API. */
  privateJwk: JWK;
  doc: DynamoDBDocumentClient;
  tableName: string;
  users: DynamoUsers;
  /** The platform's clock: lockouts are reckoned on it. */
  now: () => Date;
  /** `--demo`: the sign-in page offers the demo people in one click (their known passwords are checked server-side). */
  demo?: { email: string; password: string; persona: string }[];
  log?: (msg: string, data: Record<string, unknown>) => void;
}

/** A secret derived from the dev signing key, so cookies and the client secret survive a restart without a second key file. */
const derived = (jwk: JWK, purpose: string) => createHmac('sha256', String(jwk.d)).update(purpose).digest('base64url');
export const consoleClientSecret = (jwk: JWK) => derived(jwk, 'taskforce-console-client');

const readForm = async (req: IncomingMessage): Promise<URLSearchParams> => {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 16_384) break;
  }
  return new URLSearchParams(body);
};

const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = PAGE_HEADERS) => {
  res.writeHead(status, headers);
  res.end(body);
};

/**
 * The local runtime's OpenID Connect provider (panva's `oidc-provider`, certified): discovery,
 * JWKS, authorization code with PKCE (S256 only), refresh-token rotation, RP-initiated logout. Its
 * state is in the platform's table, its users in the platform's directory (`DynamoUsers`). Access
 * tokens for the API carry the same claims the API reads from Cognito: `sub`, `org`, `roles` (and
 * `amr`, how the user authenticated).
 */
export function localProvider(opts: LocalProviderOptions) {
  const issuer = `${opts.origin}${OIDC_PATH}`;
  const { Adapter, revokeAccount } = dynamoOidcAdapter(opts.doc, opts.tableName);
  const log = opts.log ?? (() => {});
  const personas = new Map(opts.demo?.map((d) => [d.persona, d]));

  const configuration: Configuration = {
    adapter: Adapter as never,
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_secret: consoleClientSecret(opts.privateJwk),
        redirect_uris: [`${opts.origin}/auth/callback`],
        post_logout_redirect_uris: [`${opts.origin}/`],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [{ ...opts.privateJwk, use: 'sig' }] as never },
    cookies: { keys: [derived(opts.privateJwk, 'oidc-cookies')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    conformIdTokenClaims: false,
    ttl: { ...OIDC_TTL },
    rotateRefreshToken: true,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // A refresh token outlives the provider's browser session (one per browser, while the console has
    // one per tab); signing out ends it all the same (every session, grant and token of the account).
    expiresWithSession: async () => false,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          const lang = pageLang(ctx.query.ui_locales as string | undefined);
          ctx.set(PAGE_HEADERS);
          ctx.body = messagePage(lang, text(lang, 'nav.signOut'), '').replace(
            '<p></p>',
            `${form}<button type="submit" class="big" form="op.logoutForm" value="yes" name="logout">${text(lang, 'nav.signOut')}</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          const lang = pageLang(ctx.query.ui_locales as string | undefined);
          ctx.set(PAGE_HEADERS);
          ctx.body = messagePage(lang, text(lang, 'nav.signOut'), text(lang, 'signin.signedOut'));
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_RESOURCE) throw new Error('unknown resource');
          return {
            scope: 'api',
            audience: LOCAL_AUDIENCE,
            accessTokenTTL: OIDC_TTL.AccessToken,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    // The console's backend is the platform's own client: its grant is given, never asked for.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session!;
      const client = ctx.oidc.client!;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid profile email');
      grant.addResourceScope(API_RESOURCE, 'api');
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, sub) => {
      const user = await opts.users.get(sub);
      if (user?.status !== 'active') return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, name: user.name, email: user.email, org: user.orgId, roles: user.roles }),
      };
    },
    extraTokenClaims: async (ctx: KoaContextWithOIDC, token) => {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const user = accountId ? await opts.users.get(accountId) : undefined;
      if (!user) return undefined;
      const entities = ctx.oidc.entities as { AuthorizationCode?: { amr?: string[] }; RefreshToken?: { amr?: string[] } };
      const amr = entities.AuthorizationCode?.amr ?? entities.RefreshToken?.amr;
      return { org: user.orgId, roles: user.roles, ...(amr ? { amr } : {}) };
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    renderError: async (ctx, out) => {
      const lang = pageLang(ctx.query.ui_locales as string | undefined);
      ctx.set(PAGE_HEADERS);
      ctx.body = messagePage(lang, text(lang, 'signin.title'), `${out.error}: ${out.error_description ?? ''}`);
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  const callback = provider.callback();

  /** Second steps pending, in the table (they survive a restart), each gone after five minutes. */
  const steps = new Adapter('SecondStep');
  const pending = async (uid: string, step: SecondStep['step']): Promise<SecondStep | undefined> => {
    const found = (await steps.find(uid)) as SecondStep | undefined;
    return found?.step === step ? found : undefined;
  };
  const qrOf = (uri: string) => QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  const totpUri = (account: string, secret: string) =>
    new TOTP({
      issuer: TOTP_ISSUER,
      label: account,
      secret: Secret.fromBase32(secret),
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
    }).toString();

  /** Signs the user in: the interaction's result names the account and how it authenticated. */
  const finish = async (req: IncomingMessage, res: ServerResponse, accountId: string, amr: string[]) => {
    const to = await provider.interactionResult(req, res, { login: { accountId, amr } }, { mergeWithLastSubmission: false });
    res.writeHead(303, { Location: to, 'Cache-Control': 'no-store' });
    res.end();
  };

  const interaction = async (req: IncomingMessage, res: ServerResponse, url: URL, uid: string, action: string | undefined) => {
    let details: Awaited<ReturnType<typeof provider.interactionDetails>>;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      const lang = pageLang(url.searchParams.get('lang'));
      return send(res, 400, messagePage(lang, text(lang, 'signin.title'), text(lang, 'signin.expired')));
    }
    if (details.uid !== uid) return send(res, 400, 'interaction mismatch', { 'Content-Type': 'text/plain' });
    const asked = details.params.ui_locales as string | undefined;
    if (details.prompt.name === 'consent') {
      // Only the platform's own client exists; its grant is loaded above, so this is never shown.
      const grant = new provider.Grant({ clientId: String(details.params.client_id), accountId: details.session!.accountId });
      grant.addOIDCScope('openid profile email');
      grant.addResourceScope(API_RESOURCE, 'api');
      const to = await provider.interactionResult(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
      res.writeHead(303, { Location: to });
      res.end();
      return;
    }
    const demo = opts.demo ? PERSONAS.filter((p) => personas.has(p.id)) : undefined;
    if (req.method === 'GET' && !action) {
      const lang = pageLang(url.searchParams.get('lang'), asked);
      return send(res, 200, loginPage({ lang, uid, ...(demo ? { demo } : {}) }));
    }
    const expired = (lang: PageLang) => send(res, 400, messagePage(lang, text(lang, 'signin.title'), text(lang, 'signin.expired')));
    if (req.method === 'GET' && (action === 'otp' || action === 'recovery')) {
      // Between the two ways of the second step (the app's code, a recovery code), while it waits.
      const lang = pageLang(url.searchParams.get('lang'), asked);
      if (!(await pending(uid, 'code'))) return expired(lang);
      return send(res, 200, action === 'otp' ? otpPage({ lang, uid }) : recoveryPage({ lang, uid }));
    }
    if (req.method !== 'POST' || !['login', 'demo', 'otp', 'recovery', 'enrol'].includes(action ?? ''))
      return send(res, 405, '', { Allow: 'GET, POST' });
    const form = await readForm(req);
    const lang: PageLang = pageLang(form.get('lang'), asked);
    const locked = (until: string) => {
      log('sign-in refused: account locked', { until });
      return steps.destroy(uid);
    };
    if (action === 'otp') {
      // The second step: only after this interaction's password step passed, for the account it named.
      const waiting = await pending(uid, 'code');
      if (!waiting) return expired(lang);
      const check = await opts.users.checkTotp(waiting.accountId, (form.get('otp') ?? '').trim().slice(0, 16), opts.now());
      if (!check.ok) {
        if (check.lockedUntil) await locked(check.lockedUntil);
        return send(
          res,
          check.lockedUntil ? 423 : 401,
          otpPage({
            lang,
            uid,
            problem: check.lockedUntil ? { key: 'signin.locked', until: check.lockedUntil } : { key: 'signin.otpBad' },
          }),
        );
      }
      await steps.destroy(uid);
      return finish(req, res, waiting.accountId, ['pwd', 'otp']);
    }
    if (action === 'recovery') {
      const waiting = await pending(uid, 'code');
      if (!waiting) return expired(lang);
      const check = await opts.users.useRecoveryCode(waiting.accountId, (form.get('recovery') ?? '').slice(0, 40), opts.now());
      if (!check.ok) {
        if (check.lockedUntil) await locked(check.lockedUntil);
        return send(
          res,
          check.lockedUntil ? 423 : 401,
          recoveryPage({
            lang,
            uid,
            problem: check.lockedUntil ? { key: 'signin.locked', until: check.lockedUntil } : { key: 'mfa.recoveryBad' },
          }),
        );
      }
      await steps.destroy(uid);
      log('signed in with a recovery code', { remaining: check.remaining });
      // RFC 8176: a password and a second factor that is not the app's one-time code, so `mfa`, not `otp`.
      const to = await provider.interactionResult(
        req,
        res,
        { login: { accountId: waiting.accountId, amr: ['pwd', 'mfa'] } },
        { mergeWithLastSubmission: false },
      );
      return send(res, 200, recoveryUsedPage({ lang, remaining: check.remaining, continueTo: to }));
    }
    if (action === 'enrol') {
      const waiting = await pending(uid, 'enrol');
      if (!waiting?.secret) return expired(lang);
      const enrolled = await opts.users.enrolTotp(
        waiting.accountId,
        waiting.secret,
        (form.get('otp') ?? '').trim().slice(0, 16),
        opts.now(),
      );
      if (!enrolled.ok) {
        const account = (await opts.users.get(waiting.accountId))?.email ?? '';
        const uri = totpUri(account, waiting.secret);
        return send(res, 401, enrolPage({ lang, uid, account, secret: waiting.secret, uri, qrSvg: await qrOf(uri), problem: true }));
      }
      await steps.destroy(uid);
      const to = await provider.interactionResult(
        req,
        res,
        { login: { accountId: waiting.accountId, amr: ['pwd', 'otp'] } },
        { mergeWithLastSubmission: false },
      );
      return send(res, 200, recoveryCodesPage({ lang, codes: enrolled.recoveryCodes, continueTo: to }));
    }
    let email = form.get('email') ?? '';
    let password = form.get('password') ?? '';
    if (action === 'demo') {
      const person = personas.get(form.get('persona') ?? '');
      if (!person) return send(res, 404, messagePage(lang, text(lang, 'signin.title'), text(lang, 'signin.bad')));
      ({ email, password } = person);
    }
    const check = await opts.users.checkPassword(email.slice(0, 320), password.slice(0, 1024), opts.now());
    if (!check.ok) {
      if (check.lockedUntil) log('sign-in refused: account locked', { until: check.lockedUntil });
      return send(
        res,
        check.lockedUntil ? 423 : 401,
        loginPage({
          lang,
          uid,
          email,
          problem: check.lockedUntil ? { key: 'signin.locked', until: check.lockedUntil } : { key: 'signin.bad' },
          ...(demo ? { demo } : {}),
        }),
      );
    }
    const step = secondFactorStep(check.user, check.mfaReset);
    if (step === 'code') {
      // The password was right; the account has a second factor, so the sign-in waits for its code.
      await steps.upsert(uid, { accountId: check.user.sub, step } satisfies SecondStep, SECOND_STEP_TTL);
      return send(res, 200, otpPage({ lang, uid }));
    }
    if (step === 'enrol') {
      // The account needs a second factor and has none: a new secret, enrolled once its first code is right.
      const secret = new Secret({ size: 20 }).base32;
      await steps.upsert(uid, { accountId: check.user.sub, step, secret } satisfies SecondStep, SECOND_STEP_TTL);
      const uri = totpUri(check.user.email, secret);
      return send(res, 200, enrolPage({ lang, uid, account: check.user.email, secret, uri, qrSvg: await qrOf(uri) }));
    }
    return finish(req, res, check.user.sub, ['pwd']);
  };

  /** The provider's part of the runtime's server: its pages, and everything else under /oidc to oidc-provider. */
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', opts.origin);
    const path = url.pathname.slice(OIDC_PATH.length);
    if (path === '/assets/login.css')
      return send(res, 200, LOGIN_CSS, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
    const m = /^\/interaction\/([\w-]{1,64})(?:\/(\w+))?$/.exec(path);
    if (m) {
      try {
        return await interaction(req, res, url, m[1]!, m[2]);
      } catch (err) {
        log('sign-in page failed', { message: err instanceof Error ? err.message : String(err) });
        const lang = pageLang(url.searchParams.get('lang'));
        return send(res, 400, messagePage(lang, text(lang, 'signin.title'), text(lang, 'signin.expired')));
      }
    }
    // As Express would mount it: the provider sees its own paths, and the full URL as the original.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = path + url.search || '/';
    callback(req, res);
  };

  return { issuer, provider, handle, revokeAccount };
}
