import { contentKey, exportFileKey } from '@taskforce/core';
import { documentFileKey } from '@taskforce/core/reports';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
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
/** Where the export worker writes documents (PDF request packages and workspace reports): `documents/<ws>/<job>/<attempt>.pdf`, kept as long as export files. */
const DOCUMENTS_PREFIX = `${documentFileKey('w', 'j', 'a').split('/')[0]}/`;

/** How long the bucket's server access logs are kept: as long as the HTTP API's access logs. */
export const ACCESS_LOG_DAYS = 365;

/** The tag GuardDuty Malware Protection for S3 writes on each object it scanned, and the value that releases it. */
const SCAN_STATUS_TAG = 'GuardDutyMalwareScanStatus';
const SCAN_CLEAN = 'NO_THREATS_FOUND';

/** The EventBridge rule GuardDuty makes and manages for a protected bucket (its name is GuardDuty's, by prefix). */
const GUARDDUTY_RULE_PREFIX = 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3';

/** The object GuardDuty writes once to check it may write to the bucket. */
const GUARDDUTY_VALIDATION_OBJECT = 'malware-protection-resource-validation-object';

/** The browser sends parts straight to the bucket: the headers it reads back from S3's answers. */
const EXPOSED_HEADERS = ['ETag', 'x-amz-checksum-sha256', 'Content-Range', 'Content-Length', 'Content-Disposition'];

export interface EvidenceProps {
  /** The data key (table, queues): evidence is encrypted under it too. */
  key: kms.IKey;
  /** The console's origin (`https://<distribution>`): the only page whose scripts may PUT parts and GET files (CORS). */
  consoleOrigin: string;
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
 * - Evidence of any size goes from the browser straight to the bucket through presigned part
 *   PUTs (`S3EvidenceObjects`), so the bucket answers CORS for the console's origin alone.
 * - GuardDuty Malware Protection for S3 scans every new object under the evidence prefix and
 *   tags it with its verdict; `releaseGate` denies reading an evidence object not tagged
 *   NO_THREATS_FOUND to every principal but the API's role and the scanner (docs/evidence-storage.md).
 */
export class Evidence extends Construct {
  readonly bucket: s3.Bucket;
  readonly accessLogs: s3.Bucket;
  /** The role GuardDuty Malware Protection for S3 assumes to scan and tag evidence objects. */
  readonly scanRole: iam.Role;
  readonly malwareProtection: guardduty.CfnMalwareProtectionPlan;

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
        { prefix: DOCUMENTS_PREFIX, expiration: Duration.days(EXPORT_FILE_DAYS), noncurrentVersionExpiration: Duration.days(1) },
      ],
      // The console uploads parts through presigned PUTs and downloads through presigned GETs, from its own origin only.
      cors: [
        {
          allowedOrigins: [props.consoleOrigin],
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedHeaders: ['content-type', 'x-amz-checksum-sha256', 'range'],
          exposedHeaders: EXPOSED_HEADERS,
          maxAge: 3000,
        },
      ],
    });

    // GuardDuty Malware Protection for S3 scans each new evidence object and tags it with its
    // verdict (GuardDutyMalwareScanStatus). Its role may do exactly what the service documents it
    // needs on this bucket, under the evidence prefix, and nothing else.
    const stack = Stack.of(this);
    const rule = stack.formatArn({ service: 'events', resource: 'rule', resourceName: `${GUARDDUTY_RULE_PREFIX}*` });
    this.scanRole = new iam.Role(this, 'MalwareScanRole', {
      assumedBy: new iam.ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3: scans and tags new evidence objects',
    });
    const managed = { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } };
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [rule],
        conditions: managed,
      }),
    );
    this.scanRole.addToPolicy(new iam.PolicyStatement({ actions: ['events:DescribeRule', 'events:ListTargetsByRule'], resources: [rule] }));
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification', 's3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(GUARDDUTY_VALIDATION_OBJECT)] }),
    );
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [this.objectsArn],
      }),
    );
    this.scanRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: [props.key.keyArn],
        conditions: { StringLike: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
      }),
    );
    this.malwareProtection = new guardduty.CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: this.scanRole.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [EVIDENCE_PREFIX] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    // The plan checks its role's permissions when it is made: the policy must exist by then.
    this.malwareProtection.node.addDependency(this.scanRole);
  }

  /**
   * The release gate, in the bucket policy: no one may read an evidence object GuardDuty has not
   * tagged NO_THREATS_FOUND (not yet scanned, threats found, or a failed scan), except `readers`
   * (the API functions' roles, which sign download links only for what the platform's own gate
   * allows: a released item, or the evidence officer releasing it) and the scanner itself. A
   * presigned link is signed by the API's role, so links go through the same test.
   */
  releaseGate(readers: iam.IRole[]): void {
    this.bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'QuarantineUntilScannedClean',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.objectsArn],
        conditions: {
          StringNotEquals: { [`s3:ExistingObjectTag/${SCAN_STATUS_TAG}`]: SCAN_CLEAN },
          ArnNotEquals: { 'aws:PrincipalArn': [...readers.map((r) => r.roleArn), this.scanRole.roleArn] },
        },
      }),
    );
  }

  /** The ARN pattern of every evidence object (`arn:…:bucket/evidence/*`). */
  get objectsArn(): string {
    return this.bucket.arnForObjects(`${EVIDENCE_PREFIX}*`);
  }

  /** The ARN pattern of every audit export file (`arn:…:bucket/audit-exports/*`). */
  get exportsArn(): string {
    return this.bucket.arnForObjects(`${EXPORTS_PREFIX}*`);
  }

  /** The ARN pattern of every document (`arn:…:bucket/documents/*`): PDF request packages and workspace reports. */
  get documentsArn(): string {
    return this.bucket.arnForObjects(`${DOCUMENTS_PREFIX}*`);
  }
}
