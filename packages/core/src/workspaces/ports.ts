import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';
import type { Invitation, Membership } from './model';

/** What workspaces, memberships and invitations need of the store. */
export interface WorkspaceStore extends RecordStore {
  listMemberships(orgId: string, q: PageQuery): Promise<Page<Membership>>;
  listInvitationsForWorkspace(workspaceId: string, q: PageQuery): Promise<Page<Invitation>>;
  listPendingInvitationsForOrg(orgId: string, q: PageQuery): Promise<Page<Invitation>>;
}
