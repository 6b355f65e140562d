import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TokenIdentity } from '@taskforce/core';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { stateDir } from './paths';

export const LOCAL_ISSUER = 'taskforce-local';
export const LOCAL_AUDIENCE = 'taskforce-api';
const keyFile = () => join(stateDir(), 'dev-signing-key.json');

/**
 * The local runtime's token issuer: an ES256 key pair kept under the state folder, so that
 * `pnpm token` in another terminal signs tokens the running API accepts. Local mode only.
 */
export const loadOrCreateDevKey = async (): Promise<{ privateJwk: JWK; jwks: { keys: JWK[] } }> => {
  const file = keyFile();
  let privateJwk: JWK;
  if (existsSync(file)) {
    privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `local-${Date.now()}`, alg: 'ES256' };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { d: _private, ...publicJwk } = privateJwk;
  return { privateJwk, jwks: { keys: [publicJwk] } };
};

/**
 * A token names the subject, its organisation and its roles, as Cognito's do; what the
 * organisation is (kind, country) the API reads from the registry.
 */
export const signDevToken = async (
  privateJwk: JWK,
  p: TokenIdentity & { amr?: string[] | undefined },
  ttlSeconds = 8 * 3600,
): Promise<string> => {
  const key = await importJWK(privateJwk, 'ES256');
  return new SignJWT({ org: p.orgId, roles: p.roles, ...(p.amr?.length ? { amr: p.amr } : {}) })
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid! })
    .setSubject(p.sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
};
