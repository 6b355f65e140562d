import { afterEach, beforeEach, describe } from 'vitest';
import { type AlertStore, queueEntry, type Store } from '../src/index';
import { auditCases } from './contract/audit';
import { commitCases } from './contract/commit';
import { counterCases } from './contract/counters';
import { dueIndexCases } from './contract/due-index';
import { AT, actor, type ContractContext, type ContractStores, later } from './contract/fixtures';
import { listCases } from './contract/lists';
import { matchingCases } from './contract/matching';
import { notificationCases } from './contract/notifications';
import { policyCases } from './contract/policies';
import { searchCases } from './contract/search';
import { threadCases } from './contract/threads';

export type { ContractStores } from './contract/fixtures';

/**
 * The behaviour every store must have: the in-memory store and the DynamoDB adapter run it
 * alike, so a use case tested on the first behaves the same on the second. Each test gets a
 * fresh store from `make`. Every store runs every case: none is left out.
 */
export function describeStoreContract(name: string, make: () => Promise<ContractStores>): void {
  describe(`store contract: ${name}`, () => {
    let cleanup: (() => Promise<unknown> | unknown) | undefined;
    let queued = 0;
    const t: ContractContext = {
      // Both are set before each test from what `make` gives.
      store: null as unknown as Store,
      alerts: null as unknown as AlertStore,
      async commit(chainId, writes, o = {}) {
        const entry = queueEntry(chainId, `q-${String(++queued).padStart(6, '0')}`, AT, actor, {
          action: 'test.change',
          target: { type: 'test', id: chainId },
          markings: [],
          ...o.audit,
        });
        await t.store.commit({
          audit: entry,
          events: o.events ?? [],
          writes,
          ...(o.idempotency ? { idempotency: o.idempotency } : {}),
        });
        return { entry };
      },
      idem: (scope, fingerprint = 'f1') => ({
        scope,
        fingerprint,
        status: 201,
        body: { ok: scope },
        createdAt: AT,
        expiresAt: later(AT, 86_400_000),
      }),
    };

    beforeEach(async () => {
      const made = await make();
      t.store = made.store;
      t.alerts = made.alerts;
      t.reads = made.reads;
      cleanup = made.cleanup;
      queued = 0;
    });
    afterEach(async () => {
      await cleanup?.();
    });

    commitCases(t);
    auditCases(t);
    listCases(t);
    dueIndexCases(t);
    notificationCases(t);
    policyCases(t);
    threadCases(t);
    matchingCases(t);
    counterCases(t);
    searchCases(t);
  });
}
