import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** A workspace's imported intelligence, by record id (derived from the STIX id). */
export const INTEL_PREFIX = 'INTEL#';

export const intelRecords: RecordShapes<'intel'> = {
  intel: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${INTEL_PREFIX}${ref.id}` }) },
};
