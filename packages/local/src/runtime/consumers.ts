import type { Logger } from '@taskforce/api';
import type { Deps } from '@taskforce/core';
import {
  createDeliveryHandler,
  createExportHandler,
  createFanoutHandler,
  drainQueue,
  type MessagingDeps,
  type QueueUrls,
  type RelayReport,
  type SqsBatchHandler,
  startConsumer,
  startStreamingConsumer,
} from '@taskforce/messaging';

export interface PumpReport {
  relayed: number;
  events: number;
  deliveries: number;
  failedDeliveries: number;
  /** Audit export jobs run. */
  exports: number;
}

/** The consumers of the three queues: the same code the fan-out, delivery and export functions run on AWS. */
export interface QueueHandlers {
  fanout: SqsBatchHandler;
  delivery: SqsBatchHandler;
  exporter: SqsBatchHandler;
}

export const queueHandlers = (messaging: MessagingDeps, deps: Deps, logger: Logger): QueueHandlers => ({
  fanout: createFanoutHandler(messaging),
  delivery: createDeliveryHandler(messaging),
  // The audit export worker, in-process.
  exporter: createExportHandler({ ...deps, logger }),
});

/** The workers: a long-polling consumer on each queue, as Lambda's event source mappings are on AWS. `stop()` waits for the messages in hand. */
export function startConsumers(
  sqs: MessagingDeps['sqs'],
  queues: QueueUrls,
  handlers: QueueHandlers,
  logger: Logger,
): { stop(): Promise<void> } {
  const onError = (what: string) => (err: unknown) =>
    logger.error(`${what} failed`, { message: err instanceof Error ? err.message : String(err) });
  const workers = [
    startConsumer(sqs, queues.events.url, handlers.fanout, { onError: onError('fan-out') }),
    // Each delivery message on its own, up to 50 in hand: a post held up by a hanging endpoint
    // (bounded by that endpoint's own guard) holds up no other recipient's posts.
    startStreamingConsumer(sqs, queues.delivery.url, handlers.delivery, { onError: onError('delivery'), maxInFlight: 50 }),
    startConsumer(sqs, queues.exports.url, handlers.exporter, { onError: onError('export') }),
  ];
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}

/** Relays and drains the queues (events, delivery, exports) until nothing is left to do: what the workers do, on demand (tests). */
export async function pump(
  sqs: MessagingDeps['sqs'],
  queues: QueueUrls,
  handlers: QueueHandlers,
  relay: () => Promise<RelayReport>,
): Promise<PumpReport> {
  const total: PumpReport = { relayed: 0, events: 0, deliveries: 0, failedDeliveries: 0, exports: 0 };
  for (let i = 0; i < 100; i++) {
    const r = await relay();
    const e = await drainQueue(sqs, queues.events.url, handlers.fanout);
    const d = await drainQueue(sqs, queues.delivery.url, handlers.delivery);
    const x = await drainQueue(sqs, queues.exports.url, handlers.exporter);
    total.relayed += r.relayed;
    total.events += e.received;
    total.deliveries += d.received;
    total.failedDeliveries += d.failed;
    total.exports += x.received;
    if (r.relayed === 0 && e.received === 0 && d.received === 0 && x.received === 0) break;
  }
  return total;
}
