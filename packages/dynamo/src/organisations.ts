import type { Store } from '@taskforce/core';
import type { TableContext } from './context';
import { ORGANISATIONS_LOOKUP } from './keys';
import { queryPage } from './paging';

export const organisationQueries = (t: TableContext): Pick<Store, 'listOrganisations'> => ({
  listOrganisations: (q) => queryPage(t, { index: 'lookup', partition: ORGANISATIONS_LOOKUP }, q),
});
