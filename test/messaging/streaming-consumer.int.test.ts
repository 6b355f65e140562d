import { randomUUID } from 'node:crypto';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { createSqsClient, type SqsBatchHandler, startStreamingConsumer } from '@taskforce/messaging';
import { describe, expect, inject, it, vi } from 'vitest';

/** The local delivery worker: one message that never finishes must not hold up those received with it. */
describe('streaming consumer', () => {
  it('handles and deletes each message on its own while another is still in hand', async () => {
    const sqs = createSqsClient({ endpoint: inject('sqsEndpoint') });
    const url = (await sqs.send(new CreateQueueCommand({ QueueName: `stream-${randomUUID().slice(0, 8)}` }))).QueueUrl!;
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: ['slow', 'a', 'b', 'c', 'd'].map((body, i) => ({ Id: `m${i}`, MessageBody: body })),
      }),
    );
    let release!: () => void;
    const slow = new Promise<void>((r) => {
      release = r;
    });
    const done: string[] = [];
    const handler: SqsBatchHandler = async (event) => {
      for (const r of event.Records) {
        if (r.body === 'slow') await slow;
        done.push(r.body);
      }
      return { batchItemFailures: [] };
    };
    const consumer = startStreamingConsumer(sqs, url, handler, { maxInFlight: 10, waitSeconds: 1 });
    try {
      // The four others are handled and gone from the queue while the slow one is still in hand.
      await vi.waitFor(() => expect([...done].sort()).toEqual(['a', 'b', 'c', 'd']), { timeout: 20_000, interval: 20 });
      await vi.waitFor(
        async () => {
          const attrs = (
            await sqs.send(
              new GetQueueAttributesCommand({
                QueueUrl: url,
                AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
              }),
            )
          ).Attributes!;
          expect(Number(attrs.ApproximateNumberOfMessages) + Number(attrs.ApproximateNumberOfMessagesNotVisible)).toBe(1);
        },
        { timeout: 20_000, interval: 50 },
      );
    } finally {
      release();
      await consumer.stop();
    }
    expect(done).toContain('slow');
  });
});
