import type { RequestStatus } from '../requests/request';
import type { InvitationStatus, TaskStatus, WorkspaceStatus } from './records';

/**
 * State machines as transition tables. A transition that is not listed is refused with a
 * 409 naming the current and requested state.
 */
export const taskTransitions: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['accepted', 'declined', 'cancelled'],
  accepted: ['in_progress', 'declined', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  declined: [],
  cancelled: [],
};

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

export const canTransition = <S extends string>(table: Record<S, readonly S[]>, from: S, to: S): boolean => table[from].includes(to);

export const isTerminalTask = (s: TaskStatus): boolean => taskTransitions[s].length === 0;

/** Who may move a task into a state: the assignee works it, the lead cancels it. */
export const taskTransitionActor: Record<TaskStatus, 'assignee' | 'lead' | 'none'> = {
  open: 'none',
  accepted: 'assignee',
  in_progress: 'assignee',
  done: 'assignee',
  declined: 'assignee',
  cancelled: 'lead',
};

/** Data requests (DESIGN: draft → sent → acknowledged ⇄ clarification_requested → an outcome). */
export const requestTransitions: Record<RequestStatus, readonly RequestStatus[]> = {
  draft: ['sent', 'withdrawn'],
  sent: ['acknowledged', 'withdrawn', 'expired'],
  acknowledged: ['clarification_requested', 'preserved', 'fulfilled', 'partially_fulfilled', 'cannot_comply', 'withdrawn', 'expired'],
  clarification_requested: ['acknowledged', 'withdrawn'],
  preserved: ['withdrawn', 'expired'],
  fulfilled: [],
  partially_fulfilled: [],
  cannot_comply: [],
  withdrawn: [],
  expired: [],
};
export const isTerminalRequest = (s: RequestStatus): boolean => requestTransitions[s].length === 0;
