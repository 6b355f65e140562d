import type { DomainEvent, EventType } from '../kernel/events';
import { type InboxNotification, notificationId, type PartnerInboxNotificationView, type PartnerNotification } from './model';

/**
 * Of an event's data, what a partner may receive: what its portal shows of the request anyway
 * (type, status, urgency, due time, its clarifications and answers, the outcome, its own
 * evidence). Anything else an event carries for the agencies (who acted, why a request was
 * withdrawn, which partner it went to) is dropped, and so is any field not named here.
 */
const COMMON_FIELDS = ['requestType', 'status', 'urgency', 'dueAt'] as const;
const FIELDS_BY_TYPE: Partial<Record<EventType, readonly string[]>> = {
  'request.clarification_requested': ['question'],
  'request.clarified': ['answer'],
  'request.responded': ['outcome', 'reason', 'reasonText'],
  'request.extended': ['previousDueAt'],
  'request.reminder': ['before', 'rule'],
  'request.expired': ['from', 'rule'],
  'request.objection_window_closed': ['endedAt'],
  'evidence.registered': ['evidenceId', 'fileName', 'size', 'targets'],
  'evidence.uploaded': ['evidenceId', 'fileName', 'sha256'],
  'request.targets_answered': ['answered', 'of', 'decisions'],
  'request.renewed': ['previousDueAt', 'renewals'],
  'request.released': [],
  'request.lapsed': ['from', 'rule'],
  'takedown.batch_answered': ['answered', 'counts'],
  'takedown.completed': ['outcome', 'counts'],
  // On its request's thread: which message, never its text (the portal shows it, under its marking).
  'message.posted': ['messageId'],
  'message.mentioned': ['messageId'],
  'message.edited': ['messageId'],
  'message.redacted': ['messageId'],
};

export const partnerEventData = (type: EventType, data: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const field of [...COMMON_FIELDS, ...(FIELDS_BY_TYPE[type] ?? [])])
    if (Object.hasOwn(data, field) && data[field] !== undefined) out[field] = data[field];
  return out;
};

const isAgency = (v: unknown): v is { orgId: string; country: string } =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { orgId?: unknown }).orgId === 'string' &&
  typeof (v as { country?: unknown }).country === 'string';

/**
 * The notification a private partner receives about an event: only an event about a request
 * addressed to that partner (it hears of nothing else), in the partner's form. Whether the
 * evaluator lets it learn of the request is fan-out's question, asked before this.
 */
export const partnerNotification = (event: DomainEvent, recipient: string): PartnerNotification | undefined => {
  if (event.subject.type !== 'request' || !event.workspaceId || !event.marking || !event.addressees?.includes(recipient)) return undefined;
  // Request events name the requesting agency; the request's originator is the same organisation.
  const agency = isAgency(event.data.requestingAgency) ? event.data.requestingAgency : event.marking.originator;
  return {
    id: notificationId(event.id, recipient),
    eventId: event.id,
    type: event.type,
    at: event.at,
    recipient,
    subject: { type: 'request', id: event.subject.id },
    requestingAgency: { orgId: agency.orgId, country: agency.country },
    tlp: event.marking.tlp,
    caveats: event.marking.caveats,
    data: partnerEventData(event.type, event.data),
    access: { marking: event.marking, addressee: true, workspaceId: event.workspaceId },
  };
};

/**
 * A partner's inbox item as the partner reads it: the stored partner form without `access`, or,
 * for a copy stored in the agencies' form before partners had their own, the partner's form
 * rebuilt from it. Anything that is not about a request addressed to the partner is not shown.
 */
export const partnerInboxView = (n: InboxNotification): PartnerInboxNotificationView | undefined => {
  if (n.subject.type !== 'request' || !n.access?.addressee) return undefined;
  const agency =
    'requestingAgency' in n
      ? n.requestingAgency
      : isAgency(n.data.requestingAgency)
        ? n.data.requestingAgency
        : n.access.marking.originator;
  return {
    id: n.id,
    eventId: n.eventId,
    type: n.type,
    at: n.at,
    recipient: n.recipient,
    subject: { type: 'request', id: n.subject.id },
    requestingAgency: { orgId: agency.orgId, country: agency.country },
    tlp: n.access.marking.tlp,
    caveats: n.access.marking.caveats,
    data: partnerEventData(n.type as EventType, n.data),
    receivedAt: n.receivedAt,
    ...(n.acknowledgedAt ? { acknowledgedAt: n.acknowledgedAt } : {}),
    ...(n.webhook ? { webhook: n.webhook } : {}),
  };
};
