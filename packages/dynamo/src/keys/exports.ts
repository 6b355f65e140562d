import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** Audit export jobs sit in their workspace's partition, read one at a time by id (no list). */
const AUDIT_EXPORTS_PREFIX = 'AUDEXP#';

export const exportRecords: RecordShapes<'auditExport'> = {
  auditExport: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${AUDIT_EXPORTS_PREFIX}${ref.id}` }) },
};
