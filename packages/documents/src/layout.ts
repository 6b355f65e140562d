import type { DocumentMarking } from '@taskforce/core/reports';
import { type PDFDocument, type PDFPage, rgb } from 'pdf-lib';
import type { FontSet, Run } from './fonts';

// Pages of A4 with a TLP banner at the top and the bottom of each, REL TO beside it, and
// "page x of y" at the foot; text set in runs (fonts.ts), wrapped to the column.

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const TOP = A4[1] - 64;
const BOTTOM = 64;
const WIDTH = A4[0] - 2 * MARGIN;
/** Labels take the left column, wrapped within it; values the rest. */
const LABEL_COLUMN = 175;

/** TLP 2.0 colours: the label on black. */
const TLP_COLOURS = {
  CLEAR: rgb(1, 1, 1),
  GREEN: rgb(0x33 / 255, 1, 0),
  AMBER: rgb(1, 0xc0 / 255, 0),
  'AMBER+STRICT': rgb(1, 0xc0 / 255, 0),
  RED: rgb(1, 0x2b / 255, 0x2b / 255),
} as const;

const isMark = (ch: string) => /\p{M}/u.test(ch);

export class Writer {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: FontSet,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = TOP;
  }

  private ensure(h: number) {
    if (this.y - h < BOTTOM) this.newPage();
  }

  private static width(runs: Run[], size: number) {
    return runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
  }

  private drawRuns(page: PDFPage, runs: Run[], x: number, y: number, size: number, color = rgb(0, 0, 0)) {
    let at = x;
    for (const r of runs) {
      page.drawText(r.text, { x: at, y, size, font: r.font, color });
      at += r.font.widthOfTextAtSize(r.text, size);
    }
  }

  /** Lines of `text` that fit `width`: broken at spaces, or between characters (Thai has no spaces), never before a mark. */
  private async wrap(text: string, size: number, width: number, bold: boolean): Promise<Run[][]> {
    const lines: Run[][] = [];
    for (const para of text.normalize('NFC').split('\n')) {
      let line = '';
      const fits = async (s: string) => Writer.width(await this.fonts.runs(s, bold), size) <= width;
      for (const word of para.split(/(?<= )/)) {
        if (await fits(line + word)) {
          line += word;
          continue;
        }
        if (line && (await fits(word))) {
          lines.push(await this.fonts.runs(line.trimEnd(), bold));
          line = word;
          continue;
        }
        // A word longer than the column: cut it where it no longer fits.
        for (const ch of word) {
          if (isMark(ch) || (await fits(line + ch))) line += ch;
          else {
            lines.push(await this.fonts.runs(line, bold));
            line = ch;
          }
        }
      }
      lines.push(await this.fonts.runs(line.trimEnd(), bold));
    }
    return lines;
  }

  async text(text: string, opts: { size?: number; bold?: boolean; indent?: number; gap?: number; color?: [number, number, number] } = {}) {
    const size = opts.size ?? 9;
    const indent = opts.indent ?? 0;
    const lead = size * 1.45;
    for (const line of await this.wrap(text, size, WIDTH - indent, opts.bold ?? false)) {
      this.ensure(lead);
      this.y -= lead;
      this.drawRuns(this.page, line, MARGIN + indent, this.y, size, opts.color ? rgb(...opts.color) : undefined);
    }
    this.y -= opts.gap ?? 0;
  }

  async title(text: string) {
    await this.text(text, { size: 16, bold: true, gap: 6 });
  }

  async heading(text: string) {
    this.ensure(48);
    this.y -= 10;
    await this.text(text, { size: 12, bold: true, gap: 2 });
    this.page.drawLine({
      start: { x: MARGIN, y: this.y - 2 },
      end: { x: MARGIN + WIDTH, y: this.y - 2 },
      thickness: 0.5,
      color: rgb(0.6, 0.6, 0.6),
    });
    this.y -= 6;
  }

  /** A label and its value on one line (the value wraps under itself; digests are set at 8 pt, so that 64 hex digits fit a line). */
  async field(label: string, value: string, valueSize = 9) {
    const size = 9;
    const col = LABEL_COLUMN;
    const lines = await this.wrap(value || '—', valueSize, WIDTH - col, false);
    const lead = size * 1.45;
    this.ensure(lead);
    const labelLines = await this.wrap(`${label}:`, size, col - 8, true);
    const n = Math.max(lines.length, labelLines.length);
    for (let i = 0; i < n; i++) {
      this.ensure(lead);
      this.y -= lead;
      const l = labelLines[i];
      if (l) this.drawRuns(this.page, l, MARGIN, this.y, size, rgb(0.25, 0.25, 0.25));
      const v = lines[i];
      if (v) this.drawRuns(this.page, v, MARGIN + col, this.y, valueSize);
    }
  }

  space(h = 6) {
    this.y -= h;
  }

  /** The banner and the page numbers, once every page exists. */
  async finish(marking: DocumentMarking, relToLabel: string, membersLabel: string, pageLabel: (i: number, n: number) => string) {
    const n = this.pages.length;
    const tlp = `TLP:${marking.tlp}`;
    const rel = `${relToLabel}: ${marking.relTo === 'members' ? membersLabel : marking.relTo.join(', ')}`;
    const tlpRuns = await this.fonts.runs(tlp, true);
    const relRuns = await this.fonts.runs(rel, true);
    const size = 10;
    const w = Writer.width(tlpRuns, size) + 12;
    for (const [i, page] of this.pages.entries()) {
      for (const y of [A4[1] - 36, 24]) {
        page.drawRectangle({ x: MARGIN, y: y - 4, width: w, height: size + 8, color: rgb(0, 0, 0) });
        this.drawRuns(page, tlpRuns, MARGIN + 6, y, size, TLP_COLOURS[marking.tlp]);
        this.drawRuns(page, relRuns, MARGIN + w + 8, y, size);
      }
      const num = await this.fonts.runs(pageLabel(i + 1, n));
      this.drawRuns(page, num, A4[0] - MARGIN - Writer.width(num, 9), 24, 9);
    }
  }
}
