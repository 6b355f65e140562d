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
});
