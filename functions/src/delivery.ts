import { createDeliveryHandler } from '@taskforce/messaging';
import { lambda, messagingDeps } from './runtime';

/** SQS `delivery` → the partner's webhook or inbox; failed records come back alone (partial batch response). */
export const handler = lambda(createDeliveryHandler(messagingDeps()));
