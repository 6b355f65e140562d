import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SWAGGER_UI_FILES } from '@taskforce/api/docs';
import { ensureConsoleBuilt } from '@taskforce/local/console';
import { type BuildOptions, build, type Metafile } from 'esbuild';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Lambda entry points under functions/src, by name. */
export const FUNCTION_ENTRIES = {
  api: 'functions/src/api.ts',
  fanout: 'functions/src/fanout.ts',
  delivery: 'functions/src/delivery.ts',
  sweep: 'functions/src/sweep.ts',
  sequencer: 'functions/src/sequencer.ts',
} as const;
export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/** The Node.js major the bundles target; the functions construct picks the matching Lambda runtime. */
const NODE_TARGET = 'node24';

/**
 * How every function is bundled: one minified ES module, tree-shaken, for the Lambda Node.js
 * runtime, with the AWS SDK v3 left to the runtime that ships it. The banner gives CommonJS
 * dependencies a `require` inside the ES module.
 */
const bundleOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [join(REPO_ROOT, entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: NODE_TARGET,
  minify: true,
  treeShaking: true,
  mainFields: ['module', 'main'],
  external: ['@aws-sdk/*'],
  legalComments: 'none',
  metafile: true,
  logLevel: 'error',
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});

export interface Bundle {
  name: string;
  /** Folder holding `index.mjs`: the Lambda asset. */
  dir: string;
  file: string;
  bytes: number;
  metafile: Metafile;
}

/**
 * Files a function reads from its own asset directory at run time rather than from its JS
 * bundle: the API serves Swagger UI (1.7 MB of script, pinned swagger-ui-dist) for `/docs`
 * from `swagger-ui/` next to `index.mjs`, so the bundle stays within its budget.
 */
const SIDE_FILES: Record<string, { from: () => string; to: string; files: readonly string[] }> = {
  api: {
    from: () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')),
    to: 'swagger-ui',
    files: Object.keys(SWAGGER_UI_FILES),
  },
};

/** Bundles one entry point into `<outDir>/<name>/index.mjs`, with the files it reads beside it. */
export const bundleFunction = async (name: string, entry: string, outDir: string): Promise<Bundle> => {
  const dir = join(outDir, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const result = await build(bundleOptions(entry, file));
  const metafile = result.metafile!;
  const bytes = Object.values(metafile.outputs)[0]!.bytes;
  const side = SIDE_FILES[name];
  if (side) {
    const [from, to] = [side.from(), join(dir, side.to)];
    mkdirSync(to, { recursive: true });
    for (const f of side.files) copyFileSync(join(from, f), join(to, f));
  }
  return { name, dir, file, bytes, metafile };
};

/** Bundles every function (in parallel) into `<outDir>/<name>/index.mjs`. */
export const bundleAll = async (outDir: string): Promise<Record<FunctionName, Bundle>> => {
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  const bundles = await Promise.all(names.map((n) => bundleFunction(n, FUNCTION_ENTRIES[n], outDir)));
  return Object.fromEntries(bundles.map((b) => [b.name, b])) as Record<FunctionName, Bundle>;
};

/**
 * Builds the web console (packages/console, with its own Vite config) into `outDir`, fresh on
 * every synth so that a stale `packages/console/dist` is never what gets deployed.
 */
export const buildConsole = (outDir: string): string => ensureConsoleBuilt({ force: true, outDir });
