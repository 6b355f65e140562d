import type { SQSClient } from '@aws-sdk/client-sqs';
import { type DomainEvent, type DueTimer, runCommand, SYSTEM_ACTOR, systemCommand, type TimerTarget } from '@taskforce/core';
import { memoryDeps } from '@taskforce/core/testing';
import { describe, expect, it } from 'vitest';
import type { TimerSchedules } from '../src/escalation-schedules';
import { createFanoutHandler } from '../src/fanout';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An `incident.escalated` (level 2 of round 1 fired) and an `incident.acknowledged` event, and fan-out with the given schedules. */
const setUp = async (schedules: TimerSchedules) => {
  const deps = memoryDeps();
  const event = (type: 'incident.escalated' | 'incident.acknowledged', data: Record<string, unknown>) => ({
    type,
    workspaceId: 'ws-1',
    subject: { type: 'incident', id: 'inc-1' },
    audience: [],
    data,
  });
  await runCommand(deps, {
    chainId: 'ws-1',
    actor: SYSTEM_ACTOR,
    refs: [],
    authorize: systemCommand,
    decide: () => ({
      writes: [],
      events: [
        event('incident.escalated', { country: 'THA', level: 2, round: 1, acknowledgeBy: '2026-12-07T15:30:00.000Z' }),
        event('incident.acknowledged', { country: 'VNM', level: 1, round: 2 }),
      ],
      audit: { action: 'incident.escalated', target: { type: 'incident', id: 'inc-1' }, markings: [] },
      result: null,
    }),
  });
  const events = (await deps.store.listEvents('ws-1', { limit: 10 })).items as DomainEvent[];
  const sqs = { send: async () => ({ Successful: [], Failed: [] }) } as unknown as SQSClient;
  const handler = createFanoutHandler({
    ...deps,
    sqs,
    queues: { events: 'events', delivery: 'delivery' },
    fetch,
    logger: silent,
    schedules,
  });
  const records = events.map((e, i) => ({ messageId: `m-${i}`, body: JSON.stringify(e), attributes: {} }));
  const published = async () => [...(await deps.alerts.fanoutContext(events)).published];
  return { handler, records, events, published };
};

describe('fan-out of escalation timers to one-time schedules', () => {
  it('arms the timer a level planned and disarms the one an acknowledgement deleted', async () => {
    const armed: DueTimer[] = [];
    const disarmed: TimerTarget[] = [];
    const t = await setUp({
      arm: async (x) => {
        armed.push(...x);
        return { done: x.length, failed: 0 };
      },
      disarm: async (x) => {
        disarmed.push(...x);
        return { done: x.length, failed: 0 };
      },
    });
    expect(await t.handler({ Records: t.records } as never)).toEqual({ batchItemFailures: [] });
    expect(armed).toEqual([{ workspaceId: 'ws-1', timerId: 'inc-1~esc~THA~2', dueAt: '2026-12-07T15:30:00.000Z' }]);
    expect(disarmed).toEqual([{ workspaceId: 'ws-1', timerId: 'inc-1~esc~VNM~4' }]);
  });

  it('publishes the events even when the scheduler is out of reach: the sweep fires the timers', async () => {
    const t = await setUp({
      arm: async () => {
        throw new Error('scheduler unavailable');
      },
      disarm: async () => {
        throw new Error('scheduler unavailable');
      },
    });
    expect(await t.handler({ Records: t.records } as never)).toEqual({ batchItemFailures: [] });
    expect((await t.published()).sort()).toEqual(t.events.map((e) => e.id).sort());
  });
});
