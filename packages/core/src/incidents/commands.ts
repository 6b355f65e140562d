import { type CommandContext, commandOf } from '../kernel/context';
import { invalid } from '../kernel/errors';
import { markingFrom } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { runCommand } from '../kernel/runner';
import type { PageQuery } from '../kernel/store';
import { hasherOf } from '../matching/hasher';
import { hashSelectors, indexRefs, indexWrites } from '../matching/index-writes';
import type { PersonPage } from '../paging/model';
import { levelReach, newPages, type PageContext, pagedEvent, pageWrites } from '../paging/plan';
import { markedItems, requireOpen, visibleList, visibleRecord } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import { escalationTimer, ladderFor, levelTargets, stepDueAt } from './ladder';
import type { CountryAlert, Incident, RaiseIncidentInput, TimelineEntry } from './model';
import type { IncidentDeps } from './ports';
import { agencyViewer, incidentRef, readableIncident, rosterLookup, timerPut, withLadderRosters } from './shared';
import { nobodyOnCallEntries } from './timers';

// ── Incidents ──────────────────────────────────────────────────────────────────────────

/**
 * Raises an urgent incident: the duty contact of every alerted country is paged at once (the
 * `incident.raised` event, and one page per person the duty rung reaches with `incident.paged`),
 * and the next level of each country's ladder is planned as a due timer. The incident, its audit
 * entry, the events, the pages and the timers are one transaction.
 */
export async function raiseIncident(deps: IncidentDeps, ctx: CommandContext, workspaceId: string, input: RaiseIncidentInput) {
  const p = ctx.principal;
  const id = deps.ids.next();
  const hashed = hashSelectors(hasherOf(deps), input.selectors);
  return withLadderRosters(deps, input.countries, (rosters) =>
    runCommand(deps, {
      ...commandOf(ctx, workspaceId),
      refs: [
        ...rosters,
        { kind: 'workspace', id: workspaceId },
        { kind: 'policies' },
        { kind: 'incidentSettings', workspaceId },
        ...input.countries.map((country) => ({ kind: 'contacts' as const, country })),
        ...indexRefs(hashed),
      ],
      retryOnRace: hashed.items.length > 0,
      authorize: (view) => authorizeInView('incident.raise', p, view, workspaceId),
      decide(view, now, { ws }) {
        requireOpen(ws, 'raise incidents');
        const policies = view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
        const marking = markingFrom(input.marking, p);
        const at = now.toISOString();
        const ladder = ladderFor(input.severity, view.get({ kind: 'incidentSettings', workspaceId }));
        const paged: Record<string, string[]> = {};
        const draft = { workspaceId, id, raisedAt: at, ladder };
        const rosterOf = rosterLookup(view, rosters, true);
        const pages: Record<string, { ctx: PageContext; pages: PersonPage[]; nobodyOnCall: string[] }> = {};
        input.countries.forEach((country, i) => {
          const contacts = view.get({ kind: 'contacts', country });
          if (!contacts) throw invalid(`countries.${i}`, `${country} has not registered its 24/7 contacts`);
          const duty = contacts.duty.orgId;
          if (!canSee(agencyViewer(duty, country), ws, marking, policies, now, { action: 'notify' }))
            throw invalid(`countries.${i}`, `the 24/7 duty contact of ${country} (${duty}) could not see an incident marked this way`);
          paged[country] = levelTargets(contacts, 1, ws.leadOrgId);
          const reach = levelReach(contacts, 1, rosterOf, now);
          const pageCtx: PageContext = {
            workspaceId,
            incidentId: id,
            country,
            step: 0,
            level: 1,
            round: 1,
            createdAt: at,
            expiresAt: stepDueAt(draft, 1),
          };
          pages[country] = {
            ctx: pageCtx,
            pages: newPages(reach.people, pageCtx, () => deps.ids.next()),
            nobodyOnCall: reach.nobodyOnCall,
          };
        });
        const byCountry = (country: string) => pages[country]!;
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
            ...input.countries.flatMap((country): TimelineEntry[] => [
              { at, what: 'notified', country, level: 1, round: 1, to: paged[country], people: byCountry(country).pages.length },
              ...nobodyOnCallEntries(at, country, 1, 1, byCountry(country).nobodyOnCall),
            ]),
          ],
          ...(input.selectors?.length ? { selectors: input.selectors } : {}),
          raisedBy: { sub: p.sub, orgId: p.orgId, country: p.country },
          raisedAt: at,
          updatedAt: at,
          version: 1,
        };
        return {
          writes: [
            { op: 'put', record: { kind: 'incident', value: incident }, expect: 'absent' },
            ...input.countries.map((country) => timerPut(escalationTimer(incident, country, 1, view.get({ kind: 'contacts', country })))),
            ...input.countries.flatMap((country) => pageWrites(byCountry(country).pages)),
            ...indexWrites(view, hashed, { workspaceId, record: { type: 'incident', id }, marking }, at),
          ],
          audit: {
            action: 'incident.raised',
            target: { type: 'incident', id },
            details: {
              severity: input.severity,
              type: input.type,
              countries: input.countries,
              ackDeadline: ladder.ackDeadline,
              pages: input.countries.reduce((n, c) => n + byCountry(c).pages.length, 0),
            },
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
            ...input.countries.flatMap((country) => pagedEvent(byCountry(country).pages, byCountry(country).ctx)),
          ],
          result: incident,
          status: 201,
        };
      },
    }),
  );
}
export async function getIncident(deps: IncidentDeps, p: Principal, workspaceId: string, id: string): Promise<Incident> {
  authorize('incident.read', p);
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, incidentRef(workspaceId, id), { kind: 'policies' }];
  return visibleRecord(deps, p, workspaceId, refs, 'incident', (view, now) => readableIncident(view, p, workspaceId, id, now).inc);
}

export async function listIncidents(deps: IncidentDeps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<Incident>> {
  authorize('incident.read', p);
  const list = (pq: PageQuery) => deps.alerts.listIncidents(workspaceId, pq);
  return visibleList(deps, p, 'incident.read', workspaceId, list(q), markedItems('incident'), { limit: q.limit, list });
}
