/**
 * pnpm bench (bundles): the minified size of each Lambda bundle, built exactly as the CDK app
 * builds it (the DynamoDB SDK inside, any other AWS SDK client from the runtime), split into the
 * project's own code and the SDK's bytes, and the module-initialisation time of the API bundle
 * with the DynamoDB SDK bundled and with all of @aws-sdk/* from the runtime, against a bare Hono
 * handler bundled the same way, measured in the same run in fresh Node processes (as a cold
 * start loads the module once). Figures, not assertions.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  type Bundle,
  bundleAll,
  bundleFunction,
  coldStart,
  DYNAMODB_SDK,
  entryOutput,
  FUNCTION_ENTRIES,
  ownInputs,
  REPO_ROOT,
  SDK_PLACEMENT,
} from '../../infra/src/bundle';

const RUNS = Number(process.env.BENCH_INIT_RUNS ?? 15);
const API_TARGET_KB = 300;
const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Inside the repository, so the bundles' external AWS SDK imports resolve from node_modules as
// they do from the Lambda runtime.
const outDir = join(REPO_ROOT, 'infra', 'cdk.out-assets', 'bench');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const bundles = await bundleAll(outDir);
const bare = await bundleFunction('bare-hono', 'test/bench/bare-hono.ts', outDir);
// The API both ways, whichever the stack deploys: the DynamoDB SDK inside the bundle, and every
// @aws-sdk/* module from the runtime.
const apiSdk =
  SDK_PLACEMENT === 'dynamodb' ? bundles.api : await bundleFunction('api', FUNCTION_ENTRIES.api, join(outDir, 'sdk-bundled'), 'dynamodb');
const apiRuntime =
  SDK_PLACEMENT === 'runtime' ? bundles.api : await bundleFunction('api', FUNCTION_ENTRIES.api, join(outDir, 'sdk-runtime'), 'runtime');

// The AWS SDK modules the API bundle leaves to the runtime and loads at start (S3 is imported on
// first use), loaded alone: the part of the API's initialisation that is the SDK's.
const sdkModules = [
  ...new Set(
    entryOutput(apiRuntime.metafile)
      .imports.filter((i) => i.external && i.kind !== 'dynamic-import' && i.path.startsWith('@aws-sdk/'))
      .map((i) => i.path),
  ),
];
const sdkOnly = join(outDir, 'sdk-only', 'index.mjs');
mkdirSync(join(outDir, 'sdk-only'), { recursive: true });
writeFileSync(
  sdkOnly,
  `${sdkModules.map((m, i) => `import * as m${i} from ${JSON.stringify(m)};`).join('\n')}
void [${sdkModules.map((_, i) => `m${i}`).join(', ')}];
export const handler = async () => ({ statusCode: 200, body: '{"ok":true}' });
`,
);

/** Which packages fill a bundle's own code (the AWS SDK left out: it has its column), largest first. */
const composition = (b: Bundle, top = 8) => {
  const byPkg = new Map<string, number>();
  const own = ownInputs(b.metafile);
  for (const [path, input] of Object.entries(coldStart(b.metafile).inputs)) {
    if (!own.has(path)) continue;
    const m = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/);
    const key = m ? m[1]! : path.replace(/^(packages\/[^/]+|functions|test\/bench).*$/, '$1');
    byPkg.set(key, (byPkg.get(key) ?? 0) + input.bytesInOutput);
  }
  return [...byPkg]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${k} ${(v / 1024).toFixed(0)}`)
    .join(', ');
};

const placement =
  SDK_PLACEMENT === 'dynamodb' ? `${DYNAMODB_SDK.join(', ')} bundled, other @aws-sdk/* from the runtime` : '@aws-sdk/* from the runtime';
process.stdout.write(`\nLambda bundles as deployed (esbuild: ESM, node24, minified, tree-shaken, ${placement})\n\n`);
process.stdout.write(
  `${'function'.padEnd(10)} ${'KB min'.padStart(7)} ${'own KB'.padStart(7)} ${'SDK KB'.padStart(7)} ${'KB gzip'.padStart(7)}   largest parts of own code (KB)\n`,
);
for (const b of [...Object.values(bundles), bare]) {
  const gz = gzipSync(readFileSync(b.file)).length;
  process.stdout.write(`${b.name.padEnd(10)} ${kb(b.bytes)} ${kb(b.bytes - b.sdkBytes)} ${kb(b.sdkBytes)} ${kb(gz)}   ${composition(b)}\n`);
}
// The budget is the project's: its own code and dependencies, not the AWS SDK it may carry.
const apiKb = (bundles.api.bytes - bundles.api.sdkBytes) / 1024;
process.stdout.write(
  `\nAPI bundle: own code ${apiKb.toFixed(1)} KB against a target of ≤ ${API_TARGET_KB} KB: ${
    apiKb <= API_TARGET_KB ? 'within' : `over by ${(apiKb - API_TARGET_KB).toFixed(1)} KB`
  }; with the SDK ${(bundles.api.bytes / 1024).toFixed(1)} KB in all\n`,
);

/** One cold load in a fresh process: import the bundle (module initialisation), then one GET /health. */
const PROBE = `
const t0 = performance.now();
const { handler } = await import(process.argv[1]);
const t1 = performance.now();
const ctx = { functionName: 'bench', awsRequestId: 'r', invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:bench', getRemainingTimeInMillis: () => 10000 };
const res = await handler({ version: '2.0', routeKey: 'ANY /{proxy+}', rawPath: '/health', rawQueryString: '', headers: { host: 'x' },
  requestContext: { http: { method: 'GET', path: '/health', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' }, requestId: 'r', routeKey: 'ANY /{proxy+}', stage: '$default', timeEpoch: Date.now() },
  isBase64Encoded: false }, ctx);
const t2 = performance.now();
if (res.statusCode !== 200) throw new Error('health ' + res.statusCode);
console.log(JSON.stringify({ init: t1 - t0, first: t2 - t1 }));
`;
const env = {
  ...process.env,
  AWS_REGION: 'eu-west-1',
  TABLE_NAME: 'bench',
  EVIDENCE_BUCKET_NAME: 'bench',
  JWT_ISSUER: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_bench',
  JWT_AUDIENCE: 'bench',
  USER_POOL_ID: 'eu-west-1_bench',
  CURSOR_KEYS: JSON.stringify({ current: 'bench-cursor-key-bench-cursor-key-bench' }),
  // The API signs audit checkpoints since the log's sequencer landed; without its key it refuses to start.
  AUDIT_SIGNING_KEYS: JSON.stringify({ current: 'bench-audit-signing-key-bench-audit-signing-key' }),
  // The API hashes selectors for matching; without its key it refuses to start.
  MATCHING_KEYS: JSON.stringify({ current: 'bench-matching-key-bench-matching-key-bench' }),
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
  NODE_NO_WARNINGS: '1',
};
const probe = (file: string) =>
  JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', PROBE, pathToFileURL(file).href], { env, encoding: 'utf8' })) as {
    init: number;
    first: number;
  };

const subjects = [
  ['api-rt', apiRuntime.file],
  ['api-sdk', apiSdk.file],
  ['bare-hono', bare.file],
  ['sdk-only', sdkOnly],
] as const;
type Subject = (typeof subjects)[number][0];
const samples = Object.fromEntries(subjects.map(([k]) => [k, { init: [] as number[], first: [] as number[] }])) as Record<
  Subject,
  { init: number[]; first: number[] }
>;
for (const [, file] of subjects) probe(file); // warm the file system cache
for (let i = 0; i < RUNS; i++) {
  // Round robin, so drift in the machine's load falls on all alike.
  for (const [k, file] of subjects) {
    const s = probe(file);
    samples[k].init.push(s.init);
    samples[k].first.push(s.first);
  }
}
const med = (k: Subject) => ({ init: median(samples[k].init), first: median(samples[k].first) });
const [api, apiWithSdk, base, sdk] = [med('api-rt'), med('api-sdk'), med('bare-hono'), med('sdk-only')];
const deployed = SDK_PLACEMENT === 'dynamodb' ? apiWithSdk : api;
const row = (name: string, m: { init: number; first: number }) =>
  `${name.padEnd(10)} ${m.init.toFixed(1).padStart(7)} ${m.first.toFixed(1).padStart(8)} ${(m.init + m.first).toFixed(1).padStart(8)}\n`;
process.stdout.write(`\nModule initialisation, a fresh Node ${process.version} process per load, median of ${RUNS} (ms)\n\n`);
process.stdout.write(`${'bundle'.padEnd(10)} ${'init'.padStart(7)} ${'1st GET'.padStart(8)} ${'total'.padStart(8)}\n`);
process.stdout.write(row('api-rt', api) + row('api-sdk', apiWithSdk) + row('bare-hono', base) + row('sdk-only', sdk));
process.stdout.write(
  "(api-rt: @aws-sdk/* from the runtime; api-sdk: the DynamoDB SDK bundled; sdk-only: the runtime's DynamoDB SDK modules alone)\n",
);
const ratio = (a: number, b: number) => (a / b).toFixed(1);
process.stdout.write(
  `\nAPI init (as deployed) / bare Hono init: ${ratio(deployed.init, base.init)}×   (init + first request: ${ratio(deployed.init + deployed.first, base.init + base.first)}×)\n`,
);
process.stdout.write(
  `From the runtime, loading ${sdkModules.join(' and ')} alone takes about ${sdk.init.toFixed(0)} ms of the API's ${api.init.toFixed(0)} ms init;\n` +
    'the rest is the application: zod schemas, OpenAPI routes, Powertools and SDK clients. No network call happens before the first request.\n',
);

// The SDK's place: from the runtime or inside the bundle. The project's own code is the same in
// both; the bundled one's extra bytes are the SDK's.
const ownBytes = apiSdk.bytes - apiSdk.sdkBytes;
const pctChange = (a: number, b: number) => `${a <= b ? '' : '+'}${(((a - b) / b) * 100).toFixed(0)}%`;
process.stdout.write(
  `\nThe API with ${DYNAMODB_SDK.join(', ')} and their dependencies bundled, against @aws-sdk/* from the runtime (same run):\n\n`,
);
process.stdout.write(
  `${'api bundle'.padEnd(26)} ${'KB min'.padStart(7)} ${'KB gzip'.padStart(7)} ${'own KB'.padStart(7)} ${'SDK KB'.padStart(7)} ${'init ms'.padStart(8)} ${'+1st GET'.padStart(9)}\n`,
);
for (const [label, b, m] of [
  ['@aws-sdk/* from runtime', apiRuntime, api],
  ['DynamoDB SDK bundled', apiSdk, apiWithSdk],
] as const)
  process.stdout.write(
    `${label.padEnd(26)} ${kb(b.bytes)} ${kb(gzipSync(readFileSync(b.file)).length)} ${kb(b.bytes - b.sdkBytes)} ${kb(b.sdkBytes)} ${m.init.toFixed(1).padStart(8)} ${(m.init + m.first).toFixed(1).padStart(9)}\n`,
  );
process.stdout.write(
  `\nBundling the DynamoDB SDK: init ${pctChange(apiWithSdk.init, api.init)}, init + first request ${pctChange(apiWithSdk.init + apiWithSdk.first, api.init + api.first)}; ` +
    `the project's own code stays ${(ownBytes / 1024).toFixed(1)} KB against its ${API_TARGET_KB} KB budget, the SDK adds ${(apiSdk.sdkBytes / 1024).toFixed(1)} KB. ` +
    `Deployed: ${SDK_PLACEMENT === 'dynamodb' ? 'bundled' : 'from the runtime'}.\n`,
);
