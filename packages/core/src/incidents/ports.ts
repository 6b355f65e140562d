import type { Page } from '../kernel/records';
import type { KernelDeps, PageQuery, RecordStore } from '../kernel/store';
import type { MatchingDeps } from '../matching/hasher';
import type { CountryContacts, Incident } from './model';

/** The 24/7 network's lists: incidents of a workspace, and every country's contacts. */
export interface IncidentStore {
  listIncidents(workspaceId: string, q: PageQuery): Promise<Page<Incident>>;
  listContacts(q: PageQuery): Promise<Page<CountryContacts>>;
}

export type IncidentDeps = KernelDeps<RecordStore> & { alerts: IncidentStore } & MatchingDeps;
