import { Duration, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';

export interface SchedulesProps {
  sweep: lambda.IFunction;
  /** The function that creates and deletes the escalations' one-time schedules (fan-out). */
  armer: lambda.Function;
  /**
   * Seconds before its due time each escalation's schedule is set for, the sweep function waiting
   * out the rest (default 0: at the due time). Raise it (below the sweep's margin of its 55 s run)
   * if Scheduler is measured to fire late within the minute.
   */
  leadSeconds?: number;
}

/**
 * The sweep every minute (EventBridge scheduled rule). A missed minute is not retried for long:
 * the next sweep reads everything still due anyway.
 *
 * Escalations on time: fan-out creates one EventBridge Scheduler one-time schedule per planned
 * escalation timer (`at(<due>)`, deleting itself after it ran) in one schedule group, invoking
 * the sweep function with `{ workspaceId, timerId }` through a role only Scheduler, from this
 * account and group, may assume, and that may invoke only the sweep function. The minute sweep
 * stays the backstop (docs/pager.md, "Escalation precision on AWS").
 */
export class Schedules extends Construct {
  readonly sweepRule: events.Rule;
  /** The escalations' schedule group (its name CloudFormation makes: the Ref). */
  readonly escalations: scheduler.CfnScheduleGroup;
  /** The role Scheduler assumes to invoke the sweep function. */
  readonly invoker: iam.Role;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    this.sweepRule = new events.Rule(this, 'Sweep', {
      description: 'Fire due timers and relay unpublished outbox events',
      schedule: events.Schedule.rate(Duration.minutes(1)),
      targets: [new targets.LambdaFunction(props.sweep, { retryAttempts: 2, maxEventAge: Duration.minutes(1) })],
    });

    const stack = Stack.of(this);
    this.escalations = new scheduler.CfnScheduleGroup(this, 'Escalations', {});
    const groupName = this.escalations.ref;
    this.invoker = new iam.Role(this, 'EscalationInvoker', {
      description: 'EventBridge Scheduler invokes the sweep function for one escalation timer',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnEquals: { 'aws:SourceArn': this.escalations.attrArn },
        },
      }),
    });
    this.invoker.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [props.sweep.functionArn] }));

    // Fan-out (createFanoutHandler → EventBridgeTimerSchedules): CreateSchedule and DeleteSchedule
    // in the escalations' group only, passing only the invoker role, and only to Scheduler.
    props.armer.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
        resources: [stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${groupName}/*` })],
      }),
    );
    props.armer.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.invoker.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    props.armer.addEnvironment('ESCALATION_SCHEDULE_GROUP', groupName);
    props.armer.addEnvironment('ESCALATION_SCHEDULE_TARGET_ARN', props.sweep.functionArn);
    props.armer.addEnvironment('ESCALATION_SCHEDULE_ROLE_ARN', this.invoker.roleArn);
    props.armer.addEnvironment('ESCALATION_SCHEDULE_LEAD_SECONDS', String(props.leadSeconds ?? 0));
  }
}
