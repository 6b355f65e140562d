import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureConsoleBuilt } from '@taskforce/local';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_JS_BUDGET, measureConsole } from '../scripts/size';

describe('console build', () => {
  const out = mkdtempSync(join(tmpdir(), 'tf-console-size-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('first load stays within 100 KB of gzipped JavaScript, with every asset in the build and nothing inline', () => {
    const dir = ensureConsoleBuilt({ force: true, outDir: out });
    const size = measureConsole(dir);
    expect(size.firstLoadJs).toBeGreaterThan(0);
    expect(size.firstLoadJs).toBeLessThanOrEqual(FIRST_LOAD_JS_BUDGET);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    // No CDN or external font, and no inline script or style the CSP would have to allow.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style="/);
    for (const f of size.files) expect(readFileSync(join(dir, f.file), 'utf8')).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com/);
  });

  it('ships its fonts: Noto Sans (Latin and Vietnamese) and Noto Sans Thai, woff2 only, each face limited to its unicode-range', () => {
    const dir = ensureConsoleBuilt({ outDir: out });
    const size = measureConsole(dir);
    const fonts = size.files.filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f.file));
    expect(fonts.map((f) => f.file.replace(/^assets\/|-[\w-]{8}\.woff2$/g, '')).sort()).toEqual([
      'noto-sans-latin-wght-normal',
      'noto-sans-thai-thai-wght-normal',
      'noto-sans-vietnamese-wght-normal',
    ]);
    // Small: the three faces together stay under 80 KB (a browser fetches only those its language uses).
    expect(fonts.reduce((n, f) => n + f.raw, 0)).toBeLessThan(80 * 1024);
    const css = size.files
      .filter((f) => f.file.endsWith('.css'))
      .map((f) => readFileSync(join(dir, f.file), 'utf8'))
      .join('');
    const faces = css.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(3);
    for (const face of faces) {
      expect(face).toMatch(/src:url\(\/assets\/[\w-]+\.woff2\)/);
      expect(face).toContain('unicode-range');
    }
    // The Thai face covers the Thai block, so it is fetched only when Thai text is on the page.
    expect(faces.find((f) => f.includes('thai'))).toMatch(/U\+0?E01-0?E5B/i);
  });
});
