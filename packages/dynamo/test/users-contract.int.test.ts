import { userAdminContract, userCredentialsContract } from '@taskforce/core/testing';
import { afterAll } from 'vitest';
import { freshTable } from '../../../test/support/dynamo';
import { DynamoUsers } from '../src';

// The local provider's directory is held to the same contract as the in-memory one and Cognito's.
const tables: Awaited<ReturnType<typeof freshTable>>[] = [];
afterAll(async () => {
  await Promise.all(tables.map((t) => t.drop()));
});

userAdminContract('the local directory on DynamoDB Local', async () => {
  const t = await freshTable();
  tables.push(t);
  return new DynamoUsers(t.doc, t.tableName, () => new Date());
});

userCredentialsContract('the local directory on DynamoDB Local', async () => {
  const t = await freshTable();
  tables.push(t);
  return new DynamoUsers(t.doc, t.tableName, () => new Date());
});
