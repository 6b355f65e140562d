import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CheckpointKey } from '@taskforce/core';
import { verifyPackage } from '../verify';

/**
 * pnpm verify-package <package.pdf> [--keys <keys.json>] [--evidence <dir>]
 * Verifies a request package offline: the JSON attached to the PDF (package.json) holds the
 * evidence digests, every audit entry about the request with its inclusion proof, and the signed
 * checkpoint. Checks the checkpoint's signature with the published keys (the body of
 * GET /v1/audit/keys saved to a file; without --keys it is not checked), each entry's digest,
 * hash and proof against the checkpoint's root, and, with --evidence, each evidence file in the
 * folder (named as the package lists it, or by its id) against its SHA-256. Prints the verdict
 * as JSON; exits 0 if everything holds, 1 if not, 2 on bad usage.
 */
const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
  options: { keys: { type: 'string' }, evidence: { type: 'string' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: pnpm verify-package <package.pdf> [--keys <keys.json>] [--evidence <dir>]\n');
  process.exit(2);
}
const keys = values.keys ? (JSON.parse(readFileSync(values.keys, 'utf8')) as { keys: CheckpointKey[] }).keys : undefined;
const dir = values.evidence;
const verdict = await verifyPackage(readFileSync(file), {
  ...(keys ? { keys } : {}),
  ...(dir
    ? {
        evidenceFile: (e: { id: string; fileName: string }) => {
          for (const name of [e.fileName, e.id]) {
            const path = join(dir, name);
            if (existsSync(path)) return readFileSync(path);
          }
          return null;
        },
      }
    : {}),
});
process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
process.exit(verdict.ok ? 0 : 1);
