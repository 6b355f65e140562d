import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CheckpointKey, verifyAuditExport } from '@taskforce/core';

/**
 * pnpm verify-audit <export.jsonl | -> --keys <keys.json> [--head <hash> --entries <n>] [--sha256 <hex>]
 * Verifies an audit export (the file an export job's link downloads) offline: every whole
 * entry's body against its digest, every header against its hash, every link to the one before,
 * and that the entries are exactly the tree of the signed checkpoint on the export's last line
 * (size, last hash, Merkle root), whose signature must verify with one of the published keys
 * (the body of GET /v1/audit/keys, saved to a file). Without --keys the checkpoint is checked
 * but not its signature. With the `head` and `entries` the verify endpoint reported, also that
 * nothing was cut off the end; with the job's `sha256` (also in the chain's `audit.exported`
 * entry), that this is the very file the job made. Prints the verdict as JSON; exits 0 if the
 * chain holds, 1 if not.
 */
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: { head: { type: 'string' }, entries: { type: 'string' }, keys: { type: 'string' }, sha256: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: pnpm verify-audit <export.jsonl | -> --keys <keys.json> [--head <hash> --entries <n>] [--sha256 <hex>]\n');
  process.exit(2);
}
const bytes = readFileSync(file === '-' ? 0 : file);
const keys = values.keys ? (JSON.parse(readFileSync(values.keys, 'utf8')) as { keys: CheckpointKey[] }).keys : undefined;
const chain = verifyAuditExport(
  bytes.toString('utf8'),
  {
    ...(values.head ? { hash: values.head } : {}),
    ...(values.entries ? { seq: Number(values.entries) } : {}),
  },
  keys,
);
const sha256 = createHash('sha256').update(bytes).digest('hex');
const result =
  values.sha256 && values.sha256.toLowerCase() !== sha256
    ? { ...chain, ok: false, reason: `the file's SHA-256 is ${sha256}, not ${values.sha256}` }
    : chain;
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(result.ok ? 0 : 1);
