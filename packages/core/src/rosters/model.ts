import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Id, IsoDateTime, positiveInt, trimmed } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { isTimeZone } from './zone';

/**
 * A country's 24/7 team on call: a roster belongs to an agency, keeps its team's IANA time zone,
 * and stacks layers of rotations (a later layer wins where it covers) under overrides ("X covers
 * from .. to .."), which win over every layer. schedule.ts answers who is on call when.
 */

const MAX_LAYERS = 5;
const MAX_ROSTER_MEMBERS = 50;
const MAX_RESTRICTIONS = 7;
/** Overrides a roster keeps; ended ones are dropped at each change. */
export const MAX_OVERRIDES = 100;
/** The longest override: a month. */
const MAX_OVERRIDE_MS = 31 * 86_400_000;
/** Rosters per organisation. */
export const MAX_ROSTERS = 20;
/** The longest custom shift, in hours (four weeks). */
const MAX_CUSTOM_HOURS = 672;

const TimeOfDay = z.string().check(z.maxLength(5, { abort: true }), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM'));

const LocalDate = z.string().check(
  z.maxLength(10, { abort: true }),
  z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD', abort: true }),
  z.refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= '2000-01-01' && s <= '2199-12-31';
  }, 'must be a calendar date between 2000 and 2199'),
);

const TimeZone = z
  .string()
  .check(z.maxLength(64, { abort: true }), z.refine(isTimeZone, 'must be an IANA time zone such as Asia/Bangkok or Europe/Berlin'));

/** How the shifts of a layer follow each other: a day, a week (both from hand-over to hand-over on the team's wall clock) or a fixed number of hours. */
const Rotation = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['daily', 'weekly']) }),
  z.strictObject({ kind: z.literal('custom'), hours: z.int().check(z.gte(1), z.lte(MAX_CUSTOM_HOURS)) }),
]);

/** A daily window of the team's local time in which a layer covers, e.g. nights only 20:00 → 08:00 (crossing midnight). */
const Restriction = z
  .strictObject({ from: TimeOfDay, to: TimeOfDay })
  .check(z.refine((w) => w.from !== w.to, { message: 'must end at another time than it starts', path: ['to'] }));

const LayerInput = z.strictObject({
  name: trimmed(1, 80),
  rotation: Rotation,
  /** The team's local date on which the first shift starts, at the hand-over time. */
  start: LocalDate,
  /** The hand-over time on the team's wall clock. */
  handover: TimeOfDay,
  /** User subjects, in turn: duty contacts of the roster's organisation. */
  members: z.array(Id).check(
    z.minLength(1, 'a layer needs at least one member'),
    z.maxLength(MAX_ROSTER_MEMBERS),
    z.refine((ms) => new Set(ms).size === ms.length, 'names a member twice'),
  ),
  restrictions: z._default(z.array(Restriction).check(z.maxLength(MAX_RESTRICTIONS)), []),
});
export type Layer = z.infer<typeof LayerInput>;

export const RosterInput = z.strictObject({
  name: trimmed(1, 120),
  timeZone: TimeZone,
  /** The first layer is the bottom; a later layer wins wherever it covers. */
  layers: z.array(LayerInput).check(z.minLength(1, 'a roster needs at least one layer'), z.maxLength(MAX_LAYERS)),
});
export type RosterInput = z.infer<typeof RosterInput>;

export const OverrideInput = z.strictObject({ sub: Id, from: IsoDateTime, to: IsoDateTime }).check(
  z.refine((o) => Date.parse(o.to) > Date.parse(o.from), { message: 'must be after from', path: ['to'] }),
  z.refine((o) => Date.parse(o.to) - Date.parse(o.from) <= MAX_OVERRIDE_MS, { message: 'an override lasts a month at most', path: ['to'] }),
);
export type OverrideInput = z.infer<typeof OverrideInput>;

export const Override = z.strictObject({
  id: Id,
  sub: Id,
  from: IsoDateTime,
  to: IsoDateTime,
  createdAt: IsoDateTime,
  createdBy: z.object({ sub: z.string(), orgId: Id }),
});
export type Override = z.infer<typeof Override>;

export const Roster = z.extend(RosterInput, {
  orgId: Id,
  id: Id,
  overrides: z.array(Override),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  updatedBy: z.object({ sub: z.string(), orgId: Id }),
  version: positiveInt(),
});
export type Roster = z.infer<typeof Roster>;

/** Who is on call over a stretch of time, and why: the layer (its index) or the override (its id). */
export interface Shift {
  sub: string;
  from: string;
  to: string;
  source: { layer: number } | { override: string };
}

declare module '../kernel/records' {
  interface RecordTypes {
    roster: { value: Roster; ref: { orgId: string; id: string } };
  }
}
defineRecord('roster', ['orgId', 'id'], (r) => ({ orgId: r.orgId, id: r.id }));

export const ROSTER_EVENTS = ['roster.updated', 'roster.feed_changed'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof ROSTER_EVENTS> {}
}
