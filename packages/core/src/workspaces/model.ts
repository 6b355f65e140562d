import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { CountryCode, Id, IsoDateTime, positiveInt, text, textUpTo, trimmed } from '../kernel/primitives';
import { WorkspaceRole } from '../kernel/principal';
import { defineRecord } from '../kernel/records';

const LegalBasisCode = z.enum(['UNCC', 'BUDAPEST', 'MLAT', 'JIT-AGREEMENT', 'EU-EEVIDENCE', 'NATIONAL']);
export const LegalBasis = z.object({
  code: LegalBasisCode,
  text: text(1, 2000),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const WorkspaceStatus = z.enum(['open', 'suspended', 'closed']);
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;

export const Member = z.object({
  orgId: Id,
  orgName: z.string(),
  country: CountryCode,
  role: WorkspaceRole,
  joinedAt: IsoDateTime,
});
export type Member = z.infer<typeof Member>;

/** Bounded so that a workspace, its members and their index entries fit one transaction. */
export const MAX_MEMBERS = 40;

export const Workspace = z.object({
  id: Id,
  title: text(1, 200),
  /** What the investigation is about, for the agencies invited to it. */
  description: z.optional(textUpTo(10_000)),
  leadOrgId: Id,
  legalBasis: LegalBasis,
  status: WorkspaceStatus,
  members: z.array(Member).check(z.maxLength(MAX_MEMBERS)),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  closedAt: z.optional(IsoDateTime),
  version: positiveInt(),
});
export type Workspace = z.infer<typeof Workspace>;

/** The inverse index of membership: which workspaces an organisation belongs to. */
export const Membership = z.object({
  orgId: Id,
  workspaceId: Id,
  role: WorkspaceRole,
  title: z.string(),
  status: WorkspaceStatus,
  version: positiveInt(),
});
export type Membership = z.infer<typeof Membership>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'declined', 'revoked']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;
export const Invitation = z.object({
  workspaceId: Id,
  workspaceTitle: z.string(),
  orgId: Id,
  role: z.enum(['member', 'observer']),
  status: InvitationStatus,
  message: z.optional(textUpTo(2000)),
  invitedBy: z.object({ sub: z.string(), orgId: Id }),
  createdAt: IsoDateTime,
  respondedAt: z.optional(IsoDateTime),
  version: positiveInt(),
});
export type Invitation = z.infer<typeof Invitation>;

declare module '../kernel/records' {
  interface RecordTypes {
    workspace: { value: Workspace; ref: { id: string } };
    membership: { value: Membership; ref: { orgId: string; workspaceId: string } };
    invitation: { value: Invitation; ref: { workspaceId: string; orgId: string } };
  }
}
defineRecord('workspace', ['id'], (w) => ({ id: w.id }));
defineRecord('membership', ['orgId', 'workspaceId'], (m) => ({ orgId: m.orgId, workspaceId: m.workspaceId }));
defineRecord('invitation', ['workspaceId', 'orgId'], (i) => ({ workspaceId: i.workspaceId, orgId: i.orgId }));

export const WORKSPACE_EVENTS = [
  'workspace.created',
  'workspace.updated',
  'invitation.sent',
  'invitation.accepted',
  'invitation.declined',
  'invitation.revoked',
  'member.removed',
] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof WORKSPACE_EVENTS> {}
}

/** Inputs of commands, as callers send them. The API publishes these in its OpenAPI document. */
export const CreateWorkspaceInput = z.strictObject({
  title: trimmed(1, 200),
  description: z.optional(textUpTo(10_000)),
  legalBasis: LegalBasis,
});
export type CreateWorkspaceInput = z.infer<typeof CreateWorkspaceInput>;

export const UpdateWorkspaceInput = z
  .strictObject({
    title: z.optional(trimmed(1, 200)),
    status: z.optional(WorkspaceStatus),
  })
  .check(z.refine((v) => v.title !== undefined || v.status !== undefined, { message: 'nothing to change', path: ['status'] }));
export type UpdateWorkspaceInput = z.infer<typeof UpdateWorkspaceInput>;

export const InviteInput = z.strictObject({
  orgId: Id,
  role: z._default(z.enum(['member', 'observer']), 'member'),
  message: z.optional(textUpTo(2000)),
});
export type InviteInput = z.infer<typeof InviteInput>;
