import { DynamoDBClient, GetItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { countRequests } from '@taskforce/dynamo';
import { describe, expect, it } from 'vitest';
import { pct, runCell, tally } from './harness';

describe('bench helpers', () => {
  it('takes nearest-rank percentiles, and 0 of nothing', () => {
    const xs = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(pct(xs, 50)).toBe(5);
    expect(pct(xs, 99)).toBe(10);
    expect(pct(xs, 0)).toBe(1);
    expect(pct([42], 99)).toBe(42);
    expect(pct([], 50)).toBe(0);
  });

  it('tallies 409s apart from errors, and counts a request with no answer as failed', () => {
    expect(tally([200, 201, 204, 409, 500, 503, 'error', 404])).toEqual({ ok: 3, conflict: 1, failed: 3, other: 1, unavailable: 1 });
  });

  it('runs every client in a closed loop for the time given and waits for what is in flight', async () => {
    const seen = new Map<number, number[]>();
    const r = await runCell(3, 40, async (c, i) => {
      seen.set(c, [...(seen.get(c) ?? []), i]);
      await new Promise((res) => setTimeout(res, 5));
      if (c === 2) throw new Error('no answer');
      return c === 1 && i % 2 ? 409 : 200;
    });
    expect([...seen.keys()].sort()).toEqual([0, 1, 2]);
    // Each client numbers its own operations from 0, one after another.
    for (const is of seen.values()) expect(is).toEqual(is.map((_, k) => k));
    const total = [...seen.values()].reduce((n, is) => n + is.length, 0);
    expect(r.latencies).toHaveLength(total);
    expect(r.ok + r.conflict + r.failed + r.other).toBe(total);
    expect(r.failed).toBe(seen.get(2)!.length);
    expect(r.conflict).toBe(Math.floor(seen.get(1)!.length / 2));
    expect(r.rate).toBeCloseTo(r.ok / r.seconds);
  });

  it('counts the DynamoDB requests a client sends, by operation, through SDK middleware', async () => {
    const client = new DynamoDBClient({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    // Answers every request before it leaves the process.
    client.middlewareStack.add(() => async () => ({ output: { $metadata: {} }, response: {} }) as never, {
      step: 'build',
      name: 'noNetwork',
    });
    const counter = countRequests(client);
    await client.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' } } }));
    await client.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'b' } } }));
    await client.send(new TransactWriteItemsCommand({ TransactItems: [] }));
    expect(counter.snapshot()).toEqual({ GetItem: 2, TransactWriteItems: 1 });
    expect(counter.total()).toBe(3);
    counter.reset();
    expect(counter.total()).toBe(0);
  });
});
