import { parseArgs } from 'node:util';
import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { createSqsClient, QUEUES, type QueueName, redriveDeadLetters } from '@taskforce/messaging';

/**
 * pnpm redrive --queue delivery [--endpoint http://127.0.0.1:PORT] [--prefix NAME-] [--max N]
 * Moves messages from a queue's dead-letter queue back to it. With --endpoint, against the
 * local runtime's SQS engine (its address is printed at start); without, against AWS.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    queue: { type: 'string', default: 'delivery' },
    endpoint: { type: 'string' },
    prefix: { type: 'string', default: '' },
    max: { type: 'string' },
  },
});
const name = values.queue as QueueName;
const q = QUEUES[name];
if (!q) throw new Error(`unknown queue ${name}; one of ${Object.keys(QUEUES).join(', ')}`);
const sqs = createSqsClient(values.endpoint ? { endpoint: values.endpoint } : {});
const url = async (n: string) => (await sqs.send(new GetQueueUrlCommand({ QueueName: values.prefix + n }))).QueueUrl!;
const moved = await redriveDeadLetters(
  sqs,
  { url: await url(q.name), dlqUrl: await url(q.dlq) },
  values.max ? { max: Number(values.max) } : {},
);
process.stdout.write(`moved ${moved} message(s) from ${values.prefix + q.dlq} back to ${values.prefix + q.name}\n`);
