import * as z from 'zod/mini';
import { invalid } from '../kernel/errors';
import { MAX_CHECK_SELECTORS } from './model';
import { Selector } from './selectors';

/** The columns a CSV of selectors may have; the header row names those it uses, `type` and `value` first. */
const COLUMNS = ['type', 'value', 'service', 'chain', 'observedAt', 'timeZone', 'port'] as const;
type Column = (typeof COLUMNS)[number];
const MAX_CELL = 400;

/** RFC 4180 rows: fields split by commas, quoted with `"` (a doubled `""` inside is one quote), lines by CRLF or LF. */
const rowsOf = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw invalid(`body.row.${rows.length}`, `row ${rows.length} (line ${rows.length + 1}): a quoted field is not closed`);
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
};

/**
 * Selectors from a CSV upload: a header row (`type,value`, then any of `service`, `chain`,
 * `observedAt`, `timeZone`, `port`), then one selector a row. A malformed row is refused whole
 * with a 400 naming the row (data rows count from 1) and the field: `body.row.3.value`.
 */
export const parseSelectorCsv = (text: string): Selector[] => {
  const [header, ...rows] = rowsOf(text.replace(/^\uFEFF/, ''));
  if (!header) throw invalid('body', 'the CSV is empty: send a header row (type,value,…) and one selector a row');
  const columns = header.map((h) => h.trim());
  columns.forEach((c, i) => {
    if (!(COLUMNS as readonly string[]).includes(c))
      throw invalid(`body.header.${i}`, `unknown column "${c.slice(0, 40)}": the columns are ${COLUMNS.join(', ')}`);
  });
  if (!columns.includes('type') || !columns.includes('value')) throw invalid('body.header', 'the header row must name type and value');
  if (new Set(columns).size !== columns.length) throw invalid('body.header', 'a column is repeated');
  if (rows.length === 0) throw invalid('body', 'the CSV has no selectors below its header');
  if (rows.length > MAX_CHECK_SELECTORS)
    throw invalid('body', `at most ${MAX_CHECK_SELECTORS} selectors a check; this CSV has ${rows.length}`);
  return rows.map((cells, r) => {
    const row = r + 1;
    const at = (field: string, message: string) => invalid(`body.row.${row}.${field}`, `row ${row} (line ${row + 1}): ${message}`);
    if (cells.length > columns.length) throw at(String(columns.length), `has ${cells.length} fields; the header names ${columns.length}`);
    const raw: Partial<Record<Column, unknown>> = {};
    cells.forEach((cell, i) => {
      const value = cell.trim();
      if (value === '') return;
      if (value.length > MAX_CELL) throw at(columns[i]!, `is longer than ${MAX_CELL} characters`);
      const column = columns[i] as Column;
      raw[column] = column === 'port' ? (/^\d{1,5}$/.test(value) ? Number(value) : value) : value;
    });
    const parsed = z.safeParse(Selector, raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.code === 'unrecognized_keys' ? issue.keys[0]! : issue.path.map(String).join('.') || 'type';
      throw at(field, issue.code === 'unrecognized_keys' ? `is not a field of a ${String(raw.type)} selector` : issue.message);
    }
    return parsed.data;
  });
};
