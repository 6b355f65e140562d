import type { DataRequest, Store } from '@taskforce/core';
import type { TableContext } from './context';
import { evidencePrefix, inboxPartition, inboxSortKey, REQUESTS_PREFIX, workspacePartition } from './keys';
import { queryPage } from './paging';

export const requestQueries = (t: TableContext): Pick<Store, 'listRequests' | 'listInbox' | 'findInboxRequest' | 'listEvidence'> => ({
  listRequests: (workspaceId, q) => queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: REQUESTS_PREFIX } }, q),
  listInbox: (providerOrgId, q) => queryPage(t, { index: 'inbox', partition: inboxPartition(providerOrgId), newestFirst: true }, q),
  async findInboxRequest(providerOrgId, requestId) {
    const page = await queryPage<DataRequest>(
      t,
      { index: 'inbox', partition: inboxPartition(providerOrgId), sort: { equals: inboxSortKey(requestId) } },
      { limit: 1 },
    );
    return page.items[0] ?? null;
  },
  listEvidence: (workspaceId, requestId, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: evidencePrefix(requestId) } }, q),
});
