import type { Store } from '@taskforce/core';
import type { TableContext } from './context';
import { evidenceObjectPrefix, workspacePartition } from './keys';
import { queryPage } from './paging';

export const evidenceQueries = (t: TableContext): Pick<Store, 'listEvidenceObjects'> => ({
  listEvidenceObjects: (workspaceId, parentKey, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: evidenceObjectPrefix(parentKey) } }, q),
});
