import type { RecordStore } from '../kernel/store';
import type { Timer } from '../kernel/timers';

/** What the sweep needs of the store: the due index, shard by shard. */
export interface DueTimerStore extends RecordStore {
  /**
   * Timers in one shard of the due index whose due time is at or before `now`, earliest first
   * (by due time, then id); with `after`, only those that come after that timer in this order
   * (the next page, whether or not `after` is still there).
   */
  dueTimers(shard: number, now: Date, limit: number, after?: Pick<Timer, 'workspaceId' | 'id' | 'dueAt'>): Promise<Timer[]>;
}
