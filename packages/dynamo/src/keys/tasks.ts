import { isTerminalTask, type Task, type TaskStatus } from '@taskforce/core';
import { dueSortKey, type RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

export const TASKS_PREFIX = 'TASK#';
/** Tasks assigned to an organisation, in the lookup index while they are live, by due time. */
export const assignedLookup = (orgId: string): string => `ASSIGNED#${orgId}`;

/**
 * A workspace's tasks in one state, in the due index, by due time: what a `status` filter reads,
 * and (for a live state) an `overdue` one, as the part of the partition due before now.
 */
export const tasksByStatusPartition = (workspaceId: string, status: TaskStatus): string => `TASKS#${workspaceId}#${status}`;
/**
 * A workspace's tasks of one assignee in one state, in the inbox index (`gsi2`), by due time:
 * what an `assigneeOrgId` filter reads, with or without `status` and `overdue`.
 */
export const tasksByAssigneePartition = (workspaceId: string, orgId: string, status: TaskStatus): string =>
  `TASKS#${workspaceId}#${orgId}#${status}`;
/**
 * A task's place in both: its due time, written the one way ISO 8601 can be (so that comparing
 * strings compares instants: `…00Z` and `…00.000Z` are the same time), then its id.
 */
const taskDueSortKey = (t: Pick<Task, 'dueAt' | 'id'>): string => dueSortKey(new Date(t.dueAt).toISOString(), t.id);

export const taskRecords: RecordShapes<'task'> = {
  task: {
    key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${TASKS_PREFIX}${ref.id}` }),
    index: (t) => ({
      ...(isTerminalTask(t.status)
        ? {}
        : { gsi1pk: assignedLookup(t.assigneeOrgId), gsi1sk: `${new Date(t.dueAt).toISOString()}#${t.workspaceId}#${t.id}` }),
      duePk: tasksByStatusPartition(t.workspaceId, t.status),
      dueSk: taskDueSortKey(t),
      gsi2pk: tasksByAssigneePartition(t.workspaceId, t.assigneeOrgId, t.status),
      gsi2sk: taskDueSortKey(t),
    }),
  },
};
