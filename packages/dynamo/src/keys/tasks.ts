import { isTerminalTask } from '@taskforce/core';
import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

export const TASKS_PREFIX = 'TASK#';
/** Tasks assigned to an organisation, in the lookup index while they are live, by due time. */
export const assignedLookup = (orgId: string): string => `ASSIGNED#${orgId}`;

export const taskRecords: RecordShapes<'task'> = {
  task: {
    key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${TASKS_PREFIX}${ref.id}` }),
    index: (t) =>
      isTerminalTask(t.status) ? undefined : { gsi1pk: assignedLookup(t.assigneeOrgId), gsi1sk: `${t.dueAt}#${t.workspaceId}#${t.id}` },
  },
};
