import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureConsoleBuilt } from '../console';
import { DEMO_MFA_PERSONAS, DEMO_PEOPLE, DEMO_TOTP, demoTotpUri, seedDemo } from '../demo';
import { DataFolderLocked } from '../guard';
import { stateDir } from '../paths';
import { type Runtime, startRuntime } from '../runtime';

const fail = (message: string, code = 1): never => {
  process.stderr.write(`taskforce: ${message}\n`);
  process.exit(code);
};

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    port: { type: 'string', default: '3000' },
    'in-memory': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    'sweep-seconds': { type: 'string', default: '5' },
    // Delivery timings, shortened by tests that must see retries and re-drives within seconds.
    'webhook-grace-seconds': { type: 'string' },
    'webhook-retry-seconds': { type: 'string' },
    'webhook-timeout-seconds': { type: 'string' },
    'redeliver-seconds': { type: 'string' },
    'rebuild-console': { type: 'boolean', default: false },
    'no-console': { type: 'boolean', default: false },
    data: { type: 'string' },
  },
});

/** A flag's number of seconds as milliseconds; undefined when the flag is absent; exits on anything but a number ≥ 0. */
const seconds = (flag: keyof typeof values): number | undefined => {
  const raw = values[flag];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n) || n < 0)
    fail(`--${flag} takes a number of seconds ≥ 0, not ${String(raw)}`);
  return n * 1000;
};
const graceMs = seconds('webhook-grace-seconds');
const retryMs = seconds('webhook-retry-seconds');
const timeoutMs = seconds('webhook-timeout-seconds');
const redeliverMs = seconds('redeliver-seconds');
const sweepMs = seconds('sweep-seconds')!;

// The web console is served at / beside the API; built on first start (or with --rebuild-console).
const consoleDir = values['no-console'] ? undefined : ensureConsoleBuilt({ force: Boolean(values['rebuild-console']) });

// From here on, every way this process ends stops the engine it started (the runtime's exit hook
// kills it and releases the data folder's lock even on process.exit).
let rt: Runtime | undefined;
let stopping = false;
/** Names every local endpoint this start began, for tools and newcomers (removed again when it stops). */
const runtimeFile = join(stateDir(), 'runtime.json');
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  try {
    rmSync(runtimeFile, { force: true });
    await rt?.stop();
  } finally {
    process.exit(code);
  }
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
const crashed = (err: unknown) => {
  process.stderr.write(`taskforce: unexpected error, stopping: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  void shutdown(1);
};
process.on('uncaughtException', crashed);
process.on('unhandledRejection', crashed);

try {
  rt = await startRuntime({
    port: Number(values.port),
    inMemory: Boolean(values['in-memory']),
    ...(values.data ? { dataDir: values.data } : {}),
    sweepEveryMs: sweepMs,
    ...(redeliverMs !== undefined ? { redeliverAfterMs: redeliverMs } : {}),
    messaging: {
      ...(graceMs !== undefined ? { webhookSweepGraceMs: graceMs } : {}),
      // The first retry after this long, doubling from there (by default 10 s), at most 15 minutes.
      ...(retryMs !== undefined ? { retryDelaySeconds: (n: number) => Math.min(900, (retryMs / 1000) * 2 ** Math.max(0, n - 1)) } : {}),
      ...(timeoutMs !== undefined ? { webhookTimeoutMs: timeoutMs } : {}),
    },
    ...(consoleDir ? { consoleDir } : {}),
    demoSignIn: Boolean(values.demo),
    onEngineFailure: (err) => fail(`${err.message}; the runtime has stopped`),
  });
} catch (err) {
  if (err instanceof DataFolderLocked) fail(err.message, 2);
  throw err;
}
let seeded = '';
if (values.demo) {
  const { workspaceId } = await seedDemo(rt.deps);
  seeded = `\n  demo workspace   ${workspaceId}  (lead: vnm-a05; members usa-fbi, tha-ccib; gbr-nca invited)
  demo sign-in     ${rt.url}/ (the sign-in page also offers each person in one click)
${DEMO_PEOPLE.map((d) => `    ${d.email.padEnd(28)} ${d.password.padEnd(22)} ${d.persona.label} · ${d.persona.principal.roles.join(', ')}`).join('\n')}
  demo MFA         ${DEMO_MFA_PERSONAS.join(', ')} sign in with a one-time code too: add this to an authenticator app
    ${demoTotpUri(DEMO_PEOPLE.find((d) => d.persona.id === DEMO_TOTP.persona)!.email)}`;
}
const ch = rt.channels;
mkdirSync(stateDir(), { recursive: true });
writeFileSync(
  runtimeFile,
  `${JSON.stringify(
    {
      pid: process.pid,
      api: `${rt.url}/v1`,
      console: consoleDir ? `${rt.url}/` : null,
      openapi: `${rt.url}/openapi.json`,
      docs: `${rt.url}/docs`,
      identityProvider: rt.issuer,
      dynamodb: rt.endpoints.dynamo,
      sqs: rt.endpoints.sqs,
      s3: rt.endpoints.s3,
      smtp: ch?.smtp ?? null,
      mailUi: ch?.mailUi ?? null,
      mailApi: ch?.mailApi ?? null,
      smsSink: ch?.smsSink ?? null,
      pushSink: rt.pushSink ? `${rt.url}/local/push` : null,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(
  `Taskforce local runtime
  console          ${rt.url}/
  API              ${rt.url}/v1
  OpenAPI          ${rt.url}/openapi.json
  docs             ${rt.url}/docs
  OpenID provider  ${rt.issuer}/.well-known/openid-configuration
  DynamoDB Local   ${rt.endpoints.dynamo}
  SQS (fauxqs)     ${rt.endpoints.sqs}
  S3 (objects)     ${rt.endpoints.s3}
  SMTP (maildev)   ${ch?.smtp ?? 'off'}
  mail UI          ${ch?.mailUi ?? 'off'}   (REST: ${ch?.mailApi ?? 'off'})
  SMS sink         ${ch?.smsSink ?? 'off'}
  push sink        ${rt.pushSink ? `${rt.url}/local/push` : 'off'}   (no push service is reachable from here)
  endpoints        ${runtimeFile}
  sweep            every ${values['sweep-seconds']} s
  workers          outbox relay every 1 s; fan-out and delivery poll ${rt.queues.events.url.split('/').pop()} and ${rt.queues.delivery.url.split('/').pop()}
  redrive          pnpm redrive --queue delivery --endpoint ${rt.endpoints.sqs} --dynamo ${rt.endpoints.dynamo}${seeded}
  token            pnpm token --org vnm-a05 --country VNM --role officer
`,
);
