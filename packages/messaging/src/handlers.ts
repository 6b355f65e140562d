/**
 * Placeholder for the messaging handlers: the exports and their shapes are the agreed ones, the
 * behaviour is deliberately minimal. Fan-out forwards each event to every organisation in its
 * audience WITHOUT asking the policy evaluator, and delivery only logs and acknowledges, so
 * nothing leaves the platform. The real implementation replaces this file.
 */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type Deps, type DomainEvent, DUE_SHARDS, systemClock, timeOrderedIds } from '@taskforce/core';
import { createDynamoClient, DynamoStore, documentClient, eventKey, outboxPartition, TABLE } from '@taskforce/dynamo';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createSqsClient } from './setup';

export interface MessagingLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
}

export interface MessagingDeps extends Deps {
  doc: DynamoDBDocumentClient;
  tableName: string;
  sqs: SQSClient;
  queueUrls: { events: string; delivery: string };
  logger?: MessagingLogger;
}

/** Deps from the Lambda environment: TABLE_NAME, EVENTS_QUEUE_URL, DELIVERY_QUEUE_URL. */
export const messagingDepsFromEnv = (env: NodeJS.ProcessEnv = process.env, logger?: MessagingLogger): MessagingDeps => {
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new Error(`environment variable ${name} is not set`);
    return v;
  };
  const tableName = need('TABLE_NAME');
  const doc = documentClient(createDynamoClient());
  return {
    store: new DynamoStore(doc, tableName),
    clock: systemClock,
    ids: timeOrderedIds(systemClock),
    doc,
    tableName,
    sqs: createSqsClient(),
    queueUrls: { events: need('EVENTS_QUEUE_URL'), delivery: need('DELIVERY_QUEUE_URL') },
    ...(logger ? { logger } : {}),
  };
};

/** What delivery receives: one message per recipient of an event. */
export interface DeliveryMessage {
  eventId: string;
  type: DomainEvent['type'];
  at: string;
  recipientOrgId: string;
  workspaceId?: string;
  subject: DomainEvent['subject'];
}

/**
 * An events-queue message is either a domain event as JSON (sent by `relayOutbox`) or a
 * DynamoDB stream record of the inserted outbox item (sent by the EventBridge pipe).
 */
export const parseEventMessage = (body: string): DomainEvent => {
  const parsed = JSON.parse(body) as { dynamodb?: { NewImage?: Record<string, never> } } & Partial<DomainEvent>;
  const event = parsed.dynamodb?.NewImage ? (unmarshall(parsed.dynamodb.NewImage).data as DomainEvent) : (parsed as DomainEvent);
  if (!event || typeof event.id !== 'string' || typeof event.type !== 'string' || !Array.isArray(event.audience))
    throw new Error('not a domain event');
  return event;
};

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Sends bodies in batches of ten; returns the ids (positions) that SQS did not accept. */
const sendAll = async (sqs: SQSClient, queueUrl: string, bodies: string[]): Promise<number[]> => {
  const failed: number[] = [];
  for (const [b, batch] of chunks(bodies, 10).entries()) {
    const out = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((MessageBody, i) => ({ Id: String(b * 10 + i), MessageBody })),
      }),
    );
    for (const f of out.Failed ?? []) failed.push(Number(f.Id));
  }
  return failed;
};

/** Takes an event out of the due index, so neither the pipe backstop nor a later relay sends it again. */
const markPublished = async (deps: MessagingDeps, e: Pick<DomainEvent, 'chainId' | 'id'>) => {
  const idx = TABLE.indexes.due;
  try {
    await deps.doc.send(
      new UpdateCommand({
        TableName: deps.tableName,
        Key: eventKey(e),
        UpdateExpression: 'REMOVE #p, #s',
        ConditionExpression: 'attribute_exists(#p)',
        ExpressionAttributeNames: { '#p': idx.partitionKey, '#s': idx.sortKey },
      }),
    );
  } catch (err) {
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
  }
};

/** SQS `events` → one delivery message per audience organisation; failed records are retried alone. */
export const createFanoutHandler =
  (deps: MessagingDeps) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const e = parseEventMessage(record.body);
        const messages: DeliveryMessage[] = e.audience.map((recipientOrgId) => ({
          eventId: e.id,
          type: e.type,
          at: e.at,
          recipientOrgId,
          subject: e.subject,
          ...(e.workspaceId ? { workspaceId: e.workspaceId } : {}),
        }));
        const failed = await sendAll(
          deps.sqs,
          deps.queueUrls.delivery,
          messages.map((m) => JSON.stringify(m)),
        );
        if (failed.length > 0) throw new Error(`${failed.length} delivery messages not accepted`);
        await markPublished(deps, e);
        deps.logger?.info('fanned out', { eventId: e.id, type: e.type, recipients: messages.length });
      } catch (err) {
        deps.logger?.warn('fan-out failed', { messageId: record.messageId, error: (err as Error).message });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };

/** SQS `delivery` → logs the delivery (identifiers only) and acknowledges it. */
export const createDeliveryHandler =
  (deps: MessagingDeps) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const m = JSON.parse(record.body) as DeliveryMessage;
        if (typeof m.eventId !== 'string' || typeof m.recipientOrgId !== 'string') throw new Error('not a delivery message');
        deps.logger?.info('delivered', { eventId: m.eventId, type: m.type, recipientOrgId: m.recipientOrgId });
      } catch (err) {
        deps.logger?.warn('delivery failed', { messageId: record.messageId, error: (err as Error).message });
        batchItemFailures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures };
  };

/**
 * Backstop for the stream relay: sends outbox events still unpublished `olderThanMs` after they
 * were written to the events queue, then takes them out of the due index.
 */
export const relayOutbox = async (
  deps: MessagingDeps,
  opts: { olderThanMs?: number; limit?: number } = {},
): Promise<{ relayed: number }> => {
  const idx = TABLE.indexes.due;
  const before = new Date(deps.clock.now().getTime() - (opts.olderThanMs ?? 60_000)).toISOString();
  let relayed = 0;
  for (let shard = 0; shard < DUE_SHARDS; shard++) {
    const out = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableName,
        IndexName: idx.name,
        KeyConditionExpression: '#p = :p AND #s <= :before',
        ExpressionAttributeNames: { '#p': idx.partitionKey, '#s': idx.sortKey },
        ExpressionAttributeValues: { ':p': outboxPartition(shard), ':before': `${before}~` },
        Limit: opts.limit ?? 100,
      }),
    );
    const events = (out.Items ?? []).map((i) => i.data as DomainEvent);
    const failed = new Set(
      await sendAll(
        deps.sqs,
        deps.queueUrls.events,
        events.map((e) => JSON.stringify(e)),
      ),
    );
    for (const [i, e] of events.entries()) {
      if (failed.has(i)) continue;
      await markPublished(deps, e);
      relayed++;
    }
  }
  return { relayed };
};
