import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

// The faces a document is set in: Noto Sans (latin, latin-ext, vietnamese) and Noto Sans Thai,
// static WOFF files from Fontsource (OFL), each embedded as a subset of the glyphs the document
// uses. Fontsource splits a family by script, so each character is set in the first face that
// has a glyph for it (a Vietnamese word may take letters from three files); combining marks stay
// with the letter they sit on.

type Weight = 400 | 700;
const FACES = [
  { pkg: '@fontsource/noto-sans', name: 'noto-sans-latin' },
  { pkg: '@fontsource/noto-sans', name: 'noto-sans-latin-ext' },
  { pkg: '@fontsource/noto-sans', name: 'noto-sans-vietnamese' },
  { pkg: '@fontsource/noto-sans-thai', name: 'noto-sans-thai-thai' },
] as const;
const WEIGHTS: readonly Weight[] = [400, 700];

/**
 * Every font file a document may use, by its Fontsource package: a Lambda bundle carries them in
 * a `fonts/` folder beside its script (infra/src/bundle.ts copies them), as it has no node_modules.
 */
export const FONT_FILES: readonly { pkg: string; file: string }[] = FACES.flatMap(({ pkg, name }) =>
  WEIGHTS.map((w) => ({ pkg, file: `${name}-${w}-normal.woff` })),
);

const here = dirname(fileURLToPath(import.meta.url));
const file = (pkg: string, name: string): Buffer => {
  for (const dir of [join(here, 'fonts'), join(here, '..', 'fonts')]) {
    const path = join(dir, name);
    if (existsSync(path)) return readFileSync(path);
  }
  return readFileSync(createRequire(import.meta.url).resolve(`${pkg}/files/${name}`));
};

interface Face {
  bytes: Uint8Array;
  covers(cp: number): boolean;
}

const cache = new Map<Weight, Face[]>();
const facesOf = (weight: Weight): Face[] => {
  let faces = cache.get(weight);
  if (!faces) {
    faces = FACES.map(({ pkg, name }) => {
      const bytes = file(pkg, `${name}-${weight}-normal.woff`);
      const font = fontkit.create(bytes) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
      return { bytes, covers: (cp: number) => font.hasGlyphForCodePoint(cp) };
    });
    cache.set(weight, faces);
  }
  return faces;
};

const isMark = (cp: number) => (cp >= 0x300 && cp <= 0x36f) || cp === 0xe31 || (cp >= 0xe34 && cp <= 0xe3a) || (cp >= 0xe47 && cp <= 0xe4e);

/** A run of text in one face. */
export interface Run {
  text: string;
  font: PDFFont;
}

/** The faces of one document: embedded on first use, as subsets. */
export class FontSet {
  private readonly embedded = new Map<string, Promise<PDFFont>>();
  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit(fontkit);
  }

  private face(weight: Weight, i: number): Promise<PDFFont> {
    const key = `${weight}:${i}`;
    let f = this.embedded.get(key);
    if (!f) {
      f = this.doc.embedFont(facesOf(weight)[i]!.bytes, { subset: true });
      this.embedded.set(key, f);
    }
    return f;
  }

  /** `text` (NFC) cut into runs, each in the first face with glyphs for it; a character no face has becomes '?'. */
  async runs(text: string, bold = false): Promise<Run[]> {
    const weight: Weight = bold ? 700 : 400;
    const faces = facesOf(weight);
    const out: { text: string; face: number }[] = [];
    for (const ch of text.normalize('NFC')) {
      const cp = ch.codePointAt(0)!;
      const last = out[out.length - 1];
      if (last && (isMark(cp) || ch === ' ') && faces[last.face]!.covers(cp)) {
        last.text += ch;
        continue;
      }
      let face = faces.findIndex((f) => f.covers(cp));
      let c = ch;
      if (face < 0) {
        face = 0;
        c = '?';
      }
      if (last && last.face === face) last.text += c;
      else out.push({ text: c, face });
    }
    return Promise.all(out.map(async (r) => ({ text: r.text, font: await this.face(weight, r.face) })));
  }
}
