import { type CommandContext, commandOf } from '../kernel/context';
import { conflict, forbidden, invalid } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import { type Decision, type LoadedView, runCommand } from '../kernel/runner';
import type { Workspace } from '../workspaces/model';
import { contactOrgs, escalationTimer, escalationTimerId, stepDueAt } from './ladder';
import {
  ACK_UNDO_MS,
  type AcknowledgeIncidentInput,
  type CountryAlert,
  type Incident,
  type ResolveIncidentInput,
  type UndoAcknowledgementInput,
} from './model';
import type { IncidentDeps } from './ports';
import { incidentPut, incidentRef, isContactOf, pagedSoFar, readableIncident, revisedIncident, timerDelete, timerPut } from './shared';

const noteOf = (input: { note?: string }) => (input.note ? { note: input.note } : {});

/**
 * The decision of an acknowledgement by `p` for `country`: the alert acknowledged, its pending
 * escalation timer deleted, the audit entry and the event. Shared by the console's button
 * (`acknowledgeIncident`) and the message's link (incidents/ack-link.ts), which add to it.
 */
export const acknowledgement = (
  view: LoadedView,
  now: Date,
  { ws, inc }: { ws: Workspace; inc: Incident },
  p: Principal,
  country: string,
  input: AcknowledgeIncidentInput,
): Decision<Incident> => {
  const id = inc.id;
  const workspaceId = inc.workspaceId;
  const alert = inc.alerts.find((a) => a.country === country);
  if (!alert) throw invalid('country', `${country} was not alerted`);
  const contacts = view.get({ kind: 'contacts', country });
  if (!isContactOf(p, country, contacts)) throw forbidden(`only the 24/7 contacts of ${country} may acknowledge for ${country}`);
  if (alert.status !== 'raised')
    throw conflict(`${country} has already ${alert.status === 'acknowledged' ? 'acknowledged' : 'resolved'} this incident`);
  const at = now.toISOString();
  const { nextEscalationAt: _stopped, ...rest } = alert;
  const acked: CountryAlert = {
    ...rest,
    status: 'acknowledged',
    acknowledgedAt: at,
    acknowledgedBy: { sub: p.sub, orgId: p.orgId },
    ackUndoUntil: new Date(now.getTime() + ACK_UNDO_MS).toISOString(),
  };
  const next = revisedIncident(inc, at, { alerts: inc.alerts.map((a) => (a.country === country ? acked : a)) }, [
    { at, what: 'acknowledged', country, level: alert.level, round: alert.round, by: p.orgId, ...noteOf(input) },
  ]);
  return {
    writes: [incidentPut(next, inc), timerDelete(workspaceId, escalationTimerId(id, country, alert.step + 1))],
    audit: {
      action: 'incident.acknowledged',
      target: { type: 'incident', id },
      details: { country, level: alert.level, round: alert.round },
      markings: [inc.marking],
    },
    events: [
      {
        type: 'incident.acknowledged',
        workspaceId,
        subject: { type: 'incident', id },
        audience: [...new Set([inc.raisedBy.orgId, ws.leadOrgId, ...contactOrgs(contacts!)])],
        marking: inc.marking,
        data: {
          country,
          by: p.orgId,
          level: alert.level,
          round: alert.round,
          raisedAt: inc.raisedAt,
          severity: inc.severity,
          summary: inc.summary,
        },
      },
    ],
    result: next,
  };
};

/**
 * One of an alerted country's contacts acknowledges for that country: its ladder stops (the
 * pending escalation timer is deleted in the same transaction). Racing a sweep is safe: the
 * incident's version decides which commits first, and the loser re-reads.
 */
export async function acknowledgeIncident(
  deps: IncidentDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  input: AcknowledgeIncidentInput,
) {
  const p = ctx.principal;
  const country = input.country ?? p.country;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, incidentRef(workspaceId, id), { kind: 'policies' }, { kind: 'contacts', country }],
    authorize: (view, now) => readableIncident(view, p, workspaceId, id, now, 'incident.acknowledge'),
    decide: (view, now, access) => acknowledgement(view, now, access, p, country, input),
  });
}

/**
 * The person who acknowledged for a country takes it back, within `ACK_UNDO_MS` of the platform
 * clock and only if nothing happened to that country's alert since (its last timeline step is
 * still that acknowledgement; a resolve or a newer step refuses it). The alert is raised again at
 * the same level and round, and its escalation timer re-armed for the same step: at the same
 * deadline, or now (the next sweep) if that deadline passed meanwhile. An exhausted ladder stays
 * exhausted, with no timer. One transaction: the incident, the timer, the audit entry, the event.
 */
export async function undoAcknowledgement(
  deps: IncidentDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  input: UndoAcknowledgementInput,
) {
  const p = ctx.principal;
  const country = input.country ?? p.country;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, incidentRef(workspaceId, id), { kind: 'policies' }, { kind: 'contacts', country }],
    authorize: (view, now) => readableIncident(view, p, workspaceId, id, now, 'incident.acknowledge.undo'),
    decide(view, now, { ws, inc }) {
      const alert = inc.alerts.find((a) => a.country === country);
      if (!alert) throw invalid('country', `${country} was not alerted`);
      if (alert.status !== 'acknowledged') throw conflict(`${country} has no acknowledgement to undo`);
      if (alert.acknowledgedBy?.sub !== p.sub || alert.acknowledgedBy.orgId !== p.orgId)
        throw forbidden('only the person who acknowledged may undo it');
      const last = inc.timeline.filter((e) => e.country === country).at(-1);
      if (!alert.ackUndoUntil || now.getTime() > Date.parse(alert.ackUndoUntil) || last?.what !== 'acknowledged')
        throw conflict(`the acknowledgement can be undone only within ${ACK_UNDO_MS / 1000} seconds, and before anything else happens`);
      const at = now.toISOString();
      const { acknowledgedAt: _a, acknowledgedBy: _b, ackUndoUntil: _u, ...rest } = alert;
      const step = alert.step + 1;
      const dueAt = new Date(Math.max(Date.parse(stepDueAt(inc, step, alert)), now.getTime())).toISOString();
      const raised: CountryAlert = { ...rest, status: 'raised', ...(alert.exhaustedAt ? {} : { nextEscalationAt: dueAt }) };
      const next = revisedIncident(inc, at, { alerts: inc.alerts.map((a) => (a.country === country ? raised : a)) }, [
        { at, what: 'acknowledgement_undone', country, level: alert.level, round: alert.round, by: p.orgId },
      ]);
      const contacts = view.get({ kind: 'contacts', country });
      return {
        writes: [
          incidentPut(next, inc),
          ...(alert.exhaustedAt ? [] : [timerPut({ ...escalationTimer(inc, country, step, contacts, alert), dueAt })]),
        ],
        audit: {
          action: 'incident.acknowledgement_undone',
          target: { type: 'incident', id },
          details: { country, level: alert.level, round: alert.round, ...(alert.exhaustedAt ? {} : { nextEscalationAt: dueAt }) },
          markings: [inc.marking],
        },
        events: [
          {
            type: 'incident.acknowledgement_undone',
            workspaceId,
            subject: { type: 'incident', id },
            audience: [...new Set([inc.raisedBy.orgId, ws.leadOrgId, ...(contacts ? contactOrgs(contacts) : [])])],
            marking: inc.marking,
            data: {
              country,
              by: p.orgId,
              level: alert.level,
              round: alert.round,
              severity: inc.severity,
              summary: inc.summary,
              // When the re-armed level escalates: its timer's due time (none once the ladder is exhausted).
              ...(alert.exhaustedAt ? {} : { acknowledgeBy: dueAt }),
            },
          },
        ],
        result: next,
      };
    },
  });
}

/**
 * Resolves one alerted country (its own contacts, the raiser or the task-force lead), or,
 * without a country, every country still open (the raiser or the lead). A country still
 * unacknowledged stops escalating.
 */
export async function resolveIncident(
  deps: IncidentDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  input: ResolveIncidentInput,
) {
  const p = ctx.principal;
  return runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [
      { kind: 'workspace', id: workspaceId },
      incidentRef(workspaceId, id),
      { kind: 'policies' },
      ...(input.country ? [{ kind: 'contacts' as const, country: input.country }] : []),
    ],
    authorize: (view, now) => readableIncident(view, p, workspaceId, id, now, 'incident.resolve'),
    decide(view, now, { ws, inc }) {
      const owner = p.orgId === inc.raisedBy.orgId || p.orgId === ws.leadOrgId;
      let targets: CountryAlert[];
      if (input.country) {
        const alert = inc.alerts.find((a) => a.country === input.country);
        if (!alert) throw invalid('country', `${input.country} was not alerted`);
        if (!owner && !isContactOf(p, input.country, view.get({ kind: 'contacts', country: input.country })))
          throw forbidden(`only the contacts of ${input.country}, the raiser or the task-force lead may resolve it`);
        if (alert.status === 'resolved') throw conflict(`${input.country} is already resolved`);
        targets = [alert];
      } else {
        if (!owner) throw forbidden('only the raiser or the task-force lead may resolve every country at once; name your country');
        targets = inc.alerts.filter((a) => a.status !== 'resolved');
        if (targets.length === 0) throw conflict('the incident is already resolved');
      }
      const at = now.toISOString();
      const by = { sub: p.sub, orgId: p.orgId };
      const resolving = new Set(targets.map((a) => a.country));
      const alerts = inc.alerts.map((a): CountryAlert => {
        if (!resolving.has(a.country)) return a;
        const { nextEscalationAt: _stopped, ...rest } = a;
        return { ...rest, status: 'resolved', resolvedAt: at, resolvedBy: by };
      });
      const next = revisedIncident(
        inc,
        at,
        { alerts, status: alerts.every((a) => a.status === 'resolved') ? 'resolved' : 'open' },
        targets.map((a) => ({ at, what: 'resolved' as const, country: a.country, by: p.orgId, ...noteOf(input) })),
      );
      return {
        writes: [
          incidentPut(next, inc),
          ...targets
            .filter((a) => a.status === 'raised')
            .map((a) => timerDelete(workspaceId, escalationTimerId(id, a.country, a.step + 1))),
        ],
        audit: {
          action: 'incident.resolved',
          target: { type: 'incident', id },
          details: { countries: [...resolving], status: next.status },
          markings: [inc.marking],
        },
        events: [
          {
            type: 'incident.resolved',
            workspaceId,
            subject: { type: 'incident', id },
            audience: [...new Set([inc.raisedBy.orgId, ws.leadOrgId, ...pagedSoFar(inc, resolving)])],
            marking: inc.marking,
            data: { countries: [...resolving], status: next.status, by: p.orgId, summary: inc.summary },
          },
        ],
        result: next,
      };
    },
  });
}
