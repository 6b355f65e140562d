import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { type S3Options, s3Config } from './config';

/** An S3 client made now (the local runtime and tests). */
export const createS3Client = (opts: S3Options = {}): S3Client => new S3Client(s3Config(opts));

/** Creates the bucket unless it exists (local runtime and tests). */
export const ensureBucket = async (s3: S3Client, bucket: string): Promise<void> => {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
};
