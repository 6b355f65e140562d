import { TABLE } from '@taskforce/dynamo';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../bundle';
import type { Data } from './data';
import type { Messaging } from './messaging';

/** The latest Node.js runtime Lambda offers and this aws-cdk-lib knows (Node.js 24, LTS); the bundles target it. */
export const RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Function timeouts; a consumed queue's visibility timeout must be at least six times its consumer's. */
export const TIMEOUTS: Record<FunctionName, Duration> = {
  api: Duration.seconds(15),
  fanout: Duration.seconds(30),
  delivery: Duration.seconds(30),
  sweep: Duration.seconds(55),
};

export interface FunctionsProps {
  /** Folder of each function's bundle (`index.mjs`), made by `bundleAll`. */
  bundles: Record<FunctionName, string>;
  data: Data;
  messaging: Messaging;
  /** Cognito issuer and app client: the API verifies tokens itself as well. */
  jwt: { issuer: string; audience: string };
}

/**
 * The four Lambda functions, each with its own role holding only what its code does, its own
 * log group, ARM64, the Node.js 24 runtime and X-Ray active tracing.
 */
export class Functions extends Construct {
  readonly fns: Record<FunctionName, lambda.Function>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { table } = props.data;
    const { events, delivery } = props.messaging.queues;

    const common: Record<string, string> = {
      TABLE_NAME: table.tableName,
      POWERTOOLS_METRICS_NAMESPACE: 'Taskforce',
    };
    const make = (name: FunctionName, memoryMb: number, environment: Record<string, string>) => {
      const logGroup = new logs.LogGroup(this, `${name}-logs`, {
        retention: logs.RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      const role = new iam.Role(this, `${name}-role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `Taskforce ${name} function`,
      });
      role.addToPolicy(
        new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
      );
      return new lambda.Function(this, name, {
        description: `Taskforce ${name}`,
        runtime: RUNTIME,
        architecture: lambda.Architecture.ARM_64,
        handler: 'index.handler',
        code: lambda.Code.fromAsset(props.bundles[name]),
        memorySize: memoryMb,
        timeout: TIMEOUTS[name],
        role,
        logGroup,
        tracing: lambda.Tracing.ACTIVE,
        environment: { ...common, POWERTOOLS_SERVICE_NAME: `taskforce-${name}`, ...environment },
      });
    };

    this.fns = {
      api: make('api', 1024, { JWT_ISSUER: props.jwt.issuer, JWT_AUDIENCE: props.jwt.audience }),
      fanout: make('fanout', 512, { EVENTS_QUEUE_URL: events.queue.queueUrl, DELIVERY_QUEUE_URL: delivery.queue.queueUrl }),
      delivery: make('delivery', 512, { EVENTS_QUEUE_URL: events.queue.queueUrl, DELIVERY_QUEUE_URL: delivery.queue.queueUrl }),
      sweep: make('sweep', 512, {
        EVENTS_QUEUE_URL: events.queue.queueUrl,
        DELIVERY_QUEUE_URL: delivery.queue.queueUrl,
        OUTBOX_RELAY_AFTER_SECONDS: '60',
      }),
    };

    // Least privilege, from what each function's code calls. Commits are TransactWriteItems of
    // PutItem and DeleteItem; reads are GetItem, BatchGetItem and Query on named indexes.
    const idx = TABLE.indexes;
    const allow = (fn: FunctionName, actions: string[], resources: string[]) =>
      this.fns[fn].addToRolePolicy(new iam.PolicyStatement({ actions, resources }));
    const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
    const commit = ['dynamodb:PutItem', 'dynamodb:DeleteItem'];
    const useKey = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'];
    const key = [props.data.key.keyArn];

    // API: every command and read, on the table and the lookup and inbox indexes.
    allow('api', [...read, ...commit], [table.tableArn, ...props.data.indexArns(idx.lookup.name, idx.inbox.name)]);
    allow('api', useKey, key);
    // Sweep: due timers and unpublished outbox items from the due index; fires timers (commits);
    // marks relayed events published (UpdateItem); sends to the events queue.
    allow('sweep', [...read, ...commit, 'dynamodb:UpdateItem'], [table.tableArn, ...props.data.indexArns(idx.due.name)]);
    allow('sweep', ['sqs:SendMessage'], [events.queue.queueArn]);
    allow('sweep', useKey, key);
    // Fan-out: reads memberships and policies to choose recipients, marks the event published,
    // sends one delivery message per recipient.
    allow('fanout', [...read, 'dynamodb:UpdateItem'], [table.tableArn, ...props.data.indexArns(idx.lookup.name)]);
    allow('fanout', ['sqs:SendMessage'], [delivery.queue.queueArn]);
    allow('fanout', useKey, key);
    // Delivery: consumes its queue only.
    allow('delivery', ['kms:Decrypt'], key);

    const consume = (fn: FunctionName, queue: typeof events.queue, batchSize: number) => {
      this.fns[fn].addEventSource(
        new SqsEventSource(queue, {
          batchSize,
          maxBatchingWindow: Duration.seconds(1),
          reportBatchItemFailures: true,
          maxConcurrency: 10,
        }),
      );
    };
    consume('fanout', events.queue, 10);
    consume('delivery', delivery.queue, 10);
  }
}
