import type { Page } from '../kernel/records';
import type { KernelDeps, PageQuery, RecordStore } from '../kernel/store';
import type { UserAdmin } from '../users/ports';
import type { Roster } from './model';

/** What rosters need of the store. */
export interface RosterStore extends RecordStore {
  /** An organisation's rosters, oldest first (ids are time-ordered). */
  listRosters(orgId: string, q: PageQuery): Promise<Page<Roster>>;
}

/** The store, and the user directory that says who may stand on a roster (absent: rosters cannot be changed, 503). */
export type RosterDeps = KernelDeps<RosterStore> & { users?: UserAdmin };
