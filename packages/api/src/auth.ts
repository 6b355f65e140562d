import { DomainError, Principal } from '@taskforce/core';
import { createLocalJWKSet, createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

export interface Authenticator {
  /** Verifies a bearer token and returns the principal it names; throws `unauthenticated` otherwise. */
  verify(token: string): Promise<Principal>;
}

export interface JwtOptions {
  issuer: string;
  audience?: string;
  /** A JWKS document (local runtime) or the URL of one (Cognito on AWS). */
  jwks: { keys: object[] } | URL;
}

const claim = (payload: JWTPayload, name: string): unknown => payload[name] ?? payload[`custom:${name}`];

const list = (v: unknown): unknown => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v);

/**
 * Maps verified claims to a principal. Claims come either plain (`org`, `org_kind`, `country`,
 * `roles`) or as Cognito custom attributes (`custom:org`, …), where roles are a comma list.
 */
export const principalFromClaims = (payload: JWTPayload): Principal => {
  const parsed = Principal.safeParse({
    sub: payload.sub,
    orgId: claim(payload, 'org'),
    orgKind: claim(payload, 'org_kind'),
    country: claim(payload, 'country'),
    roles: list(claim(payload, 'roles')),
  });
  if (!parsed.success) throw new DomainError('unauthenticated', 'the token does not name an organisation, country and roles');
  return parsed.data;
};

export const jwtAuthenticator = (opts: JwtOptions): Authenticator => {
  const keys: JWTVerifyGetKey = opts.jwks instanceof URL ? createRemoteJWKSet(opts.jwks) : createLocalJWKSet(opts.jwks as never);
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: opts.issuer,
          ...(opts.audience ? { audience: opts.audience } : {}),
          algorithms: ['ES256', 'RS256'],
        });
        return principalFromClaims(payload);
      } catch (err) {
        if (err instanceof DomainError) throw err;
        throw new DomainError('unauthenticated', 'the bearer token is not valid');
      }
    },
  };
};
