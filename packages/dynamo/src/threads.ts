import type { ThreadStore } from '@taskforce/core';
import type { TableContext } from './context';
import { CHANNELS_PREFIX, revisionsPrefix, threadPrefix, workspacePartition } from './keys';
import { queryPage } from './paging';

/** Threads over the workspace's partition: a thread's messages read backwards (newest first), channels and revisions forwards. */
export const threadQueries = (t: TableContext): Pick<ThreadStore, 'listMessages' | 'listChannels' | 'listRevisions'> => ({
  listMessages: (workspaceId, threadKey, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: threadPrefix(threadKey) }, newestFirst: true }, q),
  listChannels: (workspaceId, q) => queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: CHANNELS_PREFIX } }, q),
  listRevisions: (workspaceId, threadKey, messageId, q) =>
    queryPage(t, { partition: workspacePartition(workspaceId), sort: { beginsWith: revisionsPrefix(threadKey, messageId) } }, q),
});
