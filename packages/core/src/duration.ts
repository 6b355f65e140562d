/**
 * Fixed-length ISO 8601 durations (days, hours, minutes, seconds): the only kind a legal
 * or operational clock may use, since months and years have no fixed length.
 */
const PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export const parseDuration = (text: string): number | undefined => {
  const m = PATTERN.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
};

export const isDuration = (text: string): boolean => parseDuration(text) !== undefined;

export const durationMs = (text: string): number => {
  const ms = parseDuration(text);
  if (ms === undefined) throw new Error(`not a fixed-length ISO 8601 duration: ${text}`);
  return ms;
};

export const addDuration = (at: Date, text: string, sign: 1 | -1 = 1): Date => new Date(at.getTime() + sign * durationMs(text));
