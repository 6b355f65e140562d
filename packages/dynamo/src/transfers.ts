import type { Store } from '@taskforce/core';
import type { TableContext } from './context';
import { TRANSFERS_PREFIX, workspacePartition } from './keys';
import { queryPage } from './paging';

export const transferQueries = (t: TableContext): Pick<Store, 'listTransfers'> => ({
  listTransfers: (workspaceId, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: TRANSFERS_PREFIX } }, q),
});
