import type { SearchKind, SearchRecords, SearchStore } from '@taskforce/core';
import type { TableContext } from './context';
import { INCIDENTS_PREFIX, MESSAGES_PREFIX, REQUESTS_PREFIX, TASKS_PREFIX, workspacePartition } from './keys';
import { queryPage } from './paging';

/** Where each kind of record sits in its workspace's partition. */
const PREFIX: Record<SearchKind, string> = {
  message: MESSAGES_PREFIX,
  task: TASKS_PREFIX,
  request: REQUESTS_PREFIX,
  incident: INCIDENTS_PREFIX,
};

/** Items asked of one Query: DynamoDB also stops a page at 1 MB read. */
const QUERY_ITEMS = 1000;

/**
 * One workspace's records of one kind, for search: Queries of the workspace's partition by the
 * kind's sort-key prefix, page after page, until the partition's records of that kind are read
 * or `max` of them are (one more is read to tell whether there are more). What bounds it:
 * `max` items, so `max` × item size read (eventually consistent: 0.5 RCU per 4 KB); nothing
 * narrows the read by the query's words, which DynamoDB cannot index (docs/search.md).
 */
export const searchQueries = (t: TableContext): SearchStore => ({
  async searchCandidates<K extends SearchKind>(workspaceId: string, kind: K, max: number) {
    const items: SearchRecords[K][] = [];
    let cursor: string | undefined;
    do {
      const page = await queryPage<SearchRecords[K]>(
        t,
        { partition: workspacePartition(workspaceId), sort: { beginsWith: PREFIX[kind] } },
        { limit: Math.min(QUERY_ITEMS, max + 1 - items.length), ...(cursor ? { cursor } : {}) },
      );
      items.push(...page.items);
      cursor = page.next;
    } while (cursor && items.length <= max);
    return { items: items.slice(0, max), truncated: items.length > max };
  },
});
