import { type InvitationStatus, invitationTransitions } from '@taskforce/core';
import { orgPartition } from './organisations';
import type { RecordShapes } from './shared';

const WORKSPACE = 'WS#';
/** A workspace's partition: the workspace and everything in it (and its audit chain). */
export const workspacePartition = (workspaceId: string): string => `${WORKSPACE}${workspaceId}`;
/** Memberships sit in their organisation's partition, one per workspace. */
export const MEMBERSHIPS_PREFIX = WORKSPACE;
export const INVITATIONS_PREFIX = 'INV#';
/** Invitations addressed to an organisation, in the lookup index while they are pending. */
export const invitedLookup = (orgId: string): string => `INVITED#${orgId}`;

const awaitsAnswer = (s: InvitationStatus): boolean => invitationTransitions[s].length > 0;

export const workspaceRecords: RecordShapes<'workspace' | 'membership' | 'invitation'> = {
  workspace: { key: (ref) => ({ pk: workspacePartition(ref.id), sk: 'WS' }) },
  membership: { key: (ref) => ({ pk: orgPartition(ref.orgId), sk: `${MEMBERSHIPS_PREFIX}${ref.workspaceId}` }) },
  invitation: {
    key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${INVITATIONS_PREFIX}${ref.orgId}` }),
    index: (i) => (awaitsAnswer(i.status) ? { gsi1pk: invitedLookup(i.orgId), gsi1sk: `${i.createdAt}#${i.workspaceId}` } : undefined),
  },
};
