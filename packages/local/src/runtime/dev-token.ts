import { type App, createRoute } from '@taskforce/api';
import { type PlatformRole, Principal } from '@taskforce/core';
import * as z from 'zod/mini';
import { loadOrCreateDevKey, signDevToken } from '../dev-keys';

/** A token for an organisation's officer; kind and country, if given, are ignored (the registry decides). */
/** Authentication methods references (RFC 8176) a local token may claim. */
const AMR = z.enum(['pwd', 'otp', 'mfa', 'hwk', 'swk', 'sms', 'pin', 'face', 'fpt', 'kba', 'user']);

/** `amr`: the authentication methods the token claims (e.g. `["pwd","otp"]`: signed in with MFA). */
export type IssueToken = (p: {
  orgId: string;
  roles: PlatformRole[];
  sub?: string;
  orgKind?: string;
  country?: string;
  amr?: string[] | undefined;
}) => Promise<string>;

/**
 * The local identity: the developer key (kept under the state folder) that signs tokens, its
 * public keys for the API to verify them with, and the routes that publish those keys and issue
 * a token for any principal (`POST /v1/dev/token`), which exist only in the local runtime.
 */
export async function devTokens(): Promise<{
  jwks: Awaited<ReturnType<typeof loadOrCreateDevKey>>['jwks'];
  /** The signing key, which the local OpenID Connect provider signs with too. */
  privateJwk: Awaited<ReturnType<typeof loadOrCreateDevKey>>['privateJwk'];
  token: IssueToken;
  routes(a: App): void;
}> {
  const { privateJwk, jwks } = await loadOrCreateDevKey();
  const token: IssueToken = (p) =>
    signDevToken(privateJwk, { orgId: p.orgId, roles: p.roles, sub: p.sub ?? `${p.orgId}-officer`, amr: p.amr });
  const routes = (a: App) => {
    a.get('/.well-known/jwks.json', (c) => c.json(jwks));
    a.openapi(
      createRoute({
        method: 'post',
        path: '/v1/dev/token',
        tags: ['Local runtime only'],
        summary: 'Issue a token for any principal (exists only in the local runtime)',
        request: {
          body: {
            content: {
              'application/json': {
                // Kind and country are accepted (older clients send them) and ignored: the registry decides.
                // `amr` stands in for how the person signed in: ["pwd","otp"] is a sign-in with MFA.
                schema: z.extend(z.omit(z.partial(Principal, { sub: true, orgKind: true, country: true }), { mfa: true }), {
                  amr: z.optional(z.array(AMR).check(z.maxLength(8))),
                }),
              },
            },
            required: true,
          },
        },
        responses: {
          200: { description: 'A signed token', content: { 'application/json': { schema: z.object({ token: z.string() }) } } },
        },
      }),
      async (c) => c.json({ token: await token(c.req.valid('json')) }, 200),
    );
  };
  return { jwks, privateJwk, token, routes };
}
