/**
 * BatchGetItem takes at most 100 keys and may hand some back unprocessed. Both stores read
 * many records at once (a command's load, fan-out's context), so both must split and retry.
 * The document client is mocked: no engine needed, and every call is counted.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent, RecordRef } from '@taskforce/core';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DynamoAlertStore, DynamoStore } from '../src';
import { getItems } from '../src/batch-get';

const TABLE_NAME = 'tasks-table';
const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
);
const mock = mockClient(doc);

type Key = { pk: string; sk: string };
const keysOf = (input: unknown): Key[] => (input as { RequestItems: Record<string, { Keys: Key[] }> }).RequestItems[TABLE_NAME]!.Keys;
const consistentOf = (input: unknown): boolean | undefined =>
  (input as { RequestItems: Record<string, { ConsistentRead?: boolean }> }).RequestItems[TABLE_NAME]!.ConsistentRead;

/** Answers every BatchGet with an item per key, holding back the first `holdBack` keys of the first call as unprocessed. */
const answerBatches = (opts: { holdBack?: number; data?: (k: Key) => Record<string, unknown> } = {}) => {
  let first = true;
  mock.on(BatchGetCommand).callsFake((input) => {
    const keys = keysOf(input);
    const held = first ? keys.slice(0, opts.holdBack ?? 0) : [];
    first = false;
    const served = keys.slice(held.length);
    return {
      Responses: { [TABLE_NAME]: served.map((k) => ({ ...k, ...(opts.data?.(k) ?? {}) })) },
      ...(held.length ? { UnprocessedKeys: { [TABLE_NAME]: { Keys: held } } } : {}),
    };
  });
};

const batchCalls = () => mock.commandCalls(BatchGetCommand).map((c) => c.args[0].input);

beforeEach(() => {
  mock.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('getItems', () => {
  it('names each key once, however often it is asked for', async () => {
    answerBatches();
    const keys = [1, 2, 1, 3, 2].map((i) => ({ pk: 'P', sk: `S${i}` }));
    const items = await getItems({ doc, tableName: TABLE_NAME }, keys);
    expect(batchCalls().map((c) => keysOf(c).map((k) => k.sk))).toEqual([['S1', 'S2', 'S3']]);
    expect(items).toHaveLength(3);
  });

  it('gives up with an error, instead of spinning, when keys stay unprocessed', async () => {
    vi.useFakeTimers();
    mock
      .on(BatchGetCommand)
      .callsFake((input) => ({ Responses: { [TABLE_NAME]: [] }, UnprocessedKeys: { [TABLE_NAME]: { Keys: keysOf(input) } } }));
    const read = getItems({ doc, tableName: TABLE_NAME }, [
      { pk: 'P', sk: 'a' },
      { pk: 'P', sk: 'b' },
    ]);
    const failed = expect(read).rejects.toThrow(/unprocessed/);
    await vi.runAllTimersAsync();
    await failed;
    expect(batchCalls().length).toBeGreaterThan(1);
  });
});

describe('DynamoStore.load', () => {
  const refs = (n: number): RecordRef[] => Array.from({ length: n }, (_, i) => ({ kind: 'task', workspaceId: 'ws-1', id: `t-${i}` }));

  it('splits a load of 250 records into BatchGetItem calls of at most 100 keys, each strongly consistent', async () => {
    answerBatches({ data: (k) => ({ kind: 'task', data: { workspaceId: 'ws-1', id: k.sk.split('#')[1] } }) });
    const loaded = await new DynamoStore(doc, TABLE_NAME).load({ refs: refs(250) });

    const calls = batchCalls();
    expect(calls.map((c) => keysOf(c).length)).toEqual([100, 100, 50]);
    expect(calls.every((c) => consistentOf(c) === true)).toBe(true);
    const asked = calls.flatMap(keysOf).map((k) => `${k.pk} ${k.sk}`);
    expect(new Set(asked).size).toBe(250);
    expect(loaded.records.size).toBe(250);
  });

  it('asks again for the keys BatchGetItem left unprocessed', async () => {
    answerBatches({ holdBack: 7, data: (k) => ({ kind: 'task', data: { workspaceId: 'ws-1', id: k.sk.split('#')[1] } }) });
    const loaded = await new DynamoStore(doc, TABLE_NAME).load({ refs: refs(40) });

    const calls = batchCalls();
    expect(calls.map((c) => keysOf(c).length)).toEqual([40, 7]);
    expect(loaded.records.size).toBe(40);
  });

  it('reads one key with one strongly consistent GetItem', async () => {
    mock.on(GetCommand).resolves({});
    await new DynamoStore(doc, TABLE_NAME).load({ refs: refs(1) });
    expect(mock.commandCalls(BatchGetCommand)).toHaveLength(0);
    expect(mock.commandCalls(GetCommand).map((c) => c.args[0].input.ConsistentRead)).toEqual([true]);
  });
});

describe('DynamoAlertStore.fanoutContext', () => {
  const event = (i: number): DomainEvent =>
    ({
      id: `e-${i}`,
      chainId: 'ws-1',
      workspaceId: 'ws-1',
      type: 'task.created',
      at: '2026-01-01T00:00:00.000Z',
      subject: { type: 'task', id: `t-${i}` },
      audience: [`org-${i}`],
      marking: { originator: { orgId: `org-${i}`, country: ['VNM', 'GBR', 'FRA'][i % 3] }, tlp: 'GREEN', caveats: [] },
    }) as unknown as DomainEvent;

  it('reads the context of 60 events (over 100 keys) in calls of at most 100 keys, retrying unprocessed ones', async () => {
    answerBatches({ holdBack: 3 });
    await new DynamoAlertStore(doc, TABLE_NAME).fanoutContext(Array.from({ length: 60 }, (_, i) => event(i)));

    const calls = batchCalls();
    const sizes = calls.map((c) => keysOf(c).length);
    expect(sizes.every((n) => n <= 100)).toBe(true);
    // 60 events + 1 workspace + 60 organisations + 60 channels + the policies of the events'
    // 3 originating countries, plus the 3 held back
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(184 + 3);
    expect(calls.every((c) => consistentOf(c) === true)).toBe(true);
  });
});
