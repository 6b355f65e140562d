import type { Store } from '@taskforce/core';
import type { TableContext } from './context';
import { INVITATIONS_PREFIX, invitedLookup, MEMBERSHIPS_PREFIX, orgPartition, workspacePartition } from './keys';
import { queryPage } from './paging';

export const workspaceQueries = (
  t: TableContext,
): Pick<Store, 'listMemberships' | 'listInvitationsForWorkspace' | 'listPendingInvitationsForOrg'> => ({
  listMemberships: (orgId, q) => queryPage(t, { partition: orgPartition(orgId), sort: { beginsWith: MEMBERSHIPS_PREFIX } }, q),
  listInvitationsForWorkspace: (workspaceId, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: INVITATIONS_PREFIX } }, q),
  listPendingInvitationsForOrg: (orgId, q) => queryPage(t, { index: 'lookup', partition: invitedLookup(orgId) }, q),
});
