import { parseDuration } from './duration';
import type { Task, Timer } from './records';

/** Number of partitions of the due index; the sweep reads each one. */
export const DUE_SHARDS = 4;

export const shardOf = (id: string): number => {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % DUE_SHARDS;
};

export const DEFAULT_TASK_REMINDERS = ['P1D', 'PT1H'] as const;

/** A deadline with reminders before it: a task's due time, a request's legal clock. */
export interface Deadline {
  workspaceId: string;
  subjectId: string;
  dueAt: string;
  reminders: readonly string[];
}
/** The kinds of the reminder and deadline timers, and the suffix of the deadline timer's id. */
export interface DeadlineKinds {
  reminder: string;
  due: string;
  dueSuffix: string;
}
const TASK_KINDS: DeadlineKinds = { reminder: 'task.reminder', due: 'task.overdue', dueSuffix: 'overdue' };

/** Timer ids are derived from the subject, so changing or finishing it clears them without a read. */
export const dueTimerId = (subjectId: string, suffix: string) => `${subjectId}~${suffix}`;
export const overdueTimerId = (taskId: string) => dueTimerId(taskId, TASK_KINDS.dueSuffix);
export const reminderTimerId = (subjectId: string, offset: string) => `${subjectId}~remind~${offset}`;

/**
 * Offsets longer than any bounded duration were accepted before durations were bounded; no
 * timer was ever made for them (they fell before the epoch or computed to no time at all), and
 * their ids would exceed the store's key size, so they are left out rather than fail the command.
 */
const MAX_OFFSET_LENGTH = 32;

export const deadlineTimerIds = (d: Pick<Deadline, 'subjectId' | 'reminders'>, kinds: DeadlineKinds): string[] => [
  dueTimerId(d.subjectId, kinds.dueSuffix),
  ...d.reminders.filter((r) => r.length <= MAX_OFFSET_LENGTH).map((r) => reminderTimerId(d.subjectId, r)),
];

/** The timers a live deadline should have from `now` on: reminders still ahead, and the deadline itself. */
export const deadlineTimers = (d: Deadline, now: Date, kinds: DeadlineKinds): Timer[] => {
  const due = new Date(d.dueAt);
  const timers: Timer[] = [];
  for (const offset of d.reminders) {
    const ms = parseDuration(offset);
    if (ms === undefined) continue;
    const at = new Date(due.getTime() - ms);
    if (at.getTime() > now.getTime()) {
      timers.push({
        workspaceId: d.workspaceId,
        id: reminderTimerId(d.subjectId, offset),
        kind: kinds.reminder,
        subjectId: d.subjectId,
        dueAt: at.toISOString(),
        offset,
      });
    }
  }
  timers.push({
    workspaceId: d.workspaceId,
    id: dueTimerId(d.subjectId, kinds.dueSuffix),
    kind: kinds.due,
    subjectId: d.subjectId,
    dueAt: d.dueAt,
  });
  return timers;
};

export const allTaskTimerIds = (task: Pick<Task, 'id' | 'reminders'>): string[] =>
  deadlineTimerIds({ subjectId: task.id, reminders: task.reminders }, TASK_KINDS);

export const taskTimers = (task: Task, now: Date): Timer[] =>
  deadlineTimers({ workspaceId: task.workspaceId, subjectId: task.id, dueAt: task.dueAt, reminders: task.reminders }, now, TASK_KINDS);

export const sortReminders = (offsets: readonly string[]): string[] =>
  [...new Set(offsets)].sort((a, b) => (parseDuration(b) ?? 0) - (parseDuration(a) ?? 0));
