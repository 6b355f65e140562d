import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Marking, MarkingInput } from '../kernel/marking';
import { durationBetween, Id, IsoDateTime, positiveInt, text, textUpTo, trimmed } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { MAX_RECORD_SELECTORS, Selector } from '../matching/selectors';

export const TaskStatus = z.enum(['open', 'accepted', 'in_progress', 'done', 'declined', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatus>;
const TaskPriority = z.enum(['low', 'normal', 'high', 'critical']);

export const Task = z.object({
  workspaceId: Id,
  id: Id,
  title: text(1, 200),
  description: textUpTo(10_000),
  assigneeOrgId: Id,
  dueAt: IsoDateTime,
  priority: TaskPriority,
  status: TaskStatus,
  /** Offsets before the due time at which the assignee is reminded, e.g. ["P1D","PT1H"]. */
  reminders: z.array(z.string()),
  statusReason: z.optional(textUpTo(2000)),
  escalatedAt: z.optional(IsoDateTime),
  marking: Marking,
  /** Accounts, wallets, phones… the task is about: indexed for hit/no-hit matching when the task is set. */
  selectors: z.optional(z.array(Selector)),
  createdBy: z.object({ sub: z.string(), orgId: Id }),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: positiveInt(),
});
export type Task = z.infer<typeof Task>;

declare module '../kernel/records' {
  interface RecordTypes {
    task: { value: Task; ref: { workspaceId: string; id: string } };
  }
}
defineRecord('task', ['workspaceId', 'id'], (t) => ({ workspaceId: t.workspaceId, id: t.id }));

export const TASK_EVENTS = ['task.assigned', 'task.updated', 'task.status_changed', 'task.reminder', 'task.overdue'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof TASK_EVENTS> {}
}

/** How long before the due time the assignee is reminded. */
const Reminder = durationBetween('PT1M', 'P90D');

/** Inputs of commands, as callers send them. The API publishes these in its OpenAPI document. */
export const CreateTaskInput = z.strictObject({
  title: trimmed(1, 200),
  description: z._default(textUpTo(10_000), ''),
  assigneeOrgId: Id,
  dueAt: IsoDateTime,
  priority: z._default(TaskPriority, 'normal'),
  reminders: z.optional(z.array(Reminder).check(z.maxLength(5))),
  marking: z.optional(MarkingInput),
  selectors: z.optional(z.array(Selector).check(z.maxLength(MAX_RECORD_SELECTORS))),
});
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

export const UpdateTaskInput = z
  .strictObject({
    status: z.optional(TaskStatus),
    reason: z.optional(trimmed(1, 2000)),
    title: z.optional(trimmed(1, 200)),
    description: z.optional(textUpTo(10_000)),
    dueAt: z.optional(IsoDateTime),
    priority: z.optional(TaskPriority),
  })
  .check(z.refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change', path: ['status'] }));
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;
