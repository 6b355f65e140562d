import type { Page } from '../kernel/records';
import type { PageQuery, RecordStore } from '../kernel/store';
import type { Task, TaskStatus } from './model';

export interface TaskQuery extends PageQuery {
  status?: TaskStatus;
  /** Only tasks still live whose due time is before this instant. */
  overdueAt?: string;
  /** Only tasks assigned to this organisation. */
  assigneeOrgId?: string;
}

/** What tasks need of the store. */
export interface TaskStore extends RecordStore {
  /**
   * A workspace's tasks: without a filter in id order (oldest first); with any of `status`,
   * `overdueAt` and `assigneeOrgId`, only the tasks matching all of them, soonest due first
   * (then by id). Each page costs the store O(page) reads, and only a page followed by more
   * matching tasks carries a `next`.
   */
  listTasks(workspaceId: string, q: TaskQuery): Promise<Page<Task>>;
  listOpenTasksForAssignee(orgId: string, q: PageQuery): Promise<Page<Task>>;
}
