import * as z from 'zod/mini';
import { actorOf, type CommandContext, commandOf } from '../kernel/context';
import { DomainError, notFound } from '../kernel/errors';
import type { EventNames } from '../kernel/events';
import { Id, IsoDateTime } from '../kernel/primitives';
import { Principal } from '../kernel/principal';
import { defineRecord } from '../kernel/records';
import { LoadedView, runCommand, unchanged } from '../kernel/runner';
import type { Write } from '../kernel/store';
import { authorize, authorizeInView } from '../policies/permissions';
import { OutOfTime, Superseded, UploadFailed, writeFile } from './export-file';
import { exportAuditTrail } from './export-lines';
import { DEFAULT_EXPORT_REDRIVE_AFTER_MS, exportRequestedEvent, redriveTimer, redriveTimerIds } from './export-redrive';
import type { ExportFiles } from './ports';
import type { AuditDeps } from './queries';

// ---------------------------------------------------------------------------------------
// Audit export as a job: the request records a job; a worker writes the requester's view of
// the chain, as JSON Lines, to the evidence bucket in parts, and marks the job ready together
// with its `audit.exported` entry; the requester then fetches a short-lived link to the file.
// No response ever carries the chain itself, so nothing is buffered whatever its length.
// ---------------------------------------------------------------------------------------

const AUDIT_EXPORT_STATUSES = ['queued', 'ready', 'failed'] as const;
const AuditExportStatus = z.enum(AUDIT_EXPORT_STATUSES);

/**
 * Why a job failed, as a code (never an internal message):
 * - `access_lost`: the requester may no longer read the workspace's audit trail;
 * - `upload_failed`: the file could not be written to the bucket;
 * - `read_failed`: the chain could not be read;
 * - `out_of_time`: the worker's time ran out before the file was complete;
 * - `never_finished`: the job was handed to the worker again and again (see export-redrive.ts)
 *   and no run of it ever recorded an outcome (its runtime died each time, its messages were lost).
 */
const AUDIT_EXPORT_ERRORS = ['access_lost', 'upload_failed', 'read_failed', 'out_of_time', 'never_finished'] as const;
const AuditExportError = z.enum(AUDIT_EXPORT_ERRORS);
type AuditExportError = z.infer<typeof AuditExportError>;

const Sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));

const AuditExportJob = z.object({
  workspaceId: Id,
  id: Id,
  /** Who asked: the job is theirs alone, and the chain is written as they may see it when the worker runs. */
  requestedBy: Principal,
  status: AuditExportStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.int(),
  /** Once ready: where the file is, its line count, byte size and SHA-256. */
  file: z.optional(z.object({ key: z.string(), lines: z.int(), bytes: z.int(), sha256: Sha256Hex })),
  error: z.optional(AuditExportError),
});
type AuditExportJob = z.infer<typeof AuditExportJob>;

declare module '../kernel/records' {
  interface RecordTypes {
    auditExport: { value: AuditExportJob; ref: { workspaceId: string; id: string } };
  }
}
defineRecord('auditExport', ['workspaceId', 'id'], (j) => ({ workspaceId: j.workspaceId, id: j.id }));

/** The job's event: on AWS it reaches the export worker through the outbox (see messaging's fan-out). */
export const AUDIT_EVENTS = ['audit.export_requested'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof AUDIT_EVENTS> {}
}

/** A job as its requester sees it. `download` is present once ready, and valid until `expiresAt`. */
export const AuditExportView = z.object({
  id: Id,
  workspaceId: Id,
  status: AuditExportStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  lines: z.optional(z.int()),
  bytes: z.optional(z.int()),
  sha256: z.optional(Sha256Hex),
  download: z.optional(z.object({ url: z.string(), expiresAt: IsoDateTime })),
  error: z.optional(z.object({ code: AuditExportError })),
});
export type AuditExportView = z.infer<typeof AuditExportView>;

/**
 * `exportRedriveAfterMs`: how long a job may stay queued before it is handed to the worker again
 * (default `DEFAULT_EXPORT_REDRIVE_AFTER_MS`; see export-redrive.ts).
 */
export type AuditExportRequestDeps = AuditDeps & { exportRedriveAfterMs?: number | undefined };
export type AuditExportDeps = AuditDeps & { exportFiles: ExportFiles };

/** How long a download link lasts; each GET of a ready job issues a fresh one. */
const EXPORT_LINK_TTL_SECONDS = 300;

export const exportFileKey = (workspaceId: string, id: string, attempt: string) => `audit-exports/${workspaceId}/${id}/${attempt}.jsonl`;

const jobRef = (workspaceId: string, id: string) => ({ kind: 'auditExport' as const, workspaceId, id });

const viewOf = (j: AuditExportJob, download?: AuditExportView['download']): AuditExportView => ({
  id: j.id,
  workspaceId: j.workspaceId,
  status: j.status,
  createdAt: j.createdAt,
  updatedAt: j.updatedAt,
  ...(j.file ? { lines: j.file.lines, bytes: j.file.bytes, sha256: j.file.sha256 } : {}),
  ...(download ? { download } : {}),
  ...(j.error ? { error: { code: j.error } } : {}),
});

/** May `p` read the audit of the workspace in `view`? Throws the 403/404 of the permission table if not. */
const auditReader = (view: LoadedView, p: Principal, workspaceId: string) => {
  authorize('audit.read', p);
  return authorizeInView('audit.read', p, view, workspaceId);
};

/**
 * Records an export job for the caller (lead or auditor, `audit.read`); the worker picks it up
 * from its outbox event. The same commit arms the job's re-drive timer, in case that event's
 * message never gets the job run. Answers the queued job; a repeat of the Idempotency-Key answers it again.
 */
export async function requestAuditExport(deps: AuditExportRequestDeps, ctx: CommandContext, workspaceId: string): Promise<AuditExportView> {
  const redriveAfterMs = deps.exportRedriveAfterMs ?? DEFAULT_EXPORT_REDRIVE_AFTER_MS;
  const id = deps.ids.next();
  const out = await runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }],
    authorize: (view) => auditReader(view, ctx.principal, workspaceId),
    decide: (_view, now) => {
      const at = now.toISOString();
      const job: AuditExportJob = {
        workspaceId,
        id,
        requestedBy: ctx.principal,
        status: 'queued',
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      return {
        writes: [
          { op: 'put', record: { kind: 'auditExport', value: job }, expect: 'absent' },
          { op: 'put', record: { kind: 'timer', value: redriveTimer(job, 0, now, redriveAfterMs) }, expect: 'absent' },
        ],
        audit: { action: 'audit.export_requested', target: { type: 'auditExport', id }, markings: [] },
        events: [exportRequestedEvent(workspaceId, id)],
        result: viewOf(job),
        status: 202,
      };
    },
  });
  return out.result;
}

/**
 * A job, to its requester only (same organisation and subject): any other caller, and a
 * requester who may no longer read the workspace's audit, gets 404. Once ready it carries a
 * fresh link to the file, valid for `EXPORT_LINK_TTL_SECONDS`.
 */
export async function getAuditExport(deps: AuditExportDeps, p: Principal, workspaceId: string, exportId: string): Promise<AuditExportView> {
  const { records } = await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, jobRef(workspaceId, exportId)] });
  const view = new LoadedView({ records, idempotency: null });
  try {
    auditReader(view, p, workspaceId);
  } catch (err) {
    if (err instanceof DomainError) throw notFound('export');
    throw err;
  }
  const job = view.get(jobRef(workspaceId, exportId));
  if (!job || job.requestedBy.orgId !== p.orgId || job.requestedBy.sub !== p.sub) throw notFound('export');
  if (job.status !== 'ready' || !job.file) return viewOf(job);
  const now = deps.clock.now();
  const url = await deps.exportFiles.linkFor(job.file.key, EXPORT_LINK_TTL_SECONDS, `audit-${workspaceId}-${exportId}.jsonl`);
  return viewOf(job, { url, expiresAt: new Date(now.getTime() + EXPORT_LINK_TTL_SECONDS * 1000).toISOString() });
}

export interface ExportRunOptions {
  /** Bytes per part (default `EXPORT_PART_BYTES`; S3 wants at least 5 MiB for all but the last). */
  partBytes?: number;
  /** Milliseconds left to this invocation (Lambda's `getRemainingTimeInMillis`); unbounded if absent. */
  remainingMs?: () => number;
}

/**
 * The worker: writes the job's file, then marks the job ready in one commit with its
 * `audit.exported` entry (line count, byte size, digest). The chain is read through
 * `exportAuditTrail` as the requester sees it now (entries it may not see are sealed stubs), up to
 * and including the job's own `audit.export_requested` entry, whatever was written since, then
 * the signed checkpoint of exactly those entries. The lines are sent in parts of `partBytes`,
 * hashed as they go, one part uploading while the next is read: memory holds two parts at most,
 * never the chain.
 * Any failure aborts the upload and leaves the job `failed` with a code, and no `audit.exported`.
 * A job that is no longer queued (a redelivered message, a re-drive) is left as it is; a run
 * that finds, before completing its upload, that another run finished the job first aborts its
 * upload (two runs that both complete leave the loser's file unreferenced under its own key).
 */
export async function runAuditExport(
  deps: AuditExportDeps,
  ref: { workspaceId: string; id: string },
  opts: ExportRunOptions = {},
): Promise<AuditExportView | null> {
  const job = await deps.store.get(jobRef(ref.workspaceId, ref.id));
  if (!job) return null;
  if (job.status !== 'queued') return viewOf(job);
  const key = exportFileKey(job.workspaceId, job.id, deps.ids.next());
  let file: NonNullable<AuditExportJob['file']>;
  try {
    const lines = exportAuditTrail(deps, job.requestedBy, job.workspaceId, { exportId: job.id });
    file = await writeFile(deps.exportFiles, lines, key, { ...opts, stillWanted: () => stillQueued(deps, job) });
  } catch (err) {
    if (err instanceof Superseded) return viewOf((await deps.store.get(jobRef(job.workspaceId, job.id))) ?? job);
    return finish(deps, job, { error: failureCode(err) });
  }
  return finish(deps, job, { file });
}

const stillQueued = async (deps: AuditExportDeps, job: AuditExportJob): Promise<boolean> =>
  (await deps.store.get(jobRef(job.workspaceId, job.id)))?.status === 'queued';

const failureCode = (err: unknown): AuditExportError => {
  if (err instanceof OutOfTime) return 'out_of_time';
  if (err instanceof UploadFailed) return 'upload_failed';
  if (err instanceof DomainError && (err.code === 'not_found' || err.code === 'forbidden')) return 'access_lost';
  return 'read_failed';
};

/**
 * The job's outcome, in one commit: ready with its `audit.exported` entry, or failed with its
 * code (recorded as `audit.export_failed`, so the chain says an export was attempted and not made).
 * The commit deletes the job's re-drive timer: a job with its outcome leaves nothing due.
 */
const finish = async (
  deps: AuditExportDeps,
  job: AuditExportJob,
  outcome: { file: NonNullable<AuditExportJob['file']> } | { error: AuditExportError },
): Promise<AuditExportView> => {
  const out = await runCommand(deps, {
    chainId: job.workspaceId,
    actor: actorOf(job.requestedBy),
    refs: [jobRef(job.workspaceId, job.id)],
    authorize: () => undefined,
    decide: (view, now) => {
      const current = view.get(jobRef(job.workspaceId, job.id));
      // Another run finished it first: its outcome stands.
      if (current?.status !== 'queued') return unchanged(current ? viewOf(current) : viewOf(job));
      const next: AuditExportJob = { ...current, updatedAt: now.toISOString(), version: current.version + 1, status: 'ready' };
      if ('file' in outcome) next.file = outcome.file;
      else {
        next.status = 'failed';
        next.error = outcome.error;
      }
      const details =
        'file' in outcome
          ? { exportId: job.id, lines: outcome.file.lines, bytes: outcome.file.bytes, sha256: outcome.file.sha256 }
          : { exportId: job.id, code: outcome.error };
      return {
        writes: [
          { op: 'put', record: { kind: 'auditExport', value: next }, expect: current.version },
          ...redriveTimerIds(job.id).map(
            (id): Write => ({ op: 'delete', ref: { kind: 'timer', workspaceId: job.workspaceId, id }, expect: 'any' }),
          ),
        ],
        audit: {
          action: 'file' in outcome ? 'audit.exported' : 'audit.export_failed',
          target: { type: 'workspace', id: job.workspaceId },
          markings: [],
          details,
        },
        result: viewOf(next),
      };
    },
  });
  return out.result;
};
