import { type AgencyIdpConfig, federationRules } from '@taskforce/core/federation';
import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { FunctionName } from './bundle';
import { Api } from './constructs/api';
import { AuditSigningKeys } from './constructs/audit-keys';
import { Channels, DEFAULT_MAIL_DOMAIN } from './constructs/channels';
import { Console } from './constructs/console';
import { CursorKeys } from './constructs/cursor-keys';
import { Data } from './constructs/data';
import { Evidence } from './constructs/evidence';
import { Functions } from './constructs/functions';
import { Identity } from './constructs/identity';
import { MatchingKeys } from './constructs/matching-keys';
import { Messaging } from './constructs/messaging';
import { Monitoring } from './constructs/monitoring';
import { OutboxRelay } from './constructs/relay';
import { Schedules } from './constructs/schedules';

/** How far ahead of an escalation's deadline its one-time schedule is set. */
const ESCALATION_SCHEDULE_LEAD_SECONDS = 52;

import { VapidKeySecret } from './constructs/vapid-keys';
import { acknowledgeFindings } from './nag';

export interface TaskforceStackProps extends StackProps {
  /** Folder of each function's bundle, made by `bundleAll` before synth. */
  bundles: Record<FunctionName, string>;
  /** Folder of the built web console (`index.html`, `assets/`), made by `buildConsole` before synth. */
  console: string;
  /** The Cognito hosted UI's domain prefix (default: `taskforce-<stack UUID>`). */
  cognitoDomainPrefix?: string;
  /** A CLOUDFRONT-scope WAF web ACL (ARN, made in us-east-1) for the console's distribution. */
  consoleWebAclArn?: string;
  /** Protect the table and the user pool from deletion, and retain them, the data key and the evidence buckets with the stack (default true). */
  deletionProtection?: boolean;
  /** E-mail address subscribed to the alarms topic. */
  alarmEmail?: string;
  /** HTTP API stage throttling. */
  throttle?: { rateLimit: number; burstLimit: number };
  /** The cursor-keys secret version the API reads; set it to a rotation's new VersionId (docs/operations/aws.md, "Rotate the cursor keys"). */
  cursorKeysVersion?: string;
  /** The matching key's secret version the API reads; set after a rotation (docs/operations/aws.md, "Rotating the matching key"). */
  matchingKeysVersion?: string;
  /** The domain e-mail is sent from: an SES identity whose DKIM records the domain's owner publishes (default `taskforce.example`, for synth only). */
  mailDomain?: string;
  /** The sender address (default `taskforce@<mailDomain>`). */
  mailFrom?: string;
  /** The ARN of the SMS phone number, pool or sender id registered in the account beforehand (default none: no SMS sent). */
  smsOriginationIdentity?: string;
  /** Agencies' own identity providers (`-c agencyIdps=<file>`, e.g. infra/agency-idps.json; default none). */
  agencyIdps?: AgencyIdpConfig;
}

/** Taskforce on AWS: table, evidence bucket, queues and relay, e-mail and SMS channels, user pool, HTTP API, functions, web console, schedule, alarms. */
export class TaskforceStack extends Stack {
  readonly data: Data;
  readonly evidence: Evidence;
  readonly messaging: Messaging;
  readonly relay: OutboxRelay;
  readonly channels: Channels;
  readonly identity: Identity;
  readonly cursorKeys: CursorKeys;
  readonly vapidKeys: VapidKeySecret;
  readonly auditSigningKeys: AuditSigningKeys;
  readonly matchingKeys: MatchingKeys;
  readonly functions: Functions;
  readonly api: Api;
  readonly console: Console;
  readonly schedules: Schedules;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: TaskforceStackProps) {
    super(scope, id, props);
    const deletionProtection = props.deletionProtection ?? true;

    this.data = new Data(this, 'Data', { deletionProtection });
    this.evidence = new Evidence(this, 'Evidence', {
      key: this.data.key,
      deletionProtection,
      // The distribution needs the API: the bucket learns the console's origin last.
      consoleOrigin: Lazy.string({ produce: () => this.console.url }),
    });
    this.messaging = new Messaging(this, 'Messaging', { key: this.data.key });
    this.relay = new OutboxRelay(this, 'OutboxRelay', {
      table: this.data.table,
      key: this.data.key,
      target: this.messaging.queues.events.queue,
    });
    this.channels = new Channels(this, 'Channels', {
      key: this.data.key,
      mailDomain: props.mailDomain ?? DEFAULT_MAIL_DOMAIN,
      ...(props.mailFrom ? { mailFrom: props.mailFrom } : {}),
      ...(props.smsOriginationIdentity ? { smsOriginationIdentity: props.smsOriginationIdentity } : {}),
    });
    this.identity = new Identity(this, 'Identity', {
      deletionProtection,
      // The distribution needs the API, which needs the client: the client learns the console's URL last.
      consoleOrigin: Lazy.string({ produce: () => this.console.url }),
      ...(props.cognitoDomainPrefix ? { domainPrefix: props.cognitoDomainPrefix } : {}),
      agencyIdps: props.agencyIdps?.providers ?? [],
    });
    const jwt = { issuer: this.identity.issuer, audience: this.identity.client.userPoolClientId };
    this.cursorKeys = new CursorKeys(this, 'CursorKeys', props.cursorKeysVersion ? { version: props.cursorKeysVersion } : {});
    this.auditSigningKeys = new AuditSigningKeys(this, 'AuditSigningKeys', { retain: deletionProtection });
    this.matchingKeys = new MatchingKeys(this, 'MatchingKeys', {
      retain: deletionProtection,
      ...(props.matchingKeysVersion ? { version: props.matchingKeysVersion } : {}),
    });
    // Web push: kept with the stack when it is protected (every subscription is bound to its public key).
    this.vapidKeys = new VapidKeySecret(this, 'VapidKeys', { subject: `mailto:${this.channels.mailFrom}`, retain: deletionProtection });
    this.functions = new Functions(this, 'Functions', {
      bundles: props.bundles,
      data: this.data,
      messaging: this.messaging,
      evidence: this.evidence,
      channels: this.channels,
      vapidKeys: this.vapidKeys,
      jwt,
      cursorKeys: this.cursorKeys.reference,
      auditSigningKeys: this.auditSigningKeys.reference,
      matchingKeys: this.matchingKeys.reference,
      federationRules: federationRules(props.agencyIdps ?? { providers: [] }),
      userPool: { id: this.identity.userPool.userPoolId, arn: this.identity.userPool.userPoolArn },
      signIn: {
        consoleOrigin: Lazy.string({ produce: () => this.console.url }),
        cognitoDomain: this.identity.hostedUiDomain,
        providers: (props.agencyIdps?.providers ?? []).map((p) => p.name),
      },
    });
    this.identity.usePreTokenTrigger(this.functions.fns.pretoken);
    this.evidence.releaseGate([this.functions.fns.api.role!]);
    this.api = new Api(this, 'Api', {
      handler: this.functions.fns.api,
      people: this.functions.fns.people,
      exchange: this.functions.fns.exchange,
      signIn: this.functions.fns.auth,
      jwt,
      ...(props.throttle ? { throttle: props.throttle } : {}),
    });
    this.console = new Console(this, 'Console', {
      dist: props.console,
      httpApi: this.api.httpApi,
      providers: (props.agencyIdps?.providers ?? []).map((p) => ({ name: p.name, label: p.label })),
      serverAccessLogs: this.evidence.accessLogs,
      deletionProtection,
      ...(props.consoleWebAclArn ? { webAclArn: props.consoleWebAclArn } : {}),
    });
    // Scheduler invokes within the minute after a schedule's time: armed 52 s ahead, an escalation's
    // invocation comes between 52 s early (the sweep function waits out the rest of its 55 s run)
    // and 8 s late (docs/pager.md, "Escalation precision on AWS").
    this.schedules = new Schedules(this, 'Schedules', {
      sweep: this.functions.fns.sweep,
      armer: this.functions.fns.fanout,
      leadSeconds: ESCALATION_SCHEDULE_LEAD_SECONDS,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: this.functions.fns,
      deadLetterQueues: {
        events: this.messaging.queues.events.dlq,
        delivery: this.messaging.queues.delivery.dlq,
        exports: this.messaging.queues.exports.dlq,
        pages: this.messaging.queues.pages.dlq,
        relay: this.relay.dlq,
        'channel-status': this.channels.status.dlq,
      },
      thresholds: this.channels.alarms,
      httpApi: this.api.httpApi,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });

    new CfnOutput(this, 'ConsoleUrl', { value: this.console.url });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'CognitoDomain', { value: this.identity.hostedUiDomain });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.identity.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'EvidenceBucketName', { value: this.evidence.bucket.bucketName });
    new CfnOutput(this, 'CursorKeysSecretArn', { value: this.cursorKeys.secret.secretArn });
    new CfnOutput(this, 'AuditSigningKeysSecretArn', { value: this.auditSigningKeys.secret.secretArn });
    new CfnOutput(this, 'MatchingKeysSecretArn', { value: this.matchingKeys.secret.secretArn });
    new CfnOutput(this, 'MailIdentity', { value: this.channels.identity.emailIdentityName });
    new CfnOutput(this, 'ChannelStatusQueueUrl', { value: this.channels.status.queue.queueUrl });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.topic.topicArn });

    acknowledgeFindings(this);
  }
}
