import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import type { ContentStore } from '@taskforce/core';

/** The evidence bucket's name on AWS comes from the stack; locally it is made by the runtime. */
export const EVIDENCE_BUCKET = 'taskforce-evidence';

export const createS3Client = (opts: { endpoint?: string; region?: string } = {}): S3Client => {
  const config: S3ClientConfig = { region: opts.region ?? process.env.AWS_REGION ?? 'us-east-1' };
  if (opts.endpoint) {
    config.endpoint = opts.endpoint;
    config.forcePathStyle = true;
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return new S3Client(config);
};

/**
 * The content store port over S3. Each object is written with its SHA-256 checksum, so S3
 * itself refuses content that does not match the digest the partner registered.
 */
export class S3ContentStore implements ContentStore {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array, meta: { sha256: string; mediaType: string }): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
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
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return out.Body ? await out.Body.transformToByteArray() : null;
    } catch (err) {
      if (err instanceof NoSuchKey || err instanceof NotFound) return null;
      throw err;
    }
  }
}

/** Creates the bucket unless it exists (local runtime and tests). */
export const ensureBucket = async (s3: S3Client, bucket: string): Promise<void> => {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
};
