import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditExport } from '@taskforce/core';

/**
 * pnpm verify-audit <export.jsonl | -> [--head <hash> --entries <n>]
 * Verifies an audit export (GET /v1/workspaces/{id}/audit/export) offline: every whole entry's
 * body against its digest, every header against its hash, every link to the one before. With
 * the `head` and `entries` the verify endpoint reported, also that nothing was cut off the end.
 * Prints the verdict as JSON; exits 0 if the chain holds, 1 if not.
 */
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: { head: { type: 'string' }, entries: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: pnpm verify-audit <export.jsonl | -> [--head <hash> --entries <n>]\n');
  process.exit(2);
}
const text = readFileSync(file === '-' ? 0 : file, 'utf8');
const result = verifyAuditExport(text, {
  ...(values.head ? { hash: values.head } : {}),
  ...(values.entries ? { seq: Number(values.entries) } : {}),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(result.ok ? 0 : 1);
