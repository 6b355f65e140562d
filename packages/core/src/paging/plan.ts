import type { EventDraft } from '../kernel/events';
import { base32Digits } from '../kernel/ids';
import type { Write } from '../kernel/store';
import type { Roster } from '../rosters/model';
import { onCall } from '../rosters/schedule';
import type { PageReason, PersonPage } from './model';

/**
 * Who a level of a country's ladder reaches on their phone, and the pages that reach them (pure:
 * the caller loads the contacts and rosters in its transaction and writes what this returns).
 *
 * - A rung naming a person (`personSub`) reaches that person (`named`).
 * - A rung naming a roster (`rosterId`) reaches whoever is on call on it at that moment (`on_call`);
 *   nobody on call (or the roster gone) reaches nobody, and the caller records that.
 * - A rung naming only its organisation reaches nobody on their phone: the organisation is told as
 *   before (its inbox and webhook).
 * - The whole team: every member of every roster the ladder names (`team`), at most `MAX_TEAM_PAGES`.
 */

/** One rung of a country's ladder as planning reads it: the agency, and the roster or person it names. */
interface PagedRung {
  orgId: string;
  rosterId?: string | undefined;
  personSub?: string | undefined;
}
/** A country's ladder as planning reads it (the incidents' `CountryContacts` is one). */
export interface PagedLadder {
  duty: PagedRung;
  backup: PagedRung;
  nationalLead: PagedRung;
}
const RUNGS = ['duty', 'backup', 'nationalLead'] as const;
/** The rung of a level: 1 the duty contact, 2 the backup, 3 the national lead. */
const rungOf = (ladder: PagedLadder, level: number): PagedRung => ladder[RUNGS[Math.min(Math.max(level, 1), 3) - 1]!];

/** The most people one "page the whole team" reaches: a roster has at most 50 members per layer. */
export const MAX_TEAM_PAGES = 50;

export interface Reached {
  sub: string;
  orgId: string;
  reason: PageReason;
  rosterId?: string;
}

export interface Reach {
  people: Reached[];
  /** Rosters a rung names on which nobody is on call (or which no longer exist): nobody paged through them. */
  nobodyOnCall: string[];
}

/** A roster as the caller loaded it, or undefined. */
export type RosterLookup = (orgId: string, id: string) => Roster | undefined;

/** Who one level (1 duty, 2 backup, 3 national lead) reaches at `at`. */
export const levelReach = (contacts: PagedLadder, level: number, rosterOf: RosterLookup, at: Date): Reach => {
  const rung = rungOf(contacts, level);
  if (rung.personSub) return { people: [{ sub: rung.personSub, orgId: rung.orgId, reason: 'named' }], nobodyOnCall: [] };
  if (!rung.rosterId) return { people: [], nobodyOnCall: [] };
  const roster = rosterOf(rung.orgId, rung.rosterId);
  const who = roster ? onCall(roster, at) : null;
  if (!who) return { people: [], nobodyOnCall: [rung.rosterId] };
  return { people: [{ sub: who.sub, orgId: rung.orgId, reason: 'on_call', rosterId: rung.rosterId }], nobodyOnCall: [] };
};

/** Every member of every roster the ladder names (its layers and the overrides still to end), once each, at most `MAX_TEAM_PAGES`. */
export const teamReach = (contacts: PagedLadder, rosterOf: RosterLookup, at: Date): Reach => {
  const people = new Map<string, Reached>();
  const nobodyOnCall: string[] = [];
  for (const rung of RUNGS) {
    const { orgId, rosterId } = contacts[rung];
    if (!rosterId) continue;
    const roster = rosterOf(orgId, rosterId);
    if (!roster) {
      nobodyOnCall.push(rosterId);
      continue;
    }
    const subs = [
      ...roster.layers.flatMap((l) => l.members),
      ...roster.overrides.filter((o) => Date.parse(o.to) > at.getTime()).map((o) => o.sub),
    ];
    for (const sub of subs) if (!people.has(sub)) people.set(sub, { sub, orgId, reason: 'team', rosterId });
  }
  return { people: [...people.values()].slice(0, MAX_TEAM_PAGES), nobodyOnCall: [...new Set(nobodyOnCall)] };
};

/** Where the pages of one step belong: the incident, the country, the ladder position, and until when they may be acknowledged. */
export interface PageContext {
  workspaceId: string;
  incidentId: string;
  country: string;
  step: number;
  level: number;
  round: number;
  createdAt: string;
  /** The level's deadline: the next step's due time. */
  expiresAt: string;
  requestedBy?: { sub: string; orgId: string };
}

/**
 * Page ids for a step the sweep fires (no id source there): the time, the country and the step,
 * so ids still sort by creation and a step fires only once (its timer is claimed in the same transaction).
 */
export const stepPageIds =
  (now: Date, country: string, step: number) =>
  (i: number): string =>
    `${base32Digits(now.getTime(), 10)}-${country.toLowerCase()}-${step}-${i}`;

/** One queued page per person reached (`reason` overrides theirs, e.g. a re-page). */
export const newPages = (reached: Reached[], ctx: PageContext, idOf: (i: number) => string, reason?: PageReason): PersonPage[] =>
  reached.map((r, i) => ({
    workspaceId: ctx.workspaceId,
    incidentId: ctx.incidentId,
    id: idOf(i),
    country: ctx.country,
    step: ctx.step,
    level: ctx.level,
    round: ctx.round,
    sub: r.sub,
    orgId: r.orgId,
    reason: reason ?? r.reason,
    ...(r.rosterId ? { rosterId: r.rosterId } : {}),
    ...(ctx.requestedBy ? { requestedBy: ctx.requestedBy } : {}),
    createdAt: ctx.createdAt,
    expiresAt: ctx.expiresAt,
    status: 'queued',
    attempts: [],
    version: 1,
  }));

export const pageWrites = (pages: PersonPage[]): Write[] =>
  pages.map((value) => ({ op: 'put', record: { kind: 'page', value }, expect: 'absent' }));

/** `incident.paged`: no content and no inbox item (audience []), only what brings the pages to the pager. */
export const pagedEvent = (pages: PersonPage[], ctx: PageContext): EventDraft[] =>
  pages.length === 0
    ? []
    : [
        {
          type: 'incident.paged',
          workspaceId: ctx.workspaceId,
          subject: { type: 'incident', id: ctx.incidentId },
          audience: [],
          data: { incidentId: ctx.incidentId, country: ctx.country, level: ctx.level, round: ctx.round, pageIds: pages.map((p) => p.id) },
        },
      ];
