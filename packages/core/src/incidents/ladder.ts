import { durationMs } from '../kernel/duration';
import type { Timer } from '../kernel/timers';
import {
  type CountryAlert,
  type CountryContacts,
  DEFAULT_ACK_DEADLINES,
  DEFAULT_LADDER_REPEATS,
  type Incident,
  type IncidentSettings,
  type IncidentSeverity,
  LADDER_LEVELS,
} from './model';

declare module '../kernel/timers' {
  interface TimerKinds {
    'incident.escalate': true;
  }
}

/**
 * The escalation ladder of one alerted country, as steps. Step s is level (s mod 3) + 1 of
 * round ⌊s / 3⌋ + 1; step 0 (the duty contact) is paged when the incident is raised, and step
 * s fires at raisedAt + s × the acknowledgement deadline, unless the country acknowledged
 * first. The step after the last is the end of the ladder: it records that nobody answered.
 * Deadlines are anchored on the raise time, so a late sweep never pushes later levels back.
 */
export const ESCALATE_KIND = 'incident.escalate';

export const ladderFor = (severity: IncidentSeverity, settings: IncidentSettings | undefined): Incident['ladder'] => ({
  ackDeadline: settings?.ackDeadlines[severity] ?? DEFAULT_ACK_DEADLINES[severity],
  repeats: settings?.repeats ?? DEFAULT_LADDER_REPEATS,
});

/** Steps that page someone; the step numbered `totalSteps` is the end of the ladder. */
export const totalSteps = (ladder: Incident['ladder']): number => LADDER_LEVELS * (ladder.repeats + 1);

export const levelOf = (step: number) => ({ level: (step % LADDER_LEVELS) + 1, round: Math.floor(step / LADDER_LEVELS) + 1 });

/**
 * When step `step` of a country's ladder is due: raisedAt + step × the deadline, or, once someone
 * escalated that country now (`alert.escalatedNow`), counted from that moment instead.
 */
export const stepDueAt = (
  incident: Pick<Incident, 'raisedAt' | 'ladder'>,
  step: number,
  alert?: Pick<CountryAlert, 'escalatedNow'>,
): string => {
  const from = alert?.escalatedNow;
  const anchor = from ? Date.parse(from.at) : Date.parse(incident.raisedAt);
  return new Date(anchor + (step - (from?.step ?? 0)) * durationMs(incident.ladder.ackDeadline)).toISOString();
};

/** Timer ids derive from the incident, the country and the step: an acknowledgement deletes the pending one without a read. */
export const escalationTimerId = (incidentId: string, country: string, step: number) => `${incidentId}~esc~${country}~${step}`;

/**
 * The timer of one step. It carries the rosters the country's ladder names as it planned the step
 * (`rosters`, `orgId/rosterId`), so the sweep loads them with the incident and finds who is on call
 * in the transaction that fires the step.
 */
export const escalationTimer = (
  incident: Pick<Incident, 'workspaceId' | 'id' | 'raisedAt' | 'ladder'>,
  country: string,
  step: number,
  contacts: CountryContacts | undefined,
  alert?: Pick<CountryAlert, 'escalatedNow'>,
): Timer => ({
  workspaceId: incident.workspaceId,
  id: escalationTimerId(incident.id, country, step),
  kind: ESCALATE_KIND,
  subjectId: incident.id,
  dueAt: stepDueAt(incident, step, alert),
  data: { country, step, rosters: contacts ? ladderRosterRefs(contacts).map((r) => `${r.orgId}/${r.id}`) : [] },
});

/** The rosters a country's ladder names (at most one a rung), as record refs. */
export const ladderRosterRefs = (contacts: CountryContacts) => [
  ...new Map(
    LADDER_RUNGS.flatMap((rung) => {
      const { orgId, rosterId } = contacts[rung];
      return rosterId ? [[`${orgId}/${rosterId}`, { kind: 'roster' as const, orgId, id: rosterId }] as const] : [];
    }),
  ).values(),
];

/** The rungs of a ladder, by level: 1 the duty contact, 2 the backup, 3 the national lead. */
export const LADDER_RUNGS = ['duty', 'backup', 'nationalLead'] as const;

/** Who a level pages: 1 the duty contact, 2 the backup, 3 the national lead and the task-force lead. */
export const levelTargets = (contacts: CountryContacts, level: number, taskForceLeadOrgId: string): string[] => {
  if (level === 1) return [contacts.duty.orgId];
  if (level === 2) return [contacts.backup.orgId];
  return [...new Set([contacts.nationalLead.orgId, taskForceLeadOrgId])];
};

/** Every organisation of a country's ladder: any of them may acknowledge for the country. */
export const contactOrgs = (contacts: CountryContacts): string[] => [
  ...new Set([contacts.duty.orgId, contacts.backup.orgId, contacts.nationalLead.orgId]),
];
