import type { QueuedAuditEntry } from '@taskforce/core';
import type { FederationRules } from '@taskforce/core/federation';
import {
  auditQueuePartition,
  chainPk,
  idempotencyKey,
  matchPartition,
  notificationKey,
  queuedAuditItem,
  RATE_PARTITION_PREFIX,
  recordKey,
  TABLE,
  turnaroundPartition,
} from '@taskforce/dynamo';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { FunctionName } from '../bundle';
import type { Channels } from './channels';
import type { Data } from './data';
import type { Evidence } from './evidence';
import type { Messaging } from './messaging';
import type { VapidKeySecret } from './vapid-keys';

/** The latest Node.js runtime Lambda offers and this aws-cdk-lib knows (Node.js 24, LTS); the bundles target it. */
const RUNTIME = lambda.Runtime.NODEJS_24_X;

/** Partition keys (`pk`) as the code makes them, as IAM patterns: where events live (a workspace's or the platform's chain). */
const CHAIN_PARTITIONS = [chainPk('platform'), chainPk('*')];
/** Each organisation's notification inbox. */
const NOTIFICATION_PARTITIONS = notificationKey('*', 'e').pk;
/** Each organisation's own records (channel, webhook secrets, memberships). */
const ORGANISATION_PARTITIONS = recordKey({ kind: 'channel', orgId: '*' }).pk;
/** Each workspace's records (the workspace item, its invitations). */
const WORKSPACE_PARTITIONS = recordKey({ kind: 'workspace', id: '*' }).pk;
/** Each country's policy (one partition per country: no item every request reads). */
const POLICY_PARTITIONS = recordKey({ kind: 'policy', country: '*' }).pk;
/** Each person's records (their contact methods), each organisation's registry item, and the lookup from a channel's message id to its page. */
const PERSON_PARTITIONS = recordKey({ kind: 'contactMethods', sub: '*' }).pk;
const REGISTRY_PARTITIONS = recordKey({ kind: 'organisation', id: '*' }).pk;
const PAGE_MESSAGE_PARTITIONS = recordKey({ kind: 'pageMessage', messageId: '*' }).pk;
/** Each private partner's turnaround counters (added to by an UpdateItem ADD in a request's transaction). */
const TURNAROUND_PARTITIONS = turnaroundPartition('*');
/** Idempotency records (one per command key, and per read-audit window). */
const IDEMPOTENCY_PARTITIONS = idempotencyKey('*').pk;
/** The hit/no-hit index: one partition per keyed hash of a selector, an item per record holding it. */
const MATCH_PARTITIONS = matchPartition('*', '*');

/** The console's sign-ins under way and its sessions (packages/dynamo/src/sessions.ts), and each person's sessions on the inbox index. */
const SESSION_PARTITIONS = ['SIGNIN#*', 'SESSION#*'];
const PERSON_SESSIONS_PARTITIONS = 'SESSIONS#*';
/** Fixed-window rate counters (packages/dynamo/src/rate.ts): the acknowledge link's, per client address. */
const RATE_PARTITIONS = `${RATE_PARTITION_PREFIX}*`;
/** What user administration asks of the user pool (functions/src/cognito-users.ts). */
/** What reading the user directory takes (CognitoUserAdmin's get and list). */
const USER_READ_ACTIONS = ['ListUsers', 'ListUsersInGroup', 'AdminGetUser'];

const USER_ADMIN_ACTIONS = [
  'ListUsers',
  'ListUsersInGroup',
  'AdminGetUser',
  'AdminCreateUser',
  'CreateGroup',
  'AdminAddUserToGroup',
  'AdminUpdateUserAttributes',
  'AdminDisableUser',
  'AdminEnableUser',
  'AdminUserGlobalSignOut',
  'AdminSetUserMFAPreference',
];

/** Function timeouts; a consumed queue's visibility timeout must be at least six times its consumer's. */
const TIMEOUTS: Record<FunctionName, Duration> = {
  api: Duration.seconds(15),
  people: Duration.seconds(15),
  // A TAXII page reads the whole collection of a workspace through the list reads (bounded pages).
  exchange: Duration.seconds(25),
  fanout: Duration.seconds(30),
  delivery: Duration.seconds(30),
  sweep: Duration.seconds(55),
  // An audit export runs to the end of the chain in one invocation (docs/architecture.md, "Audit export").
  export: Duration.minutes(15),
  sequencer: Duration.seconds(30),
  // Cognito waits 5 s for a trigger.
  pretoken: Duration.seconds(5),
  // A sign-in's round trip to Cognito's token endpoint and the table.
  auth: Duration.seconds(10),
  // A page's reads, one SES or SMS call (or a few, failing over) and its record: well under a second each;
  // the pages queue's 30 s visibility (a held-up page is retried within seconds) bounds it to 5 s.
  pager: Duration.seconds(5),
  status: Duration.seconds(5),
};

/** The `kind` of a queued audit entry's item and the prefix of its due-index partition (`queuedAuditItem` in packages/dynamo). */
const QUEUED_AUDIT_KIND = queuedAuditItem({ chainId: 'c', qid: 'q', at: '' } as QueuedAuditEntry).kind;
const AUDIT_QUEUE_PREFIX = auditQueuePartition(0).replace(/\d+$/, '');

export interface FunctionsProps {
  /** Folder of each function's bundle (`index.mjs`), made by `bundleAll`. */
  bundles: Record<FunctionName, string>;
  data: Data;
  messaging: Messaging;
  evidence: Evidence;
  /** E-mail and SMS: the API sends verification codes through them, the pager pages; the status function reads what they say back. */
  channels: Channels;
  /** Web push: the API tells browsers the public key and sends a push method's code (the secret is read on first use). */
  vapidKeys: VapidKeySecret;
  /** Cognito issuer and app client: the API verifies tokens itself as well. */
  jwt: { issuer: string; audience: string };
  /** The API's cursor keys, as a dynamic reference CloudFormation resolves (`CursorKeys.reference`). */
  cursorKeys: string;
  /** The audit checkpoints' signing key, as a dynamic reference (`AuditSigningKeys.reference`). */
  auditSigningKeys: string;
  /** The key selectors are hashed with for matching, as a dynamic reference (`MatchingKeys.reference`): the API's only. */
  matchingKeys: string;
  /** What the pre-token trigger holds federated users to: each agency provider's organisation and allowed roles. */
  federationRules: FederationRules;
  /** The user pool: the API administers its users, the console's sign-in (auth) is its confidential client. */
  userPool: { id: string; arn: string };
  /** The console's sign-in: its origin (`https://<distribution domain>`), the hosted UI's host name, the agencies' providers' names. */
  signIn: { consoleOrigin: string; cognitoDomain: string; providers: string[] };
}

/**
 * The Lambda functions, each with its own role holding only what its code does, its own
 * log group, ARM64, the Node.js 24 runtime and X-Ray active tracing.
 */
export class Functions extends Construct {
  readonly fns: Record<FunctionName, lambda.Function>;

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    const { table } = props.data;
    const { events, delivery, exports, pages } = props.messaging.queues;

    const common: Record<string, string> = {
      TABLE_NAME: table.tableName,
      POWERTOOLS_METRICS_NAMESPACE: 'Taskforce',
    };
    const make = (name: FunctionName, memoryMb: number, environment: Record<string, string>) => {
      const logGroup = new logs.LogGroup(this, `${name}-logs`, {
        retention: logs.RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      const role = new iam.Role(this, `${name}-role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `Taskforce ${name} function`,
      });
      role.addToPolicy(
        new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
      );
      return new lambda.Function(this, name, {
        description: `Taskforce ${name}`,
        runtime: RUNTIME,
        architecture: lambda.Architecture.ARM_64,
        handler: 'index.handler',
        code: lambda.Code.fromAsset(props.bundles[name]),
        memorySize: memoryMb,
        timeout: TIMEOUTS[name],
        role,
        logGroup,
        tracing: lambda.Tracing.ACTIVE,
        environment: { ...common, POWERTOOLS_SERVICE_NAME: `taskforce-${name}`, ...environment },
      });
    };

    // The API and people functions run one app (functions/src/api-deps.ts), each serving its own routes.
    const apiEnvironment = {
      JWT_ISSUER: props.jwt.issuer,
      JWT_AUDIENCE: props.jwt.audience,
      EVIDENCE_BUCKET_NAME: props.evidence.bucket.bucketName,
      CURSOR_KEYS: props.cursorKeys,
      AUDIT_SIGNING_KEYS: props.auditSigningKeys,
      MATCHING_KEYS: props.matchingKeys,
      USER_POOL_ID: props.userPool.id,
    };
    this.fns = {
      api: make('api', 1024, apiEnvironment),
      // People's routes (packages/api/src/routes/people.ts): only this function sends e-mail, SMS and
      // push (contact methods' codes) and administers the user pool.
      people: make('people', 1024, { ...apiEnvironment, ...props.channels.environment, ...props.vapidKeys.environment }),
      // Exchange with threat-intelligence tools (packages/api/src/routes/exchange.ts): the TAXII server; STIX only here.
      exchange: make('exchange', 1024, apiEnvironment),
      fanout: make('fanout', 512, {
        EVENTS_QUEUE_URL: events.queue.queueUrl,
        DELIVERY_QUEUE_URL: delivery.queue.queueUrl,
        EXPORTS_QUEUE_URL: exports.queue.queueUrl,
        PAGES_QUEUE_URL: pages.queue.queueUrl,
      }),
      delivery: make('delivery', 512, { EVENTS_QUEUE_URL: events.queue.queueUrl, DELIVERY_QUEUE_URL: delivery.queue.queueUrl }),
      sweep: make('sweep', 512, {
        EVENTS_QUEUE_URL: events.queue.queueUrl,
        DELIVERY_QUEUE_URL: delivery.queue.queueUrl,
        OUTBOX_RELAY_AFTER_SECONDS: '60',
        // Timers fire until 10 s before the timeout (45 s of a 55 s run), 32 workspaces at once:
        // 10,000 due timers over 32+ workspaces take ~8 s at ~25 ms a timer (docs/architecture.md, "The sweep").
        SWEEP_MARGIN_SECONDS: '10',
        SWEEP_CONCURRENCY: '32',
        AUDIT_SIGNING_KEYS: props.auditSigningKeys,
      }),
      // Memory for one 8 MiB part in hand and one being sent, and the network share that comes with it.
      // It sequences the chain before reading it, so it signs checkpoints too.
      export: make('export', 1024, { EVIDENCE_BUCKET_NAME: props.evidence.bucket.bucketName, AUDIT_SIGNING_KEYS: props.auditSigningKeys }),
      sequencer: make('sequencer', 512, { AUDIT_SIGNING_KEYS: props.auditSigningKeys }),
      // Cognito's pre-token-generation trigger: reads nothing but its environment, calls nothing.
      pretoken: make('pretoken', 256, { FEDERATION_RULES: JSON.stringify(props.federationRules) }),
      // The pager (functions/src/pager.ts): pages through SES, SMS and web push, acknowledge links to the console.
      pager: make('pager', 512, {
        PAGES_QUEUE_URL: pages.queue.queueUrl,
        CONSOLE_ORIGIN: props.signIn.consoleOrigin,
        ...props.channels.environment,
        ...props.vapidKeys.environment,
      }),
      // What SES and SMS say back about each message (functions/src/channel-status.ts).
      status: make('status', 256, { PAGES_QUEUE_URL: pages.queue.queueUrl }),
      // The console's sign-in (functions/src/auth.ts): the backend-for-frontend under /auth/*.
      auth: make('auth', 256, {
        JWT_ISSUER: props.jwt.issuer,
        JWT_AUDIENCE: props.jwt.audience,
        USER_POOL_ID: props.userPool.id,
        CONSOLE_ORIGIN: props.signIn.consoleOrigin,
        COGNITO_DOMAIN: props.signIn.cognitoDomain,
        AGENCY_PROVIDERS: props.signIn.providers.join(','),
      }),
    };

    // Least privilege, from what each function's code calls (see the comment on each grant).
    // DynamoDB: a transaction (TransactWriteItems) is authorised item by item as PutItem,
    // DeleteItem or UpdateItem; no code uses ConditionCheck, Scan, BatchWriteItem or
    // TransactGetItems. Queries name their index, so each index is granted by its own ARN.
    // Where a function only ever touches some partitions, a condition on the partition key
    // (dynamodb:LeadingKeys) holds it to those.
    const idx = TABLE.indexes;
    const tableArn = [table.tableArn];
    const indexArns = (...names: string[]) => props.data.indexArns(...names);
    const allow = (fn: FunctionName, actions: string[], resources: string[], partitions?: string[]) =>
      this.fns[fn].addToRolePolicy(
        new iam.PolicyStatement({
          actions,
          resources,
          ...(partitions ? { conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions } } } : {}),
        }),
      );
    // What the data key does for each service a function calls: DynamoDB and SQS (SSE-KMS) and
    // S3 (SSE-KMS) use it on the caller's behalf; the key is usable only through them.
    const useKey = (fn: FunctionName, services: ('dynamodb' | 'sqs' | 's3')[]) =>
      this.fns[fn].addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
          resources: [props.data.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': services.map((s) => `${s}.${Stack.of(this).region}.amazonaws.com`) } },
        }),
      );

    // API (the use cases in packages/core/src/<feature>/ through DynamoStore, DynamoAlertStore and S3ContentStore):
    // - load → GetItem / BatchGetItem; commit → TransactWriteItems of Put and Delete;
    //   lists of a workspace, of audit, events, evidence, memberships, incidents and inboxes →
    //   Query on the table; organisations, contacts, invitations, assigned tasks and pending
    //   notifications → Query on gsi1; a partner's requests (listInbox, findInboxRequest) and a
    //   workspace's tasks by assignee → Query on gsi2; tasks by state or overdue → Query on the
    //   due index; a platform administrator's redrive (redriveWebhooks) → Query on the due
    //   index, for the parked webhook posts, each moved back by an UpdateItem of its inbox item (below);
    //   the policies a read needs → a second BatchGetItem of those countries' policies;
    allow('api', ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], tableArn);
    allow('api', ['dynamodb:Query'], indexArns(idx.lookup.name, idx.inbox.name, idx.due.name));
    // - acknowledging a notification (acknowledgeNotification) and redriving a parked webhook
    //   post → UpdateItem, only in the notification inboxes;
    allow('api', ['dynamodb:UpdateItem'], tableArn, [NOTIFICATION_PARTITIONS]);
    // - a request's status change counts into its partner's turnaround (turnaroundWrites, an
    //   `add` write) → UpdateItem in the transaction, only in the turnaround partitions;
    allow('api', ['dynamodb:UpdateItem'], tableArn, [TURNAROUND_PARTITIONS]);
    // - evidence content (uploadEvidence, downloadEvidence) → PutObject / GetObject under the
    //   evidence prefix. No ListBucket: reading a missing key is then a 403 rather than a 404,
    //   which only happens if an object marked stored has gone, and is worth a 5xx and an alarm.
    this.fns.api.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [props.evidence.objectsArn] }),
    );
    // - evidence of any size (packages/core/src/evidence through S3EvidenceObjects): an upload
    //   started and its part links signed (CreateMultipartUpload, UploadPart: s3:PutObject), the
    //   parts storage holds for a resume (ListParts: s3:ListMultipartUploadParts, the parts of one
    //   upload, not the bucket's keys), an upload abandoned (AbortMultipartUpload), the malware
    //   scan's verdict on release (GetObjectTagging), download links (s3:GetObject, signed here).
    this.fns.api.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListMultipartUploadParts', 's3:AbortMultipartUpload', 's3:GetObjectTagging'],
        resources: [props.evidence.objectsArn],
      }),
    );
    // - the link to a ready audit export file (getAuditExport → S3ExportFiles.linkFor) is a GET
    //   presigned with the API's own credentials, so the API holds GetObject on the exports prefix
    //   (it signs; it never reads a file itself).
    this.fns.api.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.evidence.exportsArn] }));
    useKey('api', ['dynamodb', 's3']);
    // - a person's name on an incident's delivery trail (incidents/pages.ts) → the user directory,
    //   read only: a user found by subject (ListUsers), an organisation's users (ListUsersInGroup),
    //   one user's MFA (AdminGetUser).
    this.fns.api.addToRolePolicy(
      new iam.PolicyStatement({
        actions: USER_READ_ACTIONS.map((a) => `cognito-idp:${a}`),
        resources: [props.userPool.arn],
      }),
    );

    // People (packages/api/src/routes/people.ts: user administration, rosters, contact methods, the
    // calendar address, through DynamoStore): load, commit and lists of rosters, contact methods and
    // duty contacts → the same table reads and writes as the API's commands, and Query on gsi1 (the
    // lookups) and gsi2; no evidence, no notification inbox, no turnaround counter.
    allow('people', ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], tableArn);
    allow('people', ['dynamodb:Query'], indexArns(idx.lookup.name, idx.inbox.name, idx.due.name));
    useKey('people', ['dynamodb']);
    // - a contact method's verification code (addContactMethod, resendCode) → SESv2 SendEmail
    //   from the one sender address of the domain identity, through its configuration set; SMS
    //   → SendTextMessage through the SMS configuration set from the one origination identity.
    props.channels.grantSend(this.fns.people);
    // - a push method's verification code and the key browsers subscribe with (GET /v1/me/push-key)
    //   → the VAPID secret: read, and the first pair written once (functions/src/vapid-keys.ts).
    props.vapidKeys.grantUse(this.fns.people);
    // - user administration (users/admin.ts through CognitoUserAdmin): a user found by subject
    //   (ListUsers), an organisation's users (ListUsersInGroup), each one's MFA (AdminGetUser); an
    //   invitation (AdminCreateUser, the organisation's group made once: CreateGroup, joined:
    //   AdminAddUserToGroup); roles (AdminUpdateUserAttributes); disable and enable
    //   (AdminDisableUser, AdminEnableUser, then AdminUserGlobalSignOut); MFA reset
    //   (AdminSetUserMFAPreference). On this user pool only; no deletion, no pool or client change.
    this.fns.people.addToRolePolicy(
      new iam.PolicyStatement({
        actions: USER_ADMIN_ACTIONS.map((a) => `cognito-idp:${a}`),
        resources: [props.userPool.arn],
      }),
    );

    // Exchange (packages/api/src/routes/taxii.ts through DynamoStore): the TAXII collections are
    // the REST list reads (workspaces, memberships, tasks, incidents, requests, organisations, the
    // policies) → GetItem, BatchGetItem and Query on the table, nothing else read; the one write is
    // the read audit of AMBER/RED material those lists append (appendReadAudit: a queued audit
    // entry in the workspace's chain and its idempotency record) → PutItem in those partitions only.
    allow('exchange', ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'], tableArn);
    // - STIX import (packages/core/src/stix-import): the imported records with their audit entries
    //   and events (the workspace's partition), and their selectors' hit/no-hit index items.
    allow('exchange', ['dynamodb:PutItem'], tableArn, [WORKSPACE_PARTITIONS, IDEMPOTENCY_PARTITIONS, MATCH_PARTITIONS]);
    useKey('exchange', ['dynamodb']);
    // - the documents' jobs (packages/api/src/routes/documents.ts): a job recorded with its audit
    //   entry and event in the workspace's partition (PutItem above); once ready, a link to its
    //   PDF signed with this role → s3:GetObject under the documents prefix only.
    this.fns.exchange.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [props.evidence.documentsArn] }));

    // Auth (the console's sign-in, sessionRoutes over DynamoSessions): its sign-ins under way and
    // its sessions → GetItem, PutItem, DeleteItem (a sign-in is taken by a DeleteItem returning it)
    // in their own partitions only; every session of a person (sign out everywhere) → Query on the
    // inbox index in the person's sessions partition, then BatchWriteItem deletes. Cognito: the app
    // client's secret (DescribeUserPoolClient), and a person signed out of every device
    // (ListUsers to find them by subject, AdminUserGlobalSignOut).
    // (GetItem, PutItem and DeleteItem are granted on the whole table below, for the acknowledge link.)
    allow('auth', ['dynamodb:BatchWriteItem'], tableArn, SESSION_PARTITIONS);
    allow('auth', ['dynamodb:Query'], indexArns(idx.inbox.name), [PERSON_SESSIONS_PARTITIONS]);
    this.fns.auth.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['cognito-idp:DescribeUserPoolClient', 'cognito-idp:ListUsers', 'cognito-idp:AdminUserGlobalSignOut'],
        resources: [props.userPool.arn],
      }),
    );
    // It also serves the acknowledge link's page (ackRoutes: viewAckLink, acknowledgeFromLink in
    // packages/core/src/incidents/ack-link.ts, through DynamoStore): the page, the organisation →
    // GetItem; the workspace, incident, policies, contacts and page → BatchGetItem; the
    // acknowledgement → TransactWriteItems of Put (incident, page, queued audit entry, outbox
    // event) and Delete (the escalation timer), across the workspace, chain and platform
    // partitions as the API's commands; the person → ListUsers (above); its rate counter →
    // UpdateItem (ADD) in the rate partitions only.
    allow('auth', ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], tableArn);
    allow('auth', ['dynamodb:UpdateItem'], tableArn, [RATE_PARTITIONS]);
    useKey('auth', ['dynamodb']);

    // Sweep (sweepDue, relayOutbox, sweepWebhooks): due timers, unpublished events and due
    // webhook posts → Query on the due index only; firing a timer → load (always several keys:
    // workspace, timer, chain head, so BatchGetItem, never GetItem) and commit (Put and Delete,
    // the delete being the claim); relayed events pushed back in the due index (deferEvents) →
    // UpdateItem of event items, which live in the chain partitions; sends to the events queue;
    // due webhook posts sent to the delivery queue and pushed back (deferWebhooks) → UpdateItem
    // of inbox items, in the notification partitions.
    allow('sweep', ['dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], tableArn);
    allow('sweep', ['dynamodb:Query'], indexArns(idx.due.name));
    allow('sweep', ['dynamodb:UpdateItem'], tableArn, [...CHAIN_PARTITIONS, NOTIFICATION_PARTITIONS]);
    // - a request's expiry counts into its partner's turnaround → UpdateItem in the transaction.
    allow('sweep', ['dynamodb:UpdateItem'], tableArn, [TURNAROUND_PARTITIONS]);
    // - audit chains with entries still queued (sequenceWaitingChains: the due index, above) are
    //   sequenced as the sequencer does (below), in the chain partitions only.
    allow('sweep', ['dynamodb:GetItem', 'dynamodb:Query'], tableArn, CHAIN_PARTITIONS);
    allow('sweep', ['sqs:SendMessage'], [events.queue.queueArn, delivery.queue.queueArn]);
    useKey('sweep', ['dynamodb', 'sqs']);

    // Fan-out (createFanoutHandler): the events' outbox items, workspaces, audience
    // organisations, their channels and the events' originators' countries' policies in one
    // BatchGetItem (fanoutContext); each
    // recipient's notification written to its inbox (putNotification: a conditional PutItem in
    // the notification partitions) before its event is marked published (markPublished) →
    // UpdateItem of event items; SendMessageBatch of webhook posts to delivery, and of audit
    // export jobs to the exports queue, and of the pages an `incident.paged` event names to the pages queue.
    allow('fanout', ['dynamodb:BatchGetItem'], tableArn);
    allow('fanout', ['dynamodb:PutItem'], tableArn, [NOTIFICATION_PARTITIONS]);
    allow('fanout', ['dynamodb:UpdateItem'], tableArn, CHAIN_PARTITIONS);
    allow('fanout', ['sqs:SendMessage'], [delivery.queue.queueArn, exports.queue.queueArn, pages.queue.queueArn]);
    useKey('fanout', ['dynamodb', 'sqs']);

    // Delivery (createDeliveryHandler): the inbox item a message names (getNotification, GetItem);
    // the recipient's channel and webhook secrets → BatchGetItem in its organisation partition;
    // the webhook claimed and its outcome recorded (claimWebhook, recordWebhook: UpdateItem, and
    // GetItem when a claim fails), all in the notification partition; a failed record's retry
    // delay → ChangeMessageVisibility on its own queue. It calls partners' URLs, so it reads only
    // organisation and notification partitions and writes only notifications (never creates one).
    // The recipient, its channel and secrets, and for the re-check the workspace, its invitation,
    // then (a second BatchGetItem) the policies of its members' and the marking's originator's countries.
    allow('delivery', ['dynamodb:BatchGetItem'], tableArn, [ORGANISATION_PARTITIONS, WORKSPACE_PARTITIONS, POLICY_PARTITIONS]);
    allow('delivery', ['dynamodb:GetItem', 'dynamodb:UpdateItem'], tableArn, [NOTIFICATION_PARTITIONS]);
    allow('delivery', ['sqs:ChangeMessageVisibility'], [delivery.queue.queueArn]);
    useKey('delivery', ['dynamodb']);

    // Export (createExportHandler → runAuditExport): the job and the workspace (GetItem each), the
    // policy items of the countries the requester's lens judges (BatchGetItem); the chain, page
    // by page (Query); the outcome committed with
    // its audit entry (TransactWriteItems of Puts); before reading, the chain sequenced (its head →
    // GetItem, its queued entries → Query, a round → TransactWriteItems of Put and Delete). All in
    // workspace partitions (the job, the chain and its head live there) and the per-country policy
    // items. The file → a multipart upload (CreateMultipartUpload, UploadPart and
    // CompleteMultipartUpload are all s3:PutObject; AbortMultipartUpload on failure) under the
    // exports prefix.
    allow('export', ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], tableArn, [WORKSPACE_PARTITIONS]);
    allow('export', ['dynamodb:BatchGetItem'], tableArn, [POLICY_PARTITIONS]);
    // A document is built from the requester's list reads, which append the read audit of AMBER/RED
    // material (appendReadAudit): its entry in the workspace's chain and its idempotency record.
    allow('export', ['dynamodb:PutItem'], tableArn, [IDEMPOTENCY_PARTITIONS]);
    this.fns.export.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: [props.evidence.exportsArn] }),
    );
    // Documents (runDocumentJob, packages/core/src/reports): the PDF written under the documents prefix (a multipart upload, aborted if it fails).
    this.fns.export.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: [props.evidence.documentsArn] }),
    );
    // It also verifies completed evidence uploads (verifyEvidence): the parts (ListParts), joined
    // (CompleteMultipartUpload: s3:PutObject), the whole object streamed through SHA-256
    // (GetObject), and the malware scan's verdict (GetObjectTagging). Never a delete: a rejected
    // object is kept, unread.
    this.fns.export.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListMultipartUploadParts', 's3:PutObject', 's3:GetObject', 's3:GetObjectTagging'],
        resources: [props.evidence.objectsArn],
      }),
    );
    useKey('export', ['dynamodb', 's3']);
    // Sequencer (sequenceChain): the chain's head → GetItem; its queued entries (and, once, the
    // entries of a chain older than its tree) → Query; a round → TransactWriteItems of Put and
    // Delete. All in the chain partitions.
    allow('sequencer', ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], tableArn, CHAIN_PARTITIONS);
    useKey('sequencer', ['dynamodb']);
    // The table's stream, filtered to inserted queued audit entries (the outbox pipe is its other
    // reader: two per shard is the limit). A stream keeps each item's order; chains race safely anyway.
    this.fns.sequencer.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        retryAttempts: 5,
        maxRecordAge: Duration.hours(1),
        reportBatchItemFailures: true,
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: {
              NewImage: { kind: { S: lambda.FilterRule.isEqual(QUEUED_AUDIT_KIND) }, duePk: { S: [{ prefix: AUDIT_QUEUE_PREFIX }] } },
            },
          }),
        ],
      }),
    );

    // Pager (createPagerHandler → sendPage): the page (GetItem, in its workspace's partition); the
    // claim's read of the page, its incident, the workspace, the person's contact methods, their
    // organisation's registry item, then the policies of the countries it judges (BatchGetItem);
    // each attempt claimed and recorded with its audit entry, and the message id's lookup record
    // (TransactWriteItems of Puts: the workspace's partition and the lookups' only). It sends
    // through SES and SMS from the one sender and origination identity (Channels.grantSend); it
    // reads no user directory: a page is in English, and the person's language when the record names one.
    allow('pager', ['dynamodb:GetItem'], tableArn, [WORKSPACE_PARTITIONS]);
    allow('pager', ['dynamodb:BatchGetItem'], tableArn, [WORKSPACE_PARTITIONS, PERSON_PARTITIONS, REGISTRY_PARTITIONS, POLICY_PARTITIONS]);
    allow('pager', ['dynamodb:PutItem'], tableArn, [WORKSPACE_PARTITIONS, PAGE_MESSAGE_PARTITIONS]);
    props.channels.grantSend(this.fns.pager);
    // → web push signs with the VAPID keys (the first function to need them writes the pair once).
    props.vapidKeys.grantUse(this.fns.pager);
    useKey('pager', ['dynamodb']);
    // Channel status (createChannelStatusHandler): the message id's lookup (GetItem); the page and
    // its incident (BatchGetItem) and the attempt's outcome with its audit entry (TransactWriteItems
    // of Puts), in the workspace's partition; a failed attempt's page back on the pages queue.
    allow('status', ['dynamodb:GetItem'], tableArn, [PAGE_MESSAGE_PARTITIONS]);
    allow('status', ['dynamodb:BatchGetItem', 'dynamodb:PutItem'], tableArn, [WORKSPACE_PARTITIONS]);
    allow('status', ['sqs:SendMessage'], [pages.queue.queueArn]);
    useKey('status', ['dynamodb', 'sqs']);

    const consume = (fn: FunctionName, queue: typeof events.queue, batchSize: number) => {
      this.fns[fn].addEventSource(
        new SqsEventSource(queue, {
          batchSize,
          maxBatchingWindow: Duration.seconds(1),
          reportBatchItemFailures: true,
          maxConcurrency: 10,
        }),
      );
    };
    consume('fanout', events.queue, 10);
    consume('delivery', delivery.queue, 10);
    // One job per invocation, each with the whole 15 minutes.
    consume('export', exports.queue, 1);
    consume('pager', pages.queue, 5);
    consume('status', props.channels.status.queue, 10);
  }
}
