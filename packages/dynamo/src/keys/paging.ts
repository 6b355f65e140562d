import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** An incident's pages sit in its workspace's partition, after the incident: one query lists them. */
export const pagesPrefix = (incidentId: string): string => `PAGE#${incidentId}#`;

export const pagingRecords: RecordShapes<'page' | 'pageMessage'> = {
  page: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${pagesPrefix(ref.incidentId)}${ref.id}` }) },
  pageMessage: { key: (ref) => ({ pk: `PAGEMSG#${ref.messageId}`, sk: 'PAGEMSG' }) },
};
