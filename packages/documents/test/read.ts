import { createRequire } from 'node:module';

// Reading a PDF back as a person's viewer would: pdf.js (legacy build, for Node), page by page.

const require = createRequire(import.meta.url);
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
const pdfjs = (await import(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'))) as PdfJs;

/**
 * Text without white space or control characters, NFC: pdf.js gives a line's runs (one per face)
 * as separate items. Fontkit shapes Thai SARA AM as two glyphs and the text layer reads each back
 * (ำ then า); a glyph fontkit adds in shaping (e.g. under a Vietnamese ị) may read back as a control character.
 */
export const squash = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[\s\p{Cf}\p{Cc}]+/gu, '')
    .replaceAll('ำา', 'ำ');

/** Each page's text as pdf.js reads it back, squashed. */
export const pdfPages = async (bytes: Uint8Array): Promise<string[]> => {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const text = await (await doc.getPage(i)).getTextContent();
    pages.push(squash(text.items.map((it) => ('str' in it ? it.str : '')).join('')));
  }
  await doc.cleanup();
  return pages;
};

/** A one-page PDF carrying `bytes` as the attachment `name` (a forged package, for the verifier's tests). */
export const pdfWithAttachment = async (name: string, bytes: Uint8Array): Promise<Uint8Array> => {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage();
  await doc.attach(bytes, name, { mimeType: 'application/json' });
  return doc.save();
};
