import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '@taskforce/dynamo';

/** The operations that change the table. */
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems', 'ExecuteStatement']);

/**
 * DynamoDB Local answers a write before it is durable: with four writers and a SIGKILL of the
 * Java engine alone, 5 of 16 kills rolled back one acknowledged TransactWriteItems (the engine's
 * SQLite file then holds a hot journal of it). One more request to the engine after the write
 * returns (a GetItem on a key nothing uses) is served only once the write has committed, and no
 * kill lost anything (0 of 10): so every write of the local runtime is answered after that request. This is the local engine's behaviour, not DynamoDB's: nothing on AWS does this.
 * The barrier goes through a client of its own, so request counts (benches, figures) are not changed.
 */
export const awaitDurableWrites = (client: DynamoDBClient, endpoint: string, tableName: string): void => {
  const barrier = createDynamoClient({ endpoint });
  const Key = { pk: { S: 'LOCAL#DURABILITY-BARRIER' }, sk: { S: 'LOCAL#DURABILITY-BARRIER' } };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (WRITES.has(String(context.commandName ?? '').replace(/Command$/, '')))
        await barrier.send(new GetItemCommand({ TableName: tableName, Key, ConsistentRead: true }));
      return out;
    },
    { step: 'initialize', name: 'taskforceDurableWrites' },
  );
};
