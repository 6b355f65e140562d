import { createPagerHandler, createSqsClient } from '@taskforce/messaging';
import { channelDeps } from './channels';
import { lambda, log, required, tableDeps } from './runtime';

/**
 * SQS `pages` → each page sent through the person's verified methods in order (SES, End User
 * Messaging SMS), failing over at once on a refusal; a page whose channel is unavailable comes
 * back alone (partial batch response). Acknowledge links point at the console (`CONSOLE_ORIGIN`);
 * Message-IDs are of the sending domain (`MAIL_FROM`'s).
 */
const env = process.env;
const deps = {
  ...tableDeps(env),
  ...channelDeps(env),
  sqs: createSqsClient(),
  queues: { pages: required('PAGES_QUEUE_URL', env) },
  ackOrigin: required('CONSOLE_ORIGIN', env),
  messageDomain: (env.MAIL_FROM ?? '').split('@')[1]?.replace(/>$/, '') || 'taskforce.invalid',
  logger: log,
};
export const handler = lambda(createPagerHandler(deps));
