import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** A workspace's onward-transfer requests, by id (time-ordered). */
export const TRANSFERS_PREFIX = 'TRANSFER#';

export const transferRecords: RecordShapes<'transfer' | 'openTransfer'> = {
  transfer: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${TRANSFERS_PREFIX}${ref.id}` }) },
  // Not under TRANSFER#: a list of the transfers never reads the open markers.
  openTransfer: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `OPEN-TRANSFER#${ref.key}` }) },
};
