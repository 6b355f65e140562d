import { parseArgs } from 'node:util';
import { GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { REDRIVE_MAX } from '@taskforce/core';
import { createDynamoClient, DynamoAlertStore, documentClient } from '@taskforce/dynamo';
import { createSqsClient, QUEUES, type QueueName, redriveDeadLetters } from '@taskforce/messaging';

/**
 * pnpm redrive --queue delivery [--endpoint http://127.0.0.1:PORT] [--prefix NAME-] [--max N]
 *              [--dynamo http://127.0.0.1:PORT] [--table taskforce] [--org ORG_ID]
 * Moves messages from a queue's dead-letter queue back to it. With --endpoint, against the
 * local runtime's SQS engine (its address is printed at start); without, against AWS.
 * With --dynamo (the local runtime's DynamoDB address) or --table, also puts the webhook posts
 * given up after their last attempt back in the delivery schedule, from the table (the same as
 * POST /v1/admin/redrive): the dead-letter queue may have lost them, the table has not.
 */
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    queue: { type: 'string', default: 'delivery' },
    endpoint: { type: 'string' },
    prefix: { type: 'string', default: '' },
    max: { type: 'string' },
    dynamo: { type: 'string' },
    table: { type: 'string' },
    org: { type: 'string' },
  },
});
const name = values.queue as QueueName;
const q = QUEUES[name];
if (!q) throw new Error(`unknown queue ${name}; one of ${Object.keys(QUEUES).join(', ')}`);
const max = values.max ? Number(values.max) : undefined;
if (max !== undefined && !(Number.isInteger(max) && max > 0)) throw new Error('--max must be a positive whole number');
const sqs = createSqsClient(values.endpoint ? { endpoint: values.endpoint } : {});
const url = async (n: string) => (await sqs.send(new GetQueueUrlCommand({ QueueName: values.prefix + n }))).QueueUrl!;
const moved = await redriveDeadLetters(sqs, { url: await url(q.name), dlqUrl: await url(q.dlq) }, max !== undefined ? { max } : {});
process.stdout.write(`moved ${moved} message(s) from ${values.prefix + q.dlq} back to ${values.prefix + q.name}\n`);

if (name === 'delivery' && (values.dynamo || values.table)) {
  const tableName = values.table ?? 'taskforce';
  const alerts = new DynamoAlertStore(documentClient(createDynamoClient(values.dynamo ? { endpoint: values.dynamo } : {})), tableName);
  const requeued = await alerts.redriveWebhooks(new Date(), {
    limit: max ?? REDRIVE_MAX,
    ...(values.org ? { orgId: values.org } : {}),
  });
  process.stdout.write(`put ${requeued} given-up webhook post(s) of ${tableName} back in the delivery schedule\n`);
}
