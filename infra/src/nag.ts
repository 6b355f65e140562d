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

/** The Lambda function CDK's BucketDeployment runs while deploying (one per stack, shared by both console deployments). */
const DEPLOYER = 'Custom::CDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756C';
const DEPLOYER_WHY =
  "CDK's BucketDeployment handler, which runs only while CloudFormation deploys, to copy the console's build from the CDK asset bucket into the console bucket and invalidate index.html and config.json in the distribution; its role, policy and runtime are CDK's, not this project's code.";

/** The console's distribution (CloudFront's default certificate, no custom domain). */
const CONSOLE_DISTRIBUTION: Acknowledgment[] = [
  {
    path: 'Console/Distribution',
    id: 'AwsSolutions-CFR4',
    reason:
      'The distribution answers on its *.cloudfront.net name with CloudFront\'s default certificate, whose security policy CloudFront fixes (it negotiates TLS 1.2 or later with current browsers, but cannot be told to refuse older). A custom domain with an ACM certificate in us-east-1 and a TLSv1.2_2021 policy needs a DNS name this stack cannot own or validate offline; docs/operations/aws.md, "The console on AWS".',
  },
  {
    path: 'Console/Distribution',
    id: 'AwsSolutions-CFR2',
    reason:
      'A CLOUDFRONT-scope WAF web ACL can only be created in us-east-1, and this stack is region-agnostic. Pass one made there with -c consoleWebAclArn=<arn>. Without it, the API behind /v1/* still has stage throttling and the JWT authorizer, and the bucket is reachable only through the distribution.',
  },
  {
    path: 'Console/Distribution',
    id: 'AwsSolutions-CFR1',
    reason:
      "The console serves member agencies, duty contacts and private partners in many countries, and officers travel; who may see what is decided by the API per record, not by the viewer's location. A country list, if policy requires one, belongs in the WAF web ACL (consoleWebAclArn).",
  },
];

const DEPLOYER_ACKS: Acknowledgment[] = [
  { path: DEPLOYER, id: 'AwsSolutions-L1', reason: `${DEPLOYER_WHY} CDK pins the runtime of its handler.` },
  {
    path: `${DEPLOYER}/ServiceRole`,
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: `${DEPLOYER_WHY} The managed policy lets it write its own logs, nothing else.`,
  },
  ...[
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    'Resource::<ConsoleBucket86B6957C.Arn>/*',
    'Resource::*',
  ].map((finding) => ({
    path: `${DEPLOYER}/ServiceRole`,
    id: `AwsSolutions-IAM5[${finding}]`,
    reason: `${DEPLOYER_WHY} CDK grants it read on its asset bucket, read-write on the console bucket's objects (the file names come from the build) and cloudfront:CreateInvalidation and GetInvalidation on every distribution; it is only ever called with this stack's bucket and distribution.`,
  })),
];

/**
 * cdk-nag findings accepted on purpose, each with its reason. Everything else cdk-nag's AWS
 * Solutions pack reports stops the synth.
 */
export const ACKNOWLEDGMENTS: Acknowledgment[] = [
  ...['api', 'people', 'exchange', 'fanout', 'delivery', 'sweep', 'export', 'pretoken', 'auth', 'pager', 'status'].map((fn) => ({
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
    path: 'Functions/export-role',
    id: 'AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/evidence/*]',
    reason:
      'Evidence object keys are made from ids at run time (evidence/<workspace>/<parent kind>/<parent>/<item>), so verifying a completed upload (its parts listed and joined, the object read through SHA-256, the scan tag read) names the evidence prefix with a wildcard below it; no delete, no other key and no bucket-level action is granted.',
  },
  ...[
    {
      fn: 'api',
      why: 's3:GetObject, only to sign the short-lived download link of a ready job for its requester (the API never reads a file itself)',
    },
    { fn: 'export', why: 's3:PutObject (every step of a multipart upload) and s3:AbortMultipartUpload, to write the file' },
  ].map(({ fn, why }) => ({
    path: `Functions/${fn}-role`,
    // The bucket's logical id and EXPORTS_PREFIX.
    id: 'AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/audit-exports/*]',
    reason: `Audit export files are keyed by ids made at run time (audit-exports/<workspace>/<job>/<attempt>.jsonl), so ${why} names the exports prefix with a wildcard below it; no evidence key and no bucket-level action is granted.`,
  })),
  {
    path: 'Evidence/MalwareScanRole',
    id: 'AwsSolutions-IAM5[Resource::<EvidenceBucketC67FF768.Arn>/evidence/*]',
    reason:
      'GuardDuty Malware Protection for S3 scans every new object under the evidence prefix, whose keys are made from ids at run time, so reading an object and its tags and writing its verdict tag name the evidence prefix with a wildcard below it; no other key of the bucket is granted.',
  },
  {
    path: 'Evidence/MalwareScanRole',
    id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]',
    reason:
      'GuardDuty creates and manages the EventBridge rule of a protected bucket itself and names it with this fixed prefix and a suffix of its own; the actions that change the rule also require events:ManagedBy to be the GuardDuty service, and no other rule is granted.',
  },
  {
    path: 'Functions/fanout-role',
    // The escalations' schedule group's logical id (its construct path, Schedules/Escalations).
    id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/<SchedulesEscalations6A376EFA>/*]',
    reason:
      "An escalation's one-time schedule is named from its timer at run time (packages/messaging/src/escalation-schedules.ts), so scheduler:CreateSchedule and scheduler:DeleteSchedule name the escalations' schedule group with a wildcard below it; no other group, no read or update, and iam:PassRole only of the role that may invoke only the sweep function.",
  },
  {
    path: 'CursorKeys/Secret',
    id: 'AwsSolutions-SMG4',
    reason:
      'The cursor keys reach the API function at deploy time (a CloudFormation dynamic reference in its environment), so a rotation is a new secret version holding the new key and the previous one, then a deploy naming that version (docs/operations/aws.md, "Rotate the cursor keys"); a rotation function could change the secret but not the running function. The keys open no service: they only seal list cursors, which the API checks against the caller and the list anyway.',
  },
  {
    path: 'AuditSigningKeys/Secret',
    id: 'AwsSolutions-SMG4',
    reason:
      'The audit signing key reaches the functions at deploy time (a CloudFormation dynamic reference in their environment), so a rotation is a new secret version holding the new key as current and the old one in previous (older checkpoints keep verifying), then a deploy naming that version; a rotation function could change the secret but not the running functions.',
  },
  {
    path: 'VapidKeys/Secret',
    id: 'AwsSolutions-SMG4',
    reason:
      'The VAPID key pair is bound into every browser push subscription made with its public key: rotating it silently would void every web-push contact method. A rotation is therefore a deliberate step (write a new pair as a new secret version; every person subscribes again), described in docs/push.md; a rotation function cannot make the browsers subscribe again.',
  },
  {
    path: 'MatchingKeys/Secret',
    id: 'AwsSolutions-SMG4',
    reason:
      'The matching key reaches the API function at deploy time (a CloudFormation dynamic reference in its environment), so a rotation is a new secret version holding the new key as current and the old one in previous (checks consult both until the index is rewritten under the new key; docs/operations/aws.md, "Rotating the matching key"), then a deploy naming that version; a rotation function could change the secret but neither the running function nor the index hashed under the old key.',
  },
  {
    path: 'Functions/sequencer-role',
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: `${XRAY.replace(' Nothing else in this role is a wildcard.', '')} Likewise dynamodb:ListStreams (added by the stream event source for the Lambda poller) supports no resource-level permissions; the stream itself is read through actions scoped to its ARN.`,
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
  ...['GET', 'POST'].map((method) => ({
    path: `Api/Http/${method}--auth--{proxy+}`,
    id: 'AwsSolutions-APIG4',
    reason:
      "The console's sign-in (functions/src/auth.ts) is how a person gets a token, so it cannot ask for one: it runs the authorization code flow with PKCE against the user pool as a confidential client, binds the provider's answer to the browser that asked (a one-time, HttpOnly sign-in cookie holding state, nonce and verifier), and answers only the session its HttpOnly, SameSite=Strict __Host- cookie names, state-changing calls also needing the X-Taskforce-Session header. Every other route stays behind the JWT authorizer.",
  })),
  ...['GET', 'POST'].map((method) => ({
    path: `Api/Http/${method}--ack--{proxy+}`,
    id: 'AwsSolutions-APIG4',
    reason:
      "The acknowledge link's page (packages/api/src/session/ack.ts, in the sign-in's function) is opened from an e-mail, SMS or push on a phone by a person who is not signed in, so it cannot ask for a token: the link itself authorises its one action. It carries a 256-bit secret made for one attempt of one page to one person (only its SHA-256 is stored, compared in constant time), single use, valid until the ladder level's deadline; the click acts as that person only if they are still an active user allowed to acknowledge for the country (the permission table), and GET changes nothing. Requests are rate-limited per client address. Every other route stays behind the JWT authorizer.",
  })),
  {
    path: 'Api/Http/GET--v1--calendar--{proxy+}',
    id: 'AwsSolutions-APIG4',
    reason:
      "A person's secret calendar address (packages/api/src/routes/rosters.ts, calendarFeedRoutes, in the people function) is fetched by a calendar application, which sends no token: the address itself is the credential. It holds a 256-bit secret of which only the SHA-256 is stored, shown once, replaceable and revocable by its owner; it answers only that person's own shifts (GET, read only) while they are an active duty contact, and the same 404 otherwise; misses are rate-limited per client address. Every other route stays behind the JWT authorizer.",
  },
  ...CONSOLE_DISTRIBUTION,
  ...DEPLOYER_ACKS,
];

export const acknowledgeFindings = (stack: Stack): void => {
  for (const a of ACKNOWLEDGMENTS) {
    const target = a.path.split('/').reduce<IConstruct>((c, id) => c.node.findChild(id), stack);
    Validations.of(target).acknowledge({ id: a.id, reason: a.reason });
  }
};
