import { parseArgs } from 'node:util';
import { PlatformRole } from '@taskforce/core';
import * as z from 'zod/mini';
import { loadOrCreateDevKey, signDevToken } from '../dev-keys';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    org: { type: 'string' },
    // Accepted for older scripts and ignored: the registry says what an organisation is.
    country: { type: 'string' },
    kind: { type: 'string' },
    role: { type: 'string', multiple: true, default: ['officer'] },
    sub: { type: 'string' },
    hours: { type: 'string', default: '8' },
  },
});

const parsed = z
  .object({
    sub: z.string().check(z.minLength(1)),
    orgId: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{2,63}$/)),
    roles: z.array(PlatformRole),
  })
  .safeParse({ sub: values.sub ?? `${values.org}-officer`, orgId: values.org, roles: values.role });
if (!parsed.success) {
  process.stderr.write(
    `usage: pnpm token --org <id> [--role officer|policy_admin|duty_contact|auditor|responder|admin]... [--sub <subject>] [--hours 8] (at most 12)\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}\n`,
  );
  process.exit(2);
}
const { privateJwk } = await loadOrCreateDevKey();
process.stdout.write(`${await signDevToken(privateJwk, parsed.data, Number(values.hours) * 3600)}\n`);
