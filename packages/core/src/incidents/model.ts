import { z } from 'zod';
import { isDuration, parseDuration } from '../duration';
import { Marking, MarkingInput } from '../marking';
import { CountryCode, Id, IsoDateTime } from '../primitives';

/**
 * The 24/7 network: each country registers who is paged for an urgent incident, and the
 * incidents themselves with a per-country escalation ladder.
 */

export const ContactPerson = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.string().trim().max(200).optional(),
    phone: z
      .string()
      .regex(/^\+[0-9 ]{6,20}$/, 'must be an international number such as +84 24 1234 5678')
      .optional(),
    email: z.email().max(320).optional(),
  })
  .strict();
export type ContactPerson = z.infer<typeof ContactPerson>;

export const ContactChannel = z
  .object({
    kind: z.enum(['phone', 'email', 'secure_messaging', 'radio', 'other']),
    address: z.string().trim().min(3).max(500),
  })
  .strict();
export type ContactChannel = z.infer<typeof ContactChannel>;

/** One rung of a country's ladder: the organisation paged, and how to reach its people. */
export const ContactPoint = z
  .object({
    orgId: Id,
    people: z.array(ContactPerson).max(10).default([]),
    channels: z.array(ContactChannel).max(10).default([]),
  })
  .strict();
export type ContactPoint = z.infer<typeof ContactPoint>;

export const CountryContactsInput = z
  .object({
    /** Level 1: the 24/7 duty contact. */
    duty: ContactPoint,
    /** Level 2: the backup when the duty contact does not acknowledge in time. */
    backup: ContactPoint,
    /** Level 3, with the task-force lead: the national lead. */
    nationalLead: ContactPoint,
  })
  .strict();
export type CountryContactsInput = z.infer<typeof CountryContactsInput>;

export const CountryContacts = CountryContactsInput.extend({
  country: CountryCode,
  updatedAt: IsoDateTime,
  updatedBy: z.object({ sub: z.string(), orgId: Id }),
  version: z.number().int().positive(),
});
export type CountryContacts = z.infer<typeof CountryContacts>;

export const IncidentSeverity = z.enum(['critical', 'high', 'medium']);
export type IncidentSeverity = z.infer<typeof IncidentSeverity>;

export const IncidentType = z.enum([
  'ransomware',
  'intrusion',
  'ddos',
  'data_breach',
  'fraud',
  'child_sexual_abuse',
  'threat_to_life',
  'other',
]);
export type IncidentType = z.infer<typeof IncidentType>;

/** Acknowledgement deadline per level, by severity, unless the workspace sets its own. */
export const DEFAULT_ACK_DEADLINES: Record<IncidentSeverity, string> = { critical: 'PT15M', high: 'PT1H', medium: 'PT4H' };
/** How many times the ladder runs again from level 1 after its last level passes unacknowledged. */
export const DEFAULT_LADDER_REPEATS = 1;
export const LADDER_LEVELS = 3;

const AckDeadline = z
  .string()
  .refine(isDuration, 'must be a fixed-length ISO 8601 duration such as PT15M')
  .refine((d) => {
    const ms = parseDuration(d) ?? 0;
    return ms >= 60_000 && ms <= 86_400_000;
  }, 'must be between PT1M and P1D');

export const IncidentSettingsInput = z
  .object({
    ackDeadlines: z.object({ critical: AckDeadline, high: AckDeadline, medium: AckDeadline }).partial().strict().default({}),
    repeats: z.number().int().min(0).max(5).default(DEFAULT_LADDER_REPEATS),
  })
  .strict();
export type IncidentSettingsInput = z.infer<typeof IncidentSettingsInput>;

export const IncidentSettings = z.object({
  workspaceId: Id,
  ackDeadlines: z.object({ critical: z.string(), high: z.string(), medium: z.string() }),
  repeats: z.number().int().min(0),
  updatedAt: IsoDateTime,
  version: z.number().int().positive(),
});
export type IncidentSettings = z.infer<typeof IncidentSettings>;

export const AlertStatus = z.enum(['raised', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

/** The state of one alerted country: its status and how far up its ladder the incident went. */
export const CountryAlert = z.object({
  country: CountryCode,
  status: AlertStatus,
  /** The last ladder step that fired: 0 is level 1 of the first round, notified when raised. */
  step: z.number().int().min(0),
  level: z.number().int().min(1).max(LADDER_LEVELS),
  round: z.number().int().min(1),
  /** When the next level fires unless someone acknowledges first. */
  nextEscalationAt: IsoDateTime.optional(),
  acknowledgedAt: IsoDateTime.optional(),
  acknowledgedBy: z.object({ sub: z.string(), orgId: Id }).optional(),
  resolvedAt: IsoDateTime.optional(),
  resolvedBy: z.object({ sub: z.string(), orgId: Id }).optional(),
  /** Set when every level of every round passed without an acknowledgement. */
  exhaustedAt: IsoDateTime.optional(),
});
export type CountryAlert = z.infer<typeof CountryAlert>;

export const TimelineEntry = z.object({
  at: IsoDateTime,
  what: z.enum(['raised', 'notified', 'escalated', 'acknowledged', 'resolved', 'exhausted']),
  country: CountryCode.optional(),
  level: z.number().int().optional(),
  round: z.number().int().optional(),
  /** Organisations paged. */
  to: z.array(Id).optional(),
  by: Id.optional(),
  note: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** Bounded so an incident stays one item: 20 countries × 3 levels × 6 rounds plus acknowledgements fit. */
export const MAX_ALERTED_COUNTRIES = 20;
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
  ladder: z.object({ ackDeadline: z.string(), repeats: z.number().int().min(0) }),
  alerts: z.array(CountryAlert).min(1).max(MAX_ALERTED_COUNTRIES),
  timeline: z.array(TimelineEntry).max(MAX_TIMELINE),
  raisedBy: z.object({ sub: z.string(), orgId: Id, country: CountryCode }),
  raisedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int().positive(),
});
export type Incident = z.infer<typeof Incident>;

export const RaiseIncidentInput = z
  .object({
    severity: IncidentSeverity,
    type: IncidentType,
    summary: z.string().trim().min(1).max(4000),
    marking: MarkingInput.optional(),
    countries: z
      .array(CountryCode)
      .min(1)
      .max(MAX_ALERTED_COUNTRIES)
      .refine((cs) => new Set(cs).size === cs.length, 'a country is repeated'),
  })
  .strict();
export type RaiseIncidentInput = z.infer<typeof RaiseIncidentInput>;

export const AcknowledgeIncidentInput = z
  .object({
    /** The alerted country acknowledging; defaults to the caller's country. */
    country: CountryCode.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type AcknowledgeIncidentInput = z.infer<typeof AcknowledgeIncidentInput>;

export const ResolveIncidentInput = z
  .object({
    /** One alerted country; omitted, the raiser or the task-force lead resolves every country still open. */
    country: CountryCode.optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type ResolveIncidentInput = z.infer<typeof ResolveIncidentInput>;
