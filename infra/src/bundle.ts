import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SWAGGER_UI_FILES } from '@taskforce/api/docs';
import { ensureConsoleBuilt } from '@taskforce/local/console';
import { type BuildOptions, build, type Metafile, type Plugin } from 'esbuild';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The Lambda entry points under functions/src, by name. */
export const FUNCTION_ENTRIES = {
  api: 'functions/src/api.ts',
  people: 'functions/src/people.ts',
  exchange: 'functions/src/exchange.ts',
  fanout: 'functions/src/fanout.ts',
  delivery: 'functions/src/delivery.ts',
  sweep: 'functions/src/sweep.ts',
  export: 'functions/src/export.ts',
  sequencer: 'functions/src/sequencer.ts',
  pretoken: 'functions/src/pre-token.ts',
  auth: 'functions/src/auth.ts',
  pager: 'functions/src/pager.ts',
  status: 'functions/src/channel-status.ts',
} as const;
export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/** The Node.js major the bundles target; the functions construct picks the matching Lambda runtime. */
const NODE_TARGET = 'node24';

/** The DynamoDB SDK: what every function loads at cold start. */
export const DYNAMODB_SDK = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'] as const;

/**
 * Where a bundle takes the AWS SDK v3 from: `runtime`, all of it from the Lambda runtime that
 * ships it; `dynamodb`, the DynamoDB SDK (and everything it imports: @aws-sdk/core, the
 * credential providers, @smithy/*) inside the bundle, any other SDK client from the runtime.
 */
export type SdkPlacement = 'runtime' | 'dynamodb';

const packageOf = (path: string) => path.split('/').slice(0, 2).join('/');
/** Leaves every `@aws-sdk/*` import to the runtime except the DynamoDB SDK's and what that imports. */
const bundleDynamoSdk: Plugin = {
  name: 'bundle-dynamodb-sdk',
  setup(b) {
    b.onResolve({ filter: /^@aws-sdk\// }, (args) => {
      const fromSdk = /node_modules[\\/](@aws-sdk|@smithy|@aws-crypto)[\\/]/.test(args.importer);
      if (fromSdk || (DYNAMODB_SDK as readonly string[]).includes(packageOf(args.path))) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * How every function is bundled: one minified ES module, tree-shaken, for the Lambda Node.js
 * runtime, with the AWS SDK v3 (or all but the DynamoDB SDK) left to the runtime that ships it.
 * What the code loads only on demand (`await import(…)`, e.g. the OpenAPI document's builder)
 * is split into chunks beside it, so a cold start neither reads nor parses it.
 * The banner gives CommonJS dependencies a `require` inside each ES module.
 */
const bundleOptions = (entry: string, outdir: string, sdk: SdkPlacement = 'runtime'): BuildOptions => ({
  entryPoints: { index: join(REPO_ROOT, entry) },
  outdir,
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: NODE_TARGET,
  minify: true,
  treeShaking: true,
  mainFields: ['module', 'main'],
  ...(sdk === 'runtime' ? { external: ['@aws-sdk/*'] } : { plugins: [bundleDynamoSdk] }),
  legalComments: 'none',
  metafile: true,
  logLevel: 'error',
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});

/** Which SDK placement the stack deploys: the DynamoDB SDK bundled halves the API's module initialisation (`pnpm bench:bundles`). */
export const SDK_PLACEMENT: SdkPlacement = 'dynamodb';

export interface Bundle {
  name: string;
  /** Folder holding `index.mjs` (and `chunks/`): the Lambda asset. */
  dir: string;
  file: string;
  /** What loads at cold start: `index.mjs` and the chunks it imports statically. */
  bytes: number;
  /** Of `bytes`, the AWS SDK's (bundled @aws-sdk/*, @smithy/*, @aws-crypto/* and what only they import); the rest is the project's own code and its dependencies. */
  sdkBytes: number;
  metafile: Metafile;
}

const SDK_MODULE = /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//;

type Output = Metafile['outputs'][string];

/**
 * What a function's runtime loads at cold start: its `index.mjs` and the chunks that imports
 * statically, not the chunks it imports on demand (`await import(…)`), with every module
 * (input) each holds, merged.
 */
export const coldStart = (metafile: Metafile): { outputs: Output[]; inputs: Record<string, { bytesInOutput: number }> } => {
  const byPath = new Map(Object.entries(metafile.outputs));
  const entry = [...byPath.keys()].find((path) => /(^|\/)index\.mjs$/.test(path))!;
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (seen.has(path) || !byPath.has(path)) continue;
    seen.add(path);
    for (const i of byPath.get(path)!.imports) if (!i.external && i.kind === 'import-statement') stack.push(i.path);
  }
  const outputs = [...seen].map((path) => byPath.get(path)!);
  return { outputs, inputs: Object.assign({}, ...outputs.map((o) => o.inputs)) };
};

/** The module a function's runtime imports first: its `index.mjs`. */
export const entryOutput = (metafile: Metafile): Output =>
  Object.entries(metafile.outputs).find(([path]) => /(^|\/)index\.mjs$/.test(path))![1];

/** The inputs of a bundle reached from its entry point without going through the AWS SDK: the project's own code and its dependencies. */
export const ownInputs = (metafile: Metafile): Set<string> => {
  const output = entryOutput(metafile);
  const own = new Set<string>();
  const stack = output.entryPoint ? [output.entryPoint] : [];
  while (stack.length > 0) {
    const path = stack.pop()!;
    if (own.has(path) || SDK_MODULE.test(path) || !metafile.inputs[path]) continue;
    own.add(path);
    for (const i of metafile.inputs[path].imports) if (!i.external) stack.push(i.path);
  }
  return own;
};

/** Bytes loaded at cold start reached from the entry point only through the AWS SDK. */
const sdkBytesOf = (metafile: Metafile): number => {
  const own = ownInputs(metafile);
  let sdk = 0;
  for (const [path, input] of Object.entries(coldStart(metafile).inputs)) if (!own.has(path)) sdk += input.bytesInOutput;
  return sdk;
};

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
export const bundleFunction = async (name: string, entry: string, outDir: string, sdk: SdkPlacement = 'runtime'): Promise<Bundle> => {
  const dir = join(outDir, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const result = await build(bundleOptions(entry, dir, sdk));
  const metafile = result.metafile!;
  const bytes = coldStart(metafile).outputs.reduce((n, o) => n + o.bytes, 0);
  const side = SIDE_FILES[name];
  if (side) {
    const [from, to] = [side.from(), join(dir, side.to)];
    mkdirSync(to, { recursive: true });
    for (const f of side.files) copyFileSync(join(from, f), join(to, f));
  }
  return { name, dir, file, bytes, sdkBytes: sdkBytesOf(metafile), metafile };
};

/** Bundles every function (in parallel) into `<outDir>/<name>/index.mjs`, as the stack deploys them. */
export const bundleAll = async (outDir: string, sdk: SdkPlacement = SDK_PLACEMENT): Promise<Record<FunctionName, Bundle>> => {
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];
  const bundles = await Promise.all(names.map((n) => bundleFunction(n, FUNCTION_ENTRIES[n], outDir, sdk)));
  return Object.fromEntries(bundles.map((b) => [b.name, b])) as Record<FunctionName, Bundle>;
};

/**
 * Builds the web console (packages/console, with its own Vite config) into `outDir`, fresh on
 * every synth so that a stale `packages/console/dist` is never what gets deployed.
 */
export const buildConsole = (outDir: string): string => ensureConsoleBuilt({ force: true, outDir });
