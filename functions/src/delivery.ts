import { createDeliveryHandler } from '@taskforce/messaging';
import { lambda } from './runtime';
import { messagingDeps } from './workers';

/** SQS `delivery` → the partner's webhook or inbox; failed records come back alone (partial batch response). */
export const handler = lambda(createDeliveryHandler(messagingDeps()));
