import { createFanoutHandler } from '@taskforce/messaging';
import { lambda } from './runtime';
import { messagingDeps } from './workers';

/** SQS `events` → recipients allowed by policy → SQS `delivery`; failed records come back alone (partial batch response). */
export const handler = lambda(createFanoutHandler(messagingDeps()));
