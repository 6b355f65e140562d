import type { SQSClient } from '@aws-sdk/client-sqs';
import { DUE_SHARDS, type Timer } from '@taskforce/core';
import { memoryDeps, unsealedEntry } from '@taskforce/core/testing';
import { runJobs, type ScheduleDeps } from '@taskforce/messaging';
import { describe, expect, it } from 'vitest';

/** The scheduled jobs on the in-memory store, with a logger that keeps its lines; nothing here reaches a queue. */
const setUp = () => {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push({ level, msg, fields });
  const memory = memoryDeps();
  const deps: ScheduleDeps = {
    core: memory,
    messaging: {
      ...memory,
      sqs: {} as SQSClient,
      queues: { events: 'events', delivery: 'delivery' },
      logger: { info: log('info'), warn: log('warn'), error: log('error') },
    },
  };
  return { deps, memory, lines };
};

describe('the scheduled jobs', () => {
  it('report a due timer of a kind no feature registered: an error log line and a metric, and the timer stays due', async () => {
    const { deps, memory, lines } = setUp();
    const timer: Timer = {
      workspaceId: 'ws-1',
      id: 'sub-1~stranger',
      // @ts-expect-error a kind no feature declared: code of this version cannot make one
      kind: 'nobody.registered',
      subjectId: 'sub-1',
      dueAt: memory.clock.now().toISOString(),
    };
    await memory.store.commit({
      audit: unsealedEntry('ws-1', { at: timer.dueAt, action: 'test.timer', target: { type: 'timer', id: timer.id } }),
      events: [],
      writes: [{ op: 'put', record: { kind: 'timer', value: timer }, expect: 'any' }],
    });

    const run = await runJobs(['timers'], deps);
    expect(run.results.timers.unknown).toEqual([{ timerId: timer.id, kind: 'nobody.registered', workspaceId: 'ws-1' }]);
    expect(run.metrics).toMatchObject({ TimersOfUnknownKind: 1, TimersFired: 0 });
    expect(run.fields).toMatchObject({ unknown: 1, dropped: 0 });
    expect(lines).toEqual([
      {
        level: 'error',
        msg: expect.stringContaining('kind no feature registered'),
        fields: { timerId: timer.id, kind: 'nobody.registered', workspaceId: 'ws-1' },
      },
    ]);
    // Left due, for a version that knows its kind.
    const due = await Promise.all(Array.from({ length: DUE_SHARDS }, (_, shard) => memory.store.dueTimers(shard, memory.clock.now(), 100)));
    expect(due.flat()).toEqual([timer]);
  });
});
