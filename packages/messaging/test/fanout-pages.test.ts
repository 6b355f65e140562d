import type { SQSClient } from '@aws-sdk/client-sqs';
import { type DomainEvent, PAGER_ACTOR, runCommand, systemCommand } from '@taskforce/core';
import { memoryDeps } from '@taskforce/core/testing';
import { describe, expect, it } from 'vitest';
import { createFanoutHandler } from '../src/fanout';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** An `incident.paged` event in the outbox, and fan-out with an SQS that records (or refuses) what it is sent. */
const setUp = async (pagesQueueWorks: boolean) => {
  const deps = memoryDeps();
  await runCommand(deps, {
    chainId: 'ws-1',
    actor: PAGER_ACTOR,
    refs: [],
    authorize: systemCommand,
    decide: () => ({
      writes: [],
      events: [
        {
          type: 'incident.paged',
          workspaceId: 'ws-1',
          subject: { type: 'incident', id: 'inc-1' },
          audience: [],
          data: { incidentId: 'inc-1', country: 'THA', level: 2, round: 1, pageIds: ['pg-1', 'pg-2'] },
        },
      ],
      audit: { action: 'incident.escalated', target: { type: 'incident', id: 'inc-1' }, markings: [] },
      result: null,
    }),
  });
  const [event] = (await deps.store.listEvents('ws-1', { limit: 10 })).items as DomainEvent[];
  const sent: { queue: string; bodies: string[] }[] = [];
  const sqs = {
    send: async (cmd: { input: { QueueUrl: string; Entries: { Id: string; MessageBody: string }[] } }) => {
      if (cmd.input.QueueUrl === 'pages' && !pagesQueueWorks) throw new Error('queue unavailable');
      sent.push({ queue: cmd.input.QueueUrl, bodies: cmd.input.Entries.map((e) => e.MessageBody) });
      return { Successful: cmd.input.Entries.map((e) => ({ Id: e.Id })), Failed: [] };
    },
  } as unknown as SQSClient;
  const handler = createFanoutHandler({
    ...deps,
    sqs,
    queues: { events: 'events', delivery: 'delivery', pages: 'pages' },
    fetch: globalThis.fetch,
    logger: silent,
  });
  const record = { messageId: 'm-1', body: JSON.stringify(event), attributes: {} };
  const published = async () => (await deps.alerts.fanoutContext([event!])).published.has(event!.id);
  return { handler, record, sent, published };
};

describe('fan-out of a paged event', () => {
  it('puts one PageRef per page on the pages queue, and only then counts the event published', async () => {
    const t = await setUp(true);
    expect(await t.handler({ Records: [t.record] } as never)).toEqual({ batchItemFailures: [] });
    expect(t.sent.filter((s) => s.queue === 'pages').flatMap((s) => s.bodies.map((b) => JSON.parse(b)))).toEqual([
      { workspaceId: 'ws-1', incidentId: 'inc-1', pageId: 'pg-1' },
      { workspaceId: 'ws-1', incidentId: 'inc-1', pageId: 'pg-2' },
    ]);
    expect(await t.published()).toBe(true);
  });

  it('brings the event back, unpublished, when its pages could not be queued', async () => {
    const t = await setUp(false);
    expect(await t.handler({ Records: [t.record] } as never)).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    expect(await t.published()).toBe(false);
  });
});
