import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface SchedulesProps {
  sweep: lambda.IFunction;
}

/**
 * The sweep every minute (EventBridge scheduled rule). A missed minute is not retried for long:
 * the next sweep reads everything still due anyway.
 */
export class Schedules extends Construct {
  readonly sweepRule: events.Rule;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    this.sweepRule = new events.Rule(this, 'Sweep', {
      description: 'Fire due timers and relay unpublished outbox events',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(props.sweep, { retryAttempts: 2, maxEventAge: Duration.minutes(1) })],
    });
  }
}
