import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBridgeTimerSchedules, scheduleExpression, scheduleName } from '../src/escalation-schedules';

const mock = mockClient(SchedulerClient);
afterEach(() => mock.reset());

const config = {
  group: 'taskforce-escalations',
  targetArn: 'arn:aws:lambda:ap-southeast-1:111122223333:function:sweep',
  roleArn: 'arn:aws:iam::111122223333:role/scheduler',
};
const logged: { msg: string; fields?: Record<string, unknown> }[] = [];
const logger = { warn: (msg: string, fields?: Record<string, unknown>) => logged.push({ msg, fields }) };
const schedules = () => new EventBridgeTimerSchedules(config, logger, (sdk) => new sdk.SchedulerClient({ region: 'ap-southeast-1' }));

const timer = { workspaceId: 'ws-01J', timerId: '01JINCIDENT0000000000000000~esc~THA~1', dueAt: '2026-12-07T15:00:00.250Z' };
const awsError = (name: string) => Object.assign(new Error(name), { name });

describe('escalation schedule names and times', () => {
  it('derives a deterministic name of at most 64 allowed characters from the workspace and the timer', () => {
    const name = scheduleName(timer);
    expect(name).toMatch(/^[0-9A-Za-z_.-]{1,64}$/);
    expect(name).toBe(scheduleName({ ...timer }));
    expect(name.startsWith('01JINCIDENT0000000000000000.esc.THA.1-')).toBe(true);
    expect(scheduleName({ ...timer, workspaceId: 'ws-other' })).not.toBe(name);
    const long = scheduleName({ workspaceId: 'w', timerId: `${'x'.repeat(200)}~esc~THA~1` });
    expect(long).toMatch(/^[0-9A-Za-z_.-]{64}$/);
    expect(long).not.toBe(scheduleName({ workspaceId: 'w', timerId: `${'x'.repeat(200)}~esc~THA~2` }));
  });

  it('is at() in UTC to the second, rounded up so it never fires before the timer is due', () => {
    expect(scheduleExpression('2026-12-07T15:00:00.250Z')).toBe('at(2026-12-07T15:00:01)');
    expect(scheduleExpression('2026-12-07T15:00:00.000Z')).toBe('at(2026-12-07T15:00:00)');
    expect(scheduleExpression('2026-12-07T22:00:00+07:00')).toBe('at(2026-12-07T15:00:00)');
    // A lead sets it that many seconds early (the sweep function waits out the rest).
    expect(scheduleExpression('2026-12-07T15:00:00.250Z', 45)).toBe('at(2026-12-07T14:59:16)');
  });
});

describe('EventBridgeTimerSchedules', () => {
  it('creates a one-time schedule in the group that invokes the sweep with the timer, deletes itself, no flexible window', async () => {
    mock.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    expect(await schedules().arm([timer])).toEqual({ done: 1, failed: 0 });
    const [call] = mock.commandCalls(CreateScheduleCommand);
    expect(call!.args[0].input).toMatchObject({
      Name: scheduleName(timer),
      GroupName: 'taskforce-escalations',
      ScheduleExpression: 'at(2026-12-07T15:00:01)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: config.targetArn, RoleArn: config.roleArn },
    });
    expect(JSON.parse(call!.args[0].input.Target!.Input!)).toEqual({ workspaceId: 'ws-01J', timerId: timer.timerId });
  });

  it('counts a schedule that exists already (a repeated event) as created', async () => {
    mock.on(CreateScheduleCommand).rejects(awsError('ConflictException'));
    logged.length = 0;
    expect(await schedules().arm([timer])).toEqual({ done: 1, failed: 0 });
    expect(logged).toEqual([]);
  });

  it('leaves a throttled or refused create to the one-minute sweep: logged, never thrown', async () => {
    mock
      .on(CreateScheduleCommand)
      .rejectsOnce(awsError('ThrottlingException'))
      .rejectsOnce(awsError('ThrottlingException'))
      .rejects(awsError('ServiceQuotaExceededException'));
    logged.length = 0;
    const other = { ...timer, timerId: '01JINCIDENT0000000000000000~esc~VNM~1' };
    const out = await schedules().arm([timer, other]);
    expect(out).toEqual({ done: 0, failed: 2 });
    expect(logged.map((l) => [l.msg, l.fields?.timerId])).toEqual(
      expect.arrayContaining([
        ['escalation schedule not created: the sweep fires the timer', timer.timerId],
        ['escalation schedule not created: the sweep fires the timer', other.timerId],
      ]),
    );
  });

  it('deletes a schedule by the same name, and counts one that is not there (fired, or never made) as deleted', async () => {
    mock.on(DeleteScheduleCommand).rejects(awsError('ResourceNotFoundException'));
    logged.length = 0;
    expect(await schedules().disarm([timer])).toEqual({ done: 1, failed: 0 });
    expect(mock.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({
      Name: scheduleName(timer),
      GroupName: 'taskforce-escalations',
    });
    expect(logged).toEqual([]);
    mock.on(DeleteScheduleCommand).rejects(awsError('ThrottlingException'));
    expect(await schedules().disarm([timer])).toEqual({ done: 0, failed: 1 });
  });

  it('calls nothing (nor loads the client) when there is nothing to arm or disarm', async () => {
    const s = new EventBridgeTimerSchedules(config, logger, () => {
      throw new Error('loaded');
    });
    expect(await s.arm([])).toEqual({ done: 0, failed: 0 });
    expect(await s.disarm([])).toEqual({ done: 0, failed: 0 });
  });
});
