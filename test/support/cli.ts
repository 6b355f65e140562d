import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../packages/local/src/engines';
import { repoRoot } from '../../packages/local/src/paths';

export interface Cli {
  child: ChildProcess;
  port: number;
  base: string;
  out(): string;
  err(): string;
  exited: Promise<number | null>;
}

/**
 * Starts the real local runtime CLI (`pnpm start`) on a free port with its own TASKFORCE_HOME and
 * no console, collecting its output; the caller keeps `started` to kill what it started.
 */
export const spawnCli = async (home: string, args: string[], started: ChildProcess[]): Promise<Cli> => {
  const root = repoRoot();
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'packages/local/src/cli/start.ts'), '--port', String(port), '--no-console', ...args],
    { cwd: root, env: { ...process.env, TASKFORCE_HOME: home, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, base: `http://127.0.0.1:${port}`, out: () => out, err: () => err, exited };
};
