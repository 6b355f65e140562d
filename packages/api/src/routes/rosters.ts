import {
  addOverride,
  CALENDAR_PATH,
  calendarFeedShifts,
  calendarFeedStatus,
  createRoster,
  type Deps,
  deleteRoster,
  FeedRateLimited,
  getRoster,
  IsoDateTime,
  issueCalendarFeed,
  listRosters,
  MAX_ROSTERS,
  MAX_TIMELINE_DAYS,
  myShifts,
  OverrideInput,
  Roster,
  RosterInput,
  removeOverride,
  revokeCalendarFeed,
  rosterOnCall,
  rosterPeople,
  rosterTimeline,
  shiftsCalendar,
  updateRoster,
} from '@taskforce/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import { commandContext, type Env, etag, IdempotencyHeaders, IfMatchValue, optionalVersion, PathId } from '../http';
import { createRoute, OpenAPIHono } from '../openapi';
import { OrganisationParams } from '../params';
import { problem, problemResponse } from '../problem';
import { commandErrorResponses, errorResponses, json, jsonBody } from '../schemas';

const tags = ['24/7 rosters'];

const RosterSchema = Roster.check(z.meta({ id: 'Roster' }));
const RosterList = z.object({ items: z.array(RosterSchema) }).check(z.meta({ id: 'RosterList' }));
const Source = z
  .union([z.object({ layer: z.int() }), z.object({ override: z.string() })])
  .check(z.meta({ description: 'Why: the layer (its index; a later layer wins) or the override (its id)' }));
const ShiftSchema = z.object({ sub: z.string(), from: z.string(), to: z.string(), source: Source }).check(z.meta({ id: 'Shift' }));
const ShiftList = z.object({ items: z.array(ShiftSchema) }).check(z.meta({ id: 'ShiftList' }));
const Person = z.object({ sub: z.string(), name: z.optional(z.string()) });
const PersonList = z.object({ items: z.array(Person) }).check(z.meta({ id: 'RosterPeople' }));
const OnCallSchema = z
  .object({
    rosterId: z.string(),
    at: z.string(),
    now: z.nullable(z.extend(Person, { until: z.nullable(z.string()), source: Source })),
    next: z.nullable(z.extend(Person, { from: z.string(), to: z.string(), source: Source })),
  })
  .check(z.meta({ id: 'OnCall' }));

const RosterParams = z.extend(OrganisationParams, { rosterId: PathId('Roster id') });
const OverrideParams = z.extend(RosterParams, { overrideId: PathId('Override id') });
const OptionalIfMatch = z.object({
  'if-match': z.optional(IfMatchValue).check(z.meta({ description: 'The ETag of the roster you read; required to replace it' })),
});
const AtQuery = z.object({ at: z.optional(IsoDateTime).check(z.meta({ description: 'When (UTC); default now' })) });
const RangeQuery = z.object({
  from: z.optional(IsoDateTime).check(z.meta({ description: 'From (UTC); default now' })),
  days: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_TIMELINE_DAYS)), 7)
    .check(z.meta({ description: `How many days, at most ${MAX_TIMELINE_DAYS}` })),
});

const FeedStatusSchema = z.object({ active: z.boolean(), createdAt: z.nullable(z.string()) }).check(z.meta({ id: 'CalendarFeedStatus' }));
const FeedIssued = z
  .object({
    path: z
      .string()
      .check(z.meta({ description: `The secret address, ${CALENDAR_PATH}<secret>.ics, on this API's origin: shown this once` })),
    createdAt: z.string(),
  })
  .check(z.meta({ id: 'CalendarFeedIssued' }));
const CalendarFile = z.string().check(z.meta({ description: 'The calendar (RFC 5545, UTC times)' }));
const calendarResponse = { description: 'The calendar', content: { 'text/calendar': { schema: CalendarFile } } };
const problemContent = commandErrorResponses[400].content;

/** Too many of something: 429 with Retry-After, never a 500. */
const tooMany = (c: Context<Env>, message: string, retryAfterSeconds: number): Response =>
  problemResponse(
    {
      ...problem('validation', message, { requestId: c.get('requestId') }),
      type: 'https://taskforce.invalid/problems/rate-limited',
      title: 'Too many requests',
      status: 429,
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );

const calendar = (deps: Deps, shifts: Awaited<ReturnType<typeof myShifts>>) =>
  shiftsCalendar(shifts, { now: deps.clock.now(), summary: (s) => `On call: ${s.rosterName}` });

/**
 * A country team's 24/7 rosters (rosters/): its own organisation reads them (and the platform's
 * administrators); its policy administrators and duty contacts change them. Anyone else finds none.
 */
export const rosterRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  const base = '/v1/organisations/{orgId}/rosters';

  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: `Your organisation's rosters, oldest first (at most ${MAX_ROSTERS}, in one list)`,
      request: { params: OrganisationParams },
      responses: { 200: json(RosterList, 'The rosters'), ...errorResponses },
    }),
    async (c) => {
      const page = await listRosters(deps, c.get('principal'), c.req.valid('param').orgId, { limit: MAX_ROSTERS });
      return c.json({ items: page.items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: 'Create a roster: its time zone and layers of rotations (members: duty contacts of the organisation)',
      request: {
        params: OrganisationParams,
        headers: IdempotencyHeaders,
        body: jsonBody(RosterInput.check(z.meta({ id: 'RosterInput' }))),
      },
      responses: { 201: json(RosterSchema, 'Created'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { orgId } = c.req.valid('param');
      const out = await createRoster(deps, commandContext(c, body), orgId, body);
      c.header('ETag', etag(out.result.version));
      c.header('Location', `/v1/organisations/${orgId}/rosters/${out.result.id}`);
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{rosterId}`,
      tags,
      summary: 'One roster, with its overrides in force or to come',
      request: { params: RosterParams },
      responses: { 200: json(RosterSchema, 'The roster'), ...errorResponses },
    }),
    async (c) => {
      const { orgId, rosterId } = c.req.valid('param');
      const r = await getRoster(deps, c.get('principal'), orgId, rosterId);
      c.header('ETag', etag(r.version));
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: `${base}/{rosterId}`,
      tags,
      summary: "Replace a roster's name, time zone and layers (its overrides stay)",
      request: { params: RosterParams, headers: OptionalIfMatch, body: jsonBody(RosterInput) },
      responses: { 200: json(RosterSchema, 'Replaced'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { orgId, rosterId } = c.req.valid('param');
      const out = await updateRoster(deps, commandContext(c, body), orgId, rosterId, body, optionalVersion(c));
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{rosterId}`,
      tags,
      summary: 'Delete a roster',
      request: { params: RosterParams, headers: OptionalIfMatch },
      responses: { 204: { description: 'Deleted' }, ...commandErrorResponses },
    }),
    async (c) => {
      const { orgId, rosterId } = c.req.valid('param');
      await deleteRoster(deps, commandContext(c, null), orgId, rosterId, optionalVersion(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{rosterId}/oncall`,
      tags,
      summary: 'Who is on call at `at` (default now) and until when, and who is next',
      request: { params: RosterParams, query: AtQuery },
      responses: { 200: json(OnCallSchema, 'On call now and next'), ...errorResponses },
    }),
    async (c) => {
      const { orgId, rosterId } = c.req.valid('param');
      const { at } = c.req.valid('query');
      return c.json(await rosterOnCall(deps, c.get('principal'), orgId, rosterId, at ? new Date(at) : undefined), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{rosterId}/shifts`,
      tags,
      summary: 'Who is on call for `days` days from `from` (default: a week from now): the shifts, overrides applied',
      request: { params: RosterParams, query: RangeQuery },
      responses: { 200: json(ShiftList, 'The shifts, in order'), ...errorResponses },
    }),
    async (c) => {
      const { orgId, rosterId } = c.req.valid('param');
      const { from, days } = c.req.valid('query');
      const start = from ? new Date(from) : deps.clock.now();
      return c.json({ items: await rosterTimeline(deps, c.get('principal'), orgId, rosterId, start, days) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{rosterId}/overrides`,
      tags,
      summary: 'Add an override: a duty contact covers from .. to .. (it wins over every layer; at most a month)',
      request: {
        params: RosterParams,
        headers: IdempotencyHeaders,
        body: jsonBody(OverrideInput.check(z.meta({ id: 'OverrideInput' }))),
      },
      responses: { 201: json(RosterSchema, 'The roster, with the override'), ...commandErrorResponses },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { orgId, rosterId } = c.req.valid('param');
      const out = await addOverride(deps, commandContext(c, body), orgId, rosterId, body);
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{rosterId}/overrides/{overrideId}`,
      tags,
      summary: 'Remove an override',
      request: { params: OverrideParams },
      responses: { 200: json(RosterSchema, 'The roster, without the override'), ...commandErrorResponses },
    }),
    async (c) => {
      const { orgId, rosterId, overrideId } = c.req.valid('param');
      const out = await removeOverride(deps, commandContext(c, null), orgId, rosterId, overrideId);
      c.header('ETag', etag(out.result.version));
      return c.json(out.result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/organisations/{orgId}/duty-contacts',
      tags,
      summary: "Who may stand on the organisation's rosters: its active duty contacts, by name",
      request: { params: OrganisationParams },
      responses: { 200: json(PersonList, 'The duty contacts'), ...errorResponses },
    }),
    async (c) => c.json({ items: await rosterPeople(deps, c.get('principal'), c.req.valid('param').orgId) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/me/shifts.ics',
      tags,
      summary: 'Your own on-call shifts, in progress or in the next eight weeks, as an iCalendar feed (RFC 5545, UTC times)',
      responses: {
        200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = calendar(deps, await myShifts(deps, c.get('principal')));
      return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/me/calendar-feed',
      tags,
      summary: 'Whether you have a secret calendar address for your shifts, and since when (never the address: only its hash is kept)',
      responses: { 200: json(FeedStatusSchema, 'Your calendar address'), ...errorResponses },
    }),
    async (c) => c.json(await calendarFeedStatus(deps, c.get('principal')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/me/calendar-feed',
      tags,
      summary:
        'Make a new secret calendar address for your shifts, ending the one before: the address is in this answer only (an Idempotency-Key replays nothing: the secret is never stored). At most 10 an hour (429 with Retry-After).',
      request: { headers: IdempotencyHeaders },
      responses: {
        201: json(FeedIssued, 'The new address'),
        ...commandErrorResponses,
        429: { description: 'Too many addresses made; retry after the Retry-After header', content: problemContent },
      },
    }),
    async (c) => {
      try {
        const out = await issueCalendarFeed(deps, c.get('principal'));
        c.header('Cache-Control', 'no-store');
        return c.json({ path: out.result.path, createdAt: out.result.createdAt }, 201);
      } catch (err) {
        if (err instanceof FeedRateLimited) return tooMany(c, err.message, err.retryAfterSeconds) as never;
        throw err;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/me/calendar-feed',
      tags,
      summary: 'Revoke your secret calendar address: it answers 404 from now on',
      responses: { 204: { description: 'Revoked' }, ...commandErrorResponses },
    }),
    async (c) => {
      await revokeCalendarFeed(deps, c.get('principal'));
      return c.body(null, 204);
    },
  );

  return app;
};

/** Misses (404s) one client address may have on secret calendar addresses within a minute, and all clients together, per process. */
const MISSES_PER_ADDRESS = 30;
const MISSES_PER_PROCESS = 600;
const MINUTE = 60_000;
/** Client addresses remembered at once; beyond, the oldest is forgotten. */
const MAX_ADDRESSES = 10_000;

/**
 * Counts misses over the last minute (a sliding window, on the wall clock: this is traffic, not
 * domain time): an address that guesses is refused (429) before anything is read. Per process
 * (a Lambda instance, the local runtime); API Gateway's throttling bounds the sum on AWS.
 */
const missCounter = (now: () => number = Date.now) => {
  const all: number[] = [];
  const byAddress = new Map<string, number[]>();
  const recent = (times: number[], t: number) => {
    while (times.length > 0 && t - times[0]! >= MINUTE) times.shift();
    return times;
  };
  return {
    /** Seconds to wait, or 0 if this address may try. */
    wait(address: string): number {
      const t = now();
      const mine = recent(byAddress.get(address) ?? [], t);
      const everyone = recent(all, t);
      const first = mine.length >= MISSES_PER_ADDRESS ? mine[0] : everyone.length >= MISSES_PER_PROCESS ? everyone[0] : undefined;
      return first === undefined ? 0 : Math.max(1, Math.ceil((first + MINUTE - t) / 1000));
    },
    miss(address: string) {
      const t = now();
      all.push(t);
      const mine = byAddress.get(address) ?? [];
      mine.push(t);
      byAddress.delete(address);
      byAddress.set(address, mine);
      if (byAddress.size > MAX_ADDRESSES) byAddress.delete(byAddress.keys().next().value!);
    },
  };
};

/** The address the nearest proxy saw (the last `X-Forwarded-For` entry: the one a client cannot forge), else one bucket for all. */
const clientAddress = (c: Context<Env>) => c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || 'direct';

const FeedParams = z.object({
  feed: z
    .string()
    .check(
      z.maxLength(64, { abort: true }),
      z.regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'must be a calendar address: the secret and .ics'),
      z.meta({ description: 'The secret of the address, then .ics' }),
    ),
});

/**
 * The secret calendar address (`/v1/calendar/<secret>.ics`): no bearer token, the secret is the
 * credential, so these routes are mounted before authentication. An unknown, rotated or revoked
 * secret, or one whose owner is no longer an active duty contact, is the same 404.
 */
export const calendarFeedRoutes = (deps: Deps) => {
  const app = new OpenAPIHono<Env>();
  const misses = missCounter();
  app.openapi(
    createRoute({
      method: 'get',
      path: `${CALENDAR_PATH}{feed}`,
      tags,
      security: [],
      summary:
        "A person's shifts through their secret calendar address, for a calendar application: the same feed as /v1/me/shifts.ics, without a token. Unknown, rotated or revoked: 404; after 30 misses within a minute from one client address: 429.",
      request: { params: FeedParams },
      responses: {
        200: calendarResponse,
        ...errorResponses,
        429: { description: 'Too many unknown addresses asked for; retry after the Retry-After header', content: problemContent },
      },
    }),
    async (c) => {
      const address = clientAddress(c);
      const wait = misses.wait(address);
      if (wait > 0) return tooMany(c, 'too many unknown calendar addresses asked for', wait) as never;
      const secret = c.req.valid('param').feed.slice(0, -'.ics'.length);
      try {
        const body = calendar(deps, await calendarFeedShifts(deps, secret));
        return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-store' });
      } catch (err) {
        if (err instanceof Error && 'code' in err && err.code === 'not_found') misses.miss(address);
        throw err;
      }
    },
  );
  return app;
};
