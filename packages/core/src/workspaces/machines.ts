import type { InvitationStatus, WorkspaceStatus } from './model';

/**
 * State machines as transition tables (see kernel/machines.ts). A transition that is not listed
 * is refused with a 409 naming the current and requested state.
 */
export const workspaceTransitions: Record<WorkspaceStatus, readonly WorkspaceStatus[]> = {
  open: ['suspended', 'closed'],
  suspended: ['open', 'closed'],
  closed: [],
};

export const invitationTransitions: Record<InvitationStatus, readonly InvitationStatus[]> = {
  pending: ['accepted', 'declined', 'revoked'],
  accepted: [],
  declined: [],
  revoked: [],
};
