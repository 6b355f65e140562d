import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckpointSigner, parseCheckpointSecrets } from '@taskforce/core';
import { stateDir } from './paths';

const auditKeyFile = () => join(stateDir(), 'audit-signing-key.json');

/** A new secret in the shape the stack's secret holds: `{"current": "…"}` (the Ed25519 key is derived from its SHA-256). */
const generateAuditSecret = (): string => JSON.stringify({ current: randomBytes(32).toString('base64url'), previous: [] }, null, 2);

/**
 * The key the local runtime signs audit checkpoints with, kept beside its data under the state
 * folder so checkpoints stay verifiable across restarts. Made on first use; when two runtimes
 * start at once, the first file written wins and both read it. Rotate by editing the file: the
 * old `current` goes into `previous`, a new `current` is set.
 */
export const loadOrCreateAuditSigner = (file = auditKeyFile()): CheckpointSigner => {
  try {
    return parseCheckpointSecrets(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(stateDir(), { recursive: true });
  try {
    writeFileSync(file, `${generateAuditSecret()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return parseCheckpointSecrets(readFileSync(file, 'utf8'));
};
