import { isTerminalTask, type Store, type TaskStatus, taskTransitions } from '@taskforce/core';
import type { TableContext } from './context';
import { assignedLookup, TASKS_PREFIX, workspacePartition } from './keys';
import { type PartitionQuery, queryPage } from './paging';

/** The states a task ends in, from its machine: an overdue task is one not yet in any of them. */
const TERMINAL = (Object.keys(taskTransitions) as TaskStatus[]).filter(isTerminalTask);

export const taskQueries = (t: TableContext): Pick<Store, 'listTasks' | 'listOpenTasksForAssignee'> => ({
  listTasks(workspaceId, q) {
    const conditions: string[] = [];
    const values: Record<string, unknown> = {};
    if (q.status) {
      conditions.push('#d.#s = :status');
      values[':status'] = q.status;
    }
    if (q.overdueAt) {
      const ended = TERMINAL.map((status, i) => {
        values[`:end${i}`] = status;
        return `:end${i}`;
      });
      conditions.push(`#d.dueAt < :now AND NOT (#d.#s IN (${ended.join(', ')}))`);
      values[':now'] = q.overdueAt;
    }
    const filter: PartitionQuery['filter'] = conditions.length
      ? { expression: conditions.join(' AND '), names: { '#d': 'data', '#s': 'status' }, values }
      : undefined;
    return queryPage(
      t,
      { partition: workspacePartition(workspaceId), sort: { beginsWith: TASKS_PREFIX }, ...(filter ? { filter } : {}) },
      q,
    );
  },
  listOpenTasksForAssignee: (orgId, q) => queryPage(t, { index: 'lookup', partition: assignedLookup(orgId) }, q),
});
