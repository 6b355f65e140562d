import type { Marking } from '../kernel/marking';
import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';
import type { MatchGroup, MatchHolder } from './model';
import type { Selector } from './selectors';

/**
 * A record whose selectors are indexed (a data request, a task or an incident), as far as the
 * index needs it: those features import matching, so it names their records by shape alone.
 */
export interface SelectorHolder {
  kind: 'request' | 'task' | 'incident';
  value: {
    workspaceId: string;
    id: string;
    marking: Marking;
    selectors?: Selector[] | undefined;
    /** When it was made: a request's or a task's `createdAt`, an incident's `raisedAt`. */
    createdAt?: string;
    raisedAt?: string;
  };
}

/** What a check needs of the store: the holders of keyed hashes. */
export interface MatchIndexStore extends RecordStore {
  /**
   * The holders of each group (one keyed hash under one key), in the order asked: one query of
   * the hash's partition per group, whether anything holds it or not, at most `MAX_MATCH_OWNERS`
   * holders each, by workspace, record type and record id.
   */
  matchHolders(groups: readonly MatchGroup[]): Promise<MatchHolder[][]>;
}

/** What the re-index needs of the store: every record that holds selectors, page by page. */
export interface SelectorHolderStore extends MatchIndexStore {
  /**
   * One page of the requests, tasks and incidents that carry selectors, of every workspace, in
   * no promised order. `limit` bounds the items READ for the page, not the ones returned (the
   * DynamoDB adapter scans the table with a filter): a page may hold fewer, even none, and still
   * have a `next`. For a rare administrative walk only (see matching/reindex.ts).
   */
  selectorHolders(q: PageQuery): Promise<Page<SelectorHolder>>;
}
