import { parseArgs } from 'node:util';
import { ensureConsoleBuilt } from '../console';
import { seedDemo } from '../demo';
import { startRuntime } from '../runtime';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    port: { type: 'string', default: '3000' },
    'in-memory': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    'sweep-seconds': { type: 'string', default: '5' },
    'rebuild-console': { type: 'boolean', default: false },
  },
});

// The web console is served at / beside the API; built on first start (or with --rebuild-console).
const consoleDir = ensureConsoleBuilt({ force: Boolean(values['rebuild-console']) });

const rt = await startRuntime({
  port: Number(values.port),
  inMemory: Boolean(values['in-memory']),
  sweepEveryMs: Number(values['sweep-seconds']) * 1000,
  consoleDir,
});
let seeded = '';
if (values.demo) {
  const { workspaceId } = await seedDemo(rt.deps);
  seeded = `\n  demo workspace   ${workspaceId}  (lead: vnm-a05; members usa-fbi, tha-ccib; gbr-nca invited)`;
}
process.stdout.write(
  `Taskforce local runtime
  console          ${rt.url}/
  API              ${rt.url}/v1
  OpenAPI          ${rt.url}/openapi.json
  docs             ${rt.url}/docs
  DynamoDB Local   ${rt.endpoints.dynamo}
  SQS (fauxqs)     ${rt.endpoints.sqs}
  sweep            every ${values['sweep-seconds']} s
  workers          outbox relay every 1 s; fan-out and delivery poll ${rt.queues.events.url.split('/').pop()} and ${rt.queues.delivery.url.split('/').pop()}
  redrive          pnpm redrive --queue delivery --endpoint ${rt.endpoints.sqs}${seeded}
  token            pnpm token --org vnm-a05 --country VNM --role officer
`,
);
const shutdown = async () => {
  await rt.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
