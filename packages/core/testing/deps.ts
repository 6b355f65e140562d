import { base32Digits, type ContentStore, type Deps, type Ids, ManualClock } from '../src/index';
import { MemoryStore } from './memory-store';

/**
 * Ids shaped like the platform's (10 characters of clock time, then 16 more) but deterministic:
 * the tail is a counter, so ids still sort in creation order and a test run is repeatable.
 */
const sequentialIds = (clock: { now(): Date }): Ids => {
  let n = 0;
  return {
    next: () => base32Digits(clock.now().getTime(), 10) + base32Digits(++n, 16),
  };
};

/** Evidence content in memory. */
class MemoryContentStore implements ContentStore {
  private readonly objects = new Map<string, Uint8Array>();
  async put(key: string, body: Uint8Array): Promise<void> {
    this.objects.set(key, new Uint8Array(body));
  }
  async get(key: string): Promise<Uint8Array | null> {
    const body = this.objects.get(key);
    return body ? new Uint8Array(body) : null;
  }
}

export type MemoryDeps = Deps & { store: MemoryStore; alerts: MemoryStore; clock: ManualClock; content: MemoryContentStore };

/** Everything a use case needs, in memory: one store (records and alerts), a clock the test moves, repeatable ids. */
export const memoryDeps = (opts: { now?: Date | string } = {}): MemoryDeps => {
  const store = new MemoryStore();
  const clock = new ManualClock(opts.now ?? '2026-03-01T08:00:00.000Z');
  return { store, alerts: store, clock, ids: sequentialIds(clock), content: new MemoryContentStore() };
};
