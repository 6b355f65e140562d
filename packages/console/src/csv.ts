/**
 * Lists as CSV files (RFC 4180), for any list a person sees. A cell that a spreadsheet would read
 * as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is prefixed with a
 * single quote, so an exported selector or title cannot run in the reader's spreadsheet (OWASP
 * "CSV injection").
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

export const csvCell = (v: Cell): string => {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const toCsv = (header: readonly string[], rows: readonly (readonly Cell[])[]): string =>
  [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** Saves `rows` as `<name>.csv` in the browser (UTF-8 with a byte-order mark, so spreadsheets read Thai and Vietnamese). */
export function downloadCsv(name: string, header: readonly string[], rows: readonly (readonly Cell[])[]): void {
  const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
