import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';
import type { Task, TaskStatus } from './model';

export interface TaskQuery extends PageQuery {
  status?: TaskStatus;
  /** Only tasks still live whose due time is before this instant. */
  overdueAt?: string;
}

/** What tasks need of the store. */
export interface TaskStore extends RecordStore {
  listTasks(workspaceId: string, q: TaskQuery): Promise<Page<Task>>;
  listOpenTasksForAssignee(orgId: string, q: PageQuery): Promise<Page<Task>>;
}
