import type { S3Client } from '@aws-sdk/client-s3';
import type { ContentStore } from '@taskforce/core';

import { type S3Options, s3Config } from './config';

export type { S3Options } from './config';
export { S3ExportFiles } from './exports';
export { createS3Client, ensureBucket } from './setup';

/** The evidence bucket's name on AWS comes from the stack; locally it is made by the runtime. */
export const EVIDENCE_BUCKET = 'taskforce-evidence';

/**
 * An S3 client made on first use: the SDK module is imported then, not when the function starts,
 * so an API cold start does not pay for S3 unless the request touches evidence.
 */
export const s3ClientOnDemand =
  (opts: S3Options = {}): (() => Promise<S3Client>) =>
  async () =>
    new (await import('@aws-sdk/client-s3')).S3Client(s3Config(opts));

/**
 * The content store port over S3. Each object is written with its SHA-256 checksum, so S3
 * itself refuses content that does not match the digest the partner registered. The SDK's
 * commands are imported when first used (see `s3ClientOnDemand`).
 */
export class S3ContentStore implements ContentStore {
  #client: Promise<S3Client> | undefined;

  constructor(
    private readonly source: S3Client | (() => Promise<S3Client>),
    readonly bucket: string,
  ) {}

  private async sdk() {
    this.#client ??= typeof this.source === 'function' ? this.source() : Promise.resolve(this.source);
    const [sdk, s3] = await Promise.all([import('@aws-sdk/client-s3'), this.#client]);
    return { sdk, s3 };
  }

  async put(key: string, body: Uint8Array, meta: { sha256: string; mediaType: string }): Promise<void> {
    const { sdk, s3 } = await this.sdk();
    await s3.send(
      new sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: meta.mediaType,
        ChecksumSHA256: Buffer.from(meta.sha256, 'hex').toString('base64'),
        Metadata: { sha256: meta.sha256 },
      }),
    );
  }

  async get(key: string): Promise<Uint8Array | null> {
    const { sdk, s3 } = await this.sdk();
    try {
      const out = await s3.send(new sdk.GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : null;
    } catch (err) {
      if (err instanceof sdk.NoSuchKey || err instanceof sdk.NotFound) return null;
      throw err;
    }
  }
}
export { attachment, type MalwareScan, S3EvidenceObjects, SCAN_STATUS_TAG, StorageRefused, verdictOf } from './evidence-objects';
