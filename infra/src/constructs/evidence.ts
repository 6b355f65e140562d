import { contentKey, exportFileKey } from '@taskforce/core';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Where the API writes evidence content: every key `contentKey` makes starts with it (`evidence/<ws>/<request>/<item>`). */
const EVIDENCE_PREFIX = `${contentKey({ workspaceId: 'w', requestId: 'r', id: 'e' }).split('/')[0]}/`;

/** Where the export worker writes audit export files: every key `exportFileKey` makes starts with it (`audit-exports/<ws>/<job>/<attempt>.jsonl`). */
const EXPORTS_PREFIX = `${exportFileKey('w', 'j', 'a').split('/')[0]}/`;
/**
 * How long an audit export file is kept: its link lasts five minutes, re-issued on each GET of
 * the job, so a requester has a week to fetch it; the chain keeps its line count and digest for good.
 */
const EXPORT_FILE_DAYS = 7;

/** How long the bucket's server access logs are kept: as long as the HTTP API's access logs. */
export const ACCESS_LOG_DAYS = 365;

export interface EvidenceProps {
  /** The data key (table, queues): evidence is encrypted under it too. */
  key: kms.IKey;
  /** Retain both buckets with the stack (default); off, a throw-away stack empties and deletes them. */
  deletionProtection: boolean;
}

/**
 * The evidence bucket: the files private partners upload against data requests, written and
 * read only by the API function (`S3ContentStore` in packages/objects); and, under their own
 * prefix, audit export files, written by the export function (`S3ExportFiles`) and read only
 * through the short-lived presigned links the API signs for their requesters.
 *
 * - Encryption: SSE-KMS under the customer-managed data key, not SSE-S3. Reading a file then
 *   takes `kms:Decrypt` on that key as well as `s3:GetObject`, so one key policy governs the
 *   table (which holds each item's SHA-256 and the audit chain) and the files alike, every use
 *   of the key is in CloudTrail, and disabling the key cuts access to all of it at once. An S3
 *   Bucket Key keeps the KMS request count (and cost) down; each upload and download is still
 *   an entry in the workspace's audit chain and a line in the server access logs.
 * - TLS only, public access blocked, ACLs disabled (bucket owner enforced), versioning on: an
 *   overwrite (a retried upload writes the same key again) keeps the earlier version.
 * - Server access logs to a second bucket. S3 delivers access logs only to buckets encrypted
 *   with SSE-S3, so that one is; it is itself not logged (that would log its own log writes).
 * - No S3 Object Lock. Integrity is already proven end to end: the partner registers the
 *   SHA-256, the API refuses content that does not match it, the object is written with
 *   `ChecksumSHA256` so S3 itself rejects a corrupted body, and the digest sits in the audit
 *   hash chain, where any later change is detected. Object Lock has to be chosen when the
 *   bucket is created and fixes each object's retention when it is written, before anyone
 *   knows when its workspace will close; country policies may require a purge a number of
 *   days after closing (`purge_after_close`), which a compliance-mode lock would forbid and a
 *   governance-mode lock would only make harder, and a throw-away stack could not be deleted.
 *   No function may delete an object; versioning keeps whatever an overwrite replaced.
 */
export class Evidence extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: EvidenceProps) {
    super(scope, id);
    const removal = props.deletionProtection
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };
    const common = {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      ...removal,
    };

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...common,
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(ACCESS_LOG_DAYS) }],
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...common,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'evidence-bucket/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { prefix: EXPORTS_PREFIX, expiration: Duration.days(EXPORT_FILE_DAYS), noncurrentVersionExpiration: Duration.days(1) },
      ],
    });
  }

  /** The ARN pattern of every evidence object (`arn:…:bucket/evidence/*`). */
  get objectsArn(): string {
    return this.bucket.arnForObjects(`${EVIDENCE_PREFIX}*`);
  }

  /** The ARN pattern of every audit export file (`arn:…:bucket/audit-exports/*`). */
  get exportsArn(): string {
    return this.bucket.arnForObjects(`${EXPORTS_PREFIX}*`);
  }
}
