import { type DeadlineKinds, deadlineTimerIds, deadlineTimers, type Timer, type TimerHandlers } from '../kernel/timers';
import type { Workspace } from '../workspaces/model';
import { isTerminalTask } from './machine';
import type { Task } from './model';
import { taskAudit, taskEvent } from './shared';

export const DEFAULT_TASK_REMINDERS = ['P1D', 'PT1H'] as const;

declare module '../kernel/timers' {
  interface TimerKinds {
    'task.reminder': true;
    'task.overdue': true;
  }
}
const TASK_KINDS = { reminder: 'task.reminder', due: 'task.overdue', dueSuffix: 'overdue' } as const satisfies DeadlineKinds;
type TaskTimerKind = (typeof TASK_KINDS)['reminder' | 'due'];

export const allTaskTimerIds = (task: Pick<Task, 'id' | 'reminders'>): string[] =>
  deadlineTimerIds({ subjectId: task.id, reminders: task.reminders }, TASK_KINDS);

export const taskTimers = (task: Task, now: Date): Timer[] =>
  deadlineTimers({ workspaceId: task.workspaceId, subjectId: task.id, dueAt: task.dueAt, reminders: task.reminders }, now, TASK_KINDS);

const taskOf = (timer: { workspaceId: string; subjectId: string }) => ({
  kind: 'task' as const,
  workspaceId: timer.workspaceId,
  id: timer.subjectId,
});

/**
 * Task reminders go to the assignee; a task still live at its deadline escalates to the lead, once.
 * Keyed by the kinds its timers are made with (declared above), one handler each.
 */
export const taskTimerHandlers = {
  [TASK_KINDS.reminder]: {
    refs: (timer) => [taskOf(timer)],
    decide({ view, timer }) {
      const task = view.get(taskOf(timer));
      if (!task || isTerminalTask(task.status)) return 'drop';
      return {
        writes: [],
        audit: taskAudit(task, 'task.reminder_sent', { before: timer.offset, dueAt: task.dueAt }),
        events: [taskEvent(task, 'task.reminder', [task.assigneeOrgId], { title: task.title, dueAt: task.dueAt, before: timer.offset })],
      };
    },
  },
  [TASK_KINDS.due]: {
    refs: (timer) => [taskOf(timer)],
    decide({ view, timer, ws, now }) {
      const task = view.get(taskOf(timer));
      if (!task || isTerminalTask(task.status)) return 'drop';
      const escalated: Task = { ...task, escalatedAt: now.toISOString(), version: task.version + 1 };
      return {
        writes: [{ op: 'put', record: { kind: 'task', value: escalated }, expect: task.version }],
        audit: taskAudit(task, 'task.escalated', { dueAt: task.dueAt, to: ws.leadOrgId }),
        events: [
          taskEvent(task, 'task.overdue', [ws.leadOrgId, task.assigneeOrgId], {
            title: task.title,
            dueAt: task.dueAt,
            assignee: task.assigneeOrgId,
            status: task.status,
          }),
        ],
      };
    },
  },
} satisfies TimerHandlers<Workspace, TaskTimerKind>;
