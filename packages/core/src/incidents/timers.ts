import type { Decision } from '../kernel/runner';
import type { Timer, TimerHandlers } from '../kernel/timers';
import { levelReach, newPages, type PageContext, pagedEvent, pageWrites, type RosterLookup, stepPageIds } from '../paging/plan';
import type { Workspace } from '../workspaces/model';
import { ESCALATE_KIND, escalationTimer, levelOf, levelTargets, stepDueAt, totalSteps } from './ladder';
import type { CountryAlert, CountryContacts, Incident, TimelineEntry } from './model';
import { incidentPut, incidentRef, revisedIncident, rosterLookup, timerPut, timerRosterRefs } from './shared';

// ── The ladder, fired by the sweep (or now, by someone) ────────────────────────────────

const escalationData = (timer: Timer): { country: string; step: number } | null => {
  const country = timer.data?.country;
  const step = timer.data?.step;
  return typeof country === 'string' && typeof step === 'number' ? { country, step } : null;
};

/** The timeline entries of rosters on which a level found nobody on call. */
export const nobodyOnCallEntries = (at: string, country: string, level: number, round: number, rosters: string[]): TimelineEntry[] =>
  rosters.map((rosterId) => ({ at, what: 'nobody_on_call', country, level, round, rosterId }));

export interface StepFiring {
  inc: Incident;
  alert: CountryAlert;
  contacts: CountryContacts;
  step: number;
  ws: Workspace;
  now: Date;
  rosterOf: RosterLookup;
  idOf: (i: number) => string;
  /** Someone escalated now (the console): later deadlines count from `now`, and they are named. */
  early?: { sub: string; orgId: string };
}

/**
 * One paging step of a country's ladder: the level on the incident (and its timeline), one page
 * per person the level reaches with the `incident.paged` event, the organisations told
 * (`incident.escalated`), and the next step's timer. The sweep runs it when the step is due; "escalate
 * now" runs the same, early. The step after the last is the end of the ladder, so there is always a next timer.
 */
export const escalateStep = (f: StepFiring): Omit<Decision<Incident>, 'result'> & { next: Incident } => {
  const { inc, alert, contacts, step, ws, now } = f;
  const at = now.toISOString();
  const country = alert.country;
  const dueAt = stepDueAt(inc, step, alert);
  const { level, round } = levelOf(step);
  const to = levelTargets(contacts, level, ws.leadOrgId);
  const moved: CountryAlert = { ...alert, step, level, round, ...(f.early ? { escalatedNow: { step, at } } : {}) };
  const nextAt = stepDueAt(inc, step + 1, moved);
  const reach = levelReach(contacts, level, f.rosterOf, now);
  const ctx: PageContext = {
    workspaceId: inc.workspaceId,
    incidentId: inc.id,
    country,
    step,
    level,
    round,
    createdAt: at,
    expiresAt: nextAt,
  };
  const pages = newPages(reach.people, ctx, f.idOf);
  const next = revisedIncident(
    inc,
    at,
    { alerts: inc.alerts.map((a) => (a.country === country ? { ...moved, nextEscalationAt: nextAt } : a)) },
    [
      { at, what: 'escalated', country, level, round, to, people: pages.length, ...(f.early ? { by: f.early.orgId } : {}) },
      ...nobodyOnCallEntries(at, country, level, round, reach.nobodyOnCall),
    ],
  );
  return {
    next,
    writes: [incidentPut(next, inc), timerPut(escalationTimer(inc, country, step + 1, contacts, moved)), ...pageWrites(pages)],
    audit: {
      action: 'incident.escalated',
      target: { type: 'incident', id: inc.id },
      details: {
        country,
        level,
        round,
        to,
        dueAt,
        pages: pages.length,
        ...(reach.nobodyOnCall.length ? { nobodyOnCall: reach.nobodyOnCall } : {}),
        ...(f.early ? { early: true } : {}),
      },
      markings: [inc.marking],
    },
    events: [
      {
        type: 'incident.escalated',
        workspaceId: ws.id,
        subject: { type: 'incident', id: inc.id },
        audience: [...new Set([...to, inc.raisedBy.orgId, ws.leadOrgId])],
        marking: inc.marking,
        data: {
          country,
          level,
          round,
          to,
          severity: inc.severity,
          type: inc.type,
          summary: inc.summary,
          dueAt,
          acknowledgeBy: nextAt,
        },
      },
      ...pagedEvent(pages, ctx),
    ],
  };
};

/**
 * One step of a country's ladder. It fires only if the country is still unacknowledged and
 * the step is the next one (a stale or replayed timer is dropped); it records the level in
 * the incident, pages that level's contacts (from the registry as it is now) and the people
 * its rung names, and plans the next step, all in the transaction that claims the timer. Past
 * the last level of the last round, it records that nobody answered and tells the raiser and
 * the task-force lead.
 */
export const incidentTimerHandlers = {
  [ESCALATE_KIND]: {
    refs(timer) {
      const d = escalationData(timer);
      return [
        incidentRef(timer.workspaceId, timer.subjectId),
        ...(d ? [{ kind: 'contacts' as const, country: d.country }] : []),
        ...timerRosterRefs(timer.data),
      ];
    },
    decide({ view, timer, ws, now }) {
      const d = escalationData(timer);
      const inc = view.get(incidentRef(timer.workspaceId, timer.subjectId));
      const alert = d && inc?.alerts.find((a) => a.country === d.country);
      const contacts = d && view.get({ kind: 'contacts', country: d.country });
      if (!d || !inc || !alert || !contacts || alert.status !== 'raised' || d.step !== alert.step + 1) return 'drop';
      const at = now.toISOString();
      const last = totalSteps(inc.ladder);

      if (d.step >= last) {
        const { nextEscalationAt: _none, ...rest } = alert;
        const next = revisedIncident(
          inc,
          at,
          { alerts: inc.alerts.map((a) => (a.country === d.country ? { ...rest, step: d.step, exhaustedAt: at } : a)) },
          [{ at, what: 'exhausted', country: d.country }],
        );
        return {
          writes: [incidentPut(next, inc)],
          audit: {
            action: 'incident.unacknowledged',
            target: { type: 'incident', id: inc.id },
            details: { country: d.country, rounds: inc.ladder.repeats + 1 },
            markings: [inc.marking],
          },
          events: [
            {
              type: 'incident.unacknowledged',
              workspaceId: ws.id,
              subject: { type: 'incident', id: inc.id },
              audience: [...new Set([inc.raisedBy.orgId, ws.leadOrgId, contacts.nationalLead.orgId])],
              marking: inc.marking,
              data: { country: d.country, severity: inc.severity, summary: inc.summary, rounds: inc.ladder.repeats + 1 },
            },
          ],
        };
      }

      const { next: _next, ...effect } = escalateStep({
        inc,
        alert,
        contacts,
        step: d.step,
        ws,
        now,
        rosterOf: rosterLookup(view, timerRosterRefs(timer.data), false),
        idOf: stepPageIds(now, d.country, d.step),
      });
      return effect;
    },
  },
} satisfies TimerHandlers<Workspace, typeof ESCALATE_KIND>;
