import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { EvidenceObjects, PresignedLink, ScanVerdict, StoredPart } from '@taskforce/core';

/**
 * Where an object's malware verdict comes from: `guardduty` reads the tag Amazon GuardDuty Malware
 * Protection for S3 writes on each object it scanned; `unavailable` says no scanner runs (the local
 * object engine), and every verdict is `unavailable`, never `clean`.
 */
export type MalwareScan = 'guardduty' | 'unavailable';

/** The tag GuardDuty Malware Protection for S3 sets on the objects it scanned. */
export const SCAN_STATUS_TAG = 'GuardDutyMalwareScanStatus';

const VERDICTS: Record<string, ScanVerdict> = {
  NO_THREATS_FOUND: 'clean',
  THREATS_FOUND: 'threats_found',
  UNSUPPORTED: 'failed',
  ACCESS_DENIED: 'failed',
  FAILED: 'failed',
};

/** The verdict a `GuardDutyMalwareScanStatus` tag value stands for; no tag yet is `pending`, an unknown value `failed`. */
export const verdictOf = (tag: string | undefined): ScanVerdict => (tag === undefined ? 'pending' : (VERDICTS[tag] ?? 'failed'));

/** Storage refused a request (a missing part, a wrong ETag or checksum, an unknown upload): the caller's mistake, not a fault. */
export class StorageRefused extends Error {
  override readonly name = 'StorageRefused';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const REFUSALS = new Set([
  'InvalidPart',
  'InvalidPartOrder',
  'NoSuchUpload',
  'EntityTooSmall',
  'InvalidRequest',
  'BadDigest',
  'MalformedXML',
]);

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');
const base64ToHex = (b64: string | undefined) => (b64 ? Buffer.from(b64.replace(/-\d+$/, ''), 'base64').toString('hex') : '');

/** A file name as a `Content-Disposition` value: a plain ASCII fallback and the exact name (RFC 6266, RFC 8187). */
export const attachment = (fileName: string): string => {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
};

/**
 * Evidence of any size over S3 (and the local object engine, which speaks the same API). The
 * browser sends each part straight to storage through a presigned PUT that signs the part's
 * SHA-256 (`x-amz-checksum-sha256`) and its length: storage refuses a body that is not the one
 * announced. The whole object's SHA-256 is computed by streaming it back (`digest`), one chunk at a
 * time. The SDK and the presigner are imported on first use, as for the other S3 adapters.
 */
export class S3EvidenceObjects implements EvidenceObjects {
  #client: Promise<S3Client> | undefined;

  constructor(
    private readonly source: S3Client | (() => Promise<S3Client>),
    readonly bucket: string,
    private readonly opts: { malwareScan: MalwareScan },
  ) {}

  private async sdk() {
    this.#client ??= typeof this.source === 'function' ? this.source() : Promise.resolve(this.source);
    const [sdk, s3] = await Promise.all([import('@aws-sdk/client-s3'), this.#client]);
    return { sdk, s3 };
  }

  private async refusals<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const code = (err as { name?: string; Code?: string }).Code ?? (err as { name?: string }).name ?? '';
      if (REFUSALS.has(code)) throw new StorageRefused(code, err instanceof Error ? err.message : code);
      throw err;
    }
  }

  async startUpload(key: string, meta: { mediaType: string }): Promise<{ uploadId: string }> {
    const { sdk, s3 } = await this.sdk();
    const out = await s3.send(
      new sdk.CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ContentType: meta.mediaType, ChecksumAlgorithm: 'SHA256' }),
    );
    if (!out.UploadId) throw new Error('S3 returned no upload id');
    return { uploadId: out.UploadId };
  }

  async partLink(
    key: string,
    uploadId: string,
    part: { partNumber: number; size: number; sha256: string },
    ttlSeconds: number,
  ): Promise<PresignedLink> {
    const [{ sdk, s3 }, { getSignedUrl }] = await Promise.all([this.sdk(), import('@aws-sdk/s3-request-presigner')]);
    const checksum = hexToBase64(part.sha256);
    const put = new sdk.UploadPartCommand({
      Bucket: this.bucket,
      Key: key,
      UploadId: uploadId,
      PartNumber: part.partNumber,
      ContentLength: part.size,
      ChecksumSHA256: checksum,
    });
    const signedAt = Date.now();
    // The checksum stays a header (not hoisted into the query) and, with the length, is signed:
    // a client that sends other bytes, or another checksum, is refused by storage.
    const url = await getSignedUrl(s3, put, {
      expiresIn: ttlSeconds,
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
      signableHeaders: new Set(['content-length', 'x-amz-checksum-sha256']),
    });
    return {
      url,
      method: 'PUT',
      headers: { 'content-length': String(part.size), 'x-amz-checksum-sha256': checksum },
      expiresAt: new Date(signedAt + ttlSeconds * 1000).toISOString(),
    };
  }

  async listParts(key: string, uploadId: string): Promise<StoredPart[]> {
    const { sdk, s3 } = await this.sdk();
    const parts: StoredPart[] = [];
    let marker: string | undefined;
    for (;;) {
      const out = await this.refusals(() =>
        s3.send(
          new sdk.ListPartsCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, ...(marker ? { PartNumberMarker: marker } : {}) }),
        ),
      );
      for (const p of out.Parts ?? []) {
        if (p.PartNumber === undefined || !p.ETag) continue;
        parts.push({ partNumber: p.PartNumber, size: p.Size ?? 0, etag: p.ETag, sha256: base64ToHex(p.ChecksumSHA256) });
      }
      if (!out.IsTruncated || !out.NextPartNumberMarker) break;
      marker = out.NextPartNumberMarker;
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }

  async completeUpload(key: string, uploadId: string, parts: readonly Pick<StoredPart, 'partNumber' | 'etag' | 'sha256'>[]): Promise<void> {
    const { sdk, s3 } = await this.sdk();
    const Parts = [...parts]
      .sort((a, b) => a.partNumber - b.partNumber)
      .map((p) => ({ PartNumber: p.partNumber, ETag: p.etag, ChecksumSHA256: hexToBase64(p.sha256) }));
    await this.refusals(() =>
      s3.send(new sdk.CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts } })),
    );
  }

  async abortUpload(key: string, uploadId: string): Promise<void> {
    const { sdk, s3 } = await this.sdk();
    try {
      await s3.send(new sdk.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }));
    } catch (err) {
      // Already aborted or completed: nothing is left to abort.
      if ((err as { name?: string }).name !== 'NoSuchUpload') throw err;
    }
  }

  async digest(key: string): Promise<{ sha256: string; size: number } | null> {
    const { sdk, s3 } = await this.sdk();
    let body: AsyncIterable<Uint8Array>;
    try {
      const out = await s3.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return null;
      body = out.Body as AsyncIterable<Uint8Array>;
    } catch (err) {
      if (err instanceof sdk.NoSuchKey || err instanceof sdk.NotFound) return null;
      throw err;
    }
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of body) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { sha256: hash.digest('hex'), size };
  }

  async downloadLink(key: string, opts: { fileName: string; mediaType: string; ttlSeconds: number }): Promise<PresignedLink> {
    const [{ sdk, s3 }, { getSignedUrl }] = await Promise.all([this.sdk(), import('@aws-sdk/s3-request-presigner')]);
    const get = new sdk.GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentDisposition: attachment(opts.fileName),
      ResponseContentType: opts.mediaType,
    });
    const signedAt = Date.now();
    const url = await getSignedUrl(s3, get, { expiresIn: opts.ttlSeconds });
    return { url, method: 'GET', headers: {}, expiresAt: new Date(signedAt + opts.ttlSeconds * 1000).toISOString() };
  }

  async scanVerdict(key: string): Promise<ScanVerdict> {
    if (this.opts.malwareScan === 'unavailable') return 'unavailable';
    const { sdk, s3 } = await this.sdk();
    const out = await s3.send(new sdk.GetObjectTaggingCommand({ Bucket: this.bucket, Key: key }));
    return verdictOf(out.TagSet?.find((t) => t.Key === SCAN_STATUS_TAG)?.Value);
  }

  async delete(key: string): Promise<void> {
    const { sdk, s3 } = await this.sdk();
    await s3.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
