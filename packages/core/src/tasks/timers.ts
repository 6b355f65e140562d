import { type DeadlineKinds, deadlineTimerIds, deadlineTimers, dueTimerId, type Timer } from '../kernel/timers';
import type { Task } from './model';

export const DEFAULT_TASK_REMINDERS = ['P1D', 'PT1H'] as const;

const TASK_KINDS: DeadlineKinds = { reminder: 'task.reminder', due: 'task.overdue', dueSuffix: 'overdue' };

export const overdueTimerId = (taskId: string) => dueTimerId(taskId, TASK_KINDS.dueSuffix);

export const allTaskTimerIds = (task: Pick<Task, 'id' | 'reminders'>): string[] =>
  deadlineTimerIds({ subjectId: task.id, reminders: task.reminders }, TASK_KINDS);

export const taskTimers = (task: Task, now: Date): Timer[] =>
  deadlineTimers({ workspaceId: task.workspaceId, subjectId: task.id, dueAt: task.dueAt, reminders: task.reminders }, now, TASK_KINDS);
