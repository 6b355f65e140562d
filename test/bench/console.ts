import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureConsoleBuilt } from '@taskforce/local';
import { FIRST_LOAD_JS_BUDGET, measureConsole } from '../../packages/console/scripts/size';

// The web console's first load: what a browser downloads before the console runs, gzipped.
const out = mkdtempSync(join(tmpdir(), 'tf-console-bench-'));
try {
  const size = measureConsole(ensureConsoleBuilt({ force: true, outDir: out }));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  process.stdout.write('\nWeb console (packages/console), production build\n\n');
  for (const f of size.files)
    process.stdout.write(
      `${f.file.padEnd(34)} ${kb(f.raw).padStart(9)} raw ${kb(f.gzip).padStart(9)} gzip${f.firstLoad ? '  (first load)' : '  (on demand)'}\n`,
    );
  process.stdout.write(
    `\nfirst-load JS ${kb(size.firstLoadJs)} gzipped (budget ${kb(FIRST_LOAD_JS_BUDGET)}); CSS ${kb(size.firstLoadCss)}; all JS incl. on-demand chunks ${kb(size.allJs)}\n`,
  );
  if (size.firstLoadJs > FIRST_LOAD_JS_BUDGET) process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
