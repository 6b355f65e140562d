import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { countRequests, createDynamoClient, createTableInput, DynamoStore, documentClient } from '@taskforce/dynamo';
import { inject } from 'vitest';

/** A fresh table on the shared local engine, with a request counter on its client. */
export const freshTable = async () => {
  const client = createDynamoClient({ endpoint: inject('dynamoEndpoint') });
  const counter = countRequests(client);
  const tableName = `t-${randomUUID()}`;
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  const doc = documentClient(client);
  const store = new DynamoStore(doc, tableName);
  return {
    client,
    doc,
    store,
    tableName,
    counter,
    drop: () => client.send(new DeleteTableCommand({ TableName: tableName })),
  };
};
