import { signal } from '../signal';
import { type Dict, en, type Key } from './en';

export type { Key } from './en';

/** Languages the console speaks. TLP labels are never translated (TLP 2.0 says so). */
export const LOCALES = { en: 'English', vi: 'Tiếng Việt', th: 'ไทย' } as const;
export type Locale = keyof typeof LOCALES;

/** English is in the first-load bundle; every other language is a chunk of its own, fetched the first time it is asked for. */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<Dict>> = {
  vi: () => import('./vi').then((m) => m.vi),
  th: () => import('./th').then((m) => m.th),
};
const dicts: Partial<Record<Locale, Dict>> = { en };

/** Right-to-left scripts, so `dir` follows the language when one is added. */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

const isLocale = (x: string): x is Locale => Object.hasOwn(LOCALES, x);

/** The language the page asks for: `?lang=`, else the browser's first language the console speaks, else English. */
export const requestedLocale = (): Locale => {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && isLocale(asked)) return asked;
  for (const l of navigator.languages ?? []) {
    const base = l.split('-')[0]!;
    if (isLocale(base)) return base;
  }
  return 'en';
};

/** The language the console shows. It moves only once that language's texts are in, so a page never mixes two. */
export const locale = signal<Locale>('en');

let wanted: Locale = locale.value;

/**
 * Shows the console in `l`, without a reload: fetches its texts first (once), then switches. When
 * languages are asked for in quick succession, the last one asked wins, whichever arrives first.
 * Rejects, and leaves the language as it was, when the texts cannot be fetched.
 */
export async function setLocale(l: Locale): Promise<void> {
  wanted = l;
  try {
    dicts[l] ??= await LOADERS[l as Exclude<Locale, 'en'>]();
    if (wanted === l) locale.value = l;
  } catch (x) {
    if (wanted === l) wanted = locale.value;
    throw x;
  }
}

export const applyLocale = (l: Locale) => {
  document.documentElement.lang = l;
  document.documentElement.dir = RTL.has(l) ? 'rtl' : 'ltr';
};

export const t = (key: Key, vars: Record<string, string | number> = {}): string =>
  ((dicts[locale.value] ?? en)[key] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));

export const fmtDateTime = (iso: string | undefined): string =>
  iso ? new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';

/** A span of time as the language says it, e.g. "1 day, 2 hours" / "1 ngày, 2 giờ". */
export const fmtDuration = (ms: number): string => {
  let s = Math.max(0, Math.round(Math.abs(ms) / 1000));
  const parts: [number, Intl.NumberFormatOptions['unit']][] = [];
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d) parts.push([d, 'day']);
  if (h) parts.push([h, 'hour']);
  if (m && !d) parts.push([m, 'minute']);
  if (!d && !h && (s || !m)) parts.push([s, 'second']);
  const items = parts
    .slice(0, 2)
    .map(([n, unit]) => new Intl.NumberFormat(locale.value, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  return new Intl.ListFormat(locale.value, { style: 'narrow', type: 'unit' }).format(items);
};

/** ISO 8601 durations such as PT30M as the language says them. */
export const fmtIsoDuration = (iso: string): string => {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) return iso;
  const [d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number];
  return fmtDuration(((d * 24 + h) * 60 + min) * 60_000 + s * 1000);
};

/** The fields whose values have labels (`enum.<field>.<value>` in every language). */
export type EnumField =
  | 'status'
  | 'requestType'
  | 'urgency'
  | 'priority'
  | 'severity'
  | 'incidentType'
  | 'reason'
  | 'role'
  | 'platformRole'
  | 'orgKind'
  | 'sector'
  | 'contactKind'
  | 'itemKind'
  | 'decision'
  | 'recordType'
  | 'selector'
  | 'ladder'
  | 'legalBasis'
  | 'event'
  | 'auditAction'
  | 'searchKind'
  | 'searchMatch';

/** Whether `key` has a text in the languages the console speaks. */
export const hasKey = (key: string): key is Key => Object.hasOwn(en, key);

/**
 * An enum value as the language says it, e.g. `enumLabel('severity', 'critical')` → "nghiêm trọng".
 * Every value the console shows goes through this, never raw; a value without a label (one the API
 * added later) reads as its words, underscores as spaces. An audit action that is also an event
 * type (`task.assigned`) reads as the event's label; the others have `enum.auditAction.<action>`.
 */
export const enumLabel = (field: EnumField, value: string): string =>
  field === 'auditAction' && !hasKey(`enum.auditAction.${value}`) && hasKey(`enum.event.${value}`)
    ? t(`enum.event.${value}` as Key)
    : labelUnder(`enum.${field}`, value);

/** A value's label under a screen's own key prefix (e.g. `labelUnder('task.priority', 'high')`), by the same rule. */
export const labelUnder = (prefix: string, value: string): string => {
  const key = `${prefix}.${value}`;
  return hasKey(key) ? t(key) : value.replace(/_/g, ' ');
};
