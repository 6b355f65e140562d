import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startFauxqs } from 'fauxqs';
import { stateDir } from './paths';

/**
 * DynamoDB Local, as shipped inside the npm package amplify-dynamodb-simulator. Only the
 * tarball is fetched (npm pack); none of that package's dependencies are installed. The
 * version and integrity are pinned here so every machine runs the same engine.
 */
const DYNAMODB_LOCAL = {
  pkg: 'amplify-dynamodb-simulator',
  version: '2.9.30',
  integrity: 'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==',
} as const;

export interface Engine {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });

/** Returns the folder holding DynamoDBLocal.jar, fetching and verifying it on first use. */
export const ensureDynamoLocal = (): string => {
  const dir = join(stateDir(), 'engines', `dynamodb-local-${DYNAMODB_LOCAL.version}`);
  if (existsSync(join(dir, 'DynamoDBLocal.jar'))) return dir;
  mkdirSync(join(stateDir(), 'engines'), { recursive: true });
  const tmp = mkdtempSync(join(stateDir(), 'engines', 'fetch-'));
  try {
    const out = execFileSync('npm', ['pack', `${DYNAMODB_LOCAL.pkg}@${DYNAMODB_LOCAL.version}`, '--silent', '--pack-destination', tmp], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tarball = join(tmp, out.trim().split('\n').pop()!.trim());
    const digest = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
    if (digest !== DYNAMODB_LOCAL.integrity) throw new Error(`DynamoDB Local tarball integrity mismatch: ${digest}`);
    execFileSync('tar', ['-xzf', tarball, '-C', tmp, 'package/emulator']);
    rmSync(dir, { recursive: true, force: true });
    renameSync(join(tmp, 'package', 'emulator'), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
};

/** How long DynamoDB Local may take to answer after its start (or a supervised restart). */
const ENGINE_START_TIMEOUT_MS = 120_000;

const waitForHttp = async (url: string, child: ChildProcess | undefined, timeoutMs: number, log: () => string) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`engine exited with ${child.signalCode ?? `code ${child.exitCode}`}: ${log()}`);
    }
    try {
      await fetch(url, { method: 'GET', signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`engine at ${url} did not start within ${timeoutMs} ms: ${log()}`);
};

/** What a supervised engine does when its process dies without being asked to. */
export interface Supervision {
  /** Restarts allowed in a row before giving up; a run that stayed up for `stableMs` resets the count. */
  maxRestarts?: number;
  stableMs?: number;
  onRestart?(info: { pid: number | undefined; code: number | null; signal: NodeJS.Signals | null; attempt: number }): void;
  /** Called once when the engine cannot be kept up; the engine is then down for good. */
  onGiveUp(err: Error): void;
}

export interface DynamoEngine extends Engine {
  /** The PID of the Java process serving now (it changes when the supervisor restarts it). */
  readonly pid: number | undefined;
  /** Kills the Java process at once, synchronously (for `process.on('exit')`); no restart follows. */
  killNow(): void;
  /**
   * No more restarts: the runtime is stopping. An engine serving goes on serving until `stop()`;
   * one the supervisor is starting in place of one that died is killed at once (it would serve
   * nobody, and the stop would otherwise wait for it to come up).
   */
  stopSupervising(): void;
}

/** How long a Java engine asked to stop (SIGTERM) has before it is killed (SIGKILL). */
const ENGINE_STOP_GRACE_MS = 2_000;

/**
 * Starts DynamoDB Local with the machine's Java. `dbPath` persists data; without it, data lives
 * in memory. With `pidFile`, the Java PID is kept there while it runs (so a runtime killed with
 * SIGKILL leaves a trace the next start can act on). With `supervise`, a Java process that dies
 * is restarted on the same port and folder, up to a bound, and then `onGiveUp` is called.
 */
export const startDynamoLocal = async (
  opts: { port?: number; dbPath?: string; pidFile?: string; supervise?: Supervision } = {},
): Promise<DynamoEngine> => {
  const dir = ensureDynamoLocal();
  const port = opts.port ?? (await freePort());
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-Xmx512m',
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
  ];
  if (opts.dbPath) {
    mkdirSync(opts.dbPath, { recursive: true });
    args.push('-dbPath', opts.dbPath);
  } else {
    args.push('-inMemory');
  }
  const endpoint = `http://127.0.0.1:${port}`;
  let stopping = false;
  let current: ChildProcess | undefined;
  /** Whether `current` has answered (a restarted engine is not serving until it does). */
  let serving = false;
  const running = (c: ChildProcess | undefined): boolean => !!c && c.exitCode === null && c.signalCode === null;
  const forgetPid = (pid: number | undefined) => {
    if (!opts.pidFile || pid === undefined) return;
    try {
      if (readFileSync(opts.pidFile, 'utf8').trim() === String(pid)) rmSync(opts.pidFile, { force: true });
    } catch {
      // no file
    }
  };
  const launch = async (): Promise<ChildProcess> => {
    if (stopping) throw new Error('DynamoDB Local is being stopped');
    const child = spawn(process.env.JAVA ?? 'java', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    current = child;
    serving = false;
    if (opts.pidFile && child.pid !== undefined) writeFileSync(opts.pidFile, `${child.pid}\n`);
    let output = '';
    child.stdout?.on('data', (d) => {
      output += d;
    });
    child.stderr?.on('data', (d) => {
      output += d;
    });
    try {
      // A JVM on a busy two-core machine can take a minute to listen; give up only well past that.
      await waitForHttp(endpoint, child, ENGINE_START_TIMEOUT_MS, () => output);
    } catch (err) {
      child.kill('SIGKILL');
      forgetPid(child.pid);
      throw err;
    }
    serving = true;
    return child;
  };
  let restarts = 0;
  const watch = (child: ChildProcess) => {
    const startedAt = Date.now();
    child.once('exit', async (code, signal) => {
      forgetPid(child.pid);
      const sup = opts.supervise;
      if (stopping || !sup) return;
      if (Date.now() - startedAt >= (sup.stableMs ?? 60_000)) restarts = 0;
      let last: unknown;
      while (!stopping && restarts < (sup.maxRestarts ?? 3)) {
        restarts++;
        sup.onRestart?.({ pid: child.pid, code, signal, attempt: restarts });
        try {
          const next = await launch();
          if (stopping) {
            // Came up as the runtime began to stop: `stop()` takes it down (it is `current`).
            return;
          }
          watch(next);
          return;
        } catch (err) {
          last = err;
        }
      }
      if (stopping) return;
      const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const detail = last instanceof Error ? `; last restart failed: ${last.message.slice(0, 500)}` : '';
      sup.onGiveUp(new Error(`DynamoDB Local (PID ${child.pid}) ${why} and could not be kept up after ${restarts} restarts${detail}`));
    });
  };
  watch(await launch());
  return {
    endpoint,
    port,
    get pid() {
      return current?.pid;
    },
    killNow() {
      stopping = true;
      if (running(current)) current?.kill('SIGKILL');
      forgetPid(current?.pid);
    },
    stopSupervising() {
      stopping = true;
      if (running(current) && !serving) current?.kill('SIGKILL');
    },
    // SIGTERM, and SIGKILL if it has not exited after a grace period: a stop never leaves it running.
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        const child = current;
        if (!child || !running(child)) {
          forgetPid(child?.pid);
          return resolve();
        }
        const kill = setTimeout(() => child.kill('SIGKILL'), ENGINE_STOP_GRACE_MS);
        child.once('exit', () => {
          clearTimeout(kill);
          forgetPid(child.pid);
          resolve();
        });
        child.kill(serving ? 'SIGTERM' : 'SIGKILL');
      }),
  };
};

/**
 * Starts fauxqs, an in-process engine that speaks the SQS JSON protocol of the current SDK and the
 * S3 API. With `dataDir`, queues and their messages persist in a SQLite file there (written through
 * on every change) and S3 objects as plain files under `dataDir/objects`, so a restart on the same
 * folder finds every message it had acknowledged; without it, everything is in memory (tests,
 * `--in-memory`). The runtime takes only SQS from it: its S3 is the object engine (./objects),
 * which takes parts of any size in bounded memory; fauxqs' S3 serves the functions' tests.
 */
export const startSqsLocal = async (opts: { port?: number; dataDir?: string } = {}): Promise<Engine> => {
  const persist = opts.dataDir ? { dataDir: opts.dataDir, s3StorageDir: join(opts.dataDir, 'objects') } : {};
  if (opts.dataDir) mkdirSync(join(opts.dataDir, 'objects'), { recursive: true });
  const server = await startFauxqs({ port: opts.port ?? 0, logger: false, ...persist });
  return { endpoint: `http://127.0.0.1:${server.port}`, port: server.port, stop: () => server.stop() };
};
