import type { Logger } from '@taskforce/api';
import {
  type Deps,
  ephemeralCheckpointSigner,
  ephemeralSelectorHasher,
  sequencerScheduler,
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
  CHANNEL_STATUS_QUEUE,
  createSqsClient,
  DestinationGuard,
  ensureQueue,
  ensureQueues,
  type MessagingDeps,
  type QueueUrls,
} from '@taskforce/messaging';
import { createS3Client, EVIDENCE_BUCKET, ensureBucket, S3ContentStore, S3EvidenceObjects, S3ExportFiles } from '@taskforce/objects';
import { loadOrCreateAuditSigner } from '../audit-key';
import { awaitDurableWrites } from '../durable-writes';
import { loadOrCreateSelectorHasher } from '../matching-key';
import type { RuntimeOptions } from './options';

/** What the API, the workers and the scheduled jobs are built from. */
export interface Services {
  dynamo: ReturnType<typeof createDynamoClient>;
  counter: RequestCounter;
  store: DynamoStore;
  queues: QueueUrls;
  /** The channels' delivery status queue (on AWS fed by SES and SMS events; here by the SMS sink). */
  statusQueue: { url: string; dlqUrl: string };
  /** The API's dependencies (and the sweep's): the store, clock, ids, evidence content, keys. */
  deps: Deps;
  /** The workers' (relay, fan-out, delivery): the same store, clock and ids, and the queues. */
  messaging: MessagingDeps;
  /** Each chain's audit sequencer, run in-process right after its entries are queued. */
  sequencer: { idle(): Promise<void> };
  /** Evidence of any size on the local object engine; no malware scanner runs here, so every verdict is `unavailable`. */
  evidenceObjects: S3EvidenceObjects;
}

/** How long a local export job stays queued before the sweep hands it to the worker again (AWS: 30 min). */
const LOCAL_EXPORT_REDRIVE_AFTER_MS = 5_000;

/**
 * The table, the queues and the evidence bucket on the engines, created from the same
 * definitions infra uses, and what the API and the workers share, built once: the same store,
 * clock and ids for both.
 */
export async function startServices(
  endpoints: { dynamo: string; sqs: string; s3: string },
  opts: RuntimeOptions,
  logger: Logger,
): Promise<Services> {
  const dynamo = createDynamoClient({ endpoint: endpoints.dynamo });
  const counter = countRequests(dynamo);
  const tableName = opts.tableName ?? 'taskforce';
  awaitDurableWrites(dynamo, endpoints.dynamo, tableName);
  await ensureTable(dynamo, tableName);
  const doc = documentClient(dynamo);
  const store = new DynamoStore(doc, tableName);
  const sqs = createSqsClient({ endpoint: endpoints.sqs });
  const queues = await ensureQueues(sqs, tableName === 'taskforce' ? '' : `${tableName}-`);
  const statusQueue = await ensureQueue(sqs, CHANNEL_STATUS_QUEUE, tableName === 'taskforce' ? '' : `${tableName}-`);

  // Evidence content and audit exports go to the local object engine's S3 API.
  const s3 = createS3Client({ endpoint: endpoints.s3 });
  const bucket = tableName === 'taskforce' ? EVIDENCE_BUCKET : `${tableName}-evidence`.toLowerCase();
  await ensureBucket(s3, bucket);

  const clock = opts.clock ?? systemClock;
  const shared = {
    store,
    alerts: new DynamoAlertStore(doc, tableName),
    clock,
    ids: timeOrderedIds(clock),
    // A developer's webhook receiver listens on this machine.
    webhookDestinations: { allowPrivate: true },
  };
  const evidenceObjects = new S3EvidenceObjects(s3, bucket, { malwareScan: 'unavailable' });
  const deps: Deps = {
    ...shared,
    content: new S3ContentStore(s3, bucket),
    // Evidence of any size: the API's upload sessions and downloads, and the export worker's verification.
    evidenceObjects,
    exportFiles: new S3ExportFiles(s3, bucket),
    // An export job a stopped runtime left queued runs again within seconds of the next start.
    exportRedriveAfterMs: LOCAL_EXPORT_REDRIVE_AFTER_MS,
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
    queues: { events: queues.events.url, delivery: queues.delivery.url, exports: queues.exports.url, pages: queues.pages.url },
    fetch: globalThis.fetch,
    logger,
    // Each webhook endpoint its own bound on posts in flight and its own circuit breaker.
    destinations: new DestinationGuard(),
    ...opts.messaging,
  };
  return { dynamo, counter, store, queues, statusQueue, deps, messaging, sequencer, evidenceObjects };
}
