/**
 * The channels on AWS as CloudFormation: SES identity and configuration set, the End User Messaging
 * SMS configuration set, one status path (SNS → SQS), the alarms and the people function's grants to send. The
 * stack is synthesised without building functions or the console (a role depends on neither).
 */
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '../src/bundle';
import {
  DEFAULT_MAIL_DOMAIN,
  MAIL_CONFIGURATION_SET,
  SMS_CONFIGURATION_SET,
  SMS_DELIVERED,
  SMS_FAILED,
  STATUS_QUEUE,
  THRESHOLDS,
} from '../src/constructs/channels';
import type { TaskforceStackProps } from '../src/stack';
import { type Cfn, synthesise } from './support/synth';

const POOL = 'arn:aws:sms-voice:ap-southeast-1:111122223333:pool/pool-0123456789abcdef';

const synth = (props: Partial<TaskforceStackProps> = {}) => synthesise('Channels', props);

type Synth = ReturnType<typeof synth>;
let configured: Synth;
let defaults: Synth;

const ofType = (s: Synth, type: string): [string, Cfn][] => Object.entries(s.resources).filter(([, r]) => r.Type === type);
const idOf = (s: Synth, c: { node: { defaultChild?: unknown } }) => s.stack.getLogicalId(c.node.defaultChild as never);
const refOf = (ref: unknown): string | undefined => (ref as Cfn)?.Ref ?? (ref as Cfn)?.['Fn::GetAtt']?.[0];
/** A CloudFormation value as text: references by logical id, pseudo parameters as ${…}. */
const text = (v: unknown): string => {
  const x = v as Cfn;
  if (typeof x === 'string') return x;
  if (x.Ref) return x.Ref.startsWith('AWS::') ? `\${${x.Ref}}` : `<${x.Ref}>`;
  if (x['Fn::GetAtt']) return `<${x['Fn::GetAtt'].join('.')}>`;
  if (x['Fn::Join']) return (x['Fn::Join'][1] as unknown[]).map(text).join(x['Fn::Join'][0]);
  return JSON.stringify(x);
};
const apiStatements = (s: Synth, name: FunctionName = 'people'): Cfn[] => {
  const fn = s.resources[idOf(s, s.stack.functions.fns[name])]!;
  const roleId = refOf(fn.Properties.Role);
  return ofType(s, 'AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: unknown) => refOf(r) === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Cfn[]);
};
const ARN = (service: string, resource: string) => `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`;

beforeAll(() => {
  configured = synth({ mailDomain: 'mail.agency.example', smsOriginationIdentity: POOL });
  defaults = synth();
}, 120_000);

describe('e-mail (SES)', () => {
  it('declares the sending domain given at synth as a DKIM-signed identity that sends through the configuration set', () => {
    const [[, identity]] = ofType(configured, 'AWS::SES::EmailIdentity') as [[string, Cfn]];
    expect(identity.Properties).toMatchObject({
      EmailIdentity: 'mail.agency.example',
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: 'RSA_2048_BIT' },
    });
    expect(refOf(identity.Properties.ConfigurationSetAttributes.ConfigurationSetName)).toBe(
      idOf(configured, configured.stack.channels.mailConfigurationSet),
    );
    // Without -c mailDomain, a reserved name nobody can verify: a synth, never a deployment that sends.
    expect((ofType(defaults, 'AWS::SES::EmailIdentity')[0]![1] as Cfn).Properties.EmailIdentity).toBe(DEFAULT_MAIL_DOMAIN);
  });

  it('sends over TLS only, keeps reputation metrics and suppresses addresses that bounced or complained', () => {
    const [[, set]] = ofType(configured, 'AWS::SES::ConfigurationSet') as [[string, Cfn]];
    expect(set.Properties).toMatchObject({
      Name: MAIL_CONFIGURATION_SET,
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('publishes delivery, bounce, complaint, reject and delivery delay to the status topic', () => {
    const [[, dest]] = ofType(configured, 'AWS::SES::ConfigurationSetEventDestination') as [[string, Cfn]];
    expect(dest.Properties.EventDestination.Enabled).toBe(true);
    expect([...dest.Properties.EventDestination.MatchingEventTypes].sort()).toEqual(
      ['bounce', 'complaint', 'delivery', 'deliveryDelay', 'reject'].sort(),
    );
    expect(refOf(dest.Properties.EventDestination.SnsDestination.TopicARN)).toBe(idOf(configured, configured.stack.channels.topic));
  });
});

describe('SMS (End User Messaging SMS)', () => {
  it('declares a configuration set whose every text status goes to the status topic, and final ones to a log group', () => {
    const [[, set]] = ofType(configured, 'AWS::SMSVOICE::ConfigurationSet') as [[string, Cfn]];
    expect(set.Properties.ConfigurationSetName).toBe(SMS_CONFIGURATION_SET);
    const dests = set.Properties.EventDestinations as Cfn[];
    const toTopic = dests.find((d) => d.SnsDestination)!;
    expect(refOf(toTopic.SnsDestination.TopicArn)).toBe(idOf(configured, configured.stack.channels.topic));
    expect(toTopic.MatchingEventTypes).toEqual(expect.arrayContaining([...SMS_DELIVERED, ...SMS_FAILED, 'TEXT_SENT', 'TEXT_QUEUED']));
    const toLogs = dests.find((d) => d.CloudWatchLogsDestination)!;
    expect([...toLogs.MatchingEventTypes].sort()).toEqual([...SMS_DELIVERED, ...SMS_FAILED].sort());
    expect(refOf(toLogs.CloudWatchLogsDestination.LogGroupArn)).toBe(idOf(configured, configured.stack.channels.smsEvents));
    for (const d of dests) expect(d.Enabled).toBe(true);
    // No origination identity is bought here: CloudFormation cannot buy a phone number (docs/operations/aws.md).
    expect(ofType(configured, 'AWS::SMSVOICE::PhoneNumber')).toEqual([]);
  });

  it('lets only End User Messaging SMS, for this configuration set, write to the SMS log group', () => {
    const roleId = refOf(
      (ofType(configured, 'AWS::SMSVOICE::ConfigurationSet')[0]![1] as Cfn).Properties.EventDestinations.find(
        (d: Cfn) => d.CloudWatchLogsDestination,
      ).CloudWatchLogsDestination.IamRoleArn,
    )!;
    const role = configured.resources[roleId]!;
    const [trust] = role.Properties.AssumeRolePolicyDocument.Statement as [Cfn];
    expect(trust.Principal).toEqual({ Service: 'sms-voice.amazonaws.com' });
    expect(text(trust.Condition.ArnLike['aws:SourceArn'])).toBe(ARN('sms-voice', `configuration-set/${SMS_CONFIGURATION_SET}`));
    const statements = ofType(configured, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: unknown) => refOf(r) === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Cfn[]);
    expect(statements).toHaveLength(1);
    expect(statements[0]!.Action.every((a: string) => a.startsWith('logs:') && !a.includes('*'))).toBe(true);
    expect(refOf(statements[0]!.Resource)).toBe(idOf(configured, configured.stack.channels.smsEvents));
  });

  it('counts delivered and failed SMS from the log group', () => {
    const filters = ofType(configured, 'AWS::Logs::MetricFilter').map(([, f]) => f.Properties as Cfn);
    const byName = (n: string) => filters.find((f) => f.MetricTransformations[0].MetricName === n)!;
    for (const [name, events] of [
      ['SmsDelivered', SMS_DELIVERED],
      ['SmsFailed', SMS_FAILED],
    ] as const) {
      const f = byName(name);
      expect(refOf(f.LogGroupName)).toBe(idOf(configured, configured.stack.channels.smsEvents));
      for (const e of events) expect(f.FilterPattern).toContain(`"${e}"`);
      expect(f.MetricTransformations[0]).toMatchObject({ MetricNamespace: 'Taskforce/Channels', MetricValue: '1', DefaultValue: 0 });
    }
  });
});

describe('delivery status path (SNS → SQS)', () => {
  it('lands every event, as the service wrote it, in an encrypted queue with a dead-letter queue', () => {
    const queues = ofType(configured, 'AWS::SQS::Queue');
    const [queueId, queue] = queues.find(([, q]) => q.Properties.QueueName === STATUS_QUEUE.name)!;
    const [dlqId, dlq] = queues.find(([, q]) => q.Properties.QueueName === STATUS_QUEUE.dlq)!;
    expect(refOf(queue.Properties.RedrivePolicy.deadLetterTargetArn)).toBe(dlqId);
    expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBeGreaterThanOrEqual(5);
    const dataKey = idOf(configured, configured.stack.data.key);
    for (const q of [queue, dlq]) expect(refOf(q.Properties.KmsMasterKeyId)).toBe(dataKey);
    const subs = ofType(configured, 'AWS::SNS::Subscription').filter(
      ([, s]) => refOf(s.Properties.TopicArn) === idOf(configured, configured.stack.channels.topic),
    );
    expect(subs.map(([, s]) => s.Properties)).toEqual([
      { Protocol: 'sqs', RawMessageDelivery: true, Endpoint: { 'Fn::GetAtt': [queueId, 'Arn'] }, TopicArn: expect.anything() },
    ]);
  });

  it('refuses any request over plain HTTP to the queues and the topic', () => {
    const tlsOnly = (doc: Cfn) =>
      (doc.Statement as Cfn[]).some((s) => s.Effect === 'Deny' && s.Condition?.Bool?.['aws:SecureTransport'] === 'false');
    const { queue, dlq } = configured.stack.channels.status;
    for (const q of [queue, dlq]) {
      const [, policy] = ofType(configured, 'AWS::SQS::QueuePolicy').find(([, p]) =>
        p.Properties.Queues.some((r: unknown) => refOf(r) === idOf(configured, q)),
      )!;
      expect(tlsOnly(policy.Properties.PolicyDocument)).toBe(true);
    }
    const [, topicPolicy] = ofType(configured, 'AWS::SNS::TopicPolicy').find(([, p]) =>
      p.Properties.Topics.some((r: unknown) => refOf(r) === idOf(configured, configured.stack.channels.topic)),
    )!;
    expect(tlsOnly(topicPolicy.Properties.PolicyDocument)).toBe(true);
  });

  it('lets only SES and End User Messaging SMS, from their configuration sets in this account, publish to the topic under its own key', () => {
    const topic = configured.resources[idOf(configured, configured.stack.channels.topic)]!;
    const keyId = refOf(topic.Properties.KmsMasterKeyId)!;
    expect(keyId).not.toBe(idOf(configured, configured.stack.data.key));
    const [, topicPolicy] = ofType(configured, 'AWS::SNS::TopicPolicy').find(([, p]) =>
      p.Properties.Topics.some((r: unknown) => refOf(r) === idOf(configured, configured.stack.channels.topic)),
    )!;
    const allows = (topicPolicy.Properties.PolicyDocument.Statement as Cfn[]).filter((s) => s.Effect === 'Allow');
    expect(allows.map((s) => s.Principal.Service).sort()).toEqual(['ses.amazonaws.com', 'sms-voice.amazonaws.com']);
    for (const s of allows) {
      expect(s.Action).toBe('sns:Publish');
      const source = s.Condition.StringEquals['AWS:SourceArn'] ?? s.Condition.ArnLike['aws:SourceArn'];
      expect(text(source)).toMatch(/:configuration-set\//);
      expect(s.Condition.StringEquals['AWS:SourceAccount'] ?? s.Condition.StringEquals['aws:SourceAccount']).toEqual({
        Ref: 'AWS::AccountId',
      });
    }
    const key = configured.resources[keyId]!;
    const services = (key.Properties.KeyPolicy.Statement as Cfn[]).filter((s) => s.Principal?.Service);
    expect(services.flatMap((s) => [s.Principal.Service].flat()).sort()).toEqual(['ses.amazonaws.com', 'sms-voice.amazonaws.com']);
    expect(services[0]!.Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(key.Properties.EnableKeyRotation).toBe(true);
  });
});

describe('alarms', () => {
  const alarms = (s: Synth) => ofType(s, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties as Cfn);
  const topic = (s: Synth) => ({ Ref: idOf(s, s.stack.monitoring.topic) });

  it('watches the status dead-letter queue, bounce and complaint rates, SMS failure rate and unread status events, through the alarm topic', () => {
    const all = alarms(configured);
    const dlqId = idOf(configured, configured.stack.channels.status.dlq);
    const dlqDepth = all.find(
      (a) => a.MetricName === 'ApproximateNumberOfMessagesVisible' && text(a.Dimensions[0].Value) === `<${dlqId}.QueueName>`,
    )!;
    expect(dlqDepth).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    const ses = (m: string) => all.find((a) => a.Namespace === 'AWS/SES' && a.MetricName === m)!;
    expect(ses('Reputation.BounceRate').Threshold).toBe(THRESHOLDS.bounceRate);
    expect(ses('Reputation.ComplaintRate').Threshold).toBe(THRESHOLDS.complaintRate);
    const sms = all.find((a) => a.Metrics?.some((m: Cfn) => m.MetricStat?.Metric.MetricName === 'SmsFailed'))!;
    expect(sms.Threshold).toBe(THRESHOLDS.smsFailurePercent);
    expect(sms.Metrics.find((m: Cfn) => m.ReturnData !== false).Expression).toMatch(/100 \* failed \/ \(delivered \+ failed\)/);
    const age = all.find((a) => a.MetricName === 'ApproximateAgeOfOldestMessage')!;
    expect(text(age.Dimensions[0].Value)).toBe(`<${idOf(configured, configured.stack.channels.status.queue)}.QueueName>`);
    expect(age.Threshold).toBe(THRESHOLDS.statusAgeSeconds);
    for (const a of [dlqDepth, ses('Reputation.BounceRate'), ses('Reputation.ComplaintRate'), sms, age]) {
      expect(a.AlarmActions).toEqual([topic(configured)]);
      expect(a.TreatMissingData).toBe('notBreaching');
    }
  });
});

describe('the people function sends verification codes', () => {
  it('is told the sender, the configuration sets and the origination identity', () => {
    const env = configured.resources[idOf(configured, configured.stack.functions.fns.people)]!.Properties.Environment.Variables;
    expect(env).toMatchObject({
      MAIL_FROM: 'taskforce@mail.agency.example',
      MAIL_CONFIGURATION_SET: MAIL_CONFIGURATION_SET,
      SMS_CONFIGURATION_SET: SMS_CONFIGURATION_SET,
      SMS_ORIGINATION_IDENTITY: POOL,
    });
    // No other function sends but the pager.
    for (const [name, fn] of Object.entries(configured.stack.functions.fns))
      if (name !== 'people' && name !== 'pager')
        expect(configured.resources[idOf(configured, fn)]!.Properties.Environment.Variables.MAIL_FROM).toBeUndefined();
  });

  it.each(['people', 'pager'] as const)(
    '%s may send e-mail only from its one address, of this identity, through this configuration set; SMS only from this identity and set',
    (name) => {
      const channelGrants = apiStatements(configured, name).filter((s) =>
        [s.Action].flat().some((a: string) => /^(ses|sms-voice):/.test(a)),
      );
      expect(
        channelGrants.map((s) => ({ action: s.Action, resources: [s.Resource].flat().map(text).sort(), condition: s.Condition })),
      ).toEqual([
        {
          action: 'ses:SendEmail',
          resources: [
            ARN('ses', `configuration-set/${MAIL_CONFIGURATION_SET}`),
            ARN('ses', `identity/<${idOf(configured, configured.stack.channels.identity)}>`),
          ].sort(),
          condition: { StringEquals: { 'ses:FromAddress': 'taskforce@mail.agency.example' } },
        },
        {
          action: 'sms-voice:SendTextMessage',
          resources: [POOL, ARN('sms-voice', `configuration-set/${SMS_CONFIGURATION_SET}`)].sort(),
          condition: undefined,
        },
      ]);
      // Nothing else in the stack may send.
      for (const [other, fn] of Object.entries(configured.stack.functions.fns)) {
        if (other === 'people' || other === 'pager') continue;
        const roleId = refOf(configured.resources[idOf(configured, fn)]!.Properties.Role);
        const actions = ofType(configured, 'AWS::IAM::Policy')
          .filter(([, p]) => p.Properties.Roles.some((r: unknown) => refOf(r) === roleId))
          .flatMap(([, p]) => (p.Properties.PolicyDocument.Statement as Cfn[]).flatMap((s) => [s.Action].flat()));
        expect(actions.filter((a: string) => /^(ses|sms-voice):/.test(a))).toEqual([]);
      }
    },
  );

  it('without an origination identity, sends no SMS: no variable, no grant', () => {
    const env = defaults.resources[idOf(defaults, defaults.stack.functions.fns.people)]!.Properties.Environment.Variables;
    expect(env.SMS_ORIGINATION_IDENTITY).toBeUndefined();
    expect(env.MAIL_FROM).toBe(`taskforce@${DEFAULT_MAIL_DOMAIN}`);
    expect(
      apiStatements(defaults)
        .flatMap((s) => [s.Action].flat())
        .filter((a: string) => a.startsWith('sms-voice:')),
    ).toEqual([]);
  });

  it('refuses a sender outside the mail domain, and an origination identity that is not an ARN, at synth', () => {
    expect(() => synth({ mailDomain: 'mail.agency.example', mailFrom: 'duty@elsewhere.example' })).toThrow(
      /not an address of the mail domain/,
    );
    expect(() => synth({ smsOriginationIdentity: '+66812345678' })).toThrow(/must be the ARN/);
  });
});

describe('the pager and the channel status consumer', () => {
  const mappingOf = (s: Synth, name: FunctionName) => {
    const fnId = idOf(s, s.stack.functions.fns[name]);
    const [[, m]] = ofType(s, 'AWS::Lambda::EventSourceMapping').filter(([, x]) => refOf(x.Properties.FunctionName) === fnId) as [
      [string, Cfn],
    ];
    return { m, queue: s.resources[refOf(m.Properties.EventSourceArn)!]!, fn: s.resources[fnId]! };
  };

  it('the pager consumes the pages queue, the status function the channel status queue, each reporting batch item failures', () => {
    const pager = mappingOf(configured, 'pager');
    expect(pager.queue.Properties.QueueName).toBe('taskforce-pages');
    const status = mappingOf(configured, 'status');
    expect(status.queue.Properties.QueueName).toBe(STATUS_QUEUE.name);
    for (const { m, queue, fn } of [pager, status]) {
      expect(m.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * fn.Properties.Timeout);
    }
  });

  it('the pager is told the pages queue, the console origin for acknowledge links and the sender; the status function only the pages queue', () => {
    const pager = mappingOf(configured, 'pager').fn.Properties.Environment.Variables;
    expect(Object.keys(pager)).toEqual(
      expect.arrayContaining(['PAGES_QUEUE_URL', 'CONSOLE_ORIGIN', 'MAIL_FROM', 'SMS_ORIGINATION_IDENTITY']),
    );
    const status = mappingOf(configured, 'status').fn.Properties.Environment.Variables;
    expect(Object.keys(status)).toContain('PAGES_QUEUE_URL');
    expect(status.MAIL_FROM).toBeUndefined();
  });

  it('the status function may put pages back on the pages queue and nowhere else; fan-out may put pages there', () => {
    const sends = (name: FunctionName) =>
      apiStatements(configured, name)
        .filter((s) => [s.Action].flat().includes('sqs:SendMessage'))
        .flatMap((s) => [s.Resource].flat().map(text));
    const pagesQueue = `<${idOf(configured, configured.stack.messaging.queues.pages.queue)}.Arn>`;
    expect(sends('status')).toEqual([pagesQueue]);
    expect(sends('fanout')).toContain(pagesQueue);
    expect(sends('pager')).toEqual([]);
  });
});

describe('cdk-nag (AWS Solutions)', () => {
  it('finds nothing unacknowledged, with and without SMS', () => {
    for (const s of [configured, defaults]) {
      const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(s.app);
      expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    }
  });
});
