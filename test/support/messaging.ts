import type { SQSClient } from '@aws-sdk/client-sqs';
import { type EventDraft, type KernelDeps, ManualClock, runCommand, SYSTEM_ACTOR, systemCommand, timeOrderedIds } from '@taskforce/core';
import { DynamoAlertStore, type DynamoStore } from '@taskforce/dynamo';
import {
  createDeliveryHandler,
  createFanoutHandler,
  createSqsClient,
  type DeliveryOutcome,
  drainQueue,
  ensureQueues,
  type FanoutStats,
  type MessagingDeps,
  relayOutbox,
} from '@taskforce/messaging';
import { inject } from 'vitest';

/** Counts the requests an SQS client sends, by operation. */
const countSqs = (sqs: SQSClient) => {
  const counts = new Map<string, number>();
  sqs.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      counts.set(op, (counts.get(op) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'testSqsCounter' },
  );
  return { get: (op: string) => counts.get(op) ?? 0, reset: () => counts.clear(), snapshot: () => Object.fromEntries(counts) };
};

const quietLogger = { info() {}, warn() {}, error() {} };

/** Queues of their own on the shared SQS engine, and the messaging handlers over a table. */
export const withMessaging = async (
  t: { store: DynamoStore; doc: ConstructorParameters<typeof DynamoAlertStore>[0]; tableName: string },
  clock: ManualClock,
  overrides: Partial<MessagingDeps> = {},
) => {
  const sqs = createSqsClient({ endpoint: inject('sqsEndpoint') });
  const sqsCounter = countSqs(sqs);
  const queues = await ensureQueues(sqs, `${t.tableName.slice(0, 40)}-`);
  const deps: MessagingDeps = {
    store: t.store,
    alerts: new DynamoAlertStore(t.doc, t.tableName),
    clock,
    ids: timeOrderedIds(clock),
    sqs,
    queues: { events: queues.events.url, delivery: queues.delivery.url },
    fetch: globalThis.fetch,
    logger: quietLogger,
    retryDelaySeconds: () => 0,
    // The tests' webhook receivers listen on 127.0.0.1.
    webhookDestinations: { allowPrivate: true },
    ...overrides,
  };
  const fanoutStats: FanoutStats[] = [];
  const outcomes: DeliveryOutcome[] = [];
  const fanout = createFanoutHandler(deps, (s) => fanoutStats.push(s));
  const delivery = createDeliveryHandler(deps, (_id, o) => outcomes.push(o));
  const pump = async () => {
    let delivered = 0;
    for (let i = 0; i < 50; i++) {
      const r = await relayOutbox(deps);
      const e = await drainQueue(sqs, queues.events.url, fanout);
      const d = await drainQueue(sqs, queues.delivery.url, delivery);
      delivered += d.received;
      if (r.relayed === 0 && e.received === 0 && d.received === 0) break;
    }
    return delivered;
  };
  return { sqs, sqsCounter, queues, deps, fanout, delivery, fanoutStats, outcomes, pump };
};

/** Writes events to the outbox the way every command does: in one transaction with an audit entry. */
export const emit = (deps: KernelDeps, chainId: string, events: EventDraft[]) =>
  runCommand(deps, {
    chainId,
    actor: SYSTEM_ACTOR,
    refs: [],
    authorize: systemCommand,
    decide: () => ({
      writes: [],
      audit: { action: 'test.emit', target: { type: 'test', id: chainId }, markings: [] },
      events,
      result: null,
    }),
  });

export { ManualClock };
