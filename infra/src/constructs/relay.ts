import type { DomainEvent } from '@taskforce/core';
import { eventItem, outboxPartition } from '@taskforce/dynamo';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as pipes from 'aws-cdk-lib/aws-pipes';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The prefix of every outbox partition of the due index (`OUTBOX#<shard>`). */
const OUTBOX_PREFIX = outboxPartition(0).replace(/\d+$/, '');

/** The `kind` attribute of an event's item (`eventItem` in packages/dynamo, written by every commit). */
const EVENT_KIND = eventItem({ id: 'e', chainId: 'c', at: '' } as DomainEvent).kind;

/**
 * What the pipe lets through: an event item inserted with an outbox partition in the due
 * index, i.e. a domain event written by a commit (`eventItem`: `kind = event`,
 * `duePk = OUTBOX#<shard>`). Timers (`duePk = TIMER#…`), every other record, and the event's
 * own later updates are filtered out before they cost anything: marking it published removes
 * `duePk`, and the sweep's backstop relay pushes `dueSk` back while `duePk` stays, which is
 * why only inserts pass (a MODIFY would send the event again).
 */
const OUTBOX_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { kind: { S: [EVENT_KIND] }, duePk: { S: [{ prefix: OUTBOX_PREFIX }] } } },
};

export interface OutboxRelayProps {
  table: dynamodb.ITable;
  key: kms.IKey;
  target: sqs.IQueue;
}

/**
 * Outbox → events queue without code: an EventBridge pipe reads the table's stream, keeps
 * inserted outbox items and sends each stream record to the events queue, one message per
 * record and untransformed (no input template): the fan-out reads the event from the record's
 * `dynamodb.NewImage.data` (`eventFromBody` in packages/messaging). Records it cannot
 * deliver after its retries go to a dead-letter queue; the sweep relays anything still
 * unpublished as a backstop.
 */
export class OutboxRelay extends Construct {
  readonly pipe: pipes.CfnPipe;
  readonly dlq: sqs.Queue;

  constructor(scope: Construct, id: string, props: OutboxRelayProps) {
    super(scope, id);
    const streamArn = props.table.tableStreamArn!;
    this.dlq = new sqs.Queue(this, 'Dlq', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('pipes.amazonaws.com') });
    role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [streamArn],
      }),
    );
    role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:ListStreams'], resources: ['*'] }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.target.queueArn, this.dlq.queueArn] }));
    role.addToPolicy(
      new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], resources: [props.key.keyArn] }),
    );

    this.pipe = new pipes.CfnPipe(this, 'Pipe', {
      description: 'Outbox items inserted in the table → events queue',
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          startingPosition: 'LATEST',
          batchSize: 10,
          maximumBatchingWindowInSeconds: 1,
          maximumRetryAttempts: 10,
          maximumRecordAgeInSeconds: 3600,
          deadLetterConfig: { arn: this.dlq.queueArn },
        },
        filterCriteria: { filters: [{ pattern: JSON.stringify(OUTBOX_FILTER) }] },
      },
      target: props.target.queueArn,
    });
    // The pipe validates its permissions when it is created.
    this.pipe.node.addDependency(role);
  }
}
