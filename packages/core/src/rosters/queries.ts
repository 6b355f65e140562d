import { invalid, notFound } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import type { PageQuery } from '../kernel/store';
import { PLATFORM_ORG_ID } from '../organisations/principals';
import { authorize } from '../policies/permissions';
import type { UserAdmin } from '../users/ports';
import { MAX_ROSTERS, type Roster, type Shift } from './model';
import type { RosterDeps } from './ports';
import { next, onCall, ROSTER_HORIZON_MS, shifts, timeline } from './schedule';

/**
 * Reading rosters: the members of the roster's organisation (any reading role) and the platform's
 * administrators; anyone else finds no roster at all (404).
 */

const DAY = 86_400_000;
/** The longest stretch one timeline read covers: five weeks. */
export const MAX_TIMELINE_DAYS = 35;

const isPlatformAdmin = (p: Principal) => p.orgId === PLATFORM_ORG_ID && p.roles.includes('admin');

const mayRead = (p: Principal, orgId: string) => {
  authorize('roster.read', p);
  if (p.orgId !== orgId && !isPlatformAdmin(p)) throw notFound('roster');
};

export async function listRosters(deps: RosterDeps, p: Principal, orgId: string, q: PageQuery): Promise<Page<Roster>> {
  mayRead(p, orgId);
  return deps.store.listRosters(orgId, q);
}

export async function getRoster(deps: RosterDeps, p: Principal, orgId: string, id: string): Promise<Roster> {
  mayRead(p, orgId);
  const r = await deps.store.get({ kind: 'roster', orgId, id });
  if (!r) throw notFound('roster');
  return r;
}

/** A person as a roster shows them: subject and name (the name from the directory, when there is one). */
export interface RosterPerson {
  sub: string;
  name?: string;
}

const named = async (users: UserAdmin | undefined, sub: string): Promise<RosterPerson> => {
  const u = await users?.get(sub);
  return u ? { sub, name: u.name } : { sub };
};

export interface OnCallView {
  rosterId: string;
  at: string;
  now: (RosterPerson & { until: string | null; source: Shift['source'] }) | null;
  next: (RosterPerson & { from: string; to: string; source: Shift['source'] }) | null;
}

/** Who is on call at `at` (default now) and who comes next. */
export async function rosterOnCall(deps: RosterDeps, p: Principal, orgId: string, id: string, at?: Date): Promise<OnCallView> {
  const r = await getRoster(deps, p, orgId, id);
  const when = at ?? deps.clock.now();
  const now = onCall(r, when);
  const after = next(r, when);
  return {
    rosterId: r.id,
    at: when.toISOString(),
    now: now ? { ...(await named(deps.users, now.sub)), until: now.until, source: now.source } : null,
    next: after ? { ...(await named(deps.users, after.sub)), from: after.from, to: after.to, source: after.source } : null,
  };
}

/** Who is on call for `days` days from `from` (at most five weeks), for a week view. */
export async function rosterTimeline(
  deps: RosterDeps,
  p: Principal,
  orgId: string,
  id: string,
  from: Date,
  days: number,
): Promise<Shift[]> {
  if (!Number.isInteger(days) || days < 1 || days > MAX_TIMELINE_DAYS) throw invalid('query.days', `must be 1 to ${MAX_TIMELINE_DAYS}`);
  const r = await getRoster(deps, p, orgId, id);
  return timeline(r, from, new Date(from.getTime() + days * DAY));
}

/** The people who may stand on the organisation's rosters: its active duty contacts, by name. */
export async function rosterPeople(deps: RosterDeps, p: Principal, orgId: string): Promise<RosterPerson[]> {
  mayRead(p, orgId);
  if (!deps.users) return [];
  const people: RosterPerson[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10; pages++) {
    const page = await deps.users.list({ orgId, limit: 100, ...(cursor ? { cursor } : {}) });
    for (const u of page.items)
      if (u.status === 'active' && u.roles.includes('duty_contact') && u.orgId === orgId) people.push({ sub: u.sub, name: u.name });
    cursor = page.cursor;
    if (!cursor) break;
  }
  return people.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
}

export interface MyShift extends Shift {
  rosterId: string;
  rosterName: string;
  orgId: string;
}

/** The caller's own shifts on every roster of their organisation: in progress, or starting in the next eight weeks. */
export async function myShifts(deps: RosterDeps, p: Principal): Promise<MyShift[]> {
  authorize('roster.shifts', p);
  return shiftsOf(deps, p.orgId, p.sub);
}

/** A person's shifts on every roster of their organisation, as `myShifts` lists them (the calendar address serves these too). */
export async function shiftsOf(deps: RosterDeps, orgId: string, sub: string): Promise<MyShift[]> {
  const now = deps.clock.now();
  // From five weeks back, so that the shift in progress keeps its real start (and its UID in a calendar).
  const from = new Date(now.getTime() - MAX_TIMELINE_DAYS * DAY);
  const to = new Date(now.getTime() + ROSTER_HORIZON_MS);
  const rosters = await deps.store.listRosters(orgId, { limit: MAX_ROSTERS });
  return rosters.items
    .flatMap((r) => shifts(r, sub, from, to).map((s) => ({ ...s, rosterId: r.id, rosterName: r.name, orgId: r.orgId })))
    .filter((s) => Date.parse(s.to) > now.getTime())
    .sort((a, b) => a.from.localeCompare(b.from));
}
