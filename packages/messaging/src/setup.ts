import {
  SQSClient as Client,
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type SQSClient,
  type SQSClientConfig,
} from '@aws-sdk/client-sqs';
import { QUEUES, type QueueName } from './queues';

export const createSqsClient = (conn: { endpoint?: string; region?: string } = {}): SQSClient => {
  const config: SQSClientConfig = { region: conn.region ?? process.env.AWS_REGION ?? 'us-east-1' };
  if (conn.endpoint) {
    config.endpoint = conn.endpoint;
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return new Client(config);
};

export type QueueUrls = Record<QueueName, { url: string; dlqUrl: string }>;

/** What a queue is made from: its name, its dead-letter queue's, visibility and receives before dead-lettering. */
export interface QueueDefinition {
  name: string;
  dlq: string;
  visibilityTimeoutSeconds: number;
  maxReceiveCount: number;
}

/** Creates one queue and its dead-letter queue from its definition (local runtime and tests). */
export const ensureQueue = async (sqs: SQSClient, q: QueueDefinition, prefix = ''): Promise<{ url: string; dlqUrl: string }> => {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: prefix + q.dlq }));
  const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl!, AttributeNames: ['QueueArn'] }))).Attributes
    ?.QueueArn;
  const main = await sqs.send(
    new CreateQueueCommand({
      QueueName: prefix + q.name,
      Attributes: {
        VisibilityTimeout: String(q.visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: q.maxReceiveCount }),
      },
    }),
  );
  return { url: main.QueueUrl!, dlqUrl: dlq.QueueUrl! };
};

/** Creates each queue and its dead-letter queue from the shared definitions (local runtime and tests). */
export const ensureQueues = async (sqs: SQSClient, prefix = ''): Promise<QueueUrls> => {
  const urls = {} as QueueUrls;
  for (const [key, q] of Object.entries(QUEUES) as [QueueName, (typeof QUEUES)[QueueName]][]) urls[key] = await ensureQueue(sqs, q, prefix);
  return urls;
};
