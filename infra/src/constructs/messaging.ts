import { QUEUES, type QueueName } from '@taskforce/messaging';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface MessagingProps {
  key: kms.IKey;
}

export interface QueuePair {
  queue: sqs.Queue;
  dlq: sqs.Queue;
}

/**
 * The queues from the shared definitions (`QUEUES`): each with its dead-letter queue after
 * `maxReceiveCount` receives, encrypted with the data key, reachable over TLS only.
 */
export class Messaging extends Construct {
  readonly queues: Record<QueueName, QueuePair>;

  constructor(scope: Construct, id: string, props: MessagingProps) {
    super(scope, id);
    const encrypted = {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
    };
    const entries = (Object.keys(QUEUES) as QueueName[]).map((name) => {
      const def = QUEUES[name];
      const dlq = new sqs.Queue(this, `${name}-dlq`, { ...encrypted, queueName: def.dlq, retentionPeriod: Duration.days(14) });
      const queue = new sqs.Queue(this, name, {
        ...encrypted,
        queueName: def.name,
        visibilityTimeout: Duration.seconds(def.visibilityTimeoutSeconds),
        retentionPeriod: Duration.days(4),
        deadLetterQueue: { queue: dlq, maxReceiveCount: def.maxReceiveCount },
      });
      return [name, { queue, dlq }] as const;
    });
    this.queues = Object.fromEntries(entries) as Record<QueueName, QueuePair>;
  }
}
