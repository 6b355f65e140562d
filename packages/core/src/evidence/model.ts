import * as z from 'zod/mini';
import type { EventNames } from '../kernel/events';
import { Marking, MarkingInput } from '../kernel/marking';
import { Id, IsoDateTime, positiveInt } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { MAX_OBJECT_BYTES, MAX_PART_BYTES, MAX_PARTS, MIN_PART_BYTES } from './objects';

// Evidence of any size: one record per item, holding its upload session while the bytes arrive
// (straight from the browser to storage, part by part), then its verification and its release.

/** What an item hangs off: a workspace channel, or a task, incident or data request of the workspace. */
export const EvidenceParentKind = z.enum(['channel', 'task', 'incident', 'request']);
export type EvidenceParentKind = z.infer<typeof EvidenceParentKind>;
/** `<kind>:<id>`: the same key a thread of that parent has, so a message's attachments are found under its thread's key. */
export const parentKey = (kind: EvidenceParentKind, id: string): string => `${kind}:${id}`;

/**
 * `uploading`: the session is open, parts arrive; `verifying`: the client completed it and the
 * worker joins the parts and streams the whole object through SHA-256; `stored`: the digest
 * matched, it counts as evidence; `rejected`: it did not (or the parts could not be joined), the
 * content is deleted.
 */
const EvidenceStatus = z.enum(['uploading', 'verifying', 'stored', 'rejected']);
/** `none`: from an agency, not flagged; `held`: quarantined until the evidence officer releases it; `released`. */
const QuarantineState = z.enum(['none', 'held', 'released']);
const ScanVerdictSchema = z.enum(['pending', 'clean', 'threats_found', 'failed', 'unavailable']);
export const RejectReason = z.enum(['digest_mismatch', 'size_mismatch', 'join_failed']);
export type RejectReason = z.infer<typeof RejectReason>;

const Sha256Hex = z
  .string()
  .check(z.maxLength(64, { abort: true }), z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest in lower-case hex (64 characters)'));

const Person = z.object({ sub: z.string(), orgId: Id });

export const EvidenceObject = z.object({
  workspaceId: Id,
  parent: z.object({ kind: EvidenceParentKind, id: Id }),
  id: Id,
  fileName: z.string(),
  size: z.int(),
  mediaType: z.string(),
  /** The parent's marking, or a narrower one. */
  marking: Marking,
  uploadedBy: z.object({ sub: z.string(), orgId: Id, country: z.string(), kind: z.enum(['agency', 'partner']) }),
  untrusted: z.boolean(),
  status: EvidenceStatus,
  /** The open multipart upload: storage's id, the part size and count. */
  upload: z.object({ uploadId: z.string(), partSize: z.int(), partCount: z.int() }),
  /** What the uploader said the whole object's SHA-256 is, when completing. */
  sha256: z.optional(Sha256Hex),
  quarantine: QuarantineState,
  scan: z.optional(ScanVerdictSchema),
  releasedBy: z.optional(z.object({ sub: z.string(), orgId: Id, at: IsoDateTime })),
  rejected: z.optional(RejectReason),
  createdAt: IsoDateTime,
  completedAt: z.optional(IsoDateTime),
  storedAt: z.optional(IsoDateTime),
  version: positiveInt(),
});
export type EvidenceObject = z.infer<typeof EvidenceObject>;

/** The workspace's evidence officer: the one person who releases quarantined evidence (set by the lead). */
export const EvidenceOfficer = z.object({
  workspaceId: Id,
  officer: Person,
  setBy: Person,
  setAt: IsoDateTime,
  version: positiveInt(),
});
export type EvidenceOfficer = z.infer<typeof EvidenceOfficer>;

declare module '../kernel/records' {
  interface RecordTypes {
    evidenceObject: { value: EvidenceObject; ref: { workspaceId: string; parentKey: string; id: string } };
    evidenceOfficer: { value: EvidenceOfficer; ref: { workspaceId: string } };
  }
}
defineRecord('evidenceObject', ['workspaceId', 'parentKey', 'id'], (e) => ({
  workspaceId: e.workspaceId,
  parentKey: parentKey(e.parent.kind, e.parent.id),
  id: e.id,
}));
defineRecord('evidenceOfficer', ['workspaceId'], (o) => ({ workspaceId: o.workspaceId }));

export const EVIDENCE_EVENTS = [
  'evidence.upload_started',
  'evidence.completed',
  'evidence.stored',
  'evidence.rejected',
  'evidence.released',
  'evidence.officer_set',
] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof EVIDENCE_EVENTS> {}
}

const FileName = z.string().check(
  z.minLength(1),
  z.maxLength(255, { abort: true }),
  z.refine(
    (n) => !/[/\\]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
    'must be a plain file name without path separators or control characters',
  ),
);

export const StartUploadInput = z.strictObject({
  fileName: FileName,
  size: z.int().check(z.gte(1), z.lte(MAX_OBJECT_BYTES, `must be at most 50 GiB (${MAX_OBJECT_BYTES} bytes)`)),
  mediaType: z
    .string()
    .check(
      z.maxLength(255, { abort: true }),
      z.regex(/^[A-Za-z]+\/[A-Za-z0-9.+-]+$/, 'must be a media type such as application/pdf'),
      z.toLowerCase(),
    ),
  partSize: z
    .int()
    .check(
      z.gte(MIN_PART_BYTES, `must be at least 8 MiB (${MIN_PART_BYTES} bytes)`),
      z.lte(MAX_PART_BYTES, `must be at most 64 MiB (${MAX_PART_BYTES} bytes)`),
    ),
  /** The uploader does not trust the content (e.g. seized from a suspect): quarantined until released. */
  untrusted: z.optional(z.boolean()),
  /** A narrower marking than the parent's (never wider); a channel's evidence must carry one. */
  marking: z.optional(MarkingInput),
});
export type StartUploadInput = z.infer<typeof StartUploadInput>;

const PartSpec = z.strictObject({
  partNumber: z.int().check(z.gte(1), z.lte(MAX_PARTS)),
  size: z.int().check(z.gte(1), z.lte(MAX_PART_BYTES)),
  sha256: Sha256Hex,
});
export const PartLinksInput = z.strictObject({ parts: z.array(PartSpec).check(z.minLength(1), z.maxLength(100)) });
export type PartLinksInput = z.infer<typeof PartLinksInput>;

export const CompleteUploadInput = z.strictObject({ sha256: Sha256Hex });
export type CompleteUploadInput = z.infer<typeof CompleteUploadInput>;

export const SetOfficerInput = z.strictObject({ sub: z.string().check(z.minLength(1), z.maxLength(256)), orgId: Id });
export type SetOfficerInput = z.infer<typeof SetOfficerInput>;

/** The number of parts an object of `size` bytes takes at `partSize`, and the size of part `n` (1-based). */
export const partCountOf = (size: number, partSize: number): number => Math.ceil(size / partSize);
export const partSizeOf = (e: Pick<EvidenceObject, 'size' | 'upload'>, n: number): number =>
  n < e.upload.partCount ? e.upload.partSize : e.size - (e.upload.partCount - 1) * e.upload.partSize;

/** Where an item's bytes live in storage. */
export const objectKey = (e: Pick<EvidenceObject, 'workspaceId' | 'parent' | 'id'>): string =>
  `evidence/${e.workspaceId}/${e.parent.kind}/${e.parent.id}/${e.id}`;

/**
 * An item as its readers see it. `scan` says what the malware scan found (`unavailable` where no
 * scanner runs: never read as clean). `canRelease`/`canDownload` say what this caller may do.
 */
export const EvidenceView = z.object({
  id: Id,
  parent: z.object({ kind: EvidenceParentKind, id: Id }),
  fileName: z.string(),
  size: z.int(),
  mediaType: z.string(),
  marking: z.optional(Marking),
  uploadedBy: z.optional(z.object({ orgId: Id, kind: z.enum(['agency', 'partner']) })),
  untrusted: z.boolean(),
  status: EvidenceStatus,
  partSize: z.int(),
  partCount: z.int(),
  sha256: z.optional(Sha256Hex),
  quarantine: QuarantineState,
  scan: z.optional(ScanVerdictSchema),
  releasedAt: z.optional(IsoDateTime),
  rejected: z.optional(RejectReason),
  createdAt: IsoDateTime,
  completedAt: z.optional(IsoDateTime),
  storedAt: z.optional(IsoDateTime),
  canDownload: z.boolean(),
  canRelease: z.boolean(),
  version: positiveInt(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

/** An item as the partner that uploaded it sees it: no marking, no uploader, nothing of the workspace. */
export const PortalEvidenceView = z.omit(EvidenceView, { marking: true, uploadedBy: true });

const StoredPartView = z.object({ partNumber: z.int(), size: z.int(), sha256: Sha256Hex });
export const UploadSessionView = z.object({ item: EvidenceView, parts: z.array(StoredPartView) });
export type UploadSessionView = z.infer<typeof UploadSessionView>;
export const PortalUploadSessionView = z.object({ item: PortalEvidenceView, parts: z.array(StoredPartView) });

const PartLinkView = z.object({
  partNumber: z.int(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: IsoDateTime,
});
export const PartLinksView = z.object({ links: z.array(PartLinkView) });
export type PartLinksView = z.infer<typeof PartLinksView>;

export const DownloadLinkView = z.object({ url: z.string(), expiresAt: IsoDateTime, sha256: Sha256Hex, size: z.int() });
export type DownloadLinkView = z.infer<typeof DownloadLinkView>;

export const EvidenceOfficerView = z.object({
  officer: z.optional(z.object({ sub: z.string(), orgId: Id })),
  setAt: z.optional(IsoDateTime),
});
export type EvidenceOfficerView = z.infer<typeof EvidenceOfficerView>;
