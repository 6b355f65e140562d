import type { AuditDraft } from '../kernel/audit';
import type { EventDraft, EventType } from '../kernel/events';
import type { Task } from './model';

// What setting, changing and chasing a task share: its audit entries and events go under its marking.
export const taskAudit = (task: Pick<Task, 'id' | 'marking'>, action: string, details: Record<string, unknown>): AuditDraft => ({
  action,
  target: { type: 'task', id: task.id },
  details,
  markings: [task.marking],
});

export const taskEvent = (
  task: Pick<Task, 'workspaceId' | 'id' | 'marking'>,
  type: EventType,
  audience: string[],
  data: Record<string, unknown>,
): EventDraft => ({ type, workspaceId: task.workspaceId, subject: { type: 'task', id: task.id }, marking: task.marking, audience, data });
