import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditExport } from '@taskforce/core';

/**
 * pnpm verify-audit <export.jsonl | -> [--head <hash> --entries <n>] [--sha256 <hex>]
 * Verifies an audit export (the file an export job's link downloads) offline: every whole
 * entry's body against its digest, every header against its hash, every link to the one before.
 * With the `head` and `entries` the verify endpoint reported (or the job's `lines`), also that
 * nothing was cut off the end; with the job's `sha256` (also in the chain's `audit.exported`
 * entry), that this is the very file the job made. Prints the verdict as JSON; exits 0 if the
 * chain holds, 1 if not.
 */
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: { head: { type: 'string' }, entries: { type: 'string' }, sha256: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: pnpm verify-audit <export.jsonl | -> [--head <hash> --entries <n>] [--sha256 <hex>]\n');
  process.exit(2);
}
const bytes = readFileSync(file === '-' ? 0 : file);
const chain = verifyAuditExport(bytes.toString('utf8'), {
  ...(values.head ? { hash: values.head } : {}),
  ...(values.entries ? { seq: Number(values.entries) } : {}),
});
const sha256 = createHash('sha256').update(bytes).digest('hex');
const result =
  values.sha256 && values.sha256.toLowerCase() !== sha256
    ? { ...chain, ok: false, reason: `the file's SHA-256 is ${sha256}, not ${values.sha256}` }
    : chain;
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(result.ok ? 0 : 1);
