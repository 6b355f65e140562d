import { type Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface Acknowledgment {
  /** Construct path below the stack. */
  path: string;
  /** cdk-nag rule (and finding) id. */
  id: string;
  reason: string;
}

const XRAY =
  'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so their resource is "*". Nothing else in this role is a wildcard.';

/**
 * cdk-nag findings accepted on purpose, each with its reason. Everything else cdk-nag's AWS
 * Solutions pack reports stops the synth.
 */
export const ACKNOWLEDGMENTS: Acknowledgment[] = [
  ...['api', 'fanout', 'delivery', 'sweep'].map((fn) => ({
    path: `Functions/${fn}-role`,
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: XRAY,
  })),
  {
    path: 'Functions/api-role',
    // The bucket's logical id (from its construct path, Evidence/Bucket) and EVIDENCE_PREFIX.
    id: 'AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/evidence/*]',
    reason:
      'Evidence object keys are made from ids at run time (evidence/<workspace>/<request>/<item>), so s3:PutObject and s3:GetObject name the evidence prefix with a wildcard below it; no other key of the bucket and no bucket-level action is granted.',
  },
  {
    path: 'CursorKeys/Secret',
    id: 'AwsSolutions-SMG4',
    reason:
      'The cursor keys reach the API function at deploy time (a CloudFormation dynamic reference in its environment), so a rotation is a new secret version holding the new key and the previous one, then a deploy naming that version (README, "Rotate the cursor keys"); a rotation function could change the secret but not the running function. The keys open no service: they only seal list cursors, which the API checks against the caller and the list anyway.',
  },
  {
    path: 'OutboxRelay/Role',
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'dynamodb:ListStreams supports no resource-level permissions; the stream itself is read through actions scoped to its ARN.',
  },
  {
    path: 'OutboxRelay/Dlq',
    id: 'AwsSolutions-SQS3',
    reason:
      "This queue is the dead-letter queue of the outbox pipe (its DynamoDB stream source's DeadLetterConfig), a use cdk-nag only recognises in SQS redrive policies; a DLQ of a DLQ would add nothing.",
  },
];

export const acknowledgeFindings = (stack: Stack): void => {
  for (const a of ACKNOWLEDGMENTS) {
    const target = a.path.split('/').reduce<IConstruct>((c, id) => c.node.findChild(id), stack);
    Validations.of(target).acknowledge({ id: a.id, reason: a.reason });
  }
};
