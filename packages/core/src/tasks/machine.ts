import { isTerminal } from '../kernel/machines';
import type { TaskStatus } from './model';

/**
 * The task's state machine as a transition table (see kernel/machines.ts). A transition that is
 * not listed is refused with a 409 naming the current and requested state.
 */
export const taskTransitions: Record<TaskStatus, readonly TaskStatus[]> = {
  open: ['accepted', 'declined', 'cancelled'],
  accepted: ['in_progress', 'declined', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  declined: [],
  cancelled: [],
};

export const isTerminalTask = (s: TaskStatus): boolean => isTerminal(taskTransitions, s);

/** Who may move a task into a state: the assignee works it, the lead cancels it. */
export const taskTransitionActor: Record<TaskStatus, 'assignee' | 'lead' | 'none'> = {
  open: 'none',
  accepted: 'assignee',
  in_progress: 'assignee',
  done: 'assignee',
  declined: 'assignee',
  cancelled: 'lead',
};
