import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINE_PID_FILE, isAlive } from '../../packages/local/src/guard';
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
 * Starts the real local runtime CLI (`pnpm start`) with its own TASKFORCE_HOME and no console,
 * collecting its output; the caller keeps `started` to kill what it started. The runtime binds
 * port 0 itself and says which port it got: a port picked here and bound seconds later by the
 * child could meanwhile be taken by any connection another test opens (EADDRINUSE on a busy
 * machine). `port` and `base` are known once the runtime has printed its addresses.
 */
export const spawnCli = async (home: string, args: string[], started: ChildProcess[]): Promise<Cli> => {
  const root = repoRoot();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'packages/local/src/cli/start.ts'), '--port', '0', '--no-console', ...args],
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
  const portOf = (): number => {
    const m = /API\s+http:\/\/127\.0\.0\.1:(\d+)\/v1/.exec(out);
    if (!m) throw new Error('the runtime has not said its address yet');
    return Number(m[1]);
  };
  return {
    child,
    get port() {
      return portOf();
    },
    get base() {
      return `http://127.0.0.1:${portOf()}`;
    },
    out: () => out,
    err: () => err,
    exited,
  };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` every 200 ms until it returns something other than undefined or false; bounded, with the last error in the message. */
export const until = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 90_000): Promise<T> => {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
};

/** A token the runtime's dev issuer signs for a person of `orgId` with `roles`. */
export const devToken = async (base: string, orgId: string, roles: string[] = ['officer']): Promise<string> =>
  (
    (await (
      await fetch(`${base}/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orgId, roles }),
      })
    ).json()) as { token: string }
  ).token;

/**
 * The local runtime CLI under a kill test: one TASKFORCE_HOME for every start (so a restart finds
 * what the killed one persisted), the DynamoDB engine's PID noted at each start (the Java process
 * outlives a SIGKILLed runtime until the next start's guard or `cleanup` ends it), and `cleanup`
 * killing everything it started and removing the folder. Bounded waits only.
 */
export class KillableRuntime {
  readonly home = mkdtempSync(join(tmpdir(), 'taskforce-kill-'));
  readonly #started: ChildProcess[] = [];
  readonly #enginePids = new Set<number>();

  constructor() {
    // The engines already fetched for this checkout, not a second download per test.
    const engines = join(repoRoot(), '.taskforce', 'engines');
    if (existsSync(engines)) symlinkSync(engines, join(this.home, 'engines'));
  }

  /** Starts the CLI with `args` and waits for its banner. */
  async start(args: string[], timeoutMs = 120_000): Promise<Cli> {
    const cli = await spawnCli(this.home, args, this.#started);
    await until(
      'the runtime to start',
      () => {
        if (cli.child.exitCode !== null) throw new Error(`runtime exited ${cli.child.exitCode}: ${cli.err()}`);
        return cli.out().includes('Taskforce local runtime') || undefined;
      },
      timeoutMs,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; it wrote: ${cli.out().slice(-400)} ${cli.err().slice(-400)}`);
    });
    this.enginePid();
    return cli;
  }

  /** What the running CLI wrote to `runtime.json`: every endpoint it started, by name. */
  endpoints<T = Record<string, string>>(): T & { pid: number } {
    return JSON.parse(readFileSync(join(this.home, 'runtime.json'), 'utf8')) as T & { pid: number };
  }

  /** The DynamoDB engine's PID of the current start, noted for `cleanup`. */
  enginePid(): number | undefined {
    try {
      const pid = Number(readFileSync(join(this.home, 'data', ENGINE_PID_FILE), 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 0) return undefined;
      this.#enginePids.add(pid);
      return pid;
    } catch {
      return undefined;
    }
  }

  /** SIGKILL: no handler runs, nothing is flushed, as when a machine loses power under the runtime. */
  async kill(cli: Cli): Promise<void> {
    this.enginePid();
    cli.child.kill('SIGKILL');
    await cli.exited;
  }

  async cleanup(): Promise<void> {
    this.enginePid();
    for (const c of this.#started.splice(0))
      if (c.exitCode === null && c.signalCode === null) {
        c.kill('SIGKILL');
        await new Promise((r) => c.once('exit', r));
      }
    for (const pid of this.#enginePids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(this.home, { recursive: true, force: true });
  }
}
