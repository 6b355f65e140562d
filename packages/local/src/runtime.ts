import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import {
  type App,
  type CursorKeys,
  createApp,
  createLogger,
  createRoute,
  docsFromDirectory,
  generateCursorKeys,
  jwtAuthenticator,
  type Logger,
} from '@taskforce/api';
import {
  type CheckpointSigner,
  type Clock,
  type Deps,
  ephemeralCheckpointSigner,
  ephemeralSelectorHasher,
  type PlatformRole,
  Principal,
  type SelectorHasher,
  type SweepOptions,
  type SweepReport,
  sequencerScheduler,
  sequenceWaitingChains,
  sweepDue,
  systemClock,
  timeOrderedIds,
} from '@taskforce/core';
import {
  countRequests,
  createDynamoClient,
  DynamoAlertStore,
  DynamoStore,
  documentClient,
  ensureTable,
  type RequestCounter,
} from '@taskforce/dynamo';
import {
  createDeliveryHandler,
  createExportHandler,
  createFanoutHandler,
  createSqsClient,
  DestinationGuard,
  drainQueue,
  ensureQueues,
  type MessagingDeps,
  type QueueUrls,
  type RelayReport,
  relayOutbox,
  startConsumer,
  startStreamingConsumer,
  sweepWebhooks,
} from '@taskforce/messaging';
import { createS3Client, EVIDENCE_BUCKET, ensureBucket, S3ContentStore, S3ExportFiles } from '@taskforce/objects';
import * as z from 'zod/mini';
import { loadOrCreateAuditSigner } from './audit-key';
import { consoleHandler, isApiPath } from './console';
import { loadOrCreateCursorKeys } from './cursor-keys';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateDevKey, signDevToken } from './dev-keys';
import { awaitDurableWrites } from './durable-writes';
import { type DynamoEngine, type Engine, startDynamoLocal, startSqsLocal } from './engines';
import { acquireDataLock, ENGINE_PID_FILE, stopStaleEngine } from './guard';
import { loadOrCreateSelectorHasher } from './matching-key';
import { stateDir } from './paths';

/** How long the server keeps an idle keep-alive connection open (see where it is set). */
const KEEP_ALIVE_MS = 65_000;

export interface RuntimeOptions {
  /** API port; 0 picks a free one. */
  port?: number;
  /** Keep DynamoDB data on disk under the state folder (default), or in memory. */
  inMemory?: boolean;
  /** The folder DynamoDB keeps its data in (default `<state folder>/data`); one runtime at a time may use it. */
  dataDir?: string;
  /**
   * Called when the DynamoDB engine the runtime started died and could not be restarted; the
   * runtime has stopped serving by then. The CLI exits; by default the error is logged.
   */
  onEngineFailure?(err: Error): void;
  /** How many times in a row a DynamoDB engine that died is restarted before the runtime gives up (default 3). */
  engineRestarts?: number;
  tableName?: string;
  clock?: Clock;
  /** How often the local sweep runs; false to drive it by hand (tests). */
  sweepEveryMs?: number | false;
  /** How long one ticking sweep may go on firing timers before it leaves the rest to the next (default: its period). */
  sweepBudgetMs?: number;
  /** Workspaces the ticking sweep fires at once (default 16). */
  sweepConcurrency?: number;
  logger?: Logger;
  /** Use engines that are already running instead of starting new ones. */
  dynamoEndpoint?: string;
  sqsEndpoint?: string;
  /** Run the outbox relay and the fan-out and delivery consumers; false to drive them with `pump()` (tests). */
  workers?: boolean;
  relayEveryMs?: number;
  /** Overrides for messaging, e.g. the fetch webhooks go through, or retry delays. */
  messaging?: Partial<Pick<MessagingDeps, 'fetch' | 'retryDelaySeconds' | 'webhookTimeoutMs' | 'webhookSweepGraceMs' | 'logger'>>;
  /** How long the relay leaves an event or webhook post it queued before queueing it again (default 5 min). */
  redeliverAfterMs?: number;
  /** A built console to serve at `/` beside the API (see `ensureConsoleBuilt`). */
  consoleDir?: string;
  /** Keys that seal list cursors; by default those kept under the state folder, or new ones each run with `inMemory`. */
  cursorKeys?: CursorKeys;
  /** Signs audit checkpoints; by default the key kept under the state folder, or a new one each run with `inMemory`. */
  auditSigner?: CheckpointSigner;
  /** Hashes selectors for matching; by default the key kept under the state folder, or a new one each run with `inMemory`. */
  selectorHasher?: SelectorHasher;
}

interface PumpReport {
  relayed: number;
  events: number;
  deliveries: number;
  failedDeliveries: number;
  /** Audit export jobs run. */
  exports: number;
}

export interface Runtime {
  url: string;
  app: App;
  deps: Deps;
  store: DynamoStore;
  /** The DynamoDB client the stores send through (e.g. for SDK middleware that observes requests). */
  dynamo: ReturnType<typeof createDynamoClient>;
  counter: RequestCounter;
  queues: QueueUrls;
  endpoints: { dynamo: string; sqs: string };
  /** One sweep (by default with the core's budget and concurrency). */
  sweep(opts?: SweepOptions): Promise<SweepReport>;
  messaging: MessagingDeps;
  /** One relay pass over the outbox and over the webhook posts that are due. */
  relay(): Promise<RelayReport>;
  /** Relays the outbox and drains the queues (events, delivery, exports) until nothing is left to do (what the workers do, on demand). */
  pump(): Promise<PumpReport>;
  /** A token for an organisation's officer; kind and country, if given, are ignored (the registry decides). */
  token(p: { orgId: string; roles: PlatformRole[]; sub?: string; orgKind?: string; country?: string }): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The embedded runtime: real local engines speaking the DynamoDB and SQS APIs, the table and
 * queues from the shared definitions, the same API app the Lambda serves, and a ticking sweep.
 */
export async function startRuntime(opts: RuntimeOptions = {}): Promise<Runtime> {
  const logger = opts.logger ?? createLogger();
  const owned: Engine[] = [];
  const own = (e: Engine): string => {
    owned.push(e);
    return e.endpoint;
  };
  // The data folder is this runtime's alone: a lock file holding its PID, taken before the engine
  // starts; an engine a killed runtime left on the folder is stopped before a new one starts.
  const dataDir = opts.dynamoEndpoint || opts.inMemory ? undefined : resolve(opts.dataDir ?? join(stateDir(), 'data'));
  let lock: { release(): void } | undefined;
  let dynamoEngine: DynamoEngine | undefined;
  let failed: Error | undefined;
  let stopRuntime: (() => Promise<void>) | undefined;
  const shutDownForFailure = (err: Error) => {
    logger.error('DynamoDB Local is down and could not be restarted; the runtime stops', { message: err.message });
    void stopRuntime!().finally(() => opts.onEngineFailure?.(err));
  };
  const engineFailed = (err: Error) => {
    failed = err;
    if (stopRuntime) shutDownForFailure(err);
  };
  // Every exit path of the process (normal exit, process.exit from a signal or error handler)
  // takes the engine and the lock with it; only SIGKILL cannot, and the next start cleans up.
  const onExit = () => {
    dynamoEngine?.killNow();
    lock?.release();
  };
  process.on('exit', onExit);
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataLock(dataDir);
  }
  const [dynamoEndpoint, sqsEndpoint] = await (async () => {
    try {
      if (dataDir) {
        const stale = await stopStaleEngine(dataDir);
        if (stale !== undefined) logger.warn('stopped a DynamoDB Local left running by a runtime that was killed', { pid: stale });
      }
      return await Promise.all([
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
              onGiveUp: engineFailed,
            },
          }).then((e) => {
            dynamoEngine = e;
            return own(e);
          }),
        opts.sqsEndpoint ?? startSqsLocal(dataDir ? { dataDir: join(dataDir, 'queues-objects') } : {}).then(own),
      ]);
    } catch (err) {
      await Promise.allSettled(owned.map((e) => e.stop()));
      process.off('exit', onExit);
      lock?.release();
      throw err;
    }
  })();

  const dynamo = createDynamoClient({ endpoint: dynamoEndpoint });
  const counter = countRequests(dynamo);
  const tableName = opts.tableName ?? 'taskforce';
  awaitDurableWrites(dynamo, dynamoEndpoint, tableName);
  await ensureTable(dynamo, tableName);
  const doc = documentClient(dynamo);
  const store = new DynamoStore(doc, tableName);
  const sqs = createSqsClient({ endpoint: sqsEndpoint });
  const queues = await ensureQueues(sqs, tableName === 'taskforce' ? '' : `${tableName}-`);

  // Evidence content goes to the S3 API of the same local engine that speaks SQS.
  const s3 = createS3Client({ endpoint: sqsEndpoint });
  const bucket = tableName === 'taskforce' ? EVIDENCE_BUCKET : `${tableName}-evidence`.toLowerCase();
  await ensureBucket(s3, bucket);

  // What the API and the workers share, built once: the same store, clock and ids for both.
  const clock = opts.clock ?? systemClock;
  const shared = {
    store,
    alerts: new DynamoAlertStore(doc, tableName),
    clock,
    ids: timeOrderedIds(clock),
    // A developer's webhook receiver listens on this machine.
    webhookDestinations: { allowPrivate: true },
  };
  const deps: Deps = {
    ...shared,
    content: new S3ContentStore(s3, bucket),
    exportFiles: new S3ExportFiles(s3, bucket),
    auditSigner: opts.auditSigner ?? (opts.inMemory ? ephemeralCheckpointSigner() : loadOrCreateAuditSigner()),
    selectorHasher: opts.selectorHasher ?? (opts.inMemory ? ephemeralSelectorHasher() : loadOrCreateSelectorHasher()),
  };
  // Each chain's sequencer runs in-process right after its entries are queued, one run per chain at a time.
  const sequencer = sequencerScheduler(deps, (chainId, err) =>
    logger.warn('audit sequencer failed; the sweep retries', { chainId, message: err instanceof Error ? err.message : String(err) }),
  );
  deps.auditQueued = (chainId) => sequencer.kick(chainId);
  const messaging: MessagingDeps = {
    ...shared,
    sqs,
    queues: { events: queues.events.url, delivery: queues.delivery.url, exports: queues.exports.url },
    fetch: globalThis.fetch,
    logger,
    // Each webhook endpoint its own bound on posts in flight and its own circuit breaker.
    destinations: new DestinationGuard(),
    ...opts.messaging,
  };
  const fanout = createFanoutHandler(messaging);
  const delivery = createDeliveryHandler(messaging);
  // The audit export worker, in-process: the same code the export function runs on AWS.
  const exporter = createExportHandler({ ...deps, logger });
  // The outbox relay, and the webhook posts whose attempt is due whatever became of the queue.
  const relay = async (): Promise<RelayReport> => {
    const again = opts.redeliverAfterMs === undefined ? {} : { redeliverAfterMs: opts.redeliverAfterMs };
    const [r, w] = await Promise.all([relayOutbox(messaging, again), sweepWebhooks(messaging, again)]);
    return { relayed: r.relayed + w.relayed, failed: r.failed + w.failed, calls: r.calls + w.calls };
  };
  const pump = async (): Promise<PumpReport> => {
    const total: PumpReport = { relayed: 0, events: 0, deliveries: 0, failedDeliveries: 0, exports: 0 };
    for (let i = 0; i < 100; i++) {
      const r = await relay();
      const e = await drainQueue(sqs, queues.events.url, fanout);
      const d = await drainQueue(sqs, queues.delivery.url, delivery);
      const x = await drainQueue(sqs, queues.exports.url, exporter);
      total.relayed += r.relayed;
      total.events += e.received;
      total.deliveries += d.received;
      total.failedDeliveries += d.failed;
      total.exports += x.received;
      if (r.relayed === 0 && e.received === 0 && d.received === 0 && x.received === 0) break;
    }
    return total;
  };
  const { privateJwk, jwks } = await loadOrCreateDevKey();
  const token: Runtime['token'] = (p) => signDevToken(privateJwk, { orgId: p.orgId, roles: p.roles, sub: p.sub ?? `${p.orgId}-officer` });

  const app = createApp({
    deps,
    logger,
    cursorKeys: opts.cursorKeys ?? (opts.inMemory ? generateCursorKeys() : loadOrCreateCursorKeys()),
    // Swagger UI from the pinned package in node_modules: /docs needs no network.
    docs: docsFromDirectory(dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))),
    auth: jwtAuthenticator({ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwks }),
    extend: (a) => {
      a.get('/.well-known/jwks.json', (c) => c.json(jwks));
      a.openapi(
        createRoute({
          method: 'post',
          path: '/v1/dev/token',
          tags: ['Local runtime only'],
          summary: 'Issue a token for any principal (exists only in the local runtime)',
          request: {
            body: {
              content: {
                'application/json': {
                  // Kind and country are accepted (older clients send them) and ignored: the registry decides.
                  schema: z.partial(Principal, { sub: true, orgKind: true, country: true }),
                },
              },
              required: true,
            },
          },
          responses: {
            200: { description: 'A signed token', content: { 'application/json': { schema: z.object({ token: z.string() }) } } },
          },
        }),
        async (c) => c.json({ token: await token(c.req.valid('json')) }, 200),
      );
    },
  });

  const server: ServerType = await new Promise((resolve) => {
    const web = opts.consoleDir ? consoleHandler(opts.consoleDir) : undefined;
    const fetch = web ? (req: Request) => (isApiPath(new URL(req.url).pathname) ? app.fetch(req) : web(req)) : app.fetch;
    const s = serve({ fetch, port: opts.port ?? 0, hostname: '127.0.0.1' }, () => resolve(s));
    // Node closes an idle keep-alive connection after 5 s. A client that picks that connection for
    // its next request as the server closes it (a busy event loop widens the window) gets
    // ECONNRESET for a request that never arrived. Idle connections are left to the client to close
    // (it is told the server's timeout and closes a second before it), as behind a load balancer.
    if ('keepAliveTimeout' in s) {
      s.keepAliveTimeout = KEEP_ALIVE_MS;
      s.headersTimeout = KEEP_ALIVE_MS + 1_000;
    }
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let sweeping = false;
  let stopping = false;
  const sweep = async (o: SweepOptions = {}) => sweepDue(deps, o);
  const sweepEveryMs = opts.sweepEveryMs === false ? 0 : (opts.sweepEveryMs ?? 5_000);
  const tick = (): SweepOptions => {
    const until = Date.now() + (opts.sweepBudgetMs ?? sweepEveryMs);
    // Stopping the runtime ends the sweep after the timers in flight.
    return {
      timeLeftMs: () => (stopping ? 0 : until - Date.now()),
      ...(opts.sweepConcurrency ? { concurrency: opts.sweepConcurrency } : {}),
    };
  };
  const ticker =
    opts.sweepEveryMs === false
      ? undefined
      : setInterval(async () => {
          if (sweeping) return;
          sweeping = true;
          try {
            const r = await sweep(tick());
            if (r.fired.length > 0) logger.info('sweep', { fired: r.fired.length, dropped: r.dropped, lost: r.lost, more: r.more });
            // Chains whose in-process sequencer run failed or never happened (e.g. the runtime stopped).
            const s = await sequenceWaitingChains(deps, { olderThanMs: 2_000 });
            if (s.sequenced > 0) logger.info('audit sequenced by the sweep', s);
          } catch (err) {
            logger.error('sweep failed', { message: err instanceof Error ? err.message : String(err) });
          } finally {
            sweeping = false;
          }
        }, sweepEveryMs);

  const onError = (what: string) => (err: unknown) =>
    logger.error(`${what} failed`, { message: err instanceof Error ? err.message : String(err) });
  const workers =
    opts.workers === false
      ? []
      : [
          startConsumer(sqs, queues.events.url, fanout, { onError: onError('fan-out') }),
          // Each delivery message on its own, up to 50 in hand: a post held up by a hanging endpoint
          // (bounded by that endpoint's own guard) holds up no other recipient's posts.
          startStreamingConsumer(sqs, queues.delivery.url, delivery, { onError: onError('delivery'), maxInFlight: 50 }),
          startConsumer(sqs, queues.exports.url, exporter, { onError: onError('export') }),
        ];
  let relaying = false;
  const relayTicker =
    opts.workers === false
      ? undefined
      : setInterval(async () => {
          if (relaying) return;
          relaying = true;
          try {
            await relay();
          } catch (err) {
            onError('relay')(err);
          } finally {
            relaying = false;
          }
        }, opts.relayEveryMs ?? 1000);

  let stopped: Promise<void> | undefined;
  stopRuntime = () => {
    stopped ??= (async () => {
      stopping = true;
      if (ticker) clearInterval(ticker);
      if (relayTicker) clearInterval(relayTicker);
      await Promise.all(workers.map((w) => w.stop()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sequencer.idle();
      await Promise.all(owned.map((e) => e.stop()));
      process.off('exit', onExit);
      lock?.release();
    })();
    return stopped;
  };
  if (failed) shutDownForFailure(failed);

  return {
    url,
    messaging,
    relay,
    pump,
    app,
    deps,
    store,
    dynamo,
    counter,
    queues,
    endpoints: { dynamo: dynamoEndpoint, sqs: sqsEndpoint },
    sweep,
    token,
    stop: () => stopRuntime!(),
  };
}
