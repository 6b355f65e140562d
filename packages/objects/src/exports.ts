import type { S3Client } from '@aws-sdk/client-s3';
import type { ExportFiles, ExportUpload } from '@taskforce/core';

/**
 * Audit export files over S3: a multipart upload whose parts are sent as the worker makes
 * them (the worker holds one part at a time), and presigned GETs for the requester's link.
 * The SDK's commands and the presigner are imported when first used, so a function that never
 * exports does not load them. Locally the same calls go to the local object engine's S3 API,
 * which checks a presigned GET's signature and expiry as S3 does.
 */
export class S3ExportFiles implements ExportFiles {
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

  async begin(key: string, meta: { mediaType: string }): Promise<ExportUpload> {
    const { sdk, s3 } = await this.sdk();
    const Bucket = this.bucket;
    const created = await s3.send(new sdk.CreateMultipartUploadCommand({ Bucket, Key: key, ContentType: meta.mediaType }));
    const UploadId = created.UploadId;
    if (!UploadId) throw new Error('S3 returned no upload id');
    const parts: { PartNumber: number; ETag: string }[] = [];
    let numbered = 0;
    return {
      async part(body) {
        // Numbered when handed over, so parts keep their order whenever their uploads finish.
        const PartNumber = ++numbered;
        const out = await s3.send(new sdk.UploadPartCommand({ Bucket, Key: key, UploadId, PartNumber, Body: body }));
        if (!out.ETag) throw new Error(`S3 returned no ETag for part ${PartNumber}`);
        parts.push({ PartNumber, ETag: out.ETag });
      },
      async complete() {
        const Parts = [...parts].sort((a, b) => a.PartNumber - b.PartNumber);
        await s3.send(new sdk.CompleteMultipartUploadCommand({ Bucket, Key: key, UploadId, MultipartUpload: { Parts } }));
      },
      async abort() {
        await s3.send(new sdk.AbortMultipartUploadCommand({ Bucket, Key: key, UploadId }));
      },
    };
  }

  /**
   * A presigned GET. The presigner is one of the AWS SDK packages the Lambda Node.js runtime
   * ships (bundled it would cost the API about 110 KB of its budget), loaded on first use. With
   * a `fileName`, S3 answers with `Content-Disposition: attachment`, so a browser saves the file.
   */
  async linkFor(key: string, ttlSeconds: number, fileName?: string): Promise<string> {
    const [{ sdk, s3 }, { getSignedUrl }] = await Promise.all([this.sdk(), import('@aws-sdk/s3-request-presigner')]);
    const get = new sdk.GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ...(fileName ? { ResponseContentDisposition: `attachment; filename="${fileName}"` } : {}),
    });
    return getSignedUrl(s3, get, { expiresIn: ttlSeconds });
  }
}
