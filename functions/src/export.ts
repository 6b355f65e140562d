import { createExportHandler } from '@taskforce/messaging';
import { S3ExportFiles, s3ClientOnDemand } from '@taskforce/objects';
import { lambda, log, required, tableDeps } from './runtime';

/**
 * SQS `exports` → one audit export job per invocation: the requester's view of the chain written
 * to the evidence bucket's `audit-exports/` in parts (`EVIDENCE_BUCKET_NAME`), then the job marked
 * ready with its `audit.exported` entry. It works to the invocation's remaining time.
 */
const deps = { ...tableDeps(), exportFiles: new S3ExportFiles(s3ClientOnDemand(), required('EVIDENCE_BUCKET_NAME')), logger: log };
export const handler = lambda(createExportHandler(deps));
