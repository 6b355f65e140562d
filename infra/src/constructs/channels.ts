import { CHANNEL_STATUS_QUEUE, SMS_DELIVERED, SMS_FAILED, SMS_UNDER_WAY } from '@taskforce/messaging';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as smsvoice from 'aws-cdk-lib/aws-smsvoice';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The sending domain a synth uses when none is given (`-c mailDomain=…`): a reserved name (RFC 2606) that no one can verify. */
export const DEFAULT_MAIL_DOMAIN = 'taskforce.example';

/** Names the functions are told and the IAM grants name. */
export const MAIL_CONFIGURATION_SET = 'taskforce-mail';
export const SMS_CONFIGURATION_SET = 'taskforce-sms';
/** The queue the channels' delivery status events land in (SES events and SMS status, as their services write them), and its dead-letter queue: defined once, beside its consumer. */
export const STATUS_QUEUE = CHANNEL_STATUS_QUEUE;

/** What SES tells back about each e-mail: the events a page's delivery trail and the move to the next method need. */
const MAIL_EVENTS = [
  ses.EmailSendingEvent.DELIVERY,
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.DELIVERY_DELAY,
];

// SMS statuses: delivered, failed (the next method is tried), on the way (not counted); read by the status consumer.
export { SMS_DELIVERED, SMS_FAILED };

/** Alarm thresholds: SES reviews an account at a 5% bounce rate (and 0.1% complaints); a tenth of SMS failing means a number or route is wrong. */
export const THRESHOLDS = { bounceRate: 0.05, complaintRate: 0.001, smsFailurePercent: 10, statusAgeSeconds: 300 } as const;

/** An alarm on a metric above a threshold. */
export interface ThresholdAlarm {
  id: string;
  metric: cloudwatch.IMetric;
  threshold: number;
  description: string;
}

export interface ChannelsProps {
  /** The data key: the status queues are encrypted with it. */
  key: kms.IKey;
  /** The domain e-mail is sent from (an SES domain identity, DKIM-signed). */
  mailDomain: string;
  /** The sender address (default `taskforce@<mailDomain>`); it must be in the domain. */
  mailFrom?: string;
  /**
   * The ARN of the phone number, pool or sender id SMS go out from (End User Messaging SMS). Bought
   * or registered in the account beforehand: CloudFormation cannot buy a number. Without it, the
   * SMS configuration set is still declared, but no function may send SMS.
   */
  smsOriginationIdentity?: string;
}

/**
 * E-mail and SMS on AWS: an SES domain identity and configuration set, an End User Messaging SMS
 * configuration set, and one path for what both say back about each message: their event
 * destinations publish to an encrypted SNS topic, which lands every event in the encrypted,
 * TLS-only delivery status queue (with its dead-letter queue). SMS final statuses are also
 * written to a log group, whose metric filters count deliveries and failures for the failure-rate alarm.
 */
export class Channels extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly mailConfigurationSet: ses.ConfigurationSet;
  readonly smsConfigurationSet: smsvoice.CfnConfigurationSet;
  readonly topic: sns.Topic;
  readonly status: { queue: sqs.Queue; dlq: sqs.Queue };
  readonly smsEvents: logs.LogGroup;
  readonly mailFrom: string;
  readonly mailDomain: string;
  readonly smsOriginationIdentity: string | undefined;
  /** The channels' alarms (metric, threshold, why), raised by Monitoring through the alarm topic. */
  readonly alarms: ThresholdAlarm[];

  constructor(scope: Construct, id: string, props: ChannelsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.mailDomain = props.mailDomain;
    this.mailFrom = props.mailFrom ?? `taskforce@${props.mailDomain}`;
    if (!this.mailFrom.toLowerCase().endsWith(`@${props.mailDomain.toLowerCase()}`))
      throw new Error(`mailFrom ${this.mailFrom} is not an address of the mail domain ${props.mailDomain}`);
    if (props.smsOriginationIdentity !== undefined && !/^arn:[\w-]+:sms-voice:/.test(props.smsOriginationIdentity))
      throw new Error(
        `smsOriginationIdentity must be the ARN of a phone number, pool or sender id (arn:aws:sms-voice:…), not ${props.smsOriginationIdentity}`,
      );
    this.smsOriginationIdentity = props.smsOriginationIdentity;

    // The services publish to the topic under its own key: SES and End User Messaging SMS cannot use the AWS-managed SNS key.
    const key = new kms.Key(this, 'Key', {
      description: 'Taskforce channel delivery status events',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const publishers = ['ses.amazonaws.com', 'sms-voice.amazonaws.com'].map((s) => new iam.ServicePrincipal(s));
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: publishers,
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.topic = new sns.Topic(this, 'StatusTopic', { displayName: 'Taskforce channel delivery status', masterKey: key, enforceSSL: true });

    const encrypted = {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      removalPolicy: RemovalPolicy.DESTROY,
    };
    const dlq = new sqs.Queue(this, 'StatusDlq', { ...encrypted, queueName: STATUS_QUEUE.dlq, retentionPeriod: Duration.days(14) });
    const queue = new sqs.Queue(this, 'StatusQueue', {
      ...encrypted,
      queueName: STATUS_QUEUE.name,
      visibilityTimeout: Duration.seconds(STATUS_QUEUE.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: dlq, maxReceiveCount: STATUS_QUEUE.maxReceiveCount },
    });
    this.status = { queue, dlq };
    // Raw delivery: each message's body is the service's own event JSON, not wrapped in an SNS envelope.
    this.topic.addSubscription(new subscriptions.SqsSubscription(queue, { rawMessageDelivery: true }));

    // E-mail: the domain identity (Easy DKIM, 2048-bit keys), sending through the configuration set by default.
    this.mailConfigurationSet = new ses.ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName: MAIL_CONFIGURATION_SET,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.mailConfigurationSet.addEventDestination('Status', {
      destination: ses.EventDestination.snsTopic(this.topic),
      events: MAIL_EVENTS,
    });
    this.identity = new ses.EmailIdentity(this, 'MailIdentity', {
      identity: ses.Identity.domain(props.mailDomain),
      configurationSet: this.mailConfigurationSet,
      dkimSigning: true,
      dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
    });

    // SMS: final statuses to a log group (counted by metric filters), every status to the topic.
    this.smsEvents = new logs.LogGroup(this, 'SmsEvents', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const smsConfigurationSetArn = stack.formatArn({
      service: 'sms-voice',
      resource: 'configuration-set',
      resourceName: SMS_CONFIGURATION_SET,
    });
    const smsLogsRole = new iam.Role(this, 'SmsEventsRole', {
      assumedBy: new iam.ServicePrincipal('sms-voice.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': smsConfigurationSetArn } },
      }),
      description: 'End User Messaging SMS writes SMS final statuses to their log group',
    });
    smsLogsRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
        resources: [this.smsEvents.logGroupArn],
      }),
    );
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('sms-voice.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': smsConfigurationSetArn } },
      }),
    );
    this.smsConfigurationSet = new smsvoice.CfnConfigurationSet(this, 'SmsConfigurationSet', {
      configurationSetName: SMS_CONFIGURATION_SET,
      eventDestinations: [
        {
          eventDestinationName: 'status',
          enabled: true,
          matchingEventTypes: [...SMS_UNDER_WAY, ...SMS_DELIVERED, ...SMS_FAILED],
          snsDestination: { topicArn: this.topic.topicArn },
        },
        {
          eventDestinationName: 'outcomes',
          enabled: true,
          matchingEventTypes: [...SMS_DELIVERED, ...SMS_FAILED],
          cloudWatchLogsDestination: { iamRoleArn: smsLogsRole.roleArn, logGroupArn: this.smsEvents.logGroupArn },
        },
      ],
    });
    this.smsConfigurationSet.node.addDependency(this.topic, smsLogsRole);
    this.alarms = this.alarmsOf();
  }

  /** The SES configuration set's ARN (the L2 construct has no attribute for it). */
  get mailConfigurationSetArn(): string {
    return Stack.of(this).formatArn({ service: 'ses', resource: 'configuration-set', resourceName: MAIL_CONFIGURATION_SET });
  }

  get smsConfigurationSetArn(): string {
    return Stack.of(this).formatArn({ service: 'sms-voice', resource: 'configuration-set', resourceName: SMS_CONFIGURATION_SET });
  }

  /** What a function that sends is told: sender, configuration sets, origination identity (absent: no SMS here). */
  get environment(): Record<string, string> {
    return {
      MAIL_FROM: this.mailFrom,
      MAIL_CONFIGURATION_SET: MAIL_CONFIGURATION_SET,
      SMS_CONFIGURATION_SET: SMS_CONFIGURATION_SET,
      ...(this.smsOriginationIdentity ? { SMS_ORIGINATION_IDENTITY: this.smsOriginationIdentity } : {}),
    };
  }

  /**
   * Least privilege to send: SESv2 SendEmail from this identity, through this configuration set,
   * from the one sender address; SendTextMessage through the SMS configuration set from the one
   * origination identity (nothing when there is none).
   */
  grantSend(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [this.identity.emailIdentityArn, this.mailConfigurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
      }),
    );
    if (this.smsOriginationIdentity)
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: ['sms-voice:SendTextMessage'],
          resources: [this.smsConfigurationSetArn, this.smsOriginationIdentity],
        }),
      );
  }

  /** Counts SMS final statuses of some types from the log group, as a metric. */
  private countSms(name: string, events: string[]): cloudwatch.Metric {
    new logs.MetricFilter(this, `Sms${name}`, {
      logGroup: this.smsEvents,
      metricNamespace: 'Taskforce/Channels',
      metricName: `Sms${name}`,
      filterPattern: logs.FilterPattern.any(...events.map((e) => logs.FilterPattern.stringValue('$.eventType', '=', e))),
      metricValue: '1',
      defaultValue: 0,
    });
    return new cloudwatch.Metric({
      namespace: 'Taskforce/Channels',
      metricName: `Sms${name}`,
      statistic: 'Sum',
      period: Duration.minutes(15),
    });
  }

  /**
   * The channels' own alarms, for Monitoring to raise through the alarm topic (the status
   * dead-letter queue is watched with the others there): SES bounce and complaint rates, the SMS
   * failure rate, and status events left unread in the queue.
   */
  private alarmsOf(): ThresholdAlarm[] {
    const delivered = this.countSms('Delivered', SMS_DELIVERED);
    const failed = this.countSms('Failed', SMS_FAILED);
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.minutes(15) });
    return [
      {
        id: 'mail-bounce-rate',
        metric: reputation('Reputation.BounceRate'),
        threshold: THRESHOLDS.bounceRate,
        description: 'SES bounce rate above 5%, where SES puts the account under review: look for stale or mistyped addresses',
      },
      {
        id: 'mail-complaint-rate',
        metric: reputation('Reputation.ComplaintRate'),
        threshold: THRESHOLDS.complaintRate,
        description: 'SES complaint rate above 0.1%, where SES puts the account under review',
      },
      {
        id: 'sms-failure-rate',
        metric: new cloudwatch.MathExpression({
          expression: 'IF(delivered + failed > 0, 100 * failed / (delivered + failed), 0)',
          usingMetrics: { delivered, failed },
          period: Duration.minutes(15),
          label: 'SMS failed (%)',
        }),
        threshold: THRESHOLDS.smsFailurePercent,
        description: 'More than 10% of SMS failed in 15 minutes: check the origination identity, its countries and the SMS spending limit',
      },
      {
        id: 'channel-status-age',
        metric: this.status.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: THRESHOLDS.statusAgeSeconds,
        description: 'Delivery status events wait in their queue for more than 5 minutes: nothing is reading them',
      },
    ];
  }
}
