import type { Store } from '@taskforce/core';
import type { TableContext } from './context';
import { INTEL_PREFIX, workspacePartition } from './keys';
import { queryPage } from './paging';

export const intelQueries = (t: TableContext): Pick<Store, 'listIntel'> => ({
  listIntel: (workspaceId, q) => queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: INTEL_PREFIX } }, q),
});
