import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface OutgoingMessage {
  /** The caller's key for the message, reported back when it could not be sent. */
  key: string;
  body: string;
}

export interface BatchSendResult {
  /** SendMessageBatch requests made, retries included. */
  calls: number;
  /** Keys of messages still unsent after every attempt. */
  failed: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends messages ten to a SendMessageBatch (the SQS maximum), so n messages cost ⌈n/10⌉
 * requests when nothing fails. Entries the queue reports as failed are sent again, with
 * backoff, up to `attempts` times; entries failed by the sender's fault are not retried.
 */
export async function sendInBatches(
  sqs: SQSClient,
  queueUrl: string,
  messages: readonly OutgoingMessage[],
  opts: { attempts?: number; backoffMs?: number } = {},
): Promise<BatchSendResult> {
  const attempts = opts.attempts ?? 4;
  let calls = 0;
  const failed: string[] = [];
  for (let i = 0; i < messages.length; i += 10) {
    let pending = messages.slice(i, i + 10);
    for (let attempt = 1; pending.length > 0; attempt++) {
      calls++;
      let retry: OutgoingMessage[];
      try {
        const out = await sqs.send(
          new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: pending.map((m, j) => ({ Id: `m${j}`, MessageBody: m.body })) }),
        );
        retry = [];
        for (const f of out.Failed ?? []) {
          const m = pending[Number(f.Id?.slice(1))];
          if (!m) continue;
          if (f.SenderFault) failed.push(m.key);
          else retry.push(m);
        }
      } catch {
        retry = pending;
      }
      pending = retry;
      if (pending.length > 0) {
        if (attempt >= attempts) {
          failed.push(...pending.map((m) => m.key));
          break;
        }
        await sleep((opts.backoffMs ?? 50) * 2 ** (attempt - 1));
      }
    }
  }
  return { calls, failed };
}
