import { AUDIT_EVENTS } from './audit/export';
import { CONTACT_METHOD_EVENTS } from './contact-methods/model';
import { EVIDENCE_EVENTS } from './evidence/model';
import { INCIDENT_EVENTS } from './incidents/model';
import type { EventType } from './kernel/events';
import { MATCHING_EVENTS } from './matching/model';
import { ORGANISATION_EVENTS } from './organisations/model';
import { PAGE_EVENTS } from './paging/model';
import { POLICY_EVENTS } from './policies/model';
import { DOCUMENT_EVENTS } from './reports/events';
import { REQUEST_EVENTS } from './requests/request';
import { TAKEDOWN_EVENTS } from './requests/takedowns/model';
import { ROSTER_EVENTS } from './rosters/model';
import { INTEL_EVENTS } from './stix-import/events';
import { TASK_EVENTS } from './tasks/model';
import { MESSAGE_EVENTS } from './threads/model';
import { TRANSFER_EVENTS } from './transfers/model';
import { WORKSPACE_EVENTS } from './workspaces/model';

/** Every event type, from each feature's list (a feature adds an event in its own list only). */
const EVENT_TYPES = [
  ...ORGANISATION_EVENTS,
  ...WORKSPACE_EVENTS,
  ...TASK_EVENTS,
  ...POLICY_EVENTS,
  ...INCIDENT_EVENTS,
  ...REQUEST_EVENTS,
  ...AUDIT_EVENTS,
  ...TRANSFER_EVENTS,
  ...MATCHING_EVENTS,
  ...TAKEDOWN_EVENTS,
  ...ROSTER_EVENTS,
  ...CONTACT_METHOD_EVENTS,
  ...PAGE_EVENTS,
  ...MESSAGE_EVENTS,
  ...EVIDENCE_EVENTS,
  ...DOCUMENT_EVENTS,
  ...INTEL_EVENTS,
] as const satisfies readonly EventType[];

// Every registered type is in the list: a feature that registers its events here is spread above.
type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;
