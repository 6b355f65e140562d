import { parseArgs } from 'node:util';
import { Principal } from '@taskforce/core';
import { loadOrCreateDevKey, signDevToken } from '../dev-keys';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    org: { type: 'string' },
    country: { type: 'string' },
    kind: { type: 'string', default: 'agency' },
    role: { type: 'string', multiple: true, default: ['officer'] },
    sub: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});

const parsed = Principal.safeParse({
  sub: values.sub ?? `${values.org}-officer`,
  orgId: values.org,
  orgKind: values.kind,
  country: values.country,
  roles: values.role,
});
if (!parsed.success) {
  process.stderr.write(
    `usage: pnpm token --org <id> --country <ISO3> [--kind agency|provider|international] [--role officer|admin|duty_contact|auditor|responder]... [--sub <subject>]\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}\n`,
  );
  process.exit(2);
}
const { privateJwk } = await loadOrCreateDevKey();
process.stdout.write(`${await signDevToken(privateJwk, parsed.data, Number(values.hours) * 3600)}\n`);
