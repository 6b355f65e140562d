import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Counts the requests a client sends, by operation name, via SDK middleware. */
export class RequestCounter {
  readonly counts = new Map<string, number>();
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  reset(): void {
    this.counts.clear();
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

export const countRequests = (client: DynamoDBClient, counter = new RequestCounter()): RequestCounter => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      counter.counts.set(op, (counter.counts.get(op) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'taskforceRequestCounter' },
  );
  return counter;
};
