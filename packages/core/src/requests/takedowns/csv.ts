import { invalid } from '../../kernel/errors';

/**
 * Delimited text as RFC 4180 reads it, with the separator found per record: a field that starts
 * with a quote runs to the matching quote (`""` is a quote inside it) and may hold separators,
 * tabs, CR, LF or CRLF; only a line break outside quotes ends a record. The separator is a tab,
 * a comma or a semicolon, the first of those (in that order) found outside quotes. A byte order
 * mark is dropped; CRLF, LF and CR all end a line, mixed in one text or not.
 */

/** One record: the line it starts on (1-based, counting every CRLF, LF or CR of the text) and its raw text. */
export interface CsvRecord {
  lineNo: number;
  text: string;
}

const SEPARATORS = ['\t', ',', ';'] as const;
const isSeparator = (ch: string | undefined) => ch === '\t' || ch === ',' || ch === ';';
const lineEnd = (text: string, i: number) => (text[i] === '\r' && text[i + 1] === '\n' ? 2 : text[i] === '\n' || text[i] === '\r' ? 1 : 0);

/** A whole physical line from `i`: its text and where the next begins. */
const physicalLine = (text: string, i: number) => {
  let end = i;
  while (end < text.length && lineEnd(text, end) === 0) end++;
  return { line: text.slice(i, end), next: end + lineEnd(text, end) };
};

/**
 * The records of a text. `wholeLine(line)` says a physical line is taken as it is, quotes or not
 * (blank lines, comments, bare URLs). An unclosed quote is a 400 naming the line it opened on.
 */
export const csvRecords = (input: string, wholeLine: (line: string) => boolean): CsvRecord[] => {
  const text = input.replace(/^\uFEFF/, '');
  const out: CsvRecord[] = [];
  let i = 0;
  let lineNo = 1;
  while (i < text.length) {
    const start = i;
    const startLine = lineNo;
    const whole = physicalLine(text, i);
    if (wholeLine(whole.line)) {
      out.push({ lineNo: startLine, text: whole.line });
      i = whole.next;
      lineNo++;
      continue;
    }
    let atFieldStart = true;
    let quotedFrom = 0;
    let inQuotes = false;
    for (;;) {
      if (i >= text.length) {
        if (inQuotes) throw invalid(`csv[line ${quotedFrom}]`, `line ${quotedFrom}: a quoted field is not closed`);
        out.push({ lineNo: startLine, text: text.slice(start, i) });
        break;
      }
      const ch = text[i]!;
      const br = lineEnd(text, i);
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') i += 2;
          else {
            inQuotes = false;
            i++;
          }
        } else if (br) {
          i += br;
          lineNo++;
        } else i++;
        continue;
      }
      if (br) {
        out.push({ lineNo: startLine, text: text.slice(start, i) });
        i += br;
        lineNo++;
        break;
      }
      if (ch === '"' && atFieldStart) {
        inQuotes = true;
        quotedFrom = lineNo;
        atFieldStart = false;
        i++;
        continue;
      }
      atFieldStart = isSeparator(ch);
      i++;
    }
  }
  return out;
};

/** The separator of a record: the first of tab, comma, semicolon that appears outside quotes (a comma if none does). */
const separatorOf = (record: string): string => {
  const outside = new Set<string>();
  let atFieldStart = true;
  let inQuotes = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (record[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      continue;
    }
    if (isSeparator(ch)) outside.add(ch);
    atFieldStart = isSeparator(ch);
  }
  return SEPARATORS.find((s) => outside.has(s)) ?? ',';
};

/**
 * The fields of one record, split at its separator: a field that starts with a quote is read to
 * its closing quote, and only a separator (or the record's end) may follow that.
 */
export const csvFields = (record: CsvRecord): string[] => {
  const { text: line, lineNo } = record;
  const sep = separatorOf(line);
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) throw invalid(`csv[line ${lineNo}]`, `line ${lineNo}: a quoted field is not closed`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      if (i < line.length && line[i] !== sep)
        throw invalid(`csv[line ${lineNo}]`, `line ${lineNo}: text after a closing quote; put "" for a quote inside a field`);
      fields.push(value);
      i++;
    } else {
      const end = line.indexOf(sep, i);
      const stop = end === -1 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
};
