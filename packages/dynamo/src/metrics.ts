import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Counts the requests a client sends, by operation name, via SDK middleware; and, from their
 * answers, the items read (`ScannedCount`: what a request paid to read, matched or not) and the
 * read capacity consumed (when the request asked for `ReturnConsumedCapacity`).
 */
export class RequestCounter {
  readonly counts = new Map<string, number>();
  /** Items read by Query and Scan requests (their `ScannedCount`). */
  scanned = 0;
  /** Capacity units the requests reported consuming. */
  capacity = 0;
  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  reset(): void {
    this.counts.clear();
    this.scanned = 0;
    this.capacity = 0;
  }
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

interface ReadFigures {
  ScannedCount?: number;
  ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[];
}

export const countRequests = (client: DynamoDBClient, counter = new RequestCounter()): RequestCounter => {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      counter.counts.set(op, (counter.counts.get(op) ?? 0) + 1);
      const out = await next(args);
      const figures = (out.output ?? {}) as ReadFigures;
      counter.scanned += figures.ScannedCount ?? 0;
      for (const c of [figures.ConsumedCapacity ?? []].flat()) counter.capacity += c.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'taskforceRequestCounter' },
  );
  return counter;
};
