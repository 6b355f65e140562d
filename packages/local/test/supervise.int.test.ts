/**
 * The local runtime guards its data folder and its DynamoDB engine: one runtime per folder (a
 * second one is refused, naming the first's PID), the engine stopped on every exit path, an
 * engine left behind by a runtime killed with SIGKILL stopped at the next start, and an engine
 * that dies restarted (or, if it cannot be, the runtime stops instead of answering 500s).
 * Each test runs the real CLI on free ports with its own TASKFORCE_HOME, and kills what it started.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Cli, spawnCli as spawnRuntimeCli } from '../../../test/support/cli';
import { ENGINE_PID_FILE, isAlive, LOCK_FILE } from '../src/guard';
import { repoRoot } from '../src/paths';
import { startRuntime } from '../src/runtime';

const root = repoRoot();
const homes: string[] = [];
const started: ChildProcess[] = [];
const enginePids: number[] = [];

/** A fresh state folder that shares the repository's fetched engines (no download). */
const newHome = (): string => {
  const home = mkdtempSync(join(tmpdir(), 'taskforce-home-'));
  symlinkSync(join(root, '.taskforce', 'engines'), join(home, 'engines'));
  homes.push(home);
  return home;
};

const spawnCli = (home: string, args: string[] = []): Promise<Cli> => spawnRuntimeCli(home, ['--sweep-seconds', '600', ...args], started);

const until = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const ready = async (cli: Cli): Promise<Cli> => {
  await until('the runtime to start', () => {
    if (cli.child.exitCode !== null) throw new Error(`runtime exited ${cli.child.exitCode}: ${cli.err()}`);
    return cli.out().includes('Taskforce local runtime') || undefined;
  });
  return cli;
};

const enginePid = (home: string): number => {
  const pid = Number(readFileSync(join(home, 'data', ENGINE_PID_FILE), 'utf8').trim());
  enginePids.push(pid);
  return pid;
};

afterEach(async () => {
  for (const c of started.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
  }
  for (const pid of enginePids.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
});

describe('the local runtime', { timeout: 120_000 }, () => {
  it('refuses a second runtime on the same data folder, naming the first PID, and stops its engine on SIGTERM', async () => {
    const home = newHome();
    const first = await ready(await spawnCli(home));
    const java = enginePid(home);
    expect(readFileSync(join(home, 'data', LOCK_FILE), 'utf8').trim()).toBe(String(first.child.pid));

    const second = await spawnCli(home);
    expect(await second.exited).toBe(2);
    expect(second.err()).toContain(`PID ${first.child.pid}`);
    expect(second.err()).toContain(join(home, 'data'));
    // The refused runtime touched neither the lock nor the engine.
    expect(readFileSync(join(home, 'data', LOCK_FILE), 'utf8').trim()).toBe(String(first.child.pid));
    expect(isAlive(java)).toBe(true);
    expect((await fetch(`http://127.0.0.1:${first.port}/health`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(isAlive(java)).toBe(false);
    expect(existsSync(join(home, 'data', LOCK_FILE))).toBe(false);
    expect(existsSync(join(home, 'data', ENGINE_PID_FILE))).toBe(false);
  });

  it('--in-memory takes no lock: it runs beside a runtime holding the data folder', async () => {
    const home = newHome();
    const first = await ready(await spawnCli(home));
    enginePid(home);
    const second = await ready(await spawnCli(home, ['--in-memory']));
    expect((await fetch(`http://127.0.0.1:${second.port}/health`)).status).toBe(200);
    first.child.kill('SIGINT');
    second.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(await second.exited).toBe(0);
  });

  it('after a SIGKILL, the next start takes over the stale lock and stops the orphaned engine', async () => {
    const home = newHome();
    const killed = await ready(await spawnCli(home));
    const orphan = enginePid(home);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(isAlive(orphan)).toBe(true);

    const next = await ready(await spawnCli(home));
    const java = enginePid(home);
    expect(java).not.toBe(orphan);
    expect(isAlive(orphan)).toBe(false);
    expect(readFileSync(join(home, 'data', LOCK_FILE), 'utf8').trim()).toBe(String(next.child.pid));

    next.child.kill('SIGINT');
    expect(await next.exited).toBe(0);
    expect(isAlive(java)).toBe(false);
  });

  it('restarts an engine that dies, on the same folder: the data is still there and reads answer again', async () => {
    const home = newHome();
    const cli = await ready(await spawnCli(home, ['--demo']));
    const workspaceId = /demo workspace\s+(\S+)/.exec(cli.out())![1]!;
    const base = `http://127.0.0.1:${cli.port}`;
    const { token } = (await (
      await fetch(`${base}/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orgId: 'vnm-a05', roles: ['officer'] }),
      })
    ).json()) as { token: string };
    const read = () => fetch(`${base}/v1/workspaces/${workspaceId}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read()).status).toBe(200);

    const java = enginePid(home);
    process.kill(java, 'SIGKILL');
    const restarted = await until('a new engine', () => {
      // Between the death and the restart there is no PID file.
      const pid = existsSync(join(home, 'data', ENGINE_PID_FILE)) ? enginePid(home) : java;
      return pid !== java && isAlive(pid) ? pid : undefined;
    });
    await until('reads to answer again', async () => ((await read()).status === 200 ? true : undefined));
    expect(cli.child.exitCode).toBeNull();

    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(isAlive(restarted)).toBe(false);
  });
});

describe('an engine that cannot be kept up', { timeout: 120_000 }, () => {
  it('stops the runtime (no more answers) and reports why, instead of answering 500 forever', async () => {
    const home = newHome();
    const previous = process.env.TASKFORCE_HOME;
    process.env.TASKFORCE_HOME = home;
    let failure: Error | undefined;
    try {
      const rt = await startRuntime({
        sweepEveryMs: false,
        workers: false,
        engineRestarts: 0,
        logger: { info() {}, warn() {}, error() {} },
        onEngineFailure: (err) => {
          failure = err;
        },
      });
      const java = enginePid(home);
      expect((await fetch(`${rt.url}/health`)).status).toBe(200);
      process.kill(java, 'SIGKILL');
      const err = await until('the failure to be reported', () => failure);
      expect(err.message).toContain(`PID ${java}`);
      expect(err.message).toContain('SIGKILL');
      await expect(fetch(`${rt.url}/health`)).rejects.toThrow();
      expect(existsSync(join(home, 'data', LOCK_FILE))).toBe(false);
    } finally {
      process.env.TASKFORCE_HOME = previous;
    }
  });
});
