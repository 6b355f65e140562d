import { createChannelStatusHandler, createSqsClient } from '@taskforce/messaging';
import { lambda, log, required, tableDeps } from './runtime';

/**
 * SQS channel status (SES events and End User Messaging SMS status events, through the channels'
 * SNS topic) → each page attempt marked delivered or failed; a failed one puts its page back on
 * the pages queue (`PAGES_QUEUE_URL`) for the next method.
 */
const deps = { ...tableDeps(), sqs: createSqsClient(), queues: { pages: required('PAGES_QUEUE_URL') }, logger: log };
export const handler = lambda(createChannelStatusHandler(deps));
