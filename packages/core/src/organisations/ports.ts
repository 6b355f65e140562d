import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';
import type { Organisation } from './model';

/** What the organisation registry needs of the store. */
export interface OrganisationStore extends RecordStore {
  listOrganisations(q: PageQuery): Promise<Page<Organisation>>;
}
