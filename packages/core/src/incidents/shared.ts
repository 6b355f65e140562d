import { notFound } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { LoadedView } from '../kernel/runner';
import type { Write } from '../kernel/store';
import type { Timer } from '../kernel/timers';
import { authorizeIn, authorizeInView } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { canSee } from '../policies/visibility';
import { contactOrgs } from './ladder';
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
  action: 'incident.read' | 'incident.acknowledge' | 'incident.acknowledge.undo' | 'incident.resolve' = 'incident.read',
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
