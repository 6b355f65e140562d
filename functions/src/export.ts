import type { DocumentContent, DocumentLang } from '@taskforce/core/reports';
import { createExportHandler } from '@taskforce/messaging';
import { S3EvidenceObjects, S3ExportFiles, s3ClientOnDemand } from '@taskforce/objects';
import { auditDeps, lambda, log, required } from './runtime';

/**
 * SQS `exports` → one audit export job per invocation: the requester's view of the chain written
 * to the evidence bucket's `audit-exports/` in parts (`EVIDENCE_BUCKET_NAME`), then the job marked
 * ready with its `audit.exported` entry. It works to the invocation's remaining time. It sequences
 * the chain before reading it (the job's own entry may still be queued), so it signs checkpoints.
 * It also joins and verifies completed evidence uploads (`evidence.completed` → `verifyEvidence`),
 * and builds and renders documents (`document.requested`: PDF request packages and workspace
 * reports, packages/documents, in the fonts beside its script) to `documents/`.
 */
const deps = {
  ...auditDeps(),
  exportFiles: new S3ExportFiles(s3ClientOnDemand(), required('EVIDENCE_BUCKET_NAME')),
  // The same worker joins and verifies completed evidence uploads (a digest streamed from S3).
  evidenceObjects: new S3EvidenceObjects(s3ClientOnDemand(), required('EVIDENCE_BUCKET_NAME'), { malwareScan: 'guardduty' }),
  logger: log,
};
// The renderer (pdf-lib, fontkit) loads on the first document, not at every cold start.
const renderDocument = async (content: DocumentContent, lang: DocumentLang) =>
  (await import('@taskforce/documents')).renderDocument(content, lang);
const documents = { ...deps, renderDocument };
export const handler = lambda(createExportHandler({ ...deps, documents }));
