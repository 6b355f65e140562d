import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CursorKeys, generateCursorKeys, parseCursorKeys } from '@taskforce/api';
import { stateDir } from './paths';

const cursorKeysFile = () => join(stateDir(), 'cursor-keys.json');

/**
 * The local runtime's cursor keys, kept beside its data under the state folder, so a cursor
 * stays valid across restarts, as on AWS it does across function instances. Made on first use;
 * when two runtimes start at once, the first file written wins and both read it. Rotate by
 * editing the file: the old `current` goes into `previous`, a new `current` is set.
 */
export const loadOrCreateCursorKeys = (file = cursorKeysFile()): CursorKeys => {
  try {
    return parseCursorKeys(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(stateDir(), { recursive: true });
  try {
    writeFileSync(file, `${JSON.stringify(generateCursorKeys(), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseCursorKeys(readFileSync(file, 'utf8'));
};
