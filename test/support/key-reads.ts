import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** One request the client sent: its operation, the keys (`pk|sk`) or partitions it read, and how many items came back. */
export interface KeyRead {
  op: string;
  keys: string[];
  items: number;
}

type Av = { S?: string } | string | undefined;
const str = (v: Av): string => (typeof v === 'string' ? v : (v?.S ?? ''));
const keyOf = (k: Record<string, Av>): string => `${str(k.pk)}|${str(k.sk)}`;

/**
 * Records, via SDK middleware on the client (a document client built on it shares its stack),
 * every read the client sends: GetItem and BatchGetItem by key, Query by partition. Writes
 * are not recorded. `take()` returns what was read since the last `take()`.
 */
export const recordKeyReads = (client: DynamoDBClient): { take(): KeyRead[] } => {
  const known = recorders.get(client);
  if (known) return known;
  let reads: KeyRead[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? '').replace(/Command$/, '');
      // biome-ignore lint/suspicious/noExplicitAny: the SDK's inputs and outputs, read by shape
      const input = args.input as any;
      const out = await next(args);
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const output = out.output as any;
      if (op === 'GetItem') reads.push({ op, keys: [keyOf(input.Key)], items: output.Item ? 1 : 0 });
      else if (op === 'BatchGetItem') {
        const keys = Object.values(input.RequestItems ?? {}).flatMap((r) => ((r as { Keys: Record<string, Av>[] }).Keys ?? []).map(keyOf));
        const items = Object.values(output.Responses ?? {}).reduce((n: number, r) => n + (r as unknown[]).length, 0);
        reads.push({ op, keys, items });
      } else if (op === 'Query') {
        const values = (input.ExpressionAttributeValues ?? {}) as Record<string, Av>;
        const partition = str(values[':p']) || (Object.values(values).map(str)[0] ?? '');
        reads.push({ op, keys: [`${partition}|*`], items: Number(output.Count ?? 0) });
      }
      return out;
    },
    // After the document client has marshalled its input, before the request is signed.
    { step: 'build', name: 'taskforceKeyReads' },
  );
  const recorder = {
    take(): KeyRead[] {
      const taken = reads;
      reads = [];
      return taken;
    },
  };
  recorders.set(client, recorder);
  return recorder;
};
const recorders = new WeakMap<DynamoDBClient, { take(): KeyRead[] }>();
