/**
 * How search reads text: Unicode-normalised (NFKD), case-insensitive and diacritic-insensitive,
 * so that "Nguyen Van An" finds "Nguyễn Văn An" and "ĐÀ NẴNG" finds "Đà Nẵng". Only the Latin
 * combining marks (U+0300–U+036F: Vietnamese tones, hats, breves and horns, French accents…) are
 * dropped: Thai vowels and tone marks are letters of their words and stay. Format characters
 * (bidi controls, zero-width joiners) are removed, as matching removes them from selectors, and
 * runs of white space become one space. Thai has no spaces between words: a Thai query is one
 * run, found as a substring wherever it occurs.
 */

const LATIN_MARKS = /[\u0300-\u036f]/g;
const FORMAT = /\p{Cf}/gu;
const SPACE = /\s+/gu;

/** The folded form of a text: what both the query and every searched field are compared in. */
export const fold = (text: string): string =>
  text.normalize('NFKD').replace(LATIN_MARKS, '').replace(FORMAT, '').toLowerCase().replace(/đ/g, 'd').replace(SPACE, ' ').trim();

/** A folded text without white space or punctuation: how a selector typed with spaces or dashes is found (`+84 912-345-678`). */
export const compact = (folded: string): string => folded.replace(/[\s\p{P}\p{S}]/gu, '');

/** The words of a folded query (a Thai query without spaces is one word). */
export const wordsOf = (folded: string): string[] => [...new Set(folded.split(' ').filter((w) => w.length > 0))];

/**
 * An excerpt of `text` of at most `width` characters around the first place its folded form
 * holds `needle` (already folded), with `…` where it was cut; the start of the text when the
 * needle is not in it. Folding is done one character at a time here, so that a position in
 * the folded text maps back to one in the text as written.
 */
export const excerpt = (text: string, needle: string, width = 160): string => {
  const chars = [...text.replace(FORMAT, '')];
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const f = chars[i]!.normalize('NFKD').replace(LATIN_MARKS, '').toLowerCase().replace(/đ/g, 'd').replace(SPACE, ' ');
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
  }
  const at = needle ? folded.indexOf(needle) : -1;
  const centre = at < 0 ? 0 : origin[at]!;
  const start = Math.max(0, Math.min(centre - Math.floor(width / 3), chars.length - width));
  const end = Math.min(chars.length, start + width);
  const body = chars.slice(start, end).join('').replace(SPACE, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < chars.length ? '…' : ''}`;
};
