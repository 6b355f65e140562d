import { t } from '../../i18n';

// A partner's answers to a takedown's items as a CSV file it uploads: read here, previewed, then sent.

const ANSWERS = ['removed', 'restricted', 'not_found', 'refused'] as const;
type Answer = (typeof ANSWERS)[number];
export type AnswerRow = { n: number; status: Answer; reason?: string };

/** Rows of `item,outcome[,reason]` (a header line and blank lines allowed), or the lines that are not. */
export const parseAnswers = (text: string, total: number): { rows: AnswerRow[]; errors: string[] } => {
  const rows: AnswerRow[] = [];
  const errors: string[] = [];
  const seen = new Set<number>();
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      // The item and the outcome are the first two fields; the reason is the rest of the line, separators and all.
      const m = /^([^,;\t]*)[,;\t]?([^,;\t]*)[,;\t]?(.*)$/.exec(line)!;
      const [a, b, rest] = [m[1]!, m[2]!, m[3]!].map((x) => x.trim().replace(/^"|"$/g, '')) as [string, string, string];
      if (i === 0 && !/^\d+$/.test(a)) return; // a header
      const n = Number(a);
      const status = b.toLowerCase().replace(/[\s-]+/g, '_') as Answer;
      const reason = rest;
      if (!/^\d+$/.test(a) || n < 1 || n > total) errors.push(t('td.csvBadItem', { line: i + 1, total }));
      else if (!ANSWERS.includes(status)) errors.push(t('td.csvBadOutcome', { line: i + 1, value: b }));
      else if (status === 'refused' && !reason) errors.push(t('td.csvNoReason', { line: i + 1 }));
      else if (seen.has(n)) errors.push(t('td.csvTwice', { line: i + 1, n }));
      else {
        seen.add(n);
        rows.push({ n, status, ...(reason ? { reason } : {}) });
      }
    });
  return { rows, errors };
};
