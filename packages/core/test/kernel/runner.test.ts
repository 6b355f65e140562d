import { describe, expect, it } from 'vitest';
import {
  type Commit,
  type KernelDeps,
  ManualClock,
  type Organisation,
  type RecordStore,
  refKey,
  type StoredRecord,
  setOrganisationStatus,
  timeOrderedIds,
} from '../../src';

const admin = { sub: 'ops', orgId: 'platform', orgKind: 'agency' as const, country: 'NLD', roles: ['admin' as const] };
const org: Organisation = { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM', createdAt: '2026-03-01T08:00:00.000Z', version: 1 };

/** Just enough of a store for one command: what it loads, and what it would commit. */
const oneRecordStore = (record: StoredRecord) => {
  const commits: Commit[] = [];
  const store = {
    commits,
    load: async () => ({ records: new Map([[refKey({ kind: 'organisation', id: org.id }), record]]), head: null, idempotency: null }),
    get: async () => null,
    commit: async (c: Commit) => void commits.push(c),
    listOrganisations: async () => ({ items: [] }),
  } satisfies RecordStore & { commits: Commit[]; listOrganisations: unknown };
  return store;
};

describe('a command with nothing to do', () => {
  it('answers with the record as it is, writes nothing, and its outcome needs no assertion', async () => {
    const clock = new ManualClock('2026-03-01T09:00:00.000Z');
    const store = oneRecordStore({ kind: 'organisation', value: org });
    const deps: KernelDeps<typeof store> = { store, clock, ids: timeOrderedIds(clock) };

    const same = await setOrganisationStatus(deps, { principal: admin }, org.id, 'active');
    expect(same).toMatchObject({ committed: false, replayed: false, status: 200 });
    // `result` is an Organisation, never null: a caller reads it without `!`.
    expect(same.result.id).toBe(org.id);
    expect(store.commits).toHaveLength(0);

    const suspended = await setOrganisationStatus(deps, { principal: admin }, org.id, 'suspended');
    expect(suspended.committed).toBe(true);
    expect(suspended.result).toMatchObject({ status: 'suspended', version: 2 });
    expect(store.commits).toHaveLength(1);
  });
});
