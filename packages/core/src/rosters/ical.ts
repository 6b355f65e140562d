import type { MyShift } from './queries';

/**
 * A person's shifts as an iCalendar feed (RFC 5545): one VEVENT per shift, times in UTC (so no
 * VTIMEZONE is needed; the calendar app shows them in the reader's zone), a UID that stays the
 * same for a shift across fetches (roster, start, person), so a subscribed calendar updates in place.
 */

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Content lines are folded at 75 octets, continuing with a space (RFC 5545 §3.1); a character is never split. */
const fold = (line: string): string => {
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  if (bytes(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const ch of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes(current + ch) > limit) {
      parts.push(current);
      current = '';
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

export const shiftsCalendar = (shifts: readonly MyShift[], opts: { now: Date; summary: (s: MyShift) => string }): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Taskforce//24/7 rosters//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Taskforce on-call shifts',
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
  ];
  for (const s of shifts) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.rosterId}-${stamp(s.from)}-${s.sub}@taskforce`,
      `DTSTAMP:${stamp(opts.now.toISOString())}`,
      `DTSTART:${stamp(s.from)}`,
      `DTEND:${stamp(s.to)}`,
      `SUMMARY:${escapeText(opts.summary(s))}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
};
