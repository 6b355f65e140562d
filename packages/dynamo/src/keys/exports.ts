import type { RecordShapes } from './shared';
import { workspacePartition } from './workspaces';

/** Audit export jobs sit in their workspace's partition, read one at a time by id (no list). */
const AUDIT_EXPORTS_PREFIX = 'AUDEXP#';

/** Document jobs (PDF packages and reports) likewise. */
const DOCUMENTS_PREFIX = 'DOCJOB#';

export const exportRecords: RecordShapes<'auditExport' | 'documentJob'> = {
  auditExport: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${AUDIT_EXPORTS_PREFIX}${ref.id}` }) },
  documentJob: { key: (ref) => ({ pk: workspacePartition(ref.workspaceId), sk: `${DOCUMENTS_PREFIX}${ref.id}` }) },
};
