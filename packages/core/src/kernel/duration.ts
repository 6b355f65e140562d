/**
 * Fixed-length ISO 8601 durations (days, hours, minutes, seconds): the only kind a legal
 * or operational clock may use, since months and years have no fixed length.
 *
 * Each component has at most 6 digits and the total must be a safe number of milliseconds, so
 * parsing never yields Infinity or NaN, whatever a caller sends (or a record stored before
 * these bounds held).
 */
const PATTERN = /^P(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6})S)?)?$/;
/** Longer than any duration a pattern of this shape can spell; parsing reads no further. */
const MAX_TEXT = 32;

export const parseDuration = (text: string): number | undefined => {
  if (typeof text !== 'string' || text.length > MAX_TEXT) return undefined;
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, d, h, min, s] = m;
  const ms = ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
  return Number.isSafeInteger(ms) ? ms : undefined;
};

export const durationMs = (text: string): number => {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`not a fixed-length ISO 8601 duration: ${text.slice(0, MAX_TEXT)}`);
  return ms;
};

export const addDuration = (at: Date, text: string, sign: 1 | -1 = 1): Date => new Date(at.getTime() + sign * durationMs(text));
