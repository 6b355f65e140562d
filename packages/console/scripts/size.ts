import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget for what a first visit downloads before the console can run: JavaScript, gzipped. */
export const FIRST_LOAD_JS_BUDGET = 100 * 1024;

export interface ConsoleSize {
  /** Scripts index.html loads (entry and module preloads), gzipped. */
  firstLoadJs: number;
  firstLoadCss: number;
  /** Every script in the build, including chunks loaded on demand (e.g. the policy preview). */
  allJs: number;
  files: { file: string; raw: number; gzip: number; firstLoad: boolean }[];
}

export function measureConsole(dist: string): ConsoleSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!));
  const files = readdirSync(join(dist, 'assets')).map((name) => {
    const file = `assets/${name}`;
    const bytes = readFileSync(join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, firstLoad: referenced.has(file) };
  });
  const sum = (pred: (f: (typeof files)[number]) => boolean) => files.filter(pred).reduce((n, f) => n + f.gzip, 0);
  return {
    firstLoadJs: sum((f) => f.firstLoad && f.file.endsWith('.js')),
    firstLoadCss: sum((f) => f.firstLoad && f.file.endsWith('.css')),
    allJs: sum((f) => f.file.endsWith('.js')),
    files,
  };
}
