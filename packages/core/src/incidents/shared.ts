import { notFound, unavailable } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { LoadedView } from '../kernel/runner';
import type { KernelDeps, RecordStore, Write } from '../kernel/store';
import type { Timer } from '../kernel/timers';
import type { RosterLookup } from '../paging/plan';
import { authorizeIn, authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import { contactOrgs, ladderRosterRefs } from './ladder';
import { type CountryContacts, type Incident, MAX_TIMELINE, type TimelineEntry } from './model';

// What raising, answering and escalating an incident share.
export const incidentRef = (workspaceId: string, id: string) => ({ kind: 'incident' as const, workspaceId, id });
export const timerPut = (t: Timer): Write => ({ op: 'put', record: { kind: 'timer', value: t }, expect: 'any' });
export const timerDelete = (workspaceId: string, id: string): Write => ({
  op: 'delete',
  ref: { kind: 'timer', workspaceId, id },
  expect: 'any',
});
const withTimeline = (inc: Incident, entries: TimelineEntry[]): TimelineEntry[] => [...inc.timeline, ...entries].slice(-MAX_TIMELINE);

/** The incident after one step of its ladder or its answer: the alerts as they now stand, the step on its timeline, the next version. */
export const revisedIncident = (
  inc: Incident,
  at: string,
  change: Pick<Incident, 'alerts'> & Partial<Pick<Incident, 'status'>>,
  entries: TimelineEntry[],
): Incident => ({ ...inc, ...change, timeline: withTimeline(inc, entries), updatedAt: at, version: inc.version + 1 });

/** Writes a revised incident, unless someone changed it since `read`. */
export const incidentPut = (next: Incident, read: Incident): Write => ({
  op: 'put',
  record: { kind: 'incident', value: next },
  expect: read.version,
});
export const agencyViewer = (orgId: string, country: string) => ({ orgId, orgKind: 'agency' as const, country });

/** The incident as the caller may see it, or a 404; then the table decides what it may do with it. */
export const readableIncident = (
  view: LoadedView,
  p: Principal,
  workspaceId: string,
  id: string,
  now: Date,
  action:
    | 'incident.read'
    | 'incident.acknowledge'
    | 'incident.acknowledge.undo'
    | 'incident.resolve'
    | 'incident.page'
    | 'incident.escalate'
    | 'incident.pages.read' = 'incident.read',
) => {
  const { ws, me } = authorizeInView('incident.read', p, view, workspaceId);
  const inc = view.get(incidentRef(workspaceId, id));
  if (!inc || !canSee(p, ws, inc.marking, view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET, now)) throw notFound('incident');
  if (action !== 'incident.read') authorizeIn(action, p, ws);
  return { ws, me, inc };
};

/** Every organisation a country's ladder has paged so far, from the timeline. */
export const pagedSoFar = (inc: Incident, countries: Set<string>): string[] =>
  inc.timeline.flatMap((e) => (e.country && countries.has(e.country) && e.to ? e.to : []));

export const isContactOf = (p: Principal, country: string, contacts: CountryContacts | undefined) =>
  !!contacts && p.country === country && p.orgKind === 'agency' && contactOrgs(contacts).includes(p.orgId);

// ── The rosters a ladder names, loaded with the command that pages ───────────────────

type RosterRef = ReturnType<typeof ladderRosterRefs>[number];

/** The ladder named a roster the command did not load (someone changed the ladder meanwhile): read again. */
class LadderMoved extends Error {}

/**
 * Rosters as a command loaded them. A roster the command did not ask for is a ladder changed
 * between the first read and the transaction: `strict` reads again (commands); otherwise it counts
 * as a roster with nobody on call (the sweep, which loads what the step's timer names).
 */
export const rosterLookup =
  (view: LoadedView, requested: RosterRef[], strict: boolean): RosterLookup =>
  (orgId, id) => {
    if (!requested.some((r) => r.orgId === orgId && r.id === id)) {
      if (strict) throw new LadderMoved();
      return undefined;
    }
    return view.get({ kind: 'roster', orgId, id });
  };

/** Runs a command with the rosters the ladders of `countries` name among its refs, reading again if a ladder moves meanwhile. */
export async function withLadderRosters<T>(
  deps: KernelDeps<RecordStore>,
  countries: string[],
  run: (rosters: RosterRef[]) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const ladders = await Promise.all(countries.map((country) => deps.store.get({ kind: 'contacts', country })));
    const rosters = [...new Map(ladders.flatMap((c) => (c ? ladderRosterRefs(c) : [])).map((r) => [`${r.orgId}/${r.id}`, r])).values()];
    try {
      return await run(rosters);
    } catch (err) {
      if (!(err instanceof LadderMoved)) throw err;
      if (attempt >= 3) throw unavailable('the 24/7 ladder changed while paging; retry');
    }
  }
}

/** The roster refs a step's timer carries (`orgId/rosterId`), ignoring anything else. */
export const timerRosterRefs = (data: Record<string, unknown> | undefined): RosterRef[] => {
  const list = Array.isArray(data?.rosters) ? (data.rosters as unknown[]) : [];
  return list.flatMap((v) => {
    const [orgId, id, ...rest] = typeof v === 'string' ? v.split('/') : [];
    return orgId && id && rest.length === 0 ? [{ kind: 'roster' as const, orgId, id }] : [];
  });
};
