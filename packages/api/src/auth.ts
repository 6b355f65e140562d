import { DomainError, PlatformRole, type TokenIdentity } from '@taskforce/core';
import { createLocalJWKSet, createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import * as z from 'zod/mini';

export interface Authenticator {
  /** Verifies a bearer token and returns the identity it names; throws `unauthenticated` otherwise. */
  verify(token: string): Promise<TokenIdentity>;
}

export interface JwtOptions {
  /** One issuer, or several (the local runtime: its OpenID Connect provider and `pnpm token`'s issuer, signing with the same key). */
  issuer: string | string[];
  audience?: string;
  /** A JWKS document (local runtime) or the URL of one (Cognito on AWS). */
  jwks: { keys: object[] } | URL;
  /** For tests: the time tokens are checked against. */
  now?: () => Date;
}

/**
 * The longest a token may live (`exp` − `iat`). Cognito's ID tokens live an hour by default and a
 * day at most; twelve hours covers a working shift and bounds what a leaked token is worth.
 */
const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** Clock skew tolerated between the issuer and this service. */
const CLOCK_TOLERANCE_SECONDS = 60;

const Identity = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(256)),
  orgId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{2,63}$/)),
  roles: z.array(PlatformRole).check(z.maxLength(16)),
});

/**
 * Maps verified claims to an identity. Claims come plain (`org`, `roles` as a JSON array) or as
 * Cognito custom attributes (`custom:org`, `custom:roles`): Cognito stores custom attributes as
 * strings, so there — and only there — roles are one comma-separated string. Kind and country
 * claims, if a token has them, are ignored: the organisation registry says what an organisation is.
 */
const identityFromClaims = (payload: JWTPayload): TokenIdentity => {
  const custom = typeof payload['custom:org'] === 'string';
  const rawRoles = custom ? payload['custom:roles'] : payload.roles;
  const roles = custom
    ? typeof rawRoles === 'string'
      ? rawRoles
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean)
      : rawRoles === undefined
        ? []
        : null
    : (rawRoles ?? []);
  const parsed = Identity.safeParse({ sub: payload.sub, orgId: custom ? payload['custom:org'] : payload.org, roles });
  if (!parsed.success) throw new DomainError('unauthenticated', 'the token does not name a subject, an organisation and its roles');
  return mfaOf(payload) ? { ...parsed.data, mfa: true } : parsed.data;
};

/**
 * Whether the sign-in used a second factor: the token's `amr` (RFC 8176, authentication methods
 * references) names a one-time password (`otp`) or multi-factor authentication (`mfa`).
 */
const MFA_METHODS = new Set(['otp', 'mfa']);
const mfaOf = (payload: JWTPayload): boolean =>
  Array.isArray(payload.amr) && payload.amr.some((m) => typeof m === 'string' && MFA_METHODS.has(m));

/**
 * Tokens must be signed by the issuer's keys for this audience, carry `exp` and `iat`, not be
 * issued in the future, and live at most `MAX_TOKEN_LIFETIME_SECONDS`.
 */
export const jwtAuthenticator = (opts: JwtOptions): Authenticator => {
  const keys: JWTVerifyGetKey = opts.jwks instanceof URL ? createRemoteJWKSet(opts.jwks) : createLocalJWKSet(opts.jwks as never);
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        const now = opts.now?.();
        ({ payload } = await jwtVerify(token, keys, {
          issuer: opts.issuer,
          ...(opts.audience ? { audience: opts.audience } : {}),
          algorithms: ['ES256', 'RS256'],
          requiredClaims: ['exp', 'iat', 'sub'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
          ...(now ? { currentDate: now } : {}),
        }));
      } catch {
        throw new DomainError('unauthenticated', 'the bearer token is not valid');
      }
      const nowSeconds = (opts.now?.() ?? new Date()).getTime() / 1000;
      const { iat, exp } = payload as { iat: number; exp: number };
      if (iat > nowSeconds + CLOCK_TOLERANCE_SECONDS) throw new DomainError('unauthenticated', 'the token was issued in the future');
      if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS)
        throw new DomainError('unauthenticated', `tokens may live at most ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours`);
      return identityFromClaims(payload);
    },
  };
};
