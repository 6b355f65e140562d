import type { S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3Options {
  endpoint?: string;
  region?: string;
}

export const s3Config = (opts: S3Options = {}): S3ClientConfig => {
  const config: S3ClientConfig = { region: opts.region ?? process.env.AWS_REGION ?? 'us-east-1' };
  if (opts.endpoint) {
    config.endpoint = opts.endpoint;
    config.forcePathStyle = true;
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return config;
};
