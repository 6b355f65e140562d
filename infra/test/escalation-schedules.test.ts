/**
 * Escalations on time on AWS: the schedule group, the role EventBridge Scheduler assumes to invoke
 * the sweep function, and fan-out's grants to create and delete the one-time schedules. The stack
 * is synthesised without building functions or the console (a role depends on neither).
 */
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FunctionName } from '../src/bundle';
import { type Cfn, synthesise } from './support/synth';

const synth = () => synthesise('Escalations');

let s: ReturnType<typeof synth>;
beforeAll(() => {
  s = synth();
}, 120_000);

const idOf = (c: { node: { defaultChild?: unknown } }) => s.stack.getLogicalId((c.node.defaultChild ?? c) as never);
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
const statementsOf = (roleId: string): Cfn[] =>
  Object.values(s.resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: unknown) => refOf(x) === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Cfn[]);
const fnRoleId = (name: FunctionName) => refOf(s.resources[idOf(s.stack.functions.fns[name])]!.Properties.Role)!;
const actionsOf = (st: Cfn) => [st.Action].flat() as string[];

describe('escalation schedules (EventBridge Scheduler)', () => {
  it('declares one schedule group for the escalations', () => {
    s.template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
  });

  it('lets only EventBridge Scheduler, from this account and this group, assume the invoker role', () => {
    const role = s.resources[idOf(s.stack.schedules.invoker)]!;
    const group = idOf(s.stack.schedules.escalations);
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [group, 'Arn'] } },
        },
      },
    ]);
  });

  it('lets the invoker role invoke the sweep function, and nothing else', () => {
    const statements = statementsOf(idOf(s.stack.schedules.invoker));
    expect(statements).toEqual([
      { Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: { 'Fn::GetAtt': [idOf(s.stack.functions.fns.sweep), 'Arn'] } },
    ]);
  });

  it('lets fan-out create and delete schedules in that group only, and pass only the invoker role, only to Scheduler', () => {
    const statements = statementsOf(fnRoleId('fanout'));
    const scheduling = statements.filter((st) => actionsOf(st).some((a) => a.startsWith('scheduler:')));
    expect(scheduling).toHaveLength(1);
    expect(actionsOf(scheduling[0]!).sort()).toEqual(['scheduler:CreateSchedule', 'scheduler:DeleteSchedule']);
    expect(text(scheduling[0]!.Resource)).toBe(
      `arn:\${AWS::Partition}:scheduler:\${AWS::Region}:\${AWS::AccountId}:schedule/<${idOf(s.stack.schedules.escalations)}>/*`,
    );
    const passing = statements.filter((st) => actionsOf(st).includes('iam:PassRole'));
    expect(passing).toEqual([
      {
        Action: 'iam:PassRole',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [idOf(s.stack.schedules.invoker), 'Arn'] },
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
  });

  it('grants no other function anything of Scheduler or PassRole', () => {
    for (const fn of Object.keys(s.stack.functions.fns) as FunctionName[]) {
      if (fn === 'fanout') continue;
      const actions = statementsOf(fnRoleId(fn)).flatMap(actionsOf);
      expect(
        actions.filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole'),
        fn,
      ).toEqual([]);
    }
  });

  it('tells fan-out the group, the target (the sweep function), the role, and a lead the sweep function can wait out', () => {
    const env = s.resources[idOf(s.stack.functions.fns.fanout)]!.Properties.Environment.Variables as Cfn;
    expect(refOf(env.ESCALATION_SCHEDULE_GROUP)).toBe(idOf(s.stack.schedules.escalations));
    expect(env.ESCALATION_SCHEDULE_TARGET_ARN).toEqual({ 'Fn::GetAtt': [idOf(s.stack.functions.fns.sweep), 'Arn'] });
    expect(env.ESCALATION_SCHEDULE_ROLE_ARN).toEqual({ 'Fn::GetAtt': [idOf(s.stack.schedules.invoker), 'Arn'] });
    // Scheduler invokes within the minute after the schedule's time: a lead of 52 s makes that 52 s
    // early to 8 s late, and the early part is waited out within the sweep function's run.
    expect(env.ESCALATION_SCHEDULE_LEAD_SECONDS).toBe('52');
    const sweep = s.resources[idOf(s.stack.functions.fns.sweep)]!.Properties as Cfn;
    expect(sweep.Timeout - 2).toBeGreaterThanOrEqual(52);
  });

  it('keeps the one-minute sweep as the backstop', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
  });

  it('finds nothing unacknowledged in cdk-nag', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(s.app);
    expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
  });
});
