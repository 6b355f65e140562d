import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Marking, MarkingInput } from '../kernel/marking';
import { CountryCode, durationBetween, Id, IsoDateTime, nonNegativeInt, positiveInt, trimmed } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { MAX_RECORD_SELECTORS, Selector } from '../matching/selectors';

/**
 * The 24/7 network: each country registers who is paged for an urgent incident, and the
 * incidents themselves with a per-country escalation ladder.
 */

const ContactPerson = z.strictObject({
  name: trimmed(1, 200),
  role: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  phone: z.optional(
    z
      .string()
      .check(z.maxLength(21, { abort: true }), z.regex(/^\+[0-9 ]{6,20}$/, 'must be an international number such as +84 24 1234 5678')),
  ),
  email: z.optional(z.email().check(z.maxLength(320))),
});

const ContactChannel = z.strictObject({
  kind: z.enum(['phone', 'email', 'secure_messaging', 'radio', 'other']),
  address: trimmed(3, 500),
});

/**
 * One rung of a country's ladder: the organisation paged, and how to reach its people. A rung
 * may also name whom the level pages on their own phone: the on-call person of one of that
 * organisation's rosters (`rosterId`, resolved when the level fires), or one named person of
 * it (`personSub`); never both. With neither, the level reaches the organisation as before
 * (its inbox and webhook) and pages nobody.
 */
const ContactPoint = z.strictObject({
  orgId: Id,
  rosterId: z.optional(Id),
  personSub: z.optional(Id),
  people: z._default(z.array(ContactPerson).check(z.maxLength(10)), []),
  channels: z._default(z.array(ContactChannel).check(z.maxLength(10)), []),
});

export const CountryContactsInput = z.strictObject({
  /** Level 1: the 24/7 duty contact. */
  duty: ContactPoint,
  /** Level 2: the backup when the duty contact does not acknowledge in time. */
  backup: ContactPoint,
  /** Level 3, with the task-force lead: the national lead. */
  nationalLead: ContactPoint,
});
export type CountryContactsInput = z.infer<typeof CountryContactsInput>;

export const CountryContacts = z.extend(CountryContactsInput, {
  country: CountryCode,
  updatedAt: IsoDateTime,
  updatedBy: z.object({ sub: z.string(), orgId: Id }),
  version: positiveInt(),
});
export type CountryContacts = z.infer<typeof CountryContacts>;

export const IncidentSeverity = z.enum(['critical', 'high', 'medium']);
export type IncidentSeverity = z.infer<typeof IncidentSeverity>;

const IncidentType = z.enum(['ransomware', 'intrusion', 'ddos', 'data_breach', 'fraud', 'child_sexual_abuse', 'threat_to_life', 'other']);

/** Acknowledgement deadline per level, by severity, unless the workspace sets its own. */
export const DEFAULT_ACK_DEADLINES: Record<IncidentSeverity, string> = { critical: 'PT15M', high: 'PT1H', medium: 'PT4H' };
/** How many times the ladder runs again from level 1 after its last level passes unacknowledged. */
export const DEFAULT_LADDER_REPEATS = 1;
export const LADDER_LEVELS = 3;
/**
 * How long (on the platform clock) the person who acknowledged for a country may take it back,
 * provided nothing happened to the incident since: a tap on the wrong card is undone, and the
 * ladder resumes as it was.
 */
export const ACK_UNDO_MS = 10_000;

const AckDeadline = durationBetween('PT1M', 'P1D');

export const IncidentSettingsInput = z.strictObject({
  ackDeadlines: z._default(z.partial(z.strictObject({ critical: AckDeadline, high: AckDeadline, medium: AckDeadline })), {}),
  repeats: z._default(z.int().check(z.gte(0), z.lte(5)), DEFAULT_LADDER_REPEATS),
});
export type IncidentSettingsInput = z.infer<typeof IncidentSettingsInput>;

export const IncidentSettings = z.object({
  workspaceId: Id,
  ackDeadlines: z.object({ critical: z.string(), high: z.string(), medium: z.string() }),
  repeats: nonNegativeInt(),
  updatedAt: IsoDateTime,
  version: positiveInt(),
});
export type IncidentSettings = z.infer<typeof IncidentSettings>;

const AlertStatus = z.enum(['raised', 'acknowledged', 'resolved']);

/** The state of one alerted country: its status and how far up its ladder the incident went. */
export const CountryAlert = z.object({
  country: CountryCode,
  status: AlertStatus,
  /** The last ladder step that fired: 0 is level 1 of the first round, notified when raised. */
  step: nonNegativeInt(),
  level: z.int().check(z.gte(1), z.lte(LADDER_LEVELS)),
  round: z.int().check(z.gte(1)),
  /** When the next level fires unless someone acknowledges first. */
  nextEscalationAt: z.optional(IsoDateTime),
  acknowledgedAt: z.optional(IsoDateTime),
  acknowledgedBy: z.optional(z.object({ sub: z.string(), orgId: Id })),
  /** Until when the person who acknowledged may undo it (`ACK_UNDO_MS` after the acknowledgement). */
  ackUndoUntil: z.optional(IsoDateTime),
  resolvedAt: z.optional(IsoDateTime),
  resolvedBy: z.optional(z.object({ sub: z.string(), orgId: Id })),
  /** Set when every level of every round passed without an acknowledgement. */
  exhaustedAt: z.optional(IsoDateTime),
  /**
   * Set when someone escalated now: the step fired early and when. Later deadlines count from
   * then (step s is due at `at` + (s − `step`) × the acknowledgement deadline), not from the raise.
   */
  escalatedNow: z.optional(z.object({ step: nonNegativeInt(), at: IsoDateTime })),
});
export type CountryAlert = z.infer<typeof CountryAlert>;

export const TimelineEntry = z.object({
  at: IsoDateTime,
  what: z.enum([
    'raised',
    'notified',
    'escalated',
    'acknowledged',
    'acknowledgement_undone',
    'resolved',
    'exhausted',
    /** A level's rung names a roster on which nobody was on call: nobody was paged on their phone. */
    'nobody_on_call',
    /** Someone asked from the console to page the current level again (`repaged`), or every member of the ladder's rosters (`team_paged`). */
    'repaged',
    'team_paged',
  ]),
  country: z.optional(CountryCode),
  level: z.optional(z.int()),
  round: z.optional(z.int()),
  /** Organisations paged. */
  to: z.optional(z.array(Id)),
  by: z.optional(Id),
  note: z.optional(z.string()),
  /** The roster a `nobody_on_call` entry is about. */
  rosterId: z.optional(Id),
  /** How many people the step paged on their phone (a `notified`, `escalated` or `repaged` entry). */
  people: z.optional(nonNegativeInt()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Bounded so an incident stays one item: 20 countries × 3 levels × 6 rounds plus acknowledgements fit. */
const MAX_ALERTED_COUNTRIES = 20;
export const MAX_TIMELINE = 600;

export const Incident = z.object({
  workspaceId: Id,
  id: Id,
  severity: IncidentSeverity,
  type: IncidentType,
  summary: z.string(),
  marking: Marking,
  status: z.enum(['open', 'resolved']),
  /** The ladder as it was when the incident was raised: later settings changes do not move it. */
  ladder: z.object({ ackDeadline: z.string(), repeats: nonNegativeInt() }),
  alerts: z.array(CountryAlert).check(z.minLength(1), z.maxLength(MAX_ALERTED_COUNTRIES)),
  timeline: z.array(TimelineEntry).check(z.maxLength(MAX_TIMELINE)),
  /** Accounts, wallets, phones… the incident is about: indexed for hit/no-hit matching when it is raised. */
  selectors: z.optional(z.array(Selector)),
  raisedBy: z.object({ sub: z.string(), orgId: Id, country: CountryCode }),
  raisedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: positiveInt(),
});
export type Incident = z.infer<typeof Incident>;

declare module '../kernel/records' {
  interface RecordTypes {
    contacts: { value: CountryContacts; ref: { country: string } };
    incidentSettings: { value: IncidentSettings; ref: { workspaceId: string } };
    incident: { value: Incident; ref: { workspaceId: string; id: string } };
  }
}
defineRecord('contacts', ['country'], (c) => ({ country: c.country }));
defineRecord('incidentSettings', ['workspaceId'], (s) => ({ workspaceId: s.workspaceId }));
defineRecord('incident', ['workspaceId', 'id'], (i) => ({ workspaceId: i.workspaceId, id: i.id }));

export const INCIDENT_EVENTS = [
  'contacts.updated',
  'incident.raised',
  'incident.escalated',
  'incident.acknowledged',
  'incident.acknowledgement_undone',
  'incident.resolved',
  'incident.unacknowledged',
] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof INCIDENT_EVENTS> {}
}

export const RaiseIncidentInput = z.strictObject({
  severity: IncidentSeverity,
  type: IncidentType,
  summary: trimmed(1, 4000),
  marking: z.optional(MarkingInput),
  countries: z.array(CountryCode).check(
    z.minLength(1),
    z.maxLength(MAX_ALERTED_COUNTRIES),
    z.refine((cs) => new Set(cs).size === cs.length, 'a country is repeated'),
  ),
  selectors: z.optional(z.array(Selector).check(z.maxLength(MAX_RECORD_SELECTORS))),
});
export type RaiseIncidentInput = z.infer<typeof RaiseIncidentInput>;

export const AcknowledgeIncidentInput = z.strictObject({
  /** The alerted country acknowledging; defaults to the caller's country. */
  country: z.optional(CountryCode),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});
export type AcknowledgeIncidentInput = z.infer<typeof AcknowledgeIncidentInput>;

export const UndoAcknowledgementInput = z.strictObject({
  /** The alerted country whose acknowledgement is taken back; defaults to the caller's country. */
  country: z.optional(CountryCode),
});
export type UndoAcknowledgementInput = z.infer<typeof UndoAcknowledgementInput>;

export const ResolveIncidentInput = z.strictObject({
  /** One alerted country; omitted, the raiser or the task-force lead resolves every country still open. */
  country: z.optional(CountryCode),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
});
export type ResolveIncidentInput = z.infer<typeof ResolveIncidentInput>;

export const RepageInput = z.strictObject({
  /** The alerted country whose people are paged again. */
  country: CountryCode,
  /** `level`: the people of the level the country's ladder is at; `team`: every member of every roster the country's ladder names. */
  scope: z.enum(['level', 'team']),
});
export type RepageInput = z.infer<typeof RepageInput>;

export const EscalateNowInput = z.strictObject({
  /** The alerted country whose ladder moves to its next level now. */
  country: CountryCode,
});
export type EscalateNowInput = z.infer<typeof EscalateNowInput>;
