import { createSqsClient, DestinationGuard, type MessagingDeps } from '@taskforce/messaging';
import { log, required, tableDeps } from './runtime';

/**
 * Everything the worker functions (fan-out, delivery, sweep) reach, from their environment, in
 * one place: the table (see `tableDeps`), the notification (events) queue fed by the outbox
 * (`EVENTS_QUEUE_URL`) and the delivery queue, one message per recipient (`DELIVERY_QUEUE_URL`),
 * and for fan-out the exports queue (`EXPORTS_QUEUE_URL`), one message per audit export job, and
 * the pages queue (`PAGES_QUEUE_URL`), one message per page.
 * Kept apart from runtime.ts so the API bundle does not load the SQS client.
 */
export const messagingDeps = (env: NodeJS.ProcessEnv = process.env): MessagingDeps => ({
  ...tableDeps(env),
  sqs: createSqsClient(),
  queues: {
    events: required('EVENTS_QUEUE_URL', env),
    delivery: required('DELIVERY_QUEUE_URL', env),
    // Fan-out's alone: where it puts audit export jobs, and pages.
    ...(env.EXPORTS_QUEUE_URL ? { exports: env.EXPORTS_QUEUE_URL } : {}),
    ...(env.PAGES_QUEUE_URL ? { pages: env.PAGES_QUEUE_URL } : {}),
  },
  fetch: globalThis.fetch,
  logger: log,
  // Each webhook endpoint its own bound on posts in flight and its own circuit breaker, per warm instance.
  destinations: new DestinationGuard(),
});
