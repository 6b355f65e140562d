import type { Store, Timer } from '@taskforce/core';
import type { TableContext } from './context';
import { timerPartition } from './keys';
import { dueItems } from './paging';

export const timerQueries = (t: TableContext): Pick<Store, 'dueTimers'> => ({
  dueTimers: (shard, now, limit) => dueItems<Timer>(t, timerPartition(shard), now, limit),
});
