import { shardOf } from '@taskforce/core';
import { dueSortKey, type RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** Pending timers of one shard, in the due index. */
export const timerPartition = (shard: number): string => `TIMER#${shard}`;

export const timerRecords: RecordShapes<'timer'> = {
  timer: {
    key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `TIMER#${ref.id}` }),
    index: (t) => ({ duePk: timerPartition(shardOf(t.id)), dueSk: dueSortKey(t.dueAt, t.id) }),
  },
};
