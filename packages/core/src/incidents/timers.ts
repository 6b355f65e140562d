import type { Timer, TimerHandlers } from '../kernel/timers';
import type { Workspace } from '../workspaces/model';
import { ESCALATE_KIND, escalationTimer, levelOf, levelTargets, stepDueAt, totalSteps } from './ladder';
import { incidentPut, incidentRef, revisedIncident, timerPut } from './shared';

// ── The ladder, fired by the sweep ─────────────────────────────────────────────────────

const escalationData = (timer: Timer): { country: string; step: number } | null => {
  const country = timer.data?.country;
  const step = timer.data?.step;
  return typeof country === 'string' && typeof step === 'number' ? { country, step } : null;
};

/**
 * One step of a country's ladder. It fires only if the country is still unacknowledged and
 * the step is the next one (a stale or replayed timer is dropped); it records the level in
 * the incident, pages that level's contacts (from the registry as it is now), and plans the
 * next step, all in the transaction that claims the timer. Past the last level of the last
 * round, it records that nobody answered and tells the raiser and the task-force lead.
 */
export const incidentTimerHandlers = {
  [ESCALATE_KIND]: {
    refs(timer) {
      const d = escalationData(timer);
      return [incidentRef(timer.workspaceId, timer.subjectId), ...(d ? [{ kind: 'contacts' as const, country: d.country }] : [])];
    },
    decide({ view, timer, ws, now }) {
      const d = escalationData(timer);
      const inc = view.get(incidentRef(timer.workspaceId, timer.subjectId));
      const alert = d && inc?.alerts.find((a) => a.country === d.country);
      const contacts = d && view.get({ kind: 'contacts', country: d.country });
      if (!d || !inc || !alert || !contacts || alert.status !== 'raised' || d.step !== alert.step + 1) return 'drop';
      const at = now.toISOString();
      const dueAt = stepDueAt(inc, d.step);
      const last = totalSteps(inc.ladder);
      const audienceBase = [inc.raisedBy.orgId, ws.leadOrgId];

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
              audience: [...new Set([...audienceBase, contacts.nationalLead.orgId])],
              marking: inc.marking,
              data: { country: d.country, severity: inc.severity, summary: inc.summary, rounds: inc.ladder.repeats + 1 },
            },
          ],
        };
      }

      const { level, round } = levelOf(d.step);
      const to = levelTargets(contacts, level, ws.leadOrgId);
      const nextAt = stepDueAt(inc, d.step + 1);
      const next = revisedIncident(
        inc,
        at,
        { alerts: inc.alerts.map((a) => (a.country === d.country ? { ...a, step: d.step, level, round, nextEscalationAt: nextAt } : a)) },
        [{ at, what: 'escalated', country: d.country, level, round, to }],
      );
      return {
        writes: [
          incidentPut(next, inc),
          // The step after the last paging step is the end-of-ladder record, so there is always a next timer.
          timerPut(escalationTimer(inc, d.country, d.step + 1)),
        ],
        audit: {
          action: 'incident.escalated',
          target: { type: 'incident', id: inc.id },
          details: { country: d.country, level, round, to, dueAt },
          markings: [inc.marking],
        },
        events: [
          {
            type: 'incident.escalated',
            workspaceId: ws.id,
            subject: { type: 'incident', id: inc.id },
            audience: [...new Set([...to, ...audienceBase])],
            marking: inc.marking,
            data: {
              country: d.country,
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
        ],
      };
    },
  },
} satisfies TimerHandlers<Workspace, typeof ESCALATE_KIND>;
