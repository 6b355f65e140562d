import { addDuration, durationMs } from './duration';
import type { Task, Timer } from './model';

/** Number of partitions of the due index; the sweep reads each one. */
export const DUE_SHARDS = 4;

export const shardOf = (id: string): number => {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % DUE_SHARDS;
};

export const DEFAULT_TASK_REMINDERS = ['P1D', 'PT1H'] as const;

/** Timer ids are derived from the task, so changing or finishing a task clears them without a read. */
export const overdueTimerId = (taskId: string) => `${taskId}~overdue`;
export const reminderTimerId = (taskId: string, offset: string) => `${taskId}~remind~${offset}`;

export const allTaskTimerIds = (task: Pick<Task, 'id' | 'reminders'>): string[] => [
  overdueTimerId(task.id),
  ...task.reminders.map((r) => reminderTimerId(task.id, r)),
];

/** The timers a live task should have from `now` on: reminders still ahead, and the overdue escalation. */
export const taskTimers = (task: Task, now: Date): Timer[] => {
  const due = new Date(task.dueAt);
  const timers: Timer[] = [];
  for (const offset of task.reminders) {
    const at = addDuration(due, offset, -1);
    if (at.getTime() > now.getTime()) {
      timers.push({
        workspaceId: task.workspaceId,
        id: reminderTimerId(task.id, offset),
        kind: 'task.reminder',
        subjectId: task.id,
        dueAt: at.toISOString(),
        offset,
      });
    }
  }
  timers.push({
    workspaceId: task.workspaceId,
    id: overdueTimerId(task.id),
    kind: 'task.overdue',
    subjectId: task.id,
    dueAt: task.dueAt,
  });
  return timers;
};

export const sortReminders = (offsets: readonly string[]): string[] => [...new Set(offsets)].sort((a, b) => durationMs(b) - durationMs(a));
