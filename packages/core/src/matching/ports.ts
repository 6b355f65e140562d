import type { Incident } from '../incidents/model';
import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';
import type { DataRequest } from '../requests/request';
import type { Task } from '../tasks/model';

/** A record whose selectors are indexed: a data request, a task or an incident. */
export type SelectorHolder =
  | { kind: 'request'; value: DataRequest }
  | { kind: 'task'; value: Task }
  | { kind: 'incident'; value: Incident };

/** What the re-index needs of the store: every record that holds selectors, page by page. */
export interface SelectorHolderStore extends RecordStore {
  /**
   * One page of the requests, tasks and incidents that carry selectors, of every workspace, in
   * no promised order. `limit` bounds the items READ for the page, not the ones returned (the
   * DynamoDB adapter scans the table with a filter): a page may hold fewer, even none, and still
   * have a `next`. For a rare administrative walk only (see matching/reindex.ts).
   */
  selectorHolders(q: PageQuery): Promise<Page<SelectorHolder>>;
}
