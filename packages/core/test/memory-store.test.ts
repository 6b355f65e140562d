import { MemoryStore } from '../testing';
import { describeStoreContract } from '../testing/store-contract';

describeStoreContract('in memory', async () => {
  const store = new MemoryStore();
  return { store, alerts: store };
});
