import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

export type SqsBatchHandler = (event: SQSEvent) => Promise<SQSBatchResponse>;

const arnCache = new Map<string, string>();
const queueArn = async (sqs: SQSClient, url: string): Promise<string> => {
  const cached = arnCache.get(url);
  if (cached) return cached;
  const out = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  const arn = out.Attributes?.QueueArn ?? `arn:aws:sqs:local:000000000000:${url.split('/').pop()}`;
  arnCache.set(url, arn);
  return arn;
};

/** An SQS event as Lambda's event source mapping hands it to a function. */
export const toSqsEvent = (messages: Message[], arn: string, region = 'local'): SQSEvent => ({
  Records: messages.map(
    (m): SQSRecord => ({
      messageId: m.MessageId!,
      receiptHandle: m.ReceiptHandle!,
      body: m.Body ?? '',
      attributes: {
        ApproximateReceiveCount: m.Attributes?.ApproximateReceiveCount ?? '1',
        SentTimestamp: m.Attributes?.SentTimestamp ?? String(Date.now()),
        SenderId: m.Attributes?.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: m.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: m.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: arn,
      awsRegion: region,
    }),
  ),
});

export interface PollReport {
  received: number;
  failed: number;
}

/**
 * One poll, as Lambda's event source mapping does it with ReportBatchItemFailures: receive up
 * to ten messages (long polling up to `waitSeconds`), hand them to the handler as one SQS
 * event, and delete only those not reported as failures. If the handler throws, nothing is
 * deleted and every message comes back after its visibility timeout.
 */
export async function pollOnce(
  sqs: SQSClient,
  queueUrl: string,
  handler: SqsBatchHandler,
  opts: { waitSeconds?: number; batchSize?: number; signal?: AbortSignal } = {},
): Promise<PollReport> {
  const out = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: opts.batchSize ?? 10,
      WaitTimeSeconds: opts.waitSeconds ?? 0,
      MessageSystemAttributeNames: ['All'],
    }),
    opts.signal ? { abortSignal: opts.signal } : {},
  );
  const messages = out.Messages ?? [];
  if (messages.length === 0) return { received: 0, failed: 0 };
  let failed: Set<string>;
  try {
    const res = await handler(toSqsEvent(messages, await queueArn(sqs, queueUrl)));
    failed = new Set((res?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
  } catch {
    return { received: messages.length, failed: messages.length };
  }
  const done = messages.filter((m) => !failed.has(m.MessageId!));
  if (done.length > 0) {
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: done.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  }
  return { received: messages.length, failed: failed.size };
}

/** Polls until a receive comes back empty (messages in flight or delayed are not waited for). */
export async function drainQueue(sqs: SQSClient, queueUrl: string, handler: SqsBatchHandler, maxPolls = 1000): Promise<PollReport> {
  const total = { received: 0, failed: 0 };
  for (let i = 0; i < maxPolls; i++) {
    const r = await pollOnce(sqs, queueUrl, handler);
    if (r.received === 0) break;
    total.received += r.received;
    total.failed += r.failed;
  }
  return total;
}

/** A long-polling consumer loop; `stop()` ends it and waits for the batch in hand. */
export const startConsumer = (
  sqs: SQSClient,
  queueUrl: string,
  handler: SqsBatchHandler,
  opts: { waitSeconds?: number; onError?: (err: unknown) => void } = {},
): { stop(): Promise<void> } => {
  const abort = new AbortController();
  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        await pollOnce(sqs, queueUrl, handler, { waitSeconds: opts.waitSeconds ?? 5, signal: abort.signal });
      } catch (err) {
        if (abort.signal.aborted) break;
        opts.onError?.(err);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
};

/**
 * A long-polling consumer that hands each message to the handler on its own and keeps polling
 * while fewer than `maxInFlight` are in hand, deleting each as soon as it is done: one slow
 * message (a post to a webhook that hangs until its timeout) holds up only itself, never the
 * messages received with it. The local runtime's delivery worker; `stop()` waits for those in hand.
 */
export const startStreamingConsumer = (
  sqs: SQSClient,
  queueUrl: string,
  handler: SqsBatchHandler,
  opts: { maxInFlight: number; waitSeconds?: number; onError?: (err: unknown) => void },
): { stop(): Promise<void> } => {
  const abort = new AbortController();
  const inHand = new Set<Promise<void>>();
  let freed: (() => void) | undefined;
  const handle = async (m: Message, arn: string) => {
    try {
      const res = await handler(toSqsEvent([m], arn));
      if ((res?.batchItemFailures ?? []).length === 0)
        await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: 'd0', ReceiptHandle: m.ReceiptHandle! }] }));
    } catch (err) {
      opts.onError?.(err); // not deleted: it comes back after its visibility timeout
    }
  };
  const loop = (async () => {
    while (!abort.signal.aborted) {
      if (inHand.size >= opts.maxInFlight) {
        await new Promise<void>((r) => {
          freed = r;
        });
        continue;
      }
      try {
        const out = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: Math.min(10, opts.maxInFlight - inHand.size),
            WaitTimeSeconds: opts.waitSeconds ?? 5,
            MessageSystemAttributeNames: ['All'],
          }),
          { abortSignal: abort.signal },
        );
        const arn = await queueArn(sqs, queueUrl);
        for (const m of out.Messages ?? []) {
          const p: Promise<void> = handle(m, arn).finally(() => {
            inHand.delete(p);
            freed?.();
            freed = undefined;
          });
          inHand.add(p);
        }
      } catch (err) {
        if (abort.signal.aborted) break;
        opts.onError?.(err);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    await Promise.all(inHand);
  })();
  return {
    async stop() {
      abort.abort();
      freed?.();
      await loop;
    },
  };
};
