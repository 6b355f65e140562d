import type { RecordStore } from '../kernel/store';
import type { Timer } from '../kernel/timers';

/** What the sweep needs of the store: the due index, shard by shard. */
export interface DueTimerStore extends RecordStore {
  /** Timers in one shard of the due index whose due time is at or before `now`, earliest first. */
  dueTimers(shard: number, now: Date, limit: number): Promise<Timer[]>;
}
