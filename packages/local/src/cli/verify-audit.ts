import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CheckpointKey, verifyAuditExport } from '@taskforce/core';

/**
 * pnpm verify-audit <export.jsonl | -> --keys <keys.json> [--head <hash> --entries <n>]
 * Verifies an audit export (GET /v1/workspaces/{id}/audit/export) offline: every whole entry's
 * body against its digest, every header against its hash, every link to the one before, and
 * that the entries are exactly the tree of the signed checkpoint on the export's last line
 * (size, last hash, Merkle root), whose signature must verify with one of the published keys
 * (the body of GET /v1/audit/keys, saved to a file). Without --keys the checkpoint is checked
 * but not its signature. With the `head` and `entries` the verify endpoint reported, also that
 * nothing was cut off the end. Prints the verdict as JSON; exits 0 if the chain holds, 1 if not.
 */
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: { head: { type: 'string' }, entries: { type: 'string' }, keys: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: pnpm verify-audit <export.jsonl | -> --keys <keys.json> [--head <hash> --entries <n>]\n');
  process.exit(2);
}
const text = readFileSync(file === '-' ? 0 : file, 'utf8');
const keys = values.keys ? (JSON.parse(readFileSync(values.keys, 'utf8')) as { keys: CheckpointKey[] }).keys : undefined;
const result = verifyAuditExport(
  text,
  {
    ...(values.head ? { hash: values.head } : {}),
    ...(values.entries ? { seq: Number(values.entries) } : {}),
  },
  keys,
);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(result.ok ? 0 : 1);
