import type { Incident } from '../incidents/model';
import type { DataRequest } from '../requests/request';
import type { Task } from '../tasks/model';
import type { Message } from '../threads/model';
import type { SearchKind } from './model';

export interface SearchRecords {
  message: Message;
  task: Task;
  request: DataRequest;
  incident: Incident;
}

/**
 * Search's read of the store: one workspace's records of one kind, at most `max` of them (the
 * DynamoDB adapter: a Query of the workspace's partition by the kind's sort-key prefix, in
 * pages of 1 MB, stopping at `max` items). `truncated`: the workspace holds more than `max`.
 * It reads every record of the kind, whoever may see it: the evaluator decides after.
 */
export interface SearchStore {
  searchCandidates<K extends SearchKind>(
    workspaceId: string,
    kind: K,
    max: number,
  ): Promise<{ items: SearchRecords[K][]; truncated: boolean }>;
}
