import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** Evidence of any size, in its workspace's partition under its parent: `EOBJ#<kind>:<id>#<itemId>`. */
export const evidenceObjectPrefix = (parentKey: string): string => `EOBJ#${parentKey}#`;
/** The workspace's evidence officer: one item. */
const EVIDENCE_OFFICER_SK = 'EOFFICER';

export const evidenceRecords: RecordShapes<'evidenceObject' | 'evidenceOfficer'> = {
  evidenceObject: {
    key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${evidenceObjectPrefix(ref.parentKey)}${ref.id}` }),
  },
  evidenceOfficer: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: EVIDENCE_OFFICER_SK }) },
};
