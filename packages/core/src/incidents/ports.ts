import type { Page } from '../kernel/records';
import type { KernelDeps, PageQuery, RecordStore } from '../kernel/store';
import type { MatchingDeps } from '../matching/hasher';
import type { PersonPage } from '../paging/model';
import type { UserAdmin } from '../users/ports';
import type { CountryContacts, Incident } from './model';

/** The 24/7 network's lists: incidents of a workspace, and every country's contacts. */
export interface IncidentStore {
  listIncidents(workspaceId: string, q: PageQuery): Promise<Page<Incident>>;
  listContacts(q: PageQuery): Promise<Page<CountryContacts>>;
  /** An incident's pages, oldest first (page ids are time-ordered). */
  listPages(workspaceId: string, incidentId: string, q: PageQuery): Promise<Page<PersonPage>>;
}

/** The user directory names the people a ladder pages (absent: a rung cannot name a person, and the trail shows no names). */
export type IncidentDeps = KernelDeps<RecordStore> & { alerts: IncidentStore; users?: UserAdmin | undefined } & MatchingDeps;
