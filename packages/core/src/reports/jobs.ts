import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { ExportFiles } from '../audit/ports';
import { actorOf, type CommandContext, commandOf } from '../kernel/context';
import { DomainError, notFound } from '../kernel/errors';
import { Id, IsoDateTime } from '../kernel/primitives';
import { Principal } from '../kernel/principal';
import { defineRecord } from '../kernel/records';
import { LoadedView, runCommand, unchanged } from '../kernel/runner';
import { authorize, authorizeInView } from '../policies/permissions';
import type { Deps } from '../ports';
import { reqRef, requireOwner, visibleRequest } from '../requests/shared';
import { type DocumentContent, type DocumentReadDeps, requestPackageContent, workspaceReportContent } from './content';

// ---------------------------------------------------------------------------------------
// Documents as jobs, as the audit export is (audit/export.ts): the request records a job; the
// export worker builds the document's content as the requester may see it when it runs
// (content.ts), has it rendered (the `DocumentRenderer` port: packages/documents makes the PDF),
// writes it to the evidence bucket and marks the job ready with its `document.made` entry in one
// commit; the requester then fetches a short-lived link to the file.
// Its own entry point (`@taskforce/core/reports`), not in core's barrel: only the function serving
// the documents' routes and the export worker load it (the API function is at its size ceiling).
// ---------------------------------------------------------------------------------------

const DOCUMENT_LANGS = ['en', 'vi', 'th'] as const;
export const DocumentLang = z.enum(DOCUMENT_LANGS);
export type DocumentLang = z.infer<typeof DocumentLang>;
const DocumentKind = z.enum(['request_package', 'workspace_report']);
const DocumentStatus = z.enum(['queued', 'ready', 'failed']);
/**
 * Why a job failed, as a code: `access_lost` (the requester may no longer see the request or the
 * workspace, or take it off the platform), `render_failed`, `upload_failed`, `read_failed`.
 */
const DocumentError = z.enum(['access_lost', 'render_failed', 'upload_failed', 'read_failed']);
type DocumentError = z.infer<typeof DocumentError>;
const Sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));

const DocumentJob = z.object({
  workspaceId: Id,
  id: Id,
  kind: DocumentKind,
  /** A request package's request. */
  requestId: z.optional(Id),
  /** The reader's language, shown beside English (English alone for `en`). */
  lang: DocumentLang,
  requestedBy: Principal,
  status: DocumentStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.int(),
  file: z.optional(z.object({ key: z.string(), bytes: z.int(), sha256: Sha256Hex })),
  error: z.optional(DocumentError),
});
type DocumentJob = z.infer<typeof DocumentJob>;

declare module '../kernel/records' {
  interface RecordTypes {
    documentJob: { value: DocumentJob; ref: { workspaceId: string; id: string } };
  }
}
defineRecord('documentJob', ['workspaceId', 'id'], (j) => ({ workspaceId: j.workspaceId, id: j.id }));

export const DocumentJobView = z.object({
  id: Id,
  workspaceId: Id,
  kind: DocumentKind,
  requestId: z.optional(Id),
  lang: DocumentLang,
  status: DocumentStatus,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  bytes: z.optional(z.int()),
  sha256: z.optional(Sha256Hex),
  download: z.optional(z.object({ url: z.string(), expiresAt: IsoDateTime })),
  error: z.optional(z.object({ code: DocumentError })),
});
export type DocumentJobView = z.infer<typeof DocumentJobView>;

/** Renders a document's content in English and `lang` (the export worker's port; packages/documents implements it). */
type DocumentRenderer = (content: DocumentContent, lang: DocumentLang) => Promise<Uint8Array>;
export type DocumentWorkerDeps = DocumentReadDeps & { renderDocument: DocumentRenderer };

const LINK_TTL_SECONDS = 300;
const jobRef = (workspaceId: string, id: string) => ({ kind: 'documentJob' as const, workspaceId, id });
/** Where a document's PDF is written (`documents/<ws>/<job>/<attempt>.pdf`); infra derives the bucket prefix its grants name from it. */
export const documentFileKey = (workspaceId: string, jobId: string, attempt: string) => `documents/${workspaceId}/${jobId}/${attempt}.pdf`;
const fileName = (j: DocumentJob) =>
  j.kind === 'request_package' ? `request-${j.requestId}-package-${j.lang}.pdf` : `workspace-${j.workspaceId}-report-${j.lang}.pdf`;

const viewOf = (j: DocumentJob, download?: DocumentJobView['download']): DocumentJobView => ({
  id: j.id,
  workspaceId: j.workspaceId,
  kind: j.kind,
  ...(j.requestId ? { requestId: j.requestId } : {}),
  lang: j.lang,
  status: j.status,
  createdAt: j.createdAt,
  updatedAt: j.updatedAt,
  ...(j.file ? { bytes: j.file.bytes, sha256: j.file.sha256 } : {}),
  ...(download ? { download } : {}),
  ...(j.error ? { error: { code: j.error } } : {}),
});

const requestedEvent = (workspaceId: string, documentId: string) => ({
  type: 'document.requested' as const,
  workspaceId,
  subject: { type: 'documentJob', id: documentId },
  audience: [],
  data: { workspaceId, documentId },
});

const newJob = (
  ctx: CommandContext,
  workspaceId: string,
  id: string,
  now: Date,
  kind: DocumentJob['kind'],
  lang: DocumentLang,
  requestId?: string,
): DocumentJob => ({
  workspaceId,
  id,
  kind,
  ...(requestId ? { requestId } : {}),
  lang,
  requestedBy: ctx.principal,
  status: 'queued',
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  version: 1,
});

/**
 * Records a request package job (`request.package`: the requesting agency's officers, or the
 * lead's): a 404 to anyone who may not see the request. The worker takes it from its event.
 */
export async function requestPackage(deps: Deps, ctx: CommandContext, workspaceId: string, requestId: string, lang: DocumentLang) {
  const id = deps.ids.next();
  const p = ctx.principal;
  const out = await runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, requestId)],
    authorize: (view, now) => {
      const { ws, r } = visibleRequest(view, p, workspaceId, requestId, now, 'request.package');
      requireOwner(r, ws, p, 'make its package');
      return r;
    },
    decide: (_view, now, r) => {
      const job = newJob(ctx, workspaceId, id, now, 'request_package', lang, requestId);
      return {
        writes: [{ op: 'put', record: { kind: 'documentJob', value: job }, expect: 'absent' }],
        audit: {
          action: 'document.requested',
          target: { type: 'request', id: requestId },
          details: { documentId: id, lang },
          markings: [r.marking],
        },
        events: [requestedEvent(workspaceId, id)],
        result: viewOf(job),
        status: 202,
      };
    },
  });
  return out.result;
}

/** Records a workspace report job (`workspace.report`: members); a 404 to a non-member. */
export async function requestReport(deps: Deps, ctx: CommandContext, workspaceId: string, lang: DocumentLang) {
  const id = deps.ids.next();
  const p = ctx.principal;
  const out = await runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }],
    authorize: (view) => {
      authorize('workspace.report', p);
      return authorizeInView('workspace.report', p, view, workspaceId);
    },
    decide: (_view, now) => {
      const job = newJob(ctx, workspaceId, id, now, 'workspace_report', lang);
      return {
        writes: [{ op: 'put', record: { kind: 'documentJob', value: job }, expect: 'absent' }],
        audit: {
          action: 'document.requested',
          target: { type: 'workspace', id: workspaceId },
          details: { documentId: id, lang },
          markings: [],
        },
        events: [requestedEvent(workspaceId, id)],
        result: viewOf(job),
        status: 202,
      };
    },
  });
  return out.result;
}

/**
 * A job, to its requester only (same organisation and subject) while still a member of the
 * workspace, at the path it was asked at (`of`: its request, or the reports): anyone else gets 404. Once ready it carries a fresh link valid for five minutes.
 */
export async function getDocumentJob(
  deps: Deps,
  p: Principal,
  workspaceId: string,
  documentId: string,
  of: { requestId: string } | 'report',
): Promise<DocumentJobView> {
  const { records } = await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, jobRef(workspaceId, documentId)] });
  const view = new LoadedView({ records, idempotency: null });
  try {
    authorize('workspace.report', p);
    authorizeInView('workspace.report', p, view, workspaceId);
  } catch (err) {
    if (err instanceof DomainError) throw notFound('document');
    throw err;
  }
  const job = view.get(jobRef(workspaceId, documentId));
  if (!job || job.requestedBy.orgId !== p.orgId || job.requestedBy.sub !== p.sub) throw notFound('document');
  if (of === 'report' ? job.kind !== 'workspace_report' : job.requestId !== of.requestId) throw notFound('document');
  if (job.status !== 'ready' || !job.file) return viewOf(job);
  const url = await deps.exportFiles.linkFor(job.file.key, LINK_TTL_SECONDS, fileName(job));
  const expiresAt = new Date(deps.clock.now().getTime() + LINK_TTL_SECONDS * 1000).toISOString();
  return viewOf(job, { url, expiresAt });
}

class RenderFailed extends Error {}
class UploadFailed extends Error {}

const writePdf = async (files: ExportFiles, key: string, bytes: Uint8Array) => {
  try {
    const upload = await files.begin(key, { mediaType: 'application/pdf' });
    try {
      await upload.part(Buffer.from(bytes));
      await upload.complete();
    } catch (err) {
      await upload.abort().catch(() => undefined);
      throw err;
    }
  } catch (err) {
    throw new UploadFailed(String(err));
  }
};

const failureOf = (err: unknown): DocumentError => {
  if (err instanceof RenderFailed) return 'render_failed';
  if (err instanceof UploadFailed) return 'upload_failed';
  if (err instanceof DomainError && (err.code === 'not_found' || err.code === 'forbidden')) return 'access_lost';
  return 'read_failed';
};

/**
 * The worker: builds the job's content as its requester may see it now, renders it, writes it
 * and marks the job ready with its `document.made` entry (size and SHA-256), or failed with
 * `document.failed` and a code. A job no longer queued (a redelivered message) is left as it is.
 */
export async function runDocumentJob(deps: DocumentWorkerDeps, ref: { workspaceId: string; id: string }): Promise<DocumentJobView | null> {
  const job = await deps.store.get(jobRef(ref.workspaceId, ref.id));
  if (!job) return null;
  if (job.status !== 'queued') return viewOf(job);
  const key = documentFileKey(job.workspaceId, job.id, deps.ids.next());
  let file: NonNullable<DocumentJob['file']>;
  try {
    const content =
      job.kind === 'request_package'
        ? await requestPackageContent(deps, job.requestedBy, job.workspaceId, job.requestId ?? '')
        : await workspaceReportContent(deps, job.requestedBy, job.workspaceId);
    const bytes = await deps.renderDocument(content, job.lang).catch((err: unknown) => {
      throw new RenderFailed(String(err));
    });
    await writePdf(deps.exportFiles, key, bytes);
    file = { key, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (err) {
    return finish(deps, job, { error: failureOf(err) });
  }
  return finish(deps, job, { file });
}

const finish = async (
  deps: DocumentReadDeps,
  job: DocumentJob,
  outcome: { file: NonNullable<DocumentJob['file']> } | { error: DocumentError },
): Promise<DocumentJobView> => {
  const out = await runCommand(deps, {
    chainId: job.workspaceId,
    actor: actorOf(job.requestedBy),
    refs: [jobRef(job.workspaceId, job.id), ...(job.requestId ? [reqRef(job.workspaceId, job.requestId)] : [])],
    authorize: () => undefined,
    decide: (view, now) => {
      const current = view.get(jobRef(job.workspaceId, job.id));
      if (current?.status !== 'queued') return unchanged(current ? viewOf(current) : viewOf(job));
      const next: DocumentJob = { ...current, updatedAt: now.toISOString(), version: current.version + 1, status: 'ready' };
      if ('file' in outcome) next.file = outcome.file;
      else {
        next.status = 'failed';
        next.error = outcome.error;
      }
      const r = job.requestId ? view.get(reqRef(job.workspaceId, job.requestId)) : undefined;
      return {
        writes: [{ op: 'put', record: { kind: 'documentJob', value: next }, expect: current.version }],
        audit: {
          action: 'file' in outcome ? 'document.made' : 'document.failed',
          target: job.requestId ? { type: 'request', id: job.requestId } : { type: 'workspace', id: job.workspaceId },
          details:
            'file' in outcome
              ? { documentId: job.id, kind: job.kind, lang: job.lang, bytes: outcome.file.bytes, sha256: outcome.file.sha256 }
              : { documentId: job.id, kind: job.kind, code: outcome.error },
          markings: r ? [r.marking] : [],
        },
        result: viewOf(next),
      };
    },
  });
  return out.result;
};
