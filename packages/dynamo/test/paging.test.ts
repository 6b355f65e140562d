/**
 * Every list in the adapter is one Query through queryPage: what it asks DynamoDB for, and how
 * its cursor comes back. The document client is mocked, so no engine is needed.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, isTerminalTask, type TaskStatus, taskTransitions } from '@taskforce/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '../src';
import { type IndexRange, queryPage, rangesPage } from '../src/paging';

const tableName = 'tasks-table';
const doc = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
);
const mock = mockClient(doc);
const t = { doc, tableName };
const lastQuery = () => mock.commandCalls(QueryCommand).at(-1)!.args[0].input;

beforeEach(() => {
  mock.reset();
  mock.on(QueryCommand).resolves({ Items: [{ data: { id: 'a' } }] });
});

describe('queryPage', () => {
  it('reads one partition of the table, by sort-key prefix, as records', async () => {
    const page = await queryPage(t, { partition: 'P', sort: { beginsWith: 'X#' } }, { limit: 5 });
    expect(page).toEqual({ items: [{ id: 'a' }] });
    expect(lastQuery()).toEqual({
      TableName: tableName,
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': 'P', ':s': 'X#' },
      Limit: 5,
    });
  });

  it("reads an index's partition newest first, and an exact or bounded sort key", async () => {
    await queryPage(t, { index: 'inbox', partition: 'I', newestFirst: true }, { limit: 2 });
    expect(lastQuery()).toMatchObject({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ScanIndexForward: false });
    await queryPage(t, { index: 'inbox', partition: 'I', sort: { equals: 'R#1' } }, { limit: 1 });
    expect(lastQuery()).toMatchObject({
      KeyConditionExpression: 'gsi2pk = :p AND gsi2sk = :s',
      ExpressionAttributeValues: { ':s': 'R#1' },
    });
    await queryPage(t, { index: 'due', partition: 'D', sort: { atMost: 'z' } }, { limit: 1 });
    expect(lastQuery()).toMatchObject({ IndexName: 'due', KeyConditionExpression: 'duePk = :p AND dueSk <= :s' });
  });

  it('hands back a cursor that continues the same partition, and refuses one from another partition', async () => {
    mock.on(QueryCommand).resolves({ Items: [], LastEvaluatedKey: { pk: 'P', sk: 'X#1' } });
    const first = await queryPage(t, { partition: 'P' }, { limit: 1 });
    expect(first.next).toEqual(expect.any(String));

    await queryPage(t, { partition: 'P' }, { limit: 1, cursor: first.next! });
    expect(lastQuery().ExclusiveStartKey).toEqual({ pk: 'P', sk: 'X#1' });

    const calls = mock.commandCalls(QueryCommand).length;
    await expect(queryPage(t, { partition: 'Q' }, { limit: 1, cursor: first.next! })).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.field === 'cursor',
    );
    expect(mock.commandCalls(QueryCommand)).toHaveLength(calls);
  });
});

describe('rangesPage', () => {
  /** Items of the due index: partition `p`, sort key `k`, table key derived as `startKey` below. */
  const item = (p: string, k: string) => ({ pk: 'T', sk: `X#${k}`, duePk: p, dueSk: k, data: { id: k } });
  const range = (partition: string, sort?: IndexRange['sort']): IndexRange => ({
    index: 'due',
    partition,
    ...(sort ? { sort } : {}),
    startKey: (k) => ({ pk: 'T', sk: `X#${k}` }),
  });
  /** A partition-by-partition fake of Query on the due index: sorted, after the start key, up to Limit. */
  const serve = (data: Record<string, string[]>, maxItems = Number.POSITIVE_INFINITY) =>
    mock.on(QueryCommand).callsFake((input) => {
      const all = (data[input.ExpressionAttributeValues[':p']] ?? []).filter(
        (k) => !input.ExclusiveStartKey || k > input.ExclusiveStartKey.dueSk,
      );
      const take = Math.min(input.Limit, maxItems);
      const items = all.slice(0, take).map((k) => item(input.ExpressionAttributeValues[':p'], k));
      const last = items.at(-1);
      return {
        Items: items,
        ...(all.length >= take && last ? { LastEvaluatedKey: { pk: last.pk, sk: last.sk, duePk: last.duePk, dueSk: last.dueSk } } : {}),
      };
    });
  const walkAll = async (ranges: IndexRange[], limit: number) => {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await rangesPage<{ id: string }>(t, ranges, { limit, ...(cursor ? { cursor } : {}) });
      pages.push(page.items.map((x) => x.id));
      if (page.next) expect(page.items.length).toBeGreaterThan(0);
      cursor = page.next;
    } while (cursor);
    return pages;
  };

  it('merges several ranges by sort key, one Query per unfinished range reading limit + 1, no filter', async () => {
    serve({ A: ['1', '4', '5'], B: ['2', '3', '6', '7'], C: [] });
    const ranges = [range('A'), range('B'), range('C')];
    const first = await rangesPage<{ id: string }>(t, ranges, { limit: 3 });
    expect(first.items.map((x) => x.id)).toEqual(['1', '2', '3']);
    const calls = mock.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(3);
    for (const q of calls) {
      expect(q).toMatchObject({ IndexName: 'due', KeyConditionExpression: 'duePk = :p', Limit: 4 });
      expect(q.FilterExpression).toBeUndefined();
    }
    mock.resetHistory();
    const second = await rangesPage<{ id: string }>(t, ranges, { limit: 3, cursor: first.next! });
    expect(second.items.map((x) => x.id)).toEqual(['4', '5', '6']);
    // The finished range is not read again; the others start after the last item taken from each.
    const starts = mock.commandCalls(QueryCommand).map((c) => c.args[0].input.ExclusiveStartKey);
    expect(starts).toEqual([
      { pk: 'T', sk: 'X#1', duePk: 'A', dueSk: '1' },
      { pk: 'T', sk: 'X#3', duePk: 'B', dueSk: '3' },
    ]);
    expect(await walkAll(ranges, 3)).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7']]);
  });

  it('gives a next only when an item is left: no empty page after a full last one, none with a next', async () => {
    serve({ A: ['1', '2'], B: ['3', '4'] });
    expect(await walkAll([range('A'), range('B')], 2)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(await walkAll([range('A'), range('B')], 4)).toEqual([['1', '2', '3', '4']]);
    serve({});
    expect(await rangesPage(t, [range('A')], { limit: 5 })).toEqual({ items: [] });
  });

  it('bounds sort keys by prefix or from above', async () => {
    serve({ A: ['1'] });
    await rangesPage(t, [range('A', { before: '2026-01-01' }), range('B', { beginsWith: 'x' })], { limit: 1 });
    const [a, b] = mock.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(a).toMatchObject({
      KeyConditionExpression: 'duePk = :p AND dueSk < :s',
      ExpressionAttributeValues: { ':p': 'A', ':s': '2026-01-01' },
    });
    expect(b).toMatchObject({ KeyConditionExpression: 'duePk = :p AND begins_with(dueSk, :s)', ExpressionAttributeValues: { ':s': 'x' } });
  });

  it('returns nothing past the end of a range DynamoDB cut short (1 MB), and loses nothing', async () => {
    // Every Query stops after two items, as if each were half a megabyte.
    serve({ A: ['1', '2', '3', '4', '5'], B: ['2a', '6'] }, 2);
    expect((await walkAll([range('A'), range('B')], 4)).flat()).toEqual(['1', '2', '2a', '3', '4', '5', '6']);
  });

  it("refuses another list's cursor, or one whose position lies outside the range", async () => {
    serve({ A: ['1', '2'], B: ['1', '2'] });
    const page = await rangesPage(t, [range('A')], { limit: 1 });
    expect(page.next).toBeDefined();
    const refused = (e: unknown) => e instanceof DomainError && e.field === 'cursor';
    await expect(rangesPage(t, [range('B')], { limit: 1, cursor: page.next! })).rejects.toSatisfy(refused);
    await expect(rangesPage(t, [range('A'), range('B')], { limit: 1, cursor: page.next! })).rejects.toSatisfy(refused);
    await expect(rangesPage(t, [range('A', { beginsWith: '2' })], { limit: 1, cursor: page.next! })).rejects.toSatisfy(refused);
    await expect(rangesPage(t, [range('A')], { limit: 1, cursor: 'garbage' })).rejects.toSatisfy(refused);
  });
});

describe('listTasks', () => {
  const store = new DynamoStore(doc, tableName);
  const partitions = () => mock.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues?.[':p']);
  const live = (Object.keys(taskTransitions) as TaskStatus[]).filter((s) => !isTerminalTask(s));

  it("reads overdue tasks from the live states' partitions of the due index, due before now, with no filter", async () => {
    mock.on(QueryCommand).resolves({ Items: [] });
    await store.listTasks('w1', { limit: 10, overdueAt: '2026-01-01T00:00:00.000Z' });
    expect(live.length).toBeGreaterThan(0);
    expect(partitions().sort()).toEqual(live.map((s) => `TASKS#w1#${s}`).sort());
    for (const { args } of mock.commandCalls(QueryCommand)) {
      expect(args[0].input).toMatchObject({ IndexName: 'due', KeyConditionExpression: 'duePk = :p AND dueSk < :s', Limit: 11 });
      expect(args[0].input.ExpressionAttributeValues?.[':s']).toBe('2026-01-01T00:00:00.000Z');
      expect(args[0].input.FilterExpression).toBeUndefined();
    }
  });

  it('reads one state, or one assignee (in the inbox index), or both, and nothing for a finished state that is overdue', async () => {
    mock.on(QueryCommand).resolves({ Items: [] });
    await store.listTasks('w1', { limit: 10, status: 'done' });
    expect(partitions()).toEqual(['TASKS#w1#done']);
    mock.resetHistory();
    await store.listTasks('w1', { limit: 10, assigneeOrgId: 'o2', status: 'open' });
    expect(partitions()).toEqual(['TASKS#w1#o2#open']);
    expect(lastQuery()).toMatchObject({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p' });
    mock.resetHistory();
    await store.listTasks('w1', { limit: 10, assigneeOrgId: 'o2', overdueAt: '2026-01-01T00:00:00.000Z' });
    expect(partitions().sort()).toEqual(live.map((s) => `TASKS#w1#o2#${s}`).sort());
    mock.resetHistory();
    expect(await store.listTasks('w1', { limit: 10, status: 'done', overdueAt: '2026-01-01T00:00:00.000Z' })).toEqual({ items: [] });
    expect(partitions()).toEqual([]);
  });
});
