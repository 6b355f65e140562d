import { randomBytes, timingSafeEqual } from 'node:crypto';
import { actorOf, PLATFORM_CHAIN } from '../kernel/context';
import { notFound } from '../kernel/errors';
import { sha256Hex } from '../kernel/hash';
import type { Principal } from '../kernel/principal';
import { defineRecord } from '../kernel/records';
import type { Decision } from '../kernel/runner';
import { runCommand } from '../kernel/runner';
import { authorize } from '../policies/permissions';
import type { RosterDeps } from './ports';
import { type MyShift, shiftsOf } from './queries';

/**
 * A person's secret calendar address: `/v1/calendar/<secret>.ics` serves the same feed as
 * `/v1/me/shifts.ics` to a calendar application, which cannot send a bearer token. The secret
 * (256 bits) is shown to its owner once, when made; only its SHA-256 is stored, on the person's
 * feed record and as the key of a lookup record, so a read of the table learns no working address.
 * Making a new one (rotating) or revoking it ends the old one at once, in the same transaction.
 * The address serves nothing but the owner's shifts, and only while the owner is still an active
 * duty contact of the organisation that issued it.
 */

export const CALENDAR_PATH = '/v1/calendar/';
/** The secret as it appears in an address: 32 random bytes, base64url. */
const FEED_SECRET = /^[A-Za-z0-9_-]{43}$/;
/** New addresses a person may make within an hour (each one ends the last). */
const FEED_ISSUES_PER_HOUR = 10;
const HOUR = 3_600_000;

/** The person's current address, by its hash. */
interface CalendarFeed {
  sub: string;
  orgId: string;
  hash: string;
  createdAt: string;
  /** When addresses were made within the last hour (the rate limit). */
  issued: string[];
  version: number;
}

/** The lookup from an address's hash to its owner. */
interface CalendarFeedKey {
  hash: string;
  sub: string;
  orgId: string;
}

declare module '../kernel/records' {
  interface RecordTypes {
    calendarFeed: { value: CalendarFeed; ref: { sub: string } };
    calendarFeedKey: { value: CalendarFeedKey; ref: { hash: string } };
  }
}
defineRecord('calendarFeed', ['sub'], (f) => ({ sub: f.sub }));
defineRecord('calendarFeedKey', ['hash'], (k) => ({ hash: k.hash }));

/** Too many addresses made: try again after `retryAfterSeconds` (the API answers 429 with Retry-After). */
export class FeedRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many calendar addresses made; try again in ${retryAfterSeconds} s`);
    this.name = 'FeedRateLimited';
  }
}

const feedRef = (sub: string) => ({ kind: 'calendarFeed' as const, sub });
const keyRef = (hash: string) => ({ kind: 'calendarFeedKey' as const, hash });

const audit = (action: string, sub: string, details: Record<string, unknown>) => ({
  action,
  // Who and when, never the address: it is a secret, and only its owner ever sees it.
  target: { type: 'person', id: sub },
  details,
  markings: [],
});
const event = (sub: string, orgId: string, change: 'issued' | 'revoked') => ({
  type: 'roster.feed_changed' as const,
  subject: { type: 'person', id: sub },
  // It concerns its owner alone: nothing is fanned out.
  audience: [],
  data: { orgId, change },
});

export interface FeedStatus {
  active: boolean;
  createdAt: string | null;
}

/** Whether the caller has a calendar address, and since when (never the address itself). */
export async function calendarFeedStatus(deps: RosterDeps, p: Principal): Promise<FeedStatus> {
  authorize('roster.feed', p);
  const f = await deps.store.get(feedRef(p.sub));
  return f && f.orgId === p.orgId ? { active: true, createdAt: f.createdAt } : { active: false, createdAt: null };
}

/**
 * A new secret address for the caller's shifts, ending the one before (if any). The secret is in
 * the result only: no Idempotency-Key replay keeps it either, so a repeated request makes another.
 */
export async function issueCalendarFeed(deps: RosterDeps, p: Principal) {
  authorize('roster.feed', p);
  const secret = randomBytes(32).toString('base64url');
  const hash = sha256Hex(secret);
  return runCommand<{ path: string; createdAt: string; secret: string }>(deps, {
    chainId: PLATFORM_CHAIN,
    actor: actorOf(p),
    refs: [feedRef(p.sub)],
    authorize: () => authorize('roster.feed', p),
    decide(view, now): Decision<{ path: string; createdAt: string; secret: string }> {
      const before = view.get(feedRef(p.sub));
      const t = now.getTime();
      const issued = (before?.issued ?? []).filter((x) => t - Date.parse(x) < HOUR);
      if (issued.length >= FEED_ISSUES_PER_HOUR)
        throw new FeedRateLimited(Math.max(1, Math.ceil((Date.parse(issued[0]!) + HOUR - t) / 1000)));
      const at = now.toISOString();
      const feed: CalendarFeed = {
        sub: p.sub,
        orgId: p.orgId,
        hash,
        createdAt: at,
        issued: [...issued, at],
        version: (before?.version ?? 0) + 1,
      };
      return {
        writes: [
          ...(before ? [{ op: 'delete' as const, ref: keyRef(before.hash), expect: 'any' as const }] : []),
          { op: 'put', record: { kind: 'calendarFeedKey', value: { hash, sub: p.sub, orgId: p.orgId } }, expect: 'absent' },
          { op: 'put', record: { kind: 'calendarFeed', value: feed }, expect: before ? before.version : 'absent' },
        ],
        audit: audit('roster.feed_issued', p.sub, { orgId: p.orgId, rotated: !!before }),
        events: [event(p.sub, p.orgId, 'issued')],
        result: { path: `${CALENDAR_PATH}${secret}.ics`, createdAt: at, secret },
        status: 201,
      };
    },
  });
}

/** Ends the caller's calendar address; a 404 if they have none. */
export async function revokeCalendarFeed(deps: RosterDeps, p: Principal) {
  authorize('roster.feed', p);
  return runCommand(deps, {
    chainId: PLATFORM_CHAIN,
    actor: actorOf(p),
    refs: [feedRef(p.sub)],
    authorize: () => authorize('roster.feed', p),
    decide(view) {
      const before = view.get(feedRef(p.sub));
      if (!before) throw notFound('calendar address');
      return {
        writes: [
          { op: 'delete', ref: keyRef(before.hash), expect: 'any' },
          { op: 'delete', ref: feedRef(p.sub), expect: before.version },
        ],
        audit: audit('roster.feed_revoked', p.sub, { orgId: p.orgId }),
        events: [event(p.sub, p.orgId, 'revoked')],
        result: { revoked: true as const },
      };
    },
  });
}

/**
 * The owner a secret address names, or null: a malformed, unknown, rotated or revoked secret, or
 * an owner who is no longer an active duty contact of the organisation, are all the same null.
 * The secret is looked up by its hash (a guess reveals nothing of any real one) and the stored hash
 * is compared in constant time.
 */
async function calendarFeedOwner(deps: RosterDeps, secret: string): Promise<{ sub: string; orgId: string } | null> {
  if (!FEED_SECRET.test(secret)) return null;
  const hash = sha256Hex(secret);
  const key = await deps.store.get(keyRef(hash));
  if (!key || key.hash.length !== hash.length || !timingSafeEqual(Buffer.from(key.hash), Buffer.from(hash))) return null;
  if (deps.users) {
    const u = await deps.users.get(key.sub);
    if (!u || u.orgId !== key.orgId || u.status !== 'active' || !u.roles.includes('duty_contact')) return null;
  }
  return { sub: key.sub, orgId: key.orgId };
}

/** The shifts a secret address serves, or a 404 that says nothing of why. */
export async function calendarFeedShifts(deps: RosterDeps, secret: string): Promise<MyShift[]> {
  const owner = await calendarFeedOwner(deps, secret);
  if (!owner) throw notFound('calendar');
  return shiftsOf(deps, owner.orgId, owner.sub);
}
