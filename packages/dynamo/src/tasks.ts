import { isTerminalTask, type Store, type TaskQuery, type TaskStatus, TaskStatus as TaskStatuses } from '@taskforce/core';
import type { TableContext } from './context';
import { assignedLookup, TASKS_PREFIX, tasksByAssigneePartition, tasksByStatusPartition, workspacePartition } from './keys';
import { type IndexRange, queryPage, rangesPage } from './paging';

/** Every state a task can be in, from its schema; the live ones are those the task machine does not end in. */
const STATES = TaskStatuses.options as readonly TaskStatus[];

/**
 * The index ranges a filtered task list reads, merged by due time: one partition per state the
 * filter allows (a `status`, or every state, or with `overdue` every live state), in the
 * assignee's partitions when one is named, else the workspace's; `overdue` keeps the part due
 * before the instant. Each task sits in exactly one of them, so the merge never repeats one.
 */
const taskRanges = (workspaceId: string, q: Omit<TaskQuery, 'limit' | 'cursor'>): IndexRange[] => {
  const states = STATES.filter((s) => (!q.status || s === q.status) && (!q.overdueAt || !isTerminalTask(s)));
  // The item's table key from its sort key in either index (`<due>#<id>`): what a cursor restarts from.
  const startKey = (sortKey: string) => ({
    pk: workspacePartition(workspaceId),
    sk: `${TASKS_PREFIX}${sortKey.slice(sortKey.indexOf('#') + 1)}`,
  });
  const sort = q.overdueAt ? { sort: { before: new Date(q.overdueAt).toISOString() } } : {};
  return states.map((s) =>
    q.assigneeOrgId
      ? { index: 'inbox', partition: tasksByAssigneePartition(workspaceId, q.assigneeOrgId, s), ...sort, startKey }
      : { index: 'due', partition: tasksByStatusPartition(workspaceId, s), ...sort, startKey },
  );
};

export const taskQueries = (t: TableContext): Pick<Store, 'listTasks' | 'listOpenTasksForAssignee'> => ({
  async listTasks(workspaceId, q) {
    if (!q.status && !q.overdueAt && !q.assigneeOrgId)
      return queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: TASKS_PREFIX } }, q);
    const ranges = taskRanges(workspaceId, q);
    // A finished state is never overdue: nothing to read.
    return ranges.length ? rangesPage(t, ranges, q) : { items: [] };
  },
  listOpenTasksForAssignee: (orgId, q) => queryPage(t, { index: 'lookup', partition: assignedLookup(orgId) }, q),
});
