import type { Store } from '@taskforce/core';
import type { TableContext } from './context';
import { POLICIES_LOOKUP } from './keys';
import { queryPage } from './paging';

/** Every country's policy, by country code, from the lookup index. */
export const policyQueries = (t: TableContext): Pick<Store, 'listPolicies'> => ({
  listPolicies: (q) => queryPage(t, { index: 'lookup', partition: POLICIES_LOOKUP }, q),
});
