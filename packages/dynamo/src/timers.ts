import type { Store, Timer } from '@taskforce/core';
import type { TableContext } from './context';
import { dueSortKey, timerPartition, timerRecords } from './keys';
import { dueItems } from './paging';

export const timerQueries = (t: TableContext): Pick<Store, 'dueTimers'> => ({
  dueTimers: (shard, now, limit, after) =>
    dueItems<Timer>(
      t,
      timerPartition(shard),
      now,
      limit,
      undefined,
      // The next page starts after that timer's place in the index, whether or not it is still there.
      after && {
        ...timerRecords.timer.key({ kind: 'timer', workspaceId: after.workspaceId, id: after.id }),
        duePk: timerPartition(shard),
        dueSk: dueSortKey(after.dueAt, after.id),
      },
    ),
});
