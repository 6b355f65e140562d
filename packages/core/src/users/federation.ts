import * as z from 'zod/mini';
import { Id } from '../kernel/primitives';
import { PlatformRole } from '../kernel/principal';
import { PLATFORM_ORG_ID } from '../organisations/principals';

/**
 * Agencies' own identity providers (infra/agency-idps.json): each signs in the officers of ONE
 * organisation. Cognito declares each provider; the pre-token-generation trigger uses the same
 * file to decide what a federated user's token says (see `federatedClaims`).
 */
const Common = {
  /** The provider's name in the user pool (and on the authorize URL's `identity_provider=`). */
  name: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, 'must be 2 to 32 letters, digits, dots, hyphens or underscores')),
  /** What the console's button says: "Sign in with <label>". */
  label: z.string().check(z.minLength(1), z.maxLength(80)),
  /** The organisation (registry id) every user of this provider acts for, whatever the provider asserts. */
  orgId: Id.check(z.refine((id) => id !== PLATFORM_ORG_ID, "an agency's provider cannot sign in the platform's administrators")),
  /** The roles this agency may give its users through its provider; anything else it asserts is dropped. */
  allowedRoles: z.array(PlatformRole.check(z.refine((r) => r !== 'admin', 'an agency provider cannot grant admin'))).check(z.minLength(1)),
  /** Claim (OIDC) or attribute (SAML) names the provider uses. */
  claims: z.strictObject({
    email: z.string().check(z.minLength(1), z.maxLength(256)),
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
    roles: z.string().check(z.minLength(1), z.maxLength(256)),
  }),
};

export const AgencyIdp = z.discriminatedUnion('type', [
  z.strictObject({
    ...Common,
    type: z.literal('OIDC'),
    issuer: z.url().check(z.startsWith('https://')),
    clientId: z.string().check(z.minLength(1), z.maxLength(256)),
    /** The Secrets Manager secret holding the client secret (never in the file). */
    clientSecretArn: z
      .string()
      .check(z.regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/, 'must be a Secrets Manager secret ARN')),
    scopes: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64)))),
  }),
  z.strictObject({
    ...Common,
    type: z.literal('SAML'),
    metadataUrl: z.url().check(z.startsWith('https://')),
  }),
]);
export type AgencyIdp = z.infer<typeof AgencyIdp>;

export const AgencyIdpConfig = z
  .strictObject({ providers: z.array(AgencyIdp).check(z.maxLength(50)) })
  .check(z.refine((c) => new Set(c.providers.map((p) => p.name.toLowerCase())).size === c.providers.length, 'names a provider twice'));
export type AgencyIdpConfig = z.infer<typeof AgencyIdpConfig>;

/** What the trigger needs of each provider: which organisation it signs in, which roles it may give. */
export type FederationRules = Record<string, { orgId: string; allowedRoles: PlatformRole[] }>;

export const federationRules = (c: AgencyIdpConfig): FederationRules =>
  Object.fromEntries(c.providers.map((p) => [p.name, { orgId: p.orgId, allowedRoles: [...p.allowedRoles] }]));

/**
 * The roles a provider asserted, read leniently: a list in one attribute, separated by commas,
 * spaces or semicolons, or a JSON-like `[a, b]` (how Cognito passes a multi-valued claim).
 */
const assertedRoles = (raw: string | undefined): string[] =>
  (raw ?? '')
    .replace(/[[\]"]/g, ' ')
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/**
 * What a token of a federated user says: the organisation the provider's entry names (whatever
 * the provider asserted) and only the asserted roles that entry allows (never `admin`). A user of a
 * provider the file does not list, or not federated at all, is `undefined`: the caller then
 * leaves a native user's claims as an administrator set them, and refuses an unknown provider.
 */
export const federatedClaims = (
  rules: FederationRules,
  providerName: string | undefined,
  roles: string | undefined,
): { orgId: string; roles: PlatformRole[] } | undefined => {
  if (!providerName) return undefined;
  const rule = Object.entries(rules).find(([n]) => n.toLowerCase() === providerName.toLowerCase())?.[1];
  if (!rule) return undefined;
  const allowed = new Set<string>(rule.allowedRoles.filter((r) => r !== 'admin'));
  const kept = [...new Set(assertedRoles(roles))].filter((r) => allowed.has(r)) as PlatformRole[];
  return { orgId: rule.orgId, roles: kept };
};

/** The provider a Cognito user came through, from its `identities` attribute (absent: a native user). */
export const providerOf = (identities: string | undefined): string | undefined => {
  if (!identities) return undefined;
  try {
    const list = JSON.parse(identities) as { providerName?: unknown }[];
    const name = Array.isArray(list) ? list[0]?.providerName : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
};
