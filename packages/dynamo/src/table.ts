import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table, defined once. The local runtime creates it with `createTableInput`;
 * the CDK data construct builds the same keys and indexes from `TABLE`.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Time-to-live attribute (epoch seconds) for idempotency records. */
  ttlAttribute: 'expiresAt',
  indexes: {
    /**
     * Look-ups across partitions: organisations, invitations addressed to an org, open tasks of an
     * assignee, an organisation's notifications not yet acknowledged.
     */
    lookup: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /**
     * Private partners' inboxes: the requests addressed to each, by id (time-ordered); and a
     * workspace's tasks by assignee and state, by due time (the `assigneeOrgId` filter).
     */
    inbox: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /**
     * Ordered by due time: pending timers, unpublished outbox events, webhook posts; and a
     * workspace's tasks by state (the `status` and `overdue` filters).
     */
    due: { name: 'due', partitionKey: 'duePk', sortKey: 'dueSk' },
  },
} as const;

export const createTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    TABLE.partitionKey,
    TABLE.sortKey,
    ...Object.values(TABLE.indexes).flatMap((i) => [i.partitionKey, i.sortKey]),
  ].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
  KeySchema: [
    { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
    { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: Object.values(TABLE.indexes).map((i) => ({
    IndexName: i.name,
    KeySchema: [
      { AttributeName: i.partitionKey, KeyType: 'HASH' },
      { AttributeName: i.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  })),
});
