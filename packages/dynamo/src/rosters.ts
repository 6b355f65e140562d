import type { Store } from '@taskforce/core';
import type { TableContext } from './context';
import { orgPartition, ROSTERS_PREFIX } from './keys';
import { queryPage } from './paging';

export const rosterQueries = (t: TableContext): Pick<Store, 'listRosters'> => ({
  listRosters: (orgId, q) => queryPage(t, { partition: orgPartition(orgId), sort: { beginsWith: ROSTERS_PREFIX } }, q),
});
