import * as z from 'zod/mini';
import { Id, IsoDateTime, nonNegativeInt, positiveInt } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';
import { TargetIndex } from './answers/model';

// Evidence items: what the partner registers against a request (its digest), and its content.

const Sha256Hex = z
  .string()
  .check(z.maxLength(64, { abort: true }), z.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 digest in lower-case hex (64 characters)'));

export const EvidenceItem = z.object({
  workspaceId: Id,
  requestId: Id,
  id: Id,
  fileName: z.string(),
  size: z.int().check(z.nonnegative()),
  mediaType: z.string(),
  sha256: Sha256Hex,
  uploadedBy: z.object({ sub: z.string(), orgId: Id }),
  registeredAt: IsoDateTime,
  /** `pending` until the content arrives and its digest matches. */
  content: z.enum(['pending', 'stored']),
  storedAt: z.optional(IsoDateTime),
  /** The targets (selector positions) it answers, each answered produce or frozen. */
  targets: z.optional(z.array(nonNegativeInt())),
  version: positiveInt(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

declare module '../kernel/records' {
  interface RecordTypes {
    evidence: { value: EvidenceItem; ref: { workspaceId: string; requestId: string; id: string } };
  }
}
defineRecord('evidence', ['workspaceId', 'requestId', 'id'], (e) => ({ workspaceId: e.workspaceId, requestId: e.requestId, id: e.id }));

export const RegisterEvidenceInput = z.strictObject({
  fileName: z.string().check(
    z.minLength(1),
    z.maxLength(255, { abort: true }),
    z.refine(
      (n) => !/[/\\]/.test(n) && ![...n].some((c) => c.charCodeAt(0) < 0x20),
      'must be a plain file name without path separators or control characters',
    ),
  ),
  size: z.int().check(z.gte(1), z.lte(4 * 1024 * 1024, 'must be at most 4 MiB (4194304 bytes) for a direct upload')),
  mediaType: z.string().check(
    z.maxLength(255, { abort: true }),
    z.regex(/^[A-Za-z]+\/[A-Za-z0-9.+-]+$/, 'must be a media type such as application/pdf'),
    z.toLowerCase(),
    z.meta({
      description: 'A media type such as application/pdf; either case, normalised to lower case (TEXT/CSV is stored as text/csv)',
    }),
  ),
  sha256: Sha256Hex,
  /** The targets (selector positions) it answers; each must be answered produce (or frozen) first. */
  targets: z.optional(z.array(TargetIndex).check(z.minLength(1), z.maxLength(50))),
});
export type RegisterEvidenceInput = z.infer<typeof RegisterEvidenceInput>;

/**
 * The largest evidence file accepted as a direct upload: a Lambda request payload is at most
 * 6 MB and binary bodies arrive base64-encoded (4/3 larger), so 4 MiB is the safe bound.
 */
export const MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;

/** An evidence item as the partner that registered it sees it: nothing of the workspace, no person. */
export const PortalEvidence = z.object({
  id: Id,
  requestId: Id,
  fileName: z.string(),
  size: z.int().check(z.nonnegative()),
  mediaType: z.string(),
  sha256: Sha256Hex,
  registeredAt: IsoDateTime,
  content: EvidenceItem.shape.content,
  storedAt: z.optional(IsoDateTime),
  targets: EvidenceItem.shape.targets,
  version: positiveInt(),
});
export type PortalEvidence = z.infer<typeof PortalEvidence>;
