import type { DocumentLang } from '@taskforce/core/reports';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { attachmentsOf, PACKAGE_ATTACHMENT, renderDocument } from '../src/index';
import { bilingual, type LabelKey } from '../src/labels';
import { samplePackage, sampleReport } from './fixtures';
import { pdfPages as pagesOf, squash } from './read';

/** The fonts embedded in a PDF: each font descriptor's name, and whether it carries its font file. */
const embeddedFonts = async (bytes: Uint8Array) => {
  const doc = await PDFDocument.load(bytes);
  const fonts: { name: string; embedded: boolean }[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const name = obj.get(PDFName.of('FontName'))?.toString() ?? '';
    fonts.push({ name: name.replace(/^\//, ''), embedded: !!(obj.get(PDFName.of('FontFile2')) ?? obj.get(PDFName.of('FontFile3'))) });
  }
  return fonts;
};

const PACKAGE_SECTIONS: LabelKey[] = [
  'package.title',
  'sec.request',
  'sec.clock',
  'sec.clarifications',
  'sec.answers',
  'sec.evidence',
  'sec.custody',
  'sec.proofs',
];
const REPORT_SECTIONS: LabelKey[] = ['report.title', 'sec.members', 'sec.tasks', 'sec.incidents', 'sec.requests'];

/** A package long enough to run over several pages. */
const longPackage = () => {
  const c = samplePackage();
  c.evidence = Array.from({ length: 40 }, (_, i) => ({
    ...c.evidence[0]!,
    id: `ev-${String(i).padStart(4, '0')}`,
    fileName: `tệp-ไฟล์-${i}.bin`,
  }));
  return c;
};

describe.each(['vi', 'th'] as DocumentLang[])('a request package in English and %s', (lang) => {
  it('has every section in both languages, the banner and page x of y on every page, and embedded subset fonts', async () => {
    const bytes = await renderDocument(longPackage(), lang);
    const pages = await pagesOf(bytes);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('');
    for (const key of PACKAGE_SECTIONS) expect(all).toContain(squash(bilingual(lang, key)));
    expect(all).toContain(squash('Thông tin thuê bao')); // Vietnamese content, tones and stacked marks
    expect(all).toContain(squash('ได้รับเอกสารแล้ว')); // Thai content
    for (const [i, page] of pages.entries()) {
      // Top and bottom: twice on each page.
      expect(page.split('TLP:AMBER').length - 1).toBeGreaterThanOrEqual(2);
      expect(page.split(squash(`${bilingual(lang, 'doc.relTo')}: THA, VNM`)).length - 1).toBe(2);
      expect(page).toContain(squash(`Page ${i + 1} of ${pages.length}`));
    }
    const fonts = await embeddedFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.embedded).toBe(true);
      // pdf-lib names a subset by the face's PostScript name and a tag of its own.
      expect(f.name).toMatch(/^NotoSans(Thai)?-(Regular|Bold)-[0-9]+$/);
    }
    expect(fonts.some((f) => /NotoSansThai/.test(f.name))).toBe(true);
    const attached = (await attachmentsOf(bytes)).get(PACKAGE_ATTACHMENT);
    expect(JSON.parse(Buffer.from(attached!).toString('utf8'))).toMatchObject({ requestId: 'req-0001', evidence: expect.any(Array) });
  });
});

describe.each(['vi', 'th'] as DocumentLang[])('a workspace report in English and %s', (lang) => {
  it('has every section in both languages, flags overdue tasks, and carries the highest marking on every page', async () => {
    const bytes = await renderDocument(sampleReport(), lang);
    const pages = await pagesOf(bytes);
    const all = pages.join('');
    for (const key of REPORT_SECTIONS) expect(all).toContain(squash(bilingual(lang, key)));
    expect(all).toContain(squash(bilingual(lang, 'f.overdue')));
    for (const page of pages) expect(page.split('TLP:RED').length - 1).toBeGreaterThanOrEqual(2);
  });
});

describe('a document in English', () => {
  it('is in English alone', async () => {
    const pages = await pagesOf(await renderDocument(sampleReport(), 'en'));
    expect(pages[0]).toContain(squash('Workspace report'));
    expect(pages[0]).not.toContain('/');
  });
});
