import type { ChainHead, Store } from '@taskforce/core';
import { getItem } from './batch-get';
import type { TableContext } from './context';
import { AUDIT_PREFIX, chainHeadKey, chainPk, EVENTS_PREFIX } from './keys';
import { queryPage } from './paging';

export const auditQueries = (
  t: TableContext,
): Pick<Store, 'listAudit' | 'listEvents'> & { chainHead(chainId: string): Promise<ChainHead | null> } => ({
  listAudit: (chainId, q) => queryPage(t, { partition: chainPk(chainId), sort: { beginsWith: AUDIT_PREFIX } }, q),
  listEvents: (workspaceId, q) => queryPage(t, { partition: chainPk(workspaceId), sort: { beginsWith: EVENTS_PREFIX } }, q),
  /** Reads a chain's head (for verification and tests). */
  async chainHead(chainId) {
    const item = await getItem(t, chainHeadKey(chainId));
    return item ? { chainId, seq: Number(item.seq), hash: String(item.hash) } : null;
  },
});
