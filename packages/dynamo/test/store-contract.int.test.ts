import { describeStoreContract } from '@taskforce/core/testing';
import { freshTable } from '../../../test/support/dynamo';
import { DynamoAlertStore } from '../src';

describeStoreContract(
  'DynamoDB adapter on DynamoDB Local',
  async () => {
    const t = await freshTable();
    return { store: t.store, alerts: new DynamoAlertStore(t.doc, t.tableName), cleanup: t.drop };
  },
  {
    // DynamoStore.load sends every key in one BatchGetItem, which DynamoDB refuses above 100 keys
    // ("Too many items requested for the BatchGetItem call"); remove once load splits at 100.
    gaps: ['load-over-100-keys'],
  },
);
