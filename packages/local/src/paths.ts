import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the folder holding pnpm-workspace.yaml above this file. */
export const repoRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
};

/** Where the local runtime keeps its engines, data and signing key (git-ignored). */
export const stateDir = (): string => resolve(process.env.TASKFORCE_HOME ?? join(repoRoot(), '.taskforce'));
