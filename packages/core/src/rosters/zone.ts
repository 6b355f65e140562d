/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl`: the offset of a zone at an
 * instant, and the instant of a local date and time. A local time that a spring-forward skips
 * (02:30 in Europe/Berlin on the last Sunday of March) resolves to the same distance after the gap
 * (03:30 summer time); one that an autumn fall-back repeats resolves to the earlier of the two, as
 * Temporal's `compatible` disambiguation does.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

const formatter = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
};

/** Whether `zone` names an IANA time zone this runtime knows (`Etc/UTC` and `UTC` included). */
export const isTimeZone = (zone: string): boolean => {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone)) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
};

/** The local calendar date and time of day at `t` in `zone`. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

export const localAt = (zone: string, t: number): LocalDateTime => {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(t))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year as number,
    month: parts.month as number,
    day: parts.day as number,
    minutes: (parts.hour as number) * 60 + (parts.minute as number),
  };
};

/** The zone's offset from UTC at `t`, in milliseconds (Asia/Bangkok: +7 h). Offsets are whole minutes. */
export const offsetAt = (zone: string, t: number): number => {
  const floor = t - (((t % MINUTE) + MINUTE) % MINUTE);
  const l = localAt(zone, floor);
  return Date.UTC(l.year, l.month - 1, l.day) + l.minutes * MINUTE - floor;
};

/** A calendar date `days` after `date` (`YYYY-MM-DD`), as year, month, day. */
export const addDays = (date: { year: number; month: number; day: number }, days: number) => {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

export const parseDate = (date: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

/** `HH:MM` as minutes since midnight. */
export const parseTime = (time: string): number => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** The instant at which the wall clock of `zone` shows the given local date and time (see the module comment for gaps and overlaps). */
export const instantOf = (zone: string, date: { year: number; month: number; day: number }, minutes: number): number => {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minutes * MINUTE;
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const fits = [wall - before, wall - after].filter((t) => t + offsetAt(zone, t) === wall);
  if (fits.length > 0) return Math.min(...fits);
  // Skipped by a spring-forward: keep the offset from before the gap, which lands as far after it.
  return wall - before;
};
