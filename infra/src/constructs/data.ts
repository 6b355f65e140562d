import { TABLE } from '@taskforce/dynamo';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface DataProps {
  /** Refuse deletion of the table (and retain it when the stack goes); off only for throw-away stacks. */
  deletionProtection: boolean;
}

/**
 * The single table, built from the same definition the local runtime creates (`TABLE`):
 * keys, the three indexes (incl. the sparse `due` index), the TTL attribute. Encrypted with a
 * customer-managed key that the queues and the evidence bucket share; point-in-time recovery on; a stream of new
 * images feeds the outbox relay.
 */
export class Data extends Construct {
  readonly table: dynamodb.Table;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const removalPolicy = props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.key = new kms.Key(this, 'Key', {
      description: 'Taskforce data: table, queues, evidence',
      enableKeyRotation: true,
      removalPolicy,
      pendingWindow: Duration.days(30),
    });

    const attr = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attr(TABLE.partitionKey),
      sortKey: attr(TABLE.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      deletionProtection: props.deletionProtection,
      removalPolicy,
    });
    for (const index of Object.values(TABLE.indexes)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: attr(index.partitionKey),
        sortKey: attr(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }

  /** ARNs of the table's indexes, one by one (no wildcard). */
  indexArns(...names: string[]): string[] {
    return names.map((n) => `${this.table.tableArn}/index/${n}`);
  }
}
