import type { Layer, Roster, Shift } from './model';
import { addDays, instantOf, localAt, parseDate, parseTime } from './zone';

/**
 * Who is on call, from a roster alone (pure: no store, no clock). A daily or weekly layer hands
 * over at its hand-over time on the team's wall clock, whatever the UTC offset that day (a shift
 * across a daylight-saving change lasts 23 or 25 hours); a custom layer's shifts last a fixed
 * number of hours. At any instant, an override in force wins (the latest added, if several),
 * then the highest layer that covers it (started, and inside one of its restriction windows, if
 * it has any); nobody, if none does.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far ahead `onCall` and `next` look, and the iCal feed lists: eight weeks. */
export const ROSTER_HORIZON_MS = 56 * DAY;
/** A bound on the shifts one layer contributes to a timeline, whatever the range asked. */
const MAX_STEPS = 5_000;

interface Compiled {
  zone: string;
  layer: Layer;
  starts: Map<number, number>;
}

const compile = (roster: Roster): Compiled[] => roster.layers.map((layer) => ({ zone: roster.timeZone, layer, starts: new Map() }));

/** The instant shift `k` of a layer starts (k = 0: the first shift; negative: before the layer starts). */
const shiftStart = (c: Compiled, k: number): number => {
  let t = c.starts.get(k);
  if (t === undefined) {
    const r = c.layer.rotation;
    t =
      r.kind === 'custom'
        ? instantOf(c.zone, parseDate(c.layer.start), parseTime(c.layer.handover)) + k * r.hours * HOUR
        : instantOf(c.zone, addDays(parseDate(c.layer.start), r.kind === 'daily' ? k : 7 * k), parseTime(c.layer.handover));
    c.starts.set(k, t);
  }
  return t;
};

const periodOf = (layer: Layer): number =>
  layer.rotation.kind === 'custom' ? layer.rotation.hours * HOUR : layer.rotation.kind === 'daily' ? DAY : 7 * DAY;

/** The shift a layer is in at `t`: the greatest k whose start is at or before `t`. */
const shiftAt = (c: Compiled, t: number): number => {
  let k = Math.floor((t - shiftStart(c, 0)) / periodOf(c.layer));
  while (shiftStart(c, k + 1) <= t) k++;
  while (shiftStart(c, k) > t) k--;
  return k;
};

const inWindow = (minutes: number, w: { from: string; to: string }): boolean => {
  const from = parseTime(w.from);
  const to = parseTime(w.to);
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
};

/** The member a layer puts on call at `t`, if it covers `t`. */
const layerAt = (c: Compiled, t: number): string | undefined => {
  if (t < shiftStart(c, 0)) return undefined;
  if (c.layer.restrictions.length > 0) {
    const minutes = localAt(c.zone, t).minutes;
    if (!c.layer.restrictions.some((w) => inWindow(minutes, w))) return undefined;
  }
  const n = c.layer.members.length;
  return c.layer.members[((shiftAt(c, t) % n) + n) % n];
};

const whoAt = (roster: Roster, compiled: Compiled[], t: number): Omit<Shift, 'from' | 'to'> | undefined => {
  for (let i = roster.overrides.length - 1; i >= 0; i--) {
    const o = roster.overrides[i]!;
    if (Date.parse(o.from) <= t && t < Date.parse(o.to)) return { sub: o.sub, source: { override: o.id } };
  }
  for (let i = compiled.length - 1; i >= 0; i--) {
    const sub = layerAt(compiled[i]!, t);
    if (sub !== undefined) return { sub, source: { layer: i } };
  }
  return undefined;
};

/** Every instant in (from, to) at which the answer may change: shift starts, restriction edges, override ends. */
const boundaries = (roster: Roster, compiled: Compiled[], from: number, to: number): number[] => {
  const out = new Set<number>();
  const add = (t: number) => {
    if (t > from && t < to) out.add(t);
  };
  for (const c of compiled) {
    const first = Math.max(shiftAt(c, from), -1);
    for (let k = first + 1, n = 0; n < MAX_STEPS; k++, n++) {
      const t = shiftStart(c, k);
      if (t >= to) break;
      add(t);
    }
    add(shiftStart(c, 0));
    if (c.layer.restrictions.length > 0) {
      const startDate = localAt(c.zone, from);
      const days = Math.min(MAX_STEPS, Math.ceil((to - from) / DAY) + 2);
      for (let d = -1; d <= days; d++) {
        const date = addDays(startDate, d);
        for (const w of c.layer.restrictions) {
          add(instantOf(c.zone, date, parseTime(w.from)));
          add(instantOf(c.zone, date, parseTime(w.to)));
        }
      }
    }
  }
  for (const o of roster.overrides) {
    add(Date.parse(o.from));
    add(Date.parse(o.to));
  }
  return [...out].sort((a, b) => a - b);
};

/**
 * Who is on call over [from, to): consecutive stretches of one person are one shift (the source of
 * its first stretch); stretches with nobody on call are left out.
 */
export const timeline = (roster: Roster, from: Date, to: Date): Shift[] => {
  const compiled = compile(roster);
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return [];
  const cuts = [start, ...boundaries(roster, compiled, start, end), end];
  const shifts: Shift[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    const who = whoAt(roster, compiled, a);
    if (!who) continue;
    const last = shifts[shifts.length - 1];
    if (last && last.sub === who.sub && Date.parse(last.to) === a) {
      last.to = new Date(b).toISOString();
      continue;
    }
    shifts.push({ sub: who.sub, from: new Date(a).toISOString(), to: new Date(b).toISOString(), source: who.source });
  }
  return shifts;
};

export interface OnCall {
  sub: string;
  /** When this person's stretch ends; null when it lasts beyond the horizon (eight weeks). */
  until: string | null;
  source: Shift['source'];
}

/** Windows looked at in turn: most answers are settled within a day, so the eight weeks are rarely computed. */
const WINDOWS = [DAY, 8 * DAY, ROSTER_HORIZON_MS];

/**
 * The shifts from `at` over the shortest window in which the `settled` one (by index) ends
 * before the window does; the horizon's, if none does. `end` is the window's end.
 */
const ahead = (roster: Roster, at: Date, wanted: (s: Shift[]) => Shift | undefined): { shift: Shift | undefined; end: string } => {
  let out = { shift: undefined as Shift | undefined, end: at.toISOString() };
  for (const w of WINDOWS) {
    const end = new Date(at.getTime() + w);
    const shift = wanted(timeline(roster, at, end));
    out = { shift, end: end.toISOString() };
    if (shift && shift.to !== out.end) return out;
  }
  return out;
};

const current = (at: Date) => (s: Shift[]) => (s[0] && Date.parse(s[0].from) === at.getTime() ? s[0] : undefined);

/** Who is on call at `at`, and until when; null when nobody is. */
export const onCall = (roster: Roster, at: Date): OnCall | null => {
  // Nobody now is settled by the first window alone.
  if (!current(at)(timeline(roster, at, new Date(at.getTime() + 60_000)))) return null;
  const { shift, end } = ahead(roster, at, current(at));
  if (!shift) return null;
  return { sub: shift.sub, until: shift.to === end ? null : shift.to, source: shift.source };
};

/** The next stretch on call after the current one (or after the gap `at` falls in), within the horizon; null if none. */
export const next = (roster: Roster, at: Date): Shift | null => {
  const { shift } = ahead(roster, at, (s) => (current(at)(s) ? s[1] : s[0]));
  return shift ?? null;
};

/** One person's shifts over [from, to). */
export const shifts = (roster: Roster, sub: string, from: Date, to: Date): Shift[] =>
  timeline(roster, from, to).filter((s) => s.sub === sub);
