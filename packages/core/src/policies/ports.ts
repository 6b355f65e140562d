import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';
import type { CountryPolicy } from './policy';

/** What country policies need of the store: each country's policy is a record; this lists them. */
export interface PolicyStore extends RecordStore {
  /** Every country's policy, by country code. */
  listPolicies(q: PageQuery): Promise<Page<CountryPolicy>>;
}
