import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE } from './table';

/** What is due in one partition of the sparse due index (timers or unpublished outbox events), earliest first. */
export const queryDue = async <T>(
  doc: DynamoDBDocumentClient,
  tableName: string,
  partition: string,
  now: Date,
  limit: number,
): Promise<T[]> => {
  const idx = TABLE.indexes.due;
  const out = await doc.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: idx.name,
      KeyConditionExpression: `${idx.partitionKey} = :p AND ${idx.sortKey} <= :now`,
      ExpressionAttributeValues: { ':p': partition, ':now': `${now.toISOString()}~` },
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map((i) => i.data as T);
};
