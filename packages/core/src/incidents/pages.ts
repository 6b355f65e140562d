import { type CommandContext, commandOf } from '../kernel/context';
import { durationMs } from '../kernel/duration';
import { conflict, forbidden, invalid } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { LoadedView, runCommand } from '../kernel/runner';
import type { PageQuery } from '../kernel/store';
import type { PersonPage } from '../paging/model';
import { levelReach, newPages, type PageContext, pagedEvent, pageWrites, teamReach } from '../paging/plan';
import type { Workspace } from '../workspaces/model';
import { escalationTimerId, totalSteps } from './ladder';
import type { EscalateNowInput, Incident, RepageInput } from './model';
import type { IncidentDeps } from './ports';
import {
  incidentPut,
  incidentRef,
  isContactOf,
  readableIncident,
  revisedIncident,
  rosterLookup,
  timerDelete,
  withLadderRosters,
} from './shared';
import { escalateStep } from './timers';

/**
 * The console's hands on a country's ladder: page the current level again, page the whole team,
 * escalate now, and read who was paged and how each attempt went. The country's ladder contacts,
 * the raiser and the task-force lead may act; anyone who may not read the incident finds none (404).
 */

/** The country's alert, if the caller may act on it: a raised country, and a caller of its ladder, the raiser or the lead. */
const actionable = (view: LoadedView, p: Principal, ws: Workspace, inc: Incident, country: string) => {
  const alert = inc.alerts.find((a) => a.country === country);
  if (!alert) throw invalid('country', `${country} was not alerted`);
  const contacts = view.get({ kind: 'contacts', country });
  const owner = p.orgId === inc.raisedBy.orgId || p.orgId === ws.leadOrgId;
  if (!owner && !isContactOf(p, country, contacts))
    throw forbidden(`only the 24/7 contacts of ${country}, the raiser or the task-force lead may page or escalate it`);
  if (alert.status !== 'raised') throw conflict(`${country} has already ${alert.status === 'acknowledged' ? 'acknowledged' : 'resolved'}`);
  if (!contacts) throw conflict(`${country} has no 24/7 ladder registered`);
  return { alert, contacts };
};

const refsFor = (workspaceId: string, id: string, country: string): RecordRef[] => [
  { kind: 'workspace', id: workspaceId },
  incidentRef(workspaceId, id),
  { kind: 'policies' },
  { kind: 'contacts', country },
];

/**
 * Pages the people of the level a country's ladder is at again (`level`, reason `repage`), or every
 * member of every roster its ladder names (`team`, at most 50): new pages, valid until the level's
 * deadline, in one transaction with the timeline entry, the audit entry and `incident.paged`.
 */
export async function repageIncident(deps: IncidentDeps, ctx: CommandContext, workspaceId: string, id: string, input: RepageInput) {
  const p = ctx.principal;
  return withLadderRosters(deps, [input.country], (rosters) =>
    runCommand(deps, {
      ...commandOf(ctx, workspaceId),
      refs: [...refsFor(workspaceId, id, input.country), ...rosters],
      authorize: (view, now) => readableIncident(view, p, workspaceId, id, now, 'incident.page'),
      decide(view, now, { ws, inc }) {
        const { alert, contacts } = actionable(view, p, ws, inc, input.country);
        const rosterOf = rosterLookup(view, rosters, true);
        const team = input.scope === 'team';
        const reach = team ? teamReach(contacts, rosterOf, now) : levelReach(contacts, alert.level, rosterOf, now);
        if (reach.people.length === 0)
          throw conflict(
            team
              ? `no roster on ${input.country}'s ladder has anyone on it`
              : reach.nobodyOnCall.length
                ? `nobody is on call on the roster level ${alert.level} of ${input.country} names`
                : `level ${alert.level} of ${input.country} names an organisation only: nobody to page on their phone`,
          );
        const at = now.toISOString();
        const pageCtx: PageContext = {
          workspaceId,
          incidentId: id,
          country: input.country,
          step: alert.step,
          level: alert.level,
          round: alert.round,
          createdAt: at,
          expiresAt: alert.nextEscalationAt ?? new Date(now.getTime() + durationMs(inc.ladder.ackDeadline)).toISOString(),
          requestedBy: { sub: p.sub, orgId: p.orgId },
        };
        const pages = newPages(reach.people, pageCtx, () => deps.ids.next(), team ? 'team' : 'repage');
        const next = revisedIncident(inc, at, { alerts: inc.alerts }, [
          {
            at,
            what: team ? 'team_paged' : 'repaged',
            country: input.country,
            level: alert.level,
            round: alert.round,
            by: p.orgId,
            people: pages.length,
          },
        ]);
        return {
          writes: [incidentPut(next, inc), ...pageWrites(pages)],
          audit: {
            action: 'incident.repaged',
            target: { type: 'incident', id },
            details: { country: input.country, scope: input.scope, level: alert.level, round: alert.round, pages: pages.length },
            markings: [inc.marking],
          },
          events: pagedEvent(pages, pageCtx),
          result: pages,
          status: 201,
        };
      },
    }),
  );
}

/**
 * Fires a country's next ladder step now: what the escalation timer would do (the same code), with
 * the pending timer of that step replaced by the next one, and later deadlines counted from now.
 */
export async function escalateIncidentNow(
  deps: IncidentDeps,
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  input: EscalateNowInput,
) {
  const p = ctx.principal;
  return withLadderRosters(deps, [input.country], (rosters) =>
    runCommand(deps, {
      ...commandOf(ctx, workspaceId),
      refs: [...refsFor(workspaceId, id, input.country), ...rosters],
      authorize: (view, now) => readableIncident(view, p, workspaceId, id, now, 'incident.escalate'),
      decide(view, now, { ws, inc }) {
        const { alert, contacts } = actionable(view, p, ws, inc, input.country);
        const step = alert.step + 1;
        if (alert.exhaustedAt || step >= totalSteps(inc.ladder))
          throw conflict(`${input.country}'s ladder has no level left to escalate to`);
        const { next, writes, audit, events } = escalateStep({
          inc,
          alert,
          contacts,
          step,
          ws,
          now,
          rosterOf: rosterLookup(view, rosters, true),
          idOf: () => deps.ids.next(),
          early: { sub: p.sub, orgId: p.orgId },
        });
        return {
          writes: [...writes, timerDelete(workspaceId, escalationTimerId(id, input.country, step))],
          audit,
          events: events ?? [],
          result: next,
        };
      },
    }),
  );
}

/** One page as the console's trail shows it: who, which level, how each attempt went; never an address, a secret hash or a message id. */
export interface PageView {
  id: string;
  sub: string;
  /** The person's display name, from the user directory (absent when it does not know them). */
  name?: string;
  orgId: string;
  country: string;
  level: number;
  round: number;
  reason: PersonPage['reason'];
  status: PersonPage['status'];
  createdAt: string;
  expiresAt: string;
  ackUsedAt?: string;
  attempts: {
    n: number;
    channel: PersonPage['attempts'][number]['channel'];
    status: PersonPage['attempts'][number]['status'];
    at: string;
    reason?: string;
  }[];
}

/** The trail's view of pages, with the names of the people (one directory read per person). */
export async function pageViews(deps: IncidentDeps, pages: PersonPage[]): Promise<PageView[]> {
  const subs = [...new Set(pages.map((pg) => pg.sub))];
  const names = new Map(await Promise.all(subs.map(async (sub) => [sub, (await deps.users?.get(sub))?.name] as const)));
  return pages.map((pg) => ({
    id: pg.id,
    sub: pg.sub,
    ...(names.get(pg.sub) ? { name: names.get(pg.sub)! } : {}),
    orgId: pg.orgId,
    country: pg.country,
    level: pg.level,
    round: pg.round,
    reason: pg.reason,
    status: pg.status,
    createdAt: pg.createdAt,
    expiresAt: pg.expiresAt,
    ...(pg.ackUsedAt ? { ackUsedAt: pg.ackUsedAt } : {}),
    attempts: pg.attempts.map((a) => ({
      n: a.n,
      channel: a.channel,
      status: a.status,
      at: a.at,
      ...(a.reason ? { reason: a.reason } : {}),
    })),
  }));
}

/** Who an incident paged, oldest first, a page of the trail at a time: to anyone who may read the incident. */
export async function listIncidentPages(
  deps: IncidentDeps,
  p: Principal,
  workspaceId: string,
  id: string,
  q: PageQuery,
): Promise<Page<PageView>> {
  const refs: RecordRef[] = [{ kind: 'workspace', id: workspaceId }, incidentRef(workspaceId, id), { kind: 'policies' }];
  const view = new LoadedView(await deps.store.load({ refs }));
  readableIncident(view, p, workspaceId, id, deps.clock.now(), 'incident.pages.read');
  const page = await deps.alerts.listPages(workspaceId, id, q);
  return { ...page, items: await pageViews(deps, page.items) };
}
