import {
  type AuditExportDeps,
  type AuditExportView,
  type EvidenceObjects,
  runAuditExport,
  type VerifyJob,
  verifyEvidence,
} from '@taskforce/core';
import { type DocumentWorkerDeps, runDocumentJob } from '@taskforce/core/reports';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { batchResponse, errorMessage, failedRecords, runRecords } from './batch-runner';

/** An audit export job's message on the exports queue (put there by fan-out): which job to run. */
export interface ExportJobMessage {
  workspaceId: string;
  exportId: string;
}

/** A completed evidence upload to join and verify (put there by fan-out from its `evidence.completed` event). */
export interface VerifyJobMessage {
  verify: VerifyJob;
}

/** A document job (a PDF request package or workspace report) to build and render (put there by fan-out from `document.requested`). */
export interface DocumentJobMessage {
  workspaceId: string;
  documentId: string;
}

interface ExportLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const jobOf = (body: string): ExportJobMessage | VerifyJobMessage | DocumentJobMessage | null => {
  try {
    const m = JSON.parse(body) as Partial<ExportJobMessage & VerifyJobMessage & DocumentJobMessage>;
    if (typeof m.workspaceId === 'string' && typeof m.documentId === 'string')
      return { workspaceId: m.workspaceId, documentId: m.documentId };
    const v = m.verify;
    if (v && typeof v.workspaceId === 'string' && typeof v.parentKey === 'string' && typeof v.evidenceId === 'string')
      return { verify: { workspaceId: v.workspaceId, parentKey: v.parentKey, evidenceId: v.evidenceId } };
    return typeof m.workspaceId === 'string' && typeof m.exportId === 'string'
      ? { workspaceId: m.workspaceId, exportId: m.exportId }
      : null;
  } catch {
    return null;
  }
};

/**
 * The consumer of the exports queue: runs each named job (`runAuditExport`, or `verifyEvidence` for a
 * completed evidence upload), one after another,
 * each within the invocation's remaining time (Lambda's context, when there is one). A job that
 * fails is a job state, not a failed message; only a message that could not be handled at all
 * (e.g. the table could not be reached to record the outcome) comes back.
 */
export const createExportHandler =
  (
    deps: AuditExportDeps & {
      logger: ExportLogger;
      evidenceObjects?: EvidenceObjects | undefined;
      /** What document jobs are built and rendered with (packages/documents renders); absent, their messages come back. */
      documents?: DocumentWorkerDeps | undefined;
    },
    onDone?: (job: AuditExportView | null) => void,
  ) =>
  async (event: SQSEvent, context?: { getRemainingTimeInMillis(): number }): Promise<SQSBatchResponse> => {
    const runJob = async (r: SQSRecord): Promise<'done' | 'failed'> => {
      const job = jobOf(r.body);
      if (!job) {
        deps.logger.error('export: unreadable job message', { messageId: r.messageId });
        return 'failed';
      }
      if ('verify' in job) {
        try {
          const item = await verifyEvidence(deps, job.verify);
          deps.logger.info('evidence verified', {
            evidenceId: job.verify.evidenceId,
            status: item?.status ?? 'missing',
            rejected: item?.rejected,
          });
          return 'done';
        } catch (err) {
          deps.logger.error('evidence verification failed', { evidenceId: job.verify.evidenceId, message: errorMessage(err) });
          return 'failed';
        }
      }
      if ('documentId' in job) {
        const documents = deps.documents;
        if (!documents) {
          deps.logger.error('document: no renderer in this worker', { documentId: job.documentId });
          return 'failed';
        }
        try {
          const out = await runDocumentJob(documents, { workspaceId: job.workspaceId, id: job.documentId });
          deps.logger.info('document', { documentId: job.documentId, status: out?.status ?? 'missing', error: out?.error?.code });
          return 'done';
        } catch (err) {
          deps.logger.error('document failed', { documentId: job.documentId, message: errorMessage(err) });
          return 'failed';
        }
      }
      try {
        const out = await runAuditExport(
          deps,
          { workspaceId: job.workspaceId, id: job.exportId },
          context ? { remainingMs: () => context.getRemainingTimeInMillis() } : {},
        );
        deps.logger.info('export', {
          exportId: job.exportId,
          status: out?.status ?? 'missing',
          lines: out?.lines,
          error: out?.error?.code,
        });
        onDone?.(out);
        return 'done';
      } catch (err) {
        deps.logger.error('export failed', { exportId: job.exportId, message: errorMessage(err) });
        return 'failed';
      }
    };
    const outcomes = await runRecords(event.Records, runJob, () => 'failed' as const, { oneAtATime: true });
    return batchResponse(failedRecords(event.Records, outcomes, (o) => o === 'failed').map((r) => r.messageId));
  };
