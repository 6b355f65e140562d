import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Logger } from '@taskforce/api';
import { type DynamoEngine, type Engine, startDynamoLocal, startSqsLocal } from '../engines';
import { acquireDataLock, ENGINE_PID_FILE, stopStaleEngine } from '../guard';
import { startObjectEngine } from '../objects';
import { stateDir } from '../paths';
import type { RuntimeOptions } from './options';

export interface RuntimeEngines {
  /** Where DynamoDB, SQS and S3 answer: the engines started here, or those the options named. */
  endpoints: { dynamo: string; sqs: string; s3: string };
  /** The runtime is stopping: no engine that dies is restarted any more (one being restarted is killed). */
  stopSupervising(): void;
  /** Stops the engines started here (DynamoDB Local: SIGTERM, SIGKILL after a grace period) and gives up the data folder. */
  stop(): Promise<void>;
}

/** How long the SQS engine's or the object engine's stop (closing its server) is waited for; each runs in this process and dies with it. */
const SQS_STOP_MS = 2_000;

const bounded = (p: Promise<void>, ms: number): Promise<void> =>
  Promise.race([p.catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

/**
 * The local engines the runtime speaks to: DynamoDB Local (supervised: restarted when it dies,
 * up to `engineRestarts` times in a row, then `onGiveUp`), the SQS engine and the object engine (S3), unless the
 * options name engines already running. The data folder is this runtime's alone: a lock file
 * holding its PID, taken before the engine starts; an engine a killed runtime left on the folder
 * is stopped before a new one starts. If either engine fails to start, nothing is left behind.
 */
export async function startEngines(
  opts: Pick<RuntimeOptions, 'dynamoEndpoint' | 'sqsEndpoint' | 's3Endpoint' | 'inMemory' | 'dataDir' | 'engineRestarts'>,
  logger: Logger,
  onGiveUp: (err: Error) => void,
): Promise<RuntimeEngines> {
  const owned: Engine[] = [];
  const own = (e: Engine): string => {
    owned.push(e);
    return e.endpoint;
  };
  const dataDir = opts.dynamoEndpoint || opts.inMemory ? undefined : resolve(opts.dataDir ?? join(stateDir(), 'data'));
  let lock: { release(): void } | undefined;
  let dynamoEngine: DynamoEngine | undefined;
  // Without a data folder the object engine keeps its files in a temporary folder, removed on stop.
  let scratch: string | undefined;
  const dropScratch = () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = undefined;
  };
  // Every exit path of the process (normal exit, process.exit from a signal or error handler)
  // takes the engine and the lock with it; only SIGKILL cannot, and the next start cleans up.
  const onExit = () => {
    dynamoEngine?.killNow();
    lock?.release();
    dropScratch();
  };
  process.on('exit', onExit);
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataLock(dataDir);
  }
  try {
    if (dataDir) {
      const stale = await stopStaleEngine(dataDir);
      if (stale !== undefined) logger.warn('stopped a DynamoDB Local left running by a runtime that was killed', { pid: stale });
    }
    const objectsDir = (): string => {
      if (dataDir) return join(dataDir, 'objects');
      scratch = mkdtempSync(join(tmpdir(), 'taskforce-objects-'));
      return scratch;
    };
    const [dynamo, sqs, s3] = await Promise.all([
      opts.dynamoEndpoint ??
        startDynamoLocal({
          ...(dataDir ? { dbPath: dataDir, pidFile: join(dataDir, ENGINE_PID_FILE) } : {}),
          supervise: {
            maxRestarts: opts.engineRestarts ?? 3,
            onRestart: (i) =>
              logger.warn('DynamoDB Local stopped unexpectedly; restarting it', {
                pid: i.pid,
                code: i.code,
                signal: i.signal,
                attempt: i.attempt,
              }),
            onGiveUp,
          },
        }).then((e) => {
          dynamoEngine = e;
          return own(e);
        }),
      // Queues and objects persist beside the table, so a restart loses nothing it had acknowledged.
      opts.sqsEndpoint ?? startSqsLocal(dataDir ? { dataDir: join(dataDir, 'queues-objects') } : {}).then(own),
      // Evidence and exports: the local object engine, in this process (see packages/local/src/objects).
      opts.s3Endpoint ??
        startObjectEngine({
          dir: objectsDir(),
          onError: (err) =>
            logger.error('the object engine failed a request', { message: err instanceof Error ? err.message : String(err) }),
        }).then(own),
    ]);
    return {
      endpoints: { dynamo, sqs, s3 },
      stopSupervising: () => dynamoEngine?.stopSupervising(),
      async stop() {
        await Promise.all(owned.map((e) => (e === dynamoEngine ? e.stop() : bounded(e.stop(), SQS_STOP_MS))));
        process.off('exit', onExit);
        lock?.release();
        dropScratch();
      },
    };
  } catch (err) {
    await Promise.allSettled(owned.map((e) => e.stop()));
    process.off('exit', onExit);
    lock?.release();
    dropScratch();
    throw err;
  }
}
