import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The file, inside a data folder, naming the PID of the runtime that owns the folder. */
export const LOCK_FILE = 'runtime.lock';
/** The file, inside a data folder, naming the PID of the DynamoDB Local engine serving it. */
export const ENGINE_PID_FILE = 'dynamodb-local.pid';

/** A second runtime asked for a data folder another live runtime holds. */
export class DataFolderLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the data folder ${dataDir} is in use by another local runtime (PID ${pid}); stop it first, or start this one with --data <another folder> or --in-memory`,
    );
    this.name = 'DataFolderLocked';
  }
}

/** Whether a process with this PID exists (one owned by another user counts). */
export const isAlive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readPid = (file: string): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

const removeIfStill = (file: string, pid: number | undefined): void => {
  if (readPid(file) !== pid) return;
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
};

/**
 * Takes the data folder's lock: a file created with O_EXCL holding this process's PID. A lock
 * whose PID is dead (a runtime that was killed) is taken over; a live one is refused with
 * {@link DataFolderLocked}. `release` removes the file only while it is still ours.
 */
export const acquireDataLock = (dataDir: string): { file: string; release(): void } => {
  const dir = resolve(dataDir);
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 8; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readPid(file);
      if (holder !== undefined && holder !== process.pid && isAlive(holder)) throw new DataFolderLocked(dir, holder);
      if (holder === undefined && attempt < 3) {
        // Created an instant ago by another runtime that has not written its PID yet: look again.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        continue;
      }
      // A stale lock (its runtime is gone, or died before writing its PID): take it over.
      removeIfStill(file, holder);
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return { file, release: () => removeIfStill(file, process.pid) };
  }
  throw new Error(`could not take the lock ${file}`);
};

/** The command line of a live process, or undefined if it cannot be read. */
const commandLine = (pid: number): string[] | undefined => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    try {
      return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split(/\s+/);
    } catch {
      return undefined;
    }
  }
};

/** Whether a PID is a Java DynamoDB Local keeping its data in `dataDir`. */
const isDynamoLocalFor = (pid: number, dataDir: string): boolean => {
  const args = commandLine(pid);
  if (!args || args.length === 0) return false;
  const java = /(^|\/)java$/.test(args[0]!);
  const jar = args.some((a) => a.endsWith('DynamoDBLocal.jar'));
  const db = args.indexOf('-dbPath');
  return java && jar && db >= 0 && resolve(args[db + 1] ?? '') === resolve(dataDir);
};

const waitForExit = async (pid: number, ms: number): Promise<boolean> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
};

/**
 * Stops a DynamoDB Local left running on `dataDir` by a runtime that was killed (its PID is in
 * the folder's engine PID file). Only a live Java DynamoDB Local process on this very folder is
 * stopped; a PID reused by anything else is left alone. Returns the PID it stopped, if any.
 */
export const stopStaleEngine = async (dataDir: string): Promise<number | undefined> => {
  const file = join(resolve(dataDir), ENGINE_PID_FILE);
  const pid = readPid(file);
  if (pid === undefined) return undefined;
  let stopped: number | undefined;
  if (isAlive(pid) && isDynamoLocalFor(pid, dataDir)) {
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(pid, 10_000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 5_000);
    }
    stopped = pid;
  }
  removeIfStill(file, pid);
  return stopped;
};
