import { messagingDepsFromEnv } from '@taskforce/messaging';
import { log } from './runtime';

/**
 * The table and the queues (TABLE_NAME, EVENTS_QUEUE_URL, DELIVERY_QUEUE_URL): what the workers
 * need. Kept apart from runtime.ts so the API bundle does not load the SQS client.
 */
export const messagingDeps = (env: NodeJS.ProcessEnv = process.env) => ({ ...messagingDepsFromEnv(env), logger: log });
