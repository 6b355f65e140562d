import { describeStoreContract } from '@taskforce/core/testing';
import { freshTable } from '../../../test/support/dynamo';
import { DynamoAlertStore } from '../src';

describeStoreContract('DynamoDB adapter on DynamoDB Local', async () => {
  const t = await freshTable();
  return {
    store: t.store,
    alerts: new DynamoAlertStore(t.doc, t.tableName),
    cleanup: t.drop,
    reads: { reset: () => t.counter.reset(), requests: () => t.counter.total(), items: () => t.counter.scanned },
  };
});
