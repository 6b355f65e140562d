import { actorOf, type CommandContext, PLATFORM_CHAIN } from '../kernel/context';
import { conflict, DomainError, forbidden, invalid, notFound, staleVersion } from '../kernel/errors';
import { markingFrom } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { auditedRead, LoadedView, runCommand } from '../kernel/runner';
import type { PageQuery, Write } from '../kernel/store';
import type { Timer, TimerHandler } from '../kernel/timers';
import { requireOpen, visibleList } from '../policies/access';
import { authorize, authorizeIn } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee, isSensitive, readAudit } from '../policies/visibility';
import type { Workspace } from '../workspaces/model';
import {
  contactOrgs,
  ESCALATE_KIND,
  escalationTimer,
  escalationTimerId,
  ladderFor,
  levelOf,
  levelTargets,
  stepDueAt,
  totalSteps,
} from './ladder';
import {
  type AcknowledgeIncidentInput,
  type CountryAlert,
  type CountryContacts,
  type CountryContactsInput,
  DEFAULT_ACK_DEADLINES,
  DEFAULT_LADDER_REPEATS,
  type Incident,
  type IncidentSettings,
  type IncidentSettingsInput,
  MAX_TIMELINE,
  type RaiseIncidentInput,
  type ResolveIncidentInput,
  type TimelineEntry,
} from './model';
import type { IncidentDeps } from './ports';

const idem = (ctx: CommandContext) => (ctx.idempotency ? { idempotency: ctx.idempotency } : {});

/** The incident and messaging store; every runtime that serves incidents wires it. */
// ── Country contacts ────────────────────────────────────────────────────────────────────

/**
 * A country registers its ladder: the 24/7 duty contact, the backup and the national lead.
 * Only that country's policy administrators or duty officers may, and each rung must be a
 * registered agency of that country. The people and channels stay in the contacts record:
 * audit and events carry only the organisations.
 */
export async function setCountryContacts(
  deps: IncidentDeps,
  ctx: CommandContext,
  country: string,
  input: CountryContactsInput,
  expectVersion: number | undefined,
) {
  const p = ctx.principal;
  authorize('contacts.set', p);
  if (p.country !== country) throw forbidden(`an officer of ${p.country} cannot register the contacts of ${country}`);
  const rungs = (['duty', 'backup', 'nationalLead'] as const).map((rung) => ({ rung, orgId: input[rung].orgId }));
  return runCommand(deps, {
    chainId: PLATFORM_CHAIN,
    actor: actorOf(p),
    refs: [{ kind: 'contacts', country }, ...rungs.map((r) => ({ kind: 'organisation' as const, id: r.orgId }))],
    ...idem(ctx),
    authorize: () => authorize('contacts.set', p),
    decide(view, now) {
      const current = view.get({ kind: 'contacts', country });
      if (current && expectVersion === undefined)
        throw new DomainError('precondition_required', 'send If-Match with the ETag of the contacts you read');
      if (current?.version !== expectVersion) throw staleVersion();
      for (const { rung, orgId } of rungs) {
        const org = view.get({ kind: 'organisation', id: orgId });
        if (!org) throw invalid(`${rung}.orgId`, `organisation ${orgId} is not registered`);
        if (org.kind !== 'agency' || org.country !== country) throw invalid(`${rung}.orgId`, `${orgId} is not an agency of ${country}`);
      }
      const contacts: CountryContacts = {
        ...input,
        country,
        updatedAt: now.toISOString(),
        updatedBy: { sub: p.sub, orgId: p.orgId },
        version: (current?.version ?? 0) + 1,
      };
      const orgs = contactOrgs(contacts);
      return {
        writes: [{ op: 'put', record: { kind: 'contacts', value: contacts }, expect: current ? current.version : 'absent' }],
        audit: {
          action: 'contacts.set',
          target: { type: 'contacts', id: country },
          details: { duty: input.duty.orgId, backup: input.backup.orgId, nationalLead: input.nationalLead.orgId },
          markings: [],
        },
        events: [
          {
            type: 'contacts.updated',
            subject: { type: 'contacts', id: country },
            audience: orgs,
            data: {
              country,
              version: contacts.version,
              duty: input.duty.orgId,
              backup: input.backup.orgId,
              nationalLead: input.nationalLead.orgId,
            },
          },
        ],
        result: contacts,
        status: current ? 200 : 201,
      };
    },
  });
}

/** Contacts are for agencies: people's numbers are not shown to private partners. */
export async function getCountryContacts(deps: IncidentDeps, p: Principal, country: string): Promise<CountryContacts> {
  authorize('contacts.read', p, 'contacts');
  const contacts = await deps.store.get({ kind: 'contacts', country });
  if (!contacts) throw notFound('contacts');
  return contacts;
}

export async function listCountryContacts(deps: IncidentDeps, p: Principal, q: PageQuery): Promise<Page<CountryContacts>> {
  authorize('contacts.read', p, 'contacts');
  return deps.alerts.listContacts(q);
}

// ── Workspace ladder settings ──────────────────────────────────────────────────────────

export const effectiveSettings = (workspaceId: string, s: IncidentSettings | undefined): IncidentSettings =>
  s ?? {
    workspaceId,
    ackDeadlines: { ...DEFAULT_ACK_DEADLINES },
    repeats: DEFAULT_LADDER_REPEATS,
    updatedAt: '1970-01-01T00:00:00.000Z',
    version: 0,
  };

export async function getIncidentSettings(deps: IncidentDeps, p: Principal, workspaceId: string): Promise<IncidentSettings> {
  authorize('incident.settings.read', p);
  const view = new LoadedView(
    await deps.store.load({
      refs: [
        { kind: 'workspace', id: workspaceId },
        { kind: 'incidentSettings', workspaceId },
      ],
    }),
  );
  authorizeIn('incident.settings.read', p, view.get({ kind: 'workspace', id: workspaceId }));
  return effectiveSettings(workspaceId, view.get({ kind: 'incidentSettings', workspaceId }));
}

/** The lead sets the workspace's acknowledgement deadlines per severity and how often the ladder repeats. */
export async function setIncidentSettings(
  deps: IncidentDeps,
  ctx: CommandContext,
  workspaceId: string,
  input: IncidentSettingsInput,
  expectVersion: number | undefined,
) {
  const p = ctx.principal;
  return runCommand(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'incidentSettings', workspaceId },
    ],
    ...idem(ctx),
    authorize: (view) => authorizeIn('incident.settings.set', p, view.get({ kind: 'workspace', id: workspaceId })),
    decide(view, now, { ws }) {
      requireOpen(ws, 'set the escalation ladder');
      const current = view.get({ kind: 'incidentSettings', workspaceId });
      if (current && expectVersion === undefined)
        throw new DomainError('precondition_required', 'send If-Match with the ETag of the settings you read');
      if ((current?.version ?? 0) !== (expectVersion ?? 0)) throw staleVersion();
      const settings: IncidentSettings = {
        workspaceId,
        ackDeadlines: { ...DEFAULT_ACK_DEADLINES, ...input.ackDeadlines },
        repeats: input.repeats,
        updatedAt: now.toISOString(),
        version: (current?.version ?? 0) + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'incidentSettings', value: settings }, expect: current ? current.version : 'absent' }],
        audit: {
          action: 'incident.settings_set',
          target: { type: 'workspace', id: workspaceId },
          details: { ackDeadlines: settings.ackDeadlines, repeats: settings.repeats },
          markings: [],
        },
        result: settings,
      };
    },
  });
}

// ── Incidents ──────────────────────────────────────────────────────────────────────────

const incidentRef = (workspaceId: string, id: string) => ({ kind: 'incident' as const, workspaceId, id });
const timerPut = (t: Timer): Write => ({ op: 'put', record: { kind: 'timer', value: t }, expect: 'any' });
const timerDelete = (workspaceId: string, id: string): Write => ({ op: 'delete', ref: { kind: 'timer', workspaceId, id }, expect: 'any' });
const withTimeline = (inc: Incident, entries: TimelineEntry[]): TimelineEntry[] => [...inc.timeline, ...entries].slice(-MAX_TIMELINE);
const agencyViewer = (orgId: string, country: string) => ({ orgId, orgKind: 'agency' as const, country });

/**
 * Raises an urgent incident: the duty contact of every alerted country is paged at once (the
 * `incident.raised` event), and the next level of each country's ladder is planned as a due
 * timer. The incident, its audit entry, the event and the timers are one transaction.
 */
export async function raiseIncident(deps: IncidentDeps, ctx: CommandContext, workspaceId: string, input: RaiseIncidentInput) {
  const p = ctx.principal;
  const id = deps.ids.next();
  return runCommand(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [
      { kind: 'workspace', id: workspaceId },
      { kind: 'policies' },
      { kind: 'incidentSettings', workspaceId },
      ...input.countries.map((country) => ({ kind: 'contacts' as const, country })),
    ],
    ...idem(ctx),
    authorize: (view) => authorizeIn('incident.raise', p, view.get({ kind: 'workspace', id: workspaceId })),
    decide(view, now, { ws }) {
      requireOpen(ws, 'raise incidents');
      const policies = view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
      const marking = markingFrom(input.marking, p);
      const at = now.toISOString();
      const ladder = ladderFor(input.severity, view.get({ kind: 'incidentSettings', workspaceId }));
      const paged: Record<string, string[]> = {};
      input.countries.forEach((country, i) => {
        const contacts = view.get({ kind: 'contacts', country });
        if (!contacts) throw invalid(`countries.${i}`, `${country} has not registered its 24/7 contacts`);
        const duty = contacts.duty.orgId;
        if (!canSee(agencyViewer(duty, country), ws, marking, policies, now, { action: 'notify' }))
          throw invalid(`countries.${i}`, `the 24/7 duty contact of ${country} (${duty}) could not see an incident marked this way`);
        paged[country] = levelTargets(contacts, 1, ws.leadOrgId);
      });
      const draft = { workspaceId, id, raisedAt: at, ladder };
      const alerts: CountryAlert[] = input.countries.map((country) => ({
        country,
        status: 'raised',
        step: 0,
        level: 1,
        round: 1,
        nextEscalationAt: stepDueAt(draft, 1),
      }));
      const incident: Incident = {
        workspaceId,
        id,
        severity: input.severity,
        type: input.type,
        summary: input.summary,
        marking,
        status: 'open',
        ladder,
        alerts,
        timeline: [
          { at, what: 'raised', by: p.orgId },
          ...input.countries.map((country): TimelineEntry => ({ at, what: 'notified', country, level: 1, round: 1, to: paged[country] })),
        ],
        raisedBy: { sub: p.sub, orgId: p.orgId, country: p.country },
        raisedAt: at,
        updatedAt: at,
        version: 1,
      };
      return {
        writes: [
          { op: 'put', record: { kind: 'incident', value: incident }, expect: 'absent' },
          ...input.countries.map((country) => timerPut(escalationTimer(incident, country, 1))),
        ],
        audit: {
          action: 'incident.raised',
          target: { type: 'incident', id },
          details: { severity: input.severity, type: input.type, countries: input.countries, ackDeadline: ladder.ackDeadline },
          markings: [marking],
        },
        events: [
          {
            type: 'incident.raised',
            workspaceId,
            subject: { type: 'incident', id },
            audience: [...new Set([...Object.values(paged).flat(), ws.leadOrgId, p.orgId])],
            marking,
            data: {
              severity: input.severity,
              type: input.type,
              summary: input.summary,
              countries: input.countries,
              level: 1,
              paged,
              ackDeadline: ladder.ackDeadline,
              acknowledgeBy: stepDueAt(draft, 1),
            },
          },
        ],
        result: incident,
        status: 201,
      };
    },
  });
}

/** The incident as the caller may see it, or a 404; then the table decides what it may do with it. */
const readableIncident = (
  view: LoadedView,
  p: Principal,
  workspaceId: string,
  id: string,
  now: Date,
  action: 'incident.read' | 'incident.acknowledge' | 'incident.resolve' = 'incident.read',
) => {
  const { ws, me } = authorizeIn('incident.read', p, view.get({ kind: 'workspace', id: workspaceId }));
  const inc = view.get(incidentRef(workspaceId, id));
  if (!inc || !canSee(p, ws, inc.marking, view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET, now)) throw notFound('incident');
  if (action !== 'incident.read') authorizeIn(action, p, ws);
  return { ws, me, inc };
};

/** Every organisation a country's ladder has paged so far, from the timeline. */
const pagedSoFar = (inc: Incident, countries: Set<string>): string[] =>
  inc.timeline.flatMap((e) => (e.country && countries.has(e.country) && e.to ? e.to : []));

export async function getIncident(deps: IncidentDeps, p: Principal, workspaceId: string, id: string): Promise<Incident> {
  authorize('incident.read', p);
  return auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, incidentRef(workspaceId, id), { kind: 'policies' }],
    decide(view, now) {
      const { inc } = readableIncident(view, p, workspaceId, id, now);
      return { result: inc, audit: isSensitive(inc.marking) ? readAudit('incident.read', 'incident', [inc]) : undefined };
    },
  });
}

export async function listIncidents(deps: IncidentDeps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<Incident>> {
  authorize('incident.read', p);
  return visibleList(deps, p, 'incident.read', workspaceId, deps.alerts.listIncidents(workspaceId, q), {
    type: 'incident',
    marking: (i) => i.marking,
    id: (i) => i.id,
  });
}

const isContactOf = (p: Principal, country: string, contacts: CountryContacts | undefined) =>
  !!contacts && p.country === country && p.orgKind === 'agency' && contactOrgs(contacts).includes(p.orgId);

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
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, incidentRef(workspaceId, id), { kind: 'policies' }, { kind: 'contacts', country }],
    retryOnStale: true,
    ...idem(ctx),
    authorize: (view, now) => readableIncident(view, p, workspaceId, id, now, 'incident.acknowledge'),
    decide(view, now, { ws, inc }) {
      const alert = inc.alerts.find((a) => a.country === country);
      if (!alert) throw invalid('country', `${country} was not alerted`);
      const contacts = view.get({ kind: 'contacts', country });
      if (!isContactOf(p, country, contacts)) throw forbidden(`only the 24/7 contacts of ${country} may acknowledge for ${country}`);
      if (alert.status !== 'raised')
        throw conflict(`${country} has already ${alert.status === 'acknowledged' ? 'acknowledged' : 'resolved'} this incident`);
      const at = now.toISOString();
      const { nextEscalationAt: _stopped, ...rest } = alert;
      const acked: CountryAlert = { ...rest, status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: { sub: p.sub, orgId: p.orgId } };
      const next: Incident = {
        ...inc,
        alerts: inc.alerts.map((a) => (a.country === country ? acked : a)),
        timeline: withTimeline(inc, [
          {
            at,
            what: 'acknowledged',
            country,
            level: alert.level,
            round: alert.round,
            by: p.orgId,
            ...(input.note ? { note: input.note } : {}),
          },
        ]),
        updatedAt: at,
        version: inc.version + 1,
      };
      return {
        writes: [
          { op: 'put', record: { kind: 'incident', value: next }, expect: inc.version },
          timerDelete(workspaceId, escalationTimerId(id, country, alert.step + 1)),
        ],
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
            data: { country, by: p.orgId, level: alert.level, round: alert.round, raisedAt: inc.raisedAt, severity: inc.severity },
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
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [
      { kind: 'workspace', id: workspaceId },
      incidentRef(workspaceId, id),
      { kind: 'policies' },
      ...(input.country ? [{ kind: 'contacts' as const, country: input.country }] : []),
    ],
    retryOnStale: true,
    ...idem(ctx),
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
      const next: Incident = {
        ...inc,
        alerts,
        status: alerts.every((a) => a.status === 'resolved') ? 'resolved' : 'open',
        timeline: withTimeline(
          inc,
          targets.map((a) => ({
            at,
            what: 'resolved' as const,
            country: a.country,
            by: p.orgId,
            ...(input.note ? { note: input.note } : {}),
          })),
        ),
        updatedAt: at,
        version: inc.version + 1,
      };
      return {
        writes: [
          { op: 'put', record: { kind: 'incident', value: next }, expect: inc.version },
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
            data: { countries: [...resolving], status: next.status, by: p.orgId },
          },
        ],
        result: next,
      };
    },
  });
}

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
export const incidentTimerHandlers: Record<string, TimerHandler<Workspace>> = {
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
        const next: Incident = {
          ...inc,
          alerts: inc.alerts.map((a) => (a.country === d.country ? { ...rest, step: d.step, exhaustedAt: at } : a)),
          timeline: withTimeline(inc, [{ at, what: 'exhausted', country: d.country }]),
          updatedAt: at,
          version: inc.version + 1,
        };
        return {
          writes: [{ op: 'put', record: { kind: 'incident', value: next }, expect: inc.version }],
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
      const next: Incident = {
        ...inc,
        alerts: inc.alerts.map((a) => (a.country === d.country ? { ...a, step: d.step, level, round, nextEscalationAt: nextAt } : a)),
        timeline: withTimeline(inc, [{ at, what: 'escalated', country: d.country, level, round, to }]),
        updatedAt: at,
        version: inc.version + 1,
      };
      return {
        writes: [
          { op: 'put', record: { kind: 'incident', value: next }, expect: inc.version },
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
};
