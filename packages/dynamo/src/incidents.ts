import type { AlertStore } from '@taskforce/core';
import type { TableContext } from './context';
import { CONTACTS_LOOKUP, INCIDENTS_PREFIX, pagesPrefix, workspacePartition } from './keys';
import { queryPage } from './paging';

export const incidentQueries = (t: TableContext): Pick<AlertStore, 'listIncidents' | 'listContacts' | 'listPages'> => ({
  listIncidents: (workspaceId, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: INCIDENTS_PREFIX }, newestFirst: true }, q),
  listContacts: (q) => queryPage(t, { index: 'lookup', partition: CONTACTS_LOOKUP }, q),
  listPages: (workspaceId, incidentId, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: pagesPrefix(incidentId) } }, q),
});
