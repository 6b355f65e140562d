// The port through which evidence of any size reaches object storage (S3 on AWS, the local
// object engine on one machine). Browsers send the bytes straight to storage through presigned
// part URLs; the platform never carries them. Nothing here imports AWS.

/** Part sizes a multipart upload may use: 8 to 64 MiB (the last part may be smaller). */
export const MIN_PART_BYTES = 8 * 1024 * 1024;
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** The largest evidence object: 50 GiB. */
export const MAX_OBJECT_BYTES = 50 * 1024 * 1024 * 1024;
/** S3's bound on the parts of one upload. */
export const MAX_PARTS = 10_000;

/** A link a client uses once, for a short time, with the headers it must send as they are. */
export interface PresignedLink {
  url: string;
  method: 'PUT' | 'GET';
  /** Headers that are part of the signature (e.g. `x-amz-checksum-sha256`); sent exactly. */
  headers: Record<string, string>;
  expiresAt: string;
}

/** A part storage holds: its number, size, ETag and SHA-256 (hex) as storage checked it on arrival. */
export interface StoredPart {
  partNumber: number;
  size: number;
  etag: string;
  sha256: string;
}

/** What a malware scan said of an object: on AWS GuardDuty Malware Protection for S3 tags it; locally no scanner runs. */
export type ScanVerdict = 'pending' | 'clean' | 'threats_found' | 'failed' | 'unavailable';

export interface EvidenceObjects {
  /** Starts a multipart upload with SHA-256 part checksums; returns storage's upload id. */
  startUpload(key: string, meta: { mediaType: string }): Promise<{ uploadId: string }>;
  /**
   * A presigned PUT for one part: storage refuses it unless the body's SHA-256 is `sha256` (hex)
   * and its length is `size`.
   */
  partLink(
    key: string,
    uploadId: string,
    part: { partNumber: number; size: number; sha256: string },
    ttlSeconds: number,
  ): Promise<PresignedLink>;
  /** The parts storage holds for an upload, in part-number order (what a resuming client skips). */
  listParts(key: string, uploadId: string): Promise<StoredPart[]>;
  /** Joins the parts; refused by storage if a part is missing or its ETag or checksum differs. */
  completeUpload(key: string, uploadId: string, parts: readonly Pick<StoredPart, 'partNumber' | 'etag' | 'sha256'>[]): Promise<void>;
  abortUpload(key: string, uploadId: string): Promise<void>;
  /** Reads the whole object as a stream and returns its SHA-256 (hex) and size: memory stays bounded. */
  digest(key: string): Promise<{ sha256: string; size: number } | null>;
  /** A presigned GET (ranges allowed, so a download resumes) that saves under `fileName`. */
  downloadLink(key: string, opts: { fileName: string; mediaType: string; ttlSeconds: number }): Promise<PresignedLink>;
  /** The malware scan's verdict for an object, read from its tags (GuardDuty's `GuardDutyMalwareScanStatus`). */
  scanVerdict(key: string): Promise<ScanVerdict>;
  delete(key: string): Promise<void>;
}
