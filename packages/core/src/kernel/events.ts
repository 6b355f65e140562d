import type { Actor } from './audit';
import type { Marking } from './marking';

export const EVENT_TYPES = [
  'organisation.registered',
  'workspace.created',
  'workspace.updated',
  'invitation.sent',
  'invitation.accepted',
  'invitation.declined',
  'invitation.revoked',
  'member.removed',
  'task.assigned',
  'task.updated',
  'task.status_changed',
  'task.reminder',
  'task.overdue',
  'policy.updated',
  'contacts.updated',
  'incident.raised',
  'incident.escalated',
  'incident.acknowledged',
  'incident.resolved',
  'incident.unacknowledged',
  'request.sent',
  'request.acknowledged',
  'request.clarification_requested',
  'request.clarified',
  'request.responded',
  'request.withdrawn',
  'request.extended',
  'request.reminder',
  'request.expired',
  'request.objection_window_closed',
  'evidence.registered',
  'evidence.uploaded',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * A domain event, written to the outbox in the same transaction as the change it reports.
 * `audience` names the organisations the event concerns; the fan-out step decides, per
 * recipient, what each may receive.
 */
export interface DomainEvent {
  id: string;
  type: EventType;
  at: string;
  chainId: string;
  workspaceId?: string;
  subject: { type: string; id: string };
  actor: Actor;
  audience: string[];
  /**
   * The marking of the record the event reports. Fan-out asks the policy evaluator, per
   * recipient, whether it may learn of that record; an unmarked event goes to its audience.
   */
  marking?: Marking;
  /** Private partners the subject is addressed to (e.g. a data request's provider): the evaluator lets only them in. */
  addressees?: string[];
  data: Record<string, unknown>;
}

export type EventDraft = Omit<DomainEvent, 'id' | 'at' | 'chainId' | 'actor'>;
