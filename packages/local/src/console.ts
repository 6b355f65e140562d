import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { repoRoot } from './paths';

/**
 * The console's Content-Security-Policy: everything from this origin, nothing inline, nothing
 * from anywhere else (no CDN, no fonts, no frames), and the API it talks to on the same origin.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The evidence uploader's worker script (`hash-worker-<hash>.js`): the one file served under `workerCsp`. */
const isEvidenceWorker = (path: string): boolean => /\/hash-worker-[\w-]+\.js$/.test(path);

/**
 * The policy of the evidence uploader's worker alone (a worker is governed by the policy its own
 * script came with, never the page's): it may compile its bundled SHA-256 (`'wasm-unsafe-eval'`:
 * WebAssembly only, JavaScript `eval` stays refused) and PUT parts to object storage's presigned
 * links (`connect`, the storage's origin). The page itself keeps `CONSOLE_CSP`.
 */
const workerCsp = (connect: readonly string[]): string =>
  ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", `connect-src ${["'self'", ...connect].join(' ')}`].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const consoleDir = (): string => join(repoRoot(), 'packages', 'console');
const consoleDist = (): string => join(consoleDir(), 'dist');

/** The newest modification time among the console's sources (src/, index.html, the Vite config). */
const newestSource = (): number => {
  const walk = (path: string): number => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return 0;
    if (!st.isDirectory()) return st.mtimeMs;
    return Math.max(0, ...readdirSync(path).map((name) => walk(join(path, name))));
  };
  return Math.max(...['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((f) => walk(join(consoleDir(), f))));
};

/**
 * Builds the console with its own Vite when there is no build yet or its sources changed since
 * (after a pull, say), or always with `force`.
 */
export function ensureConsoleBuilt(opts: { force?: boolean; outDir?: string } = {}): string {
  const outDir = resolve(opts.outDir ?? consoleDist());
  const built = statSync(join(outDir, 'index.html'), { throwIfNoEntry: false });
  if (!opts.force && built && built.mtimeMs >= newestSource()) return outDir;
  const vite = join(dirname(createRequire(join(consoleDir(), 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', outDir], {
    cwd: consoleDir(),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`building the console failed (exit ${r.status})`);
  return outDir;
}

/** Paths the API answers; everything else is the console's. */
export const isApiPath = (path: string): boolean =>
  path.startsWith('/v1/') ||
  path === '/taxii2' ||
  path.startsWith('/taxii2/') ||
  path === '/v1' ||
  path === '/openapi.json' ||
  path.startsWith('/docs') ||
  path.startsWith('/local/') ||
  path === '/health' ||
  path.startsWith('/.well-known/');

/**
 * Serves the built console: its files with the strict CSP, hashed assets cached for good,
 * index.html never cached. Paths without a file extension get index.html (the app routes by hash,
 * so this only makes a bare path land on the console); a missing file is a plain 404.
 */
export function consoleHandler(dir: string, connect: readonly string[] = []): (req: Request) => Promise<Response> {
  const root = resolve(dir);
  const security = {
    'Content-Security-Policy': CONSOLE_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return new Response('method not allowed', { status: 405, headers: { ...security, Allow: 'GET, HEAD' } });
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url).pathname);
    } catch {
      return new Response('bad path', { status: 400, headers: security });
    }
    const ext = extname(path);
    const file = resolve(root, `.${ext ? path : '/index.html'}`);
    if (!file.startsWith(root + sep)) return new Response('not found', { status: 404, headers: security });
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return new Response('not found', { status: 404, headers: { ...security, 'Content-Type': 'text/plain' } });
    const body = req.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      headers: {
        ...security,
        ...(isEvidenceWorker(path) ? { 'Content-Security-Policy': workerCsp(connect) } : {}),
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      },
    });
  };
}
