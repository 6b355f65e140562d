import * as z from 'zod/mini';
import { CountryCode, Id } from './primitives';

/**
 * The platform operator's organisation. It is not in the registry (its administrators register
 * everyone else); its tokens carry the `admin` role and nothing else counts for them. Another
 * organisation's `admin` is that organisation's own administrator: it manages its own users
 * (users/admin.ts) and nothing of the platform's, because every platform grant of the permission
 * table asks for this organisation (policies/permissions.ts).
 */
export const PLATFORM_ORG_ID = 'platform';

export const OrgKind = z.enum(['agency', 'provider', 'international']);
export type OrgKind = z.infer<typeof OrgKind>;

/** What an organisation is in a workspace; held on its membership, checked by the permission table. */
export const WorkspaceRole = z.enum(['lead', 'member', 'observer']);
export type WorkspaceRole = z.infer<typeof WorkspaceRole>;

/** Platform roles carried by a verified token. Workspace roles live on memberships. */
/** `supervisor`: an officer whose agency may require it of the second officer who co-signs an emergency request. */
/**
 * `validating_authority`: a judge, court, investigating judge or prosecutor of an agency's State who validates its
 * e-Evidence orders (Regulation (EU) 2023/1543, Art. 4; requests/orders.ts).
 */
export const PlatformRole = z.enum([
  'officer',
  'admin',
  'policy_admin',
  'duty_contact',
  'auditor',
  'responder',
  'supervisor',
  'validating_authority',
]);
export type PlatformRole = z.infer<typeof PlatformRole>;

/** Who calls. Built only from a verified token; never from a request body. */
export const Principal = z.object({
  sub: z.string().check(z.minLength(1), z.maxLength(256)),
  orgId: Id,
  orgKind: OrgKind,
  country: CountryCode,
  roles: z.array(PlatformRole).check(z.maxLength(PlatformRole.options.length)),
  /** Signed in with a second factor (the token's `amr` names one): what co-signing an emergency request needs. */
  mfa: z.optional(z.boolean()),
});
export type Principal = z.infer<typeof Principal>;
