import { invalid } from '../../kernel/errors';
import { type CsvRecord, csvFields, csvRecords } from './csv';
import { MAX_TAKEDOWN_ITEMS, TAKEDOWN_ITEM_KINDS, TakedownItemInput } from './model';

/**
 * Reading the items of a takedown: from a JSON list (already validated by the route), or from
 * text, pasted or from a CSV file. One item a line: `kind,service,value[,note]` (commas, tabs or
 * semicolons; fields may be "quoted" as RFC 4180 says, with "" for a quote inside, and may then
 * hold separators, tabs and line breaks: see ./csv.ts), or a bare http(s) URL (kind
 * url, the service its host name). Empty lines and lines starting with # are skipped, and so
 * is a first line naming the columns. A malformed line is a 400 naming the line and the field.
 * Duplicates (same kind, service and value, compared without case for handles and ids, and for
 * URLs with the scheme and host in lower case) are collapsed into the first, and counted.
 */

export interface Intake {
  items: TakedownItemInput[];
  received: number;
  duplicates: number;
  duplicateOf: { at: string; sameAs: number }[];
}

const COLUMNS = ['kind', 'service', 'value', 'note'] as const;

const BARE_URL = /^https?:\/\/\S+$/i;
/** A physical line read as it is, quotes or not: blank, a comment, or a bare URL. */
const wholeLine = (line: string) => {
  const t = line.trim();
  return t === '' || t.startsWith('#') || BARE_URL.test(t);
};

const fromLine = (record: CsvRecord): TakedownItemInput => {
  const { text: line, lineNo } = record;
  const trimmedLine = line.trim();
  let raw: Record<string, string | undefined>;
  if (BARE_URL.test(trimmedLine)) {
    let host = '';
    try {
      host = new URL(trimmedLine).hostname;
    } catch {
      throw invalid(`csv[line ${lineNo}].value`, `line ${lineNo}, value: must be an http or https URL`);
    }
    raw = { kind: 'url', service: host, value: trimmedLine };
  } else {
    const fields = csvFields(record);
    if (fields.length < 3 || fields.length > 4)
      throw invalid(`csv[line ${lineNo}]`, `line ${lineNo}: expected kind,service,value[,note]; found ${fields.length} field(s)`);
    raw = { kind: fields[0]?.trim().toLowerCase(), service: fields[1], value: fields[2], note: fields[3]?.trim() ? fields[3] : undefined };
  }
  if (raw.note === undefined) delete raw.note;
  const parsed = TakedownItemInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = String(issue.path[0] ?? 'kind');
  const message = field === 'kind' ? `must be one of ${TAKEDOWN_ITEM_KINDS.join(', ')}` : issue.message;
  throw invalid(`csv[line ${lineNo}].${field}`, `line ${lineNo}, ${field}: ${message}`);
};

const isHeader = (line: string): boolean => {
  const first = line.trim().toLowerCase().replace(/^"/, '');
  return first.startsWith('kind') && COLUMNS.every((c, i) => i > 2 || line.toLowerCase().includes(c));
};

/** The items of pasted or CSV text, with the line each came from. */
const itemsFromText = (text: string): { item: TakedownItemInput; at: string }[] => {
  const out: { item: TakedownItemInput; at: string }[] = [];
  for (const record of csvRecords(text, wholeLine)) {
    const { text: line, lineNo } = record;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (out.length === 0 && isHeader(line)) continue;
    if (out.length >= MAX_TAKEDOWN_ITEMS)
      throw invalid(`csv[line ${lineNo}]`, `line ${lineNo}: a takedown holds at most ${MAX_TAKEDOWN_ITEMS} items; split the list`);
    out.push({ item: fromLine(record), at: `line ${lineNo}` });
  }
  if (out.length === 0) throw invalid('csv', 'no items: give one item a line, kind,service,value[,note]');
  return out;
};

/** The key two items are the same by. */
const itemKey = (i: Pick<TakedownItemInput, 'kind' | 'service' | 'value'>): string => {
  let value = i.value.trim();
  if (i.kind === 'url') {
    try {
      const u = new URL(value);
      value = `${u.protocol}//${u.host.toLowerCase()}${u.pathname}${u.search}${u.hash}`;
    } catch {
      // validated before; keep the text as it is
    }
  } else value = value.replace(/^@/, '').toLowerCase();
  return `${i.kind}\u0000${i.service.trim().toLowerCase()}\u0000${value}`;
};

/** Collapses duplicates into the first of them; numbers the rest 1… in order. */
const intakeOf = (entries: { item: TakedownItemInput; at: string }[]): Intake => {
  const seen = new Map<string, number>();
  const items: TakedownItemInput[] = [];
  const duplicateOf: Intake['duplicateOf'] = [];
  let duplicates = 0;
  for (const { item, at } of entries) {
    const key = itemKey(item);
    const first = seen.get(key);
    if (first !== undefined) {
      duplicates++;
      if (duplicateOf.length < 100) duplicateOf.push({ at, sameAs: first });
      continue;
    }
    items.push(item);
    seen.set(key, items.length);
  }
  return { items, received: entries.length, duplicates, duplicateOf };
};

export const intakeFromList = (items: TakedownItemInput[]): Intake => intakeOf(items.map((item, i) => ({ item, at: `items[${i}]` })));
export const intakeFromText = (text: string): Intake => intakeOf(itemsFromText(text));
