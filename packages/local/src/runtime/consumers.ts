import type { Logger } from '@taskforce/api';
import type { Deps } from '@taskforce/core';
import { renderDocument } from '@taskforce/documents';
import {
  createChannelStatusHandler,
  createDeliveryHandler,
  createExportHandler,
  createFanoutHandler,
  createPagerHandler,
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
  /** Page messages handled, and delivery statuses read. */
  pages: number;
  statuses: number;
}

/** The consumers of the queues: the same code the fan-out, delivery, export, pager and channel status functions run on AWS. */
export interface QueueHandlers {
  fanout: SqsBatchHandler;
  delivery: SqsBatchHandler;
  exporter: SqsBatchHandler;
  pager: SqsBatchHandler;
  status: SqsBatchHandler;
}

/** Where the pager's acknowledge links point (the console's origin), and the Message-ID domain of pages sent locally. */
export interface PagerWiring {
  ackOrigin: string;
  messageDomain?: string;
}

export const queueHandlers = (messaging: MessagingDeps, deps: Deps, logger: Logger, paging: PagerWiring): QueueHandlers => {
  const pages = { sqs: messaging.sqs, queues: { pages: messaging.queues.pages ?? '' }, logger };
  return {
    fanout: createFanoutHandler(messaging),
    delivery: createDeliveryHandler(messaging),
    // The audit export worker, in-process; it also renders documents (PDF packages and reports).
    exporter: createExportHandler({ ...deps, logger, documents: { ...deps, renderDocument } }),
    // The pager sends through the local channels (maildev, the SMS sink, the push sink) as they are when it runs.
    pager: createPagerHandler({
      ...messaging,
      ...pages,
      get mail() {
        return deps.mail;
      },
      get sms() {
        return deps.sms;
      },
      get push() {
        return deps.push;
      },
      ...(deps.users ? { users: deps.users } : {}),
      ackOrigin: paging.ackOrigin,
      messageDomain: paging.messageDomain ?? 'taskforce.localhost',
    }),
    status: createChannelStatusHandler({ ...messaging, ...pages }),
  };
};

/** The workers: a long-polling consumer on each queue, as Lambda's event source mappings are on AWS. `stop()` waits for the messages in hand. */
export function startConsumers(
  sqs: MessagingDeps['sqs'],
  queues: QueueUrls & { status: { url: string } },
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
    // Each page on its own, up to 20 at once: a page whose mail server is slow holds up no other person's page.
    startStreamingConsumer(sqs, queues.pages.url, handlers.pager, { onError: onError('pager'), maxInFlight: 20 }),
    startConsumer(sqs, queues.status.url, handlers.status, { onError: onError('channel status') }),
  ];
  return {
    async stop() {
      await Promise.all(workers.map((w) => w.stop()));
    },
  };
}

/** Relays and drains the queues (events, delivery, exports, pages, channel status) until nothing is left to do: what the workers do, on demand (tests). */
export async function pump(
  sqs: MessagingDeps['sqs'],
  queues: QueueUrls & { status: { url: string } },
  handlers: QueueHandlers,
  relay: () => Promise<RelayReport>,
): Promise<PumpReport> {
  const total: PumpReport = { relayed: 0, events: 0, deliveries: 0, failedDeliveries: 0, exports: 0, pages: 0, statuses: 0 };
  for (let i = 0; i < 100; i++) {
    const r = await relay();
    const e = await drainQueue(sqs, queues.events.url, handlers.fanout);
    const d = await drainQueue(sqs, queues.delivery.url, handlers.delivery);
    const x = await drainQueue(sqs, queues.exports.url, handlers.exporter);
    const p = await drainQueue(sqs, queues.pages.url, handlers.pager);
    const s = await drainQueue(sqs, queues.status.url, handlers.status);
    total.relayed += r.relayed;
    total.events += e.received;
    total.deliveries += d.received;
    total.failedDeliveries += d.failed;
    total.exports += x.received;
    total.pages += p.received;
    total.statuses += s.received;
    if (r.relayed === 0 && e.received === 0 && d.received === 0 && x.received === 0 && p.received === 0 && s.received === 0) break;
  }
  return total;
}
