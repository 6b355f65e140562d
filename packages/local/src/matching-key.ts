import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMatchingSecrets, type SelectorHasher } from '@taskforce/core';
import { stateDir } from './paths';

const matchingKeyFile = () => join(stateDir(), 'matching-key.json');

/** A new secret in the shape the stack's secret holds: `{"current": "…", "previous": []}`. */
const generateMatchingSecret = (): string => JSON.stringify({ current: randomBytes(32).toString('base64url'), previous: [] }, null, 2);

/**
 * The key the local runtime hashes selectors with for hit/no-hit matching, kept beside its data
 * under the state folder: the index written under it must match again after a restart. Made on
 * first use; when two runtimes start at once, the first file written wins and both read it.
 * Rotate by editing the file (docs/operations/aws.md, "Rotating the matching key"): the old `current` goes into
 * `previous`, a new `current` is set; checks consult both until the index is rewritten.
 */
export const loadOrCreateSelectorHasher = (file = matchingKeyFile()): SelectorHasher => {
  try {
    return parseMatchingSecrets(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(stateDir(), { recursive: true });
  try {
    writeFileSync(file, `${generateMatchingSecret()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseMatchingSecrets(readFileSync(file, 'utf8'));
};
