import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { AgencyIdpConfig } from '@taskforce/core/federation';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type Bundle, buildConsole, bundleAll, type FunctionName, REPO_ROOT } from './bundle';
import { TaskforceStack, type TaskforceStackProps } from './stack';

/** Agencies' identity providers from a JSON file (infra/agency-idps.json shows the shape), checked before any synth. */
export const readAgencyIdps = (file: string): AgencyIdpConfig => {
  const parsed = AgencyIdpConfig.safeParse(JSON.parse(readFileSync(isAbsolute(file) ? file : join(REPO_ROOT, file), 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
};

export interface BuildOptions {
  /** Where the function bundles and the console build go. */
  assetsDir: string;
  /** Where the cloud assembly goes (the CLI passes it through CDK_OUTDIR). */
  outdir?: string;
  context?: Record<string, unknown>;
}

/**
 * The context of cdk.json (feature flags, defaults). The CLI passes it to the app itself; tests
 * build the app in-process, so they read it here and synthesise the same template.
 */
export const cdkJsonContext = (): Record<string, unknown> =>
  (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> }).context ?? {};

const flag = (v: unknown, fallback: boolean) => (v === undefined ? fallback : v === true || v === 'true');

/**
 * Bundles the functions and builds the console, then builds the app: one stack, validated at synth by cdk-nag's AWS
 * Solutions checks (any unacknowledged finding stops the synth). Environment-agnostic: no account or region look-ups, so synth runs offline.
 */
export const buildApp = async (opts: BuildOptions) => {
  const bundles = await bundleAll(opts.assetsDir);
  const consoleDir = buildConsole(join(opts.assetsDir, 'console'));
  const app = new App({ ...(opts.outdir ? { outdir: opts.outdir } : {}), context: { ...cdkJsonContext(), ...opts.context } });
  const ctx = (k: string) => app.node.tryGetContext(k) as unknown;
  const props: TaskforceStackProps = {
    bundles: Object.fromEntries(Object.entries(bundles).map(([n, b]) => [n, (b as Bundle).dir])) as Record<FunctionName, string>,
    console: consoleDir,
    deletionProtection: flag(ctx('deletionProtection'), true),
    description: 'Taskforce: joint investigations and data requests (serverless)',
  };
  const alarmEmail = ctx('alarmEmail');
  if (typeof alarmEmail === 'string' && alarmEmail) props.alarmEmail = alarmEmail;
  const cursorKeysVersion = ctx('cursorKeysVersion');
  if (typeof cursorKeysVersion === 'string' && cursorKeysVersion) props.cursorKeysVersion = cursorKeysVersion;
  const matchingKeysVersion = ctx('matchingKeysVersion');
  if (typeof matchingKeysVersion === 'string' && matchingKeysVersion) props.matchingKeysVersion = matchingKeysVersion;
  const cognitoDomainPrefix = ctx('cognitoDomainPrefix');
  if (typeof cognitoDomainPrefix === 'string' && cognitoDomainPrefix) props.cognitoDomainPrefix = cognitoDomainPrefix;
  const consoleWebAclArn = ctx('consoleWebAclArn');
  if (typeof consoleWebAclArn === 'string' && consoleWebAclArn) props.consoleWebAclArn = consoleWebAclArn;
  for (const k of ['mailDomain', 'mailFrom', 'smsOriginationIdentity'] as const) {
    const v = ctx(k);
    if (typeof v === 'string' && v) props[k] = v;
  }
  const agencyIdps = ctx('agencyIdps');
  if (typeof agencyIdps === 'string' && agencyIdps) props.agencyIdps = readAgencyIdps(agencyIdps);
  const stack = new TaskforceStack(app, String(ctx('stackName') ?? 'Taskforce'), props);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true, writeSuppressionsToCloudFormation: true }));
  return { app, stack, bundles, consoleDir };
};
