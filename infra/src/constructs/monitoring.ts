import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { ThresholdAlarm } from './channels';

export interface MonitoringProps {
  functions: Record<string, lambda.IFunction>;
  deadLetterQueues: Record<string, sqs.IQueue>;
  httpApi: apigw.HttpApi;
  /** Alarms on a metric above a threshold of its own (e.g. the channels' rates). */
  thresholds?: ThresholdAlarm[];
  /** Who is told when an alarm fires (optional: subscribe later). */
  alarmEmail?: string;
}

/**
 * Alarms that mean someone should look: anything in a dead-letter queue, any function error
 * or throttle, any 5xx from the API, and each metric of `thresholds` above its threshold. Each
 * notifies one encrypted SNS topic.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key, so the topic has its own.
    const key = new kms.Key(this, 'Key', {
      description: 'Taskforce alarm notifications',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Alarms', { displayName: 'Taskforce alarms', masterKey: key, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const notify = new actions.SnsAction(this.topic);

    const alarm = (id: string, metric: cloudwatch.IMetric, description: string, threshold = 0) => {
      const a = new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(notify);
      a.addOkAction(notify);
      this.alarms.push(a);
    };
    const minute = { period: Duration.minutes(1) };

    for (const [name, dlq] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}-dlq-depth`,
        dlq.metricApproximateNumberOfMessagesVisible({ ...minute, statistic: 'Maximum' }),
        `Messages in the ${name} dead-letter queue: inspect, fix, redrive`,
      );
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}-errors`, fn.metricErrors({ ...minute, statistic: 'Sum' }), `The ${name} function failed`);
      alarm(`${name}-throttles`, fn.metricThrottles({ ...minute, statistic: 'Sum' }), `The ${name} function was throttled`);
    }
    alarm('api-5xx', props.httpApi.metricServerError({ ...minute, statistic: 'Sum' }), 'The API answered with a 5xx');
    for (const t of props.thresholds ?? []) alarm(t.id, t.metric, t.description, t.threshold);
  }
}
