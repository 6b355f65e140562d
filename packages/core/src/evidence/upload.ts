import { actorOf, type CommandContext, commandOf } from '../kernel/context';
import { conflict, invalid } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import { LoadedView, runCommand } from '../kernel/runner';
import { requireOpen } from '../policies/access';
import { authorizeIn, verdict } from '../policies/permissions';
import { requireAcceptsEvidence } from '../requests/evidence';
import {
  type CompleteUploadInput,
  type EvidenceObject,
  objectKey,
  type PartLinksInput,
  type PartLinksView,
  partCountOf,
  partSizeOf,
  type StartUploadInput,
  type UploadSessionView,
} from './model';
import { MAX_PARTS } from './objects';
import { itemMarking, partnerParent } from './parents';
import type { EvidenceObjectDeps } from './ports';
import {
  evidenceAudit,
  evidenceEvent,
  isOfficer,
  itemRef,
  locate,
  objectsOf,
  parentAccess,
  presentEvidence,
  refsFor,
  requireUploader,
  visibleItem,
  type Where,
} from './shared';

// ---------------------------------------------------------------------------------------
// The upload session: started (storage opens a multipart upload), parts sent straight to storage
// through presigned links that carry each part's SHA-256 and size, resumed from the parts storage
// holds, then completed with the whole object's SHA-256: the worker then joins and verifies it.
// ---------------------------------------------------------------------------------------

/** How long a part link lasts: a 64 MiB part on a slow line (1 MB/s) with room to spare. */
const PART_LINK_TTL_SECONDS = 15 * 60;

/** What the caller may do with items it sees (the view's `canDownload`/`canRelease`). */
export const callerOf = (view: LoadedView, p: Principal, where: Where, workspaceId: string) => {
  if (where.as === 'partner') return { partner: true, officer: false, mayDownload: false };
  const role = view.get({ kind: 'workspace', id: workspaceId })?.members.find((m) => m.orgId === p.orgId)?.role;
  return { partner: false, officer: isOfficer(view, workspaceId, p), mayDownload: verdict('evidence.download', p, role) === 'allow' };
};

/**
 * Starts an upload of an evidence item on a parent the caller may see: an agency member of the
 * workspace (lead or member) on a task, incident, request or channel, or the partner on a request
 * addressed to it while it takes evidence. Everything is checked before storage opens the upload,
 * and again in the transaction that records the item; an upload opened for a command that then
 * did not commit (refused, or a repeat of its Idempotency-Key) is aborted.
 */
export async function startUpload(deps: EvidenceObjectDeps, ctx: CommandContext, where: Where, input: StartUploadInput) {
  const p = ctx.principal;
  const objects = objectsOf(deps);
  const { workspaceId, parent } = await locate(deps, p, where);
  const partCount = partCountOf(input.size, input.partSize);
  if (partCount > MAX_PARTS)
    throw invalid('partSize', `${input.size} bytes take ${partCount} parts of this size; at most ${MAX_PARTS} are allowed`);
  const id = deps.ids.next();
  const decideAccess = (view: LoadedView, now: Date) => {
    const a = parentAccess(view, p, where, workspaceId, parent, now);
    if (where.as === 'agency') authorizeIn('evidence.upload', p, a.ws);
    else requireAcceptsEvidence(partnerParent(view, p, workspaceId, parent.id, now).r);
    requireOpen(a.ws, 'add evidence');
    return a;
  };
  const pre = decideAccess(new LoadedView(await deps.store.load({ refs: refsFor(workspaceId, parent) })), deps.clock.now());
  itemMarking(pre.marking, input.marking, p);
  const key = objectKey({ workspaceId, parent, id });
  const { uploadId } = await objects.startUpload(key, { mediaType: input.mediaType });
  let out: Awaited<ReturnType<typeof runCommand<UploadSessionView>>> | undefined;
  try {
    out = await runCommand(deps, {
      ...commandOf(ctx, workspaceId),
      refs: refsFor(workspaceId, parent),
      authorize: decideAccess,
      decide: (view, now, a) => {
        const partner = where.as === 'partner';
        const item: EvidenceObject = {
          workspaceId,
          parent,
          id,
          fileName: input.fileName,
          size: input.size,
          mediaType: input.mediaType,
          marking: itemMarking(a.marking, input.marking, p),
          uploadedBy: { ...actorOf(p), kind: partner ? 'partner' : 'agency' },
          untrusted: input.untrusted ?? false,
          status: 'uploading',
          upload: { uploadId, partSize: input.partSize, partCount },
          quarantine: partner || input.untrusted ? 'held' : 'none',
          createdAt: now.toISOString(),
          version: 1,
        };
        return {
          writes: [{ op: 'put', record: { kind: 'evidenceObject', value: item }, expect: 'absent' }],
          audit: evidenceAudit(item, 'evidence.upload_started', { size: item.size, parts: partCount, untrusted: item.untrusted }),
          events: [evidenceEvent(item, 'evidence.upload_started', a)],
          result: { item: presentEvidence(item, callerOf(view, p, where, workspaceId)), parts: [] },
          status: 201,
        };
      },
    });
  } finally {
    if (!out?.committed) await objects.abortUpload(key, uploadId).catch(() => undefined);
  }
  return out;
}

/** The item of a session the caller may continue, read with its parent (and the officer, for the view). */
const session = async (deps: EvidenceObjectDeps, p: Principal, where: Where, evidenceId: string) => {
  const { workspaceId, parent } = await locate(deps, p, where);
  const view = new LoadedView(await deps.store.load({ refs: refsFor(workspaceId, parent, evidenceId) }));
  const now = deps.clock.now();
  const a = parentAccess(view, p, where, workspaceId, parent, now);
  const item = visibleItem(view, p, where, a, itemRef(workspaceId, parent, evidenceId), now);
  return { workspaceId, parent, view, a, item };
};

const requireUploading = (e: EvidenceObject) => {
  if (e.status !== 'uploading') throw conflict(`this upload is ${e.status}: it takes no more parts`);
};

/**
 * Presigned PUT links for the given parts, each bound to the part's SHA-256 and size as the client
 * computed them: storage refuses a body that differs. A part number beyond the session's, or a
 * size other than the part's, is a 400 naming the field; a part storage already holds with another
 * checksum is a 409 (asking again for the same part and checksum is harmless: a resumed upload).
 */
export async function partLinks(
  deps: EvidenceObjectDeps,
  p: Principal,
  where: Where,
  evidenceId: string,
  input: PartLinksInput,
): Promise<PartLinksView> {
  const objects = objectsOf(deps);
  const { item } = await session(deps, p, where, evidenceId);
  requireUploader(item, p);
  requireUploading(item);
  const seen = new Set<number>();
  input.parts.forEach((part, i) => {
    if (part.partNumber > item.upload.partCount)
      throw invalid(`parts.${i}.partNumber`, `this upload has ${item.upload.partCount} parts; part ${part.partNumber} is out of range`);
    if (seen.has(part.partNumber)) throw invalid(`parts.${i}.partNumber`, `part ${part.partNumber} is asked twice`);
    seen.add(part.partNumber);
    const expected = partSizeOf(item, part.partNumber);
    if (part.size !== expected) throw invalid(`parts.${i}.size`, `part ${part.partNumber} is ${expected} bytes long, not ${part.size}`);
  });
  const key = objectKey(item);
  const held = new Map((await objects.listParts(key, item.upload.uploadId)).map((s) => [s.partNumber, s]));
  input.parts.forEach((part, i) => {
    const s = held.get(part.partNumber);
    if (s && s.sha256 !== part.sha256)
      throw conflict(`part ${part.partNumber} (parts.${i}) is already stored with another SHA-256; a part is uploaded once`);
  });
  const links = await Promise.all(
    input.parts.map(async (part) => {
      const l = await objects.partLink(key, item.upload.uploadId, part, PART_LINK_TTL_SECONDS);
      return { partNumber: part.partNumber, url: l.url, method: 'PUT' as const, headers: l.headers, expiresAt: l.expiresAt };
    }),
  );
  return { links };
}

/** The session and the parts storage holds (what a resuming client skips). */
export async function uploadSession(deps: EvidenceObjectDeps, p: Principal, where: Where, evidenceId: string): Promise<UploadSessionView> {
  const objects = objectsOf(deps);
  const { workspaceId, view, item } = await session(deps, p, where, evidenceId);
  const parts = item.status === 'uploading' ? await objects.listParts(objectKey(item), item.upload.uploadId) : [];
  return {
    item: presentEvidence(item, callerOf(view, p, where, workspaceId)),
    parts: parts.map(({ partNumber, size, sha256 }) => ({ partNumber, size, sha256 })),
  };
}

/**
 * Completes the upload with the whole object's SHA-256: every part must be in storage at its size
 * (a missing one is a 400 naming it). The item becomes `verifying` and its `evidence.completed`
 * event hands it to the worker, which joins the parts and streams the object through SHA-256.
 * Completing again with the same digest answers the item as it is.
 */
export async function completeUpload(
  deps: EvidenceObjectDeps,
  ctx: CommandContext,
  where: Where,
  evidenceId: string,
  input: CompleteUploadInput,
) {
  const p = ctx.principal;
  const objects = objectsOf(deps);
  const pre = await session(deps, p, where, evidenceId);
  requireUploader(pre.item, p);
  if (pre.item.status !== 'uploading' && pre.item.sha256 === input.sha256)
    return {
      committed: false,
      replayed: false,
      result: presentEvidence(pre.item, callerOf(pre.view, p, where, pre.workspaceId)),
      status: 200,
    };
  requireUploading(pre.item);
  const held = new Map((await objects.listParts(objectKey(pre.item), pre.item.upload.uploadId)).map((s) => [s.partNumber, s]));
  for (let n = 1; n <= pre.item.upload.partCount; n++) {
    const s = held.get(n);
    if (!s) throw invalid(`part.${n}`, `part ${n} of ${pre.item.upload.partCount} is missing: upload it, then complete`);
    if (s.size !== partSizeOf(pre.item, n))
      throw invalid(`part.${n}`, `part ${n} is ${s.size} bytes in storage; ${partSizeOf(pre.item, n)} were expected`);
  }
  return runCommand(deps, {
    ...commandOf(ctx, pre.workspaceId),
    refs: refsFor(pre.workspaceId, pre.parent, evidenceId),
    authorize: (view, now) => {
      const a = parentAccess(view, p, where, pre.workspaceId, pre.parent, now);
      return { a, item: visibleItem(view, p, where, a, itemRef(pre.workspaceId, pre.parent, evidenceId), now) };
    },
    decide: (view, now, { a, item }) => {
      requireUploader(item, p);
      requireUploading(item);
      const next: EvidenceObject = {
        ...item,
        status: 'verifying',
        sha256: input.sha256,
        completedAt: now.toISOString(),
        version: item.version + 1,
      };
      return {
        writes: [{ op: 'put', record: { kind: 'evidenceObject', value: next }, expect: item.version }],
        audit: evidenceAudit(next, 'evidence.completed', { sha256: input.sha256, size: next.size }),
        events: [evidenceEvent(next, 'evidence.completed', a)],
        result: presentEvidence(next, callerOf(view, p, where, pre.workspaceId)),
        status: 202,
      };
    },
  });
}
