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
import { queryPage } from '../src/paging';

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

describe('listTasks', () => {
  it("filters overdue tasks by the task machine's terminal states", async () => {
    await new DynamoStore(doc, tableName).listTasks('w1', { limit: 10, overdueAt: '2026-01-01T00:00:00.000Z' });
    const q = lastQuery();
    const terminal = (Object.keys(taskTransitions) as TaskStatus[]).filter(isTerminalTask);
    expect(terminal.length).toBeGreaterThan(0);
    const placeholders = /NOT \(#d\.#s IN \(([^)]*)\)\)/.exec(q.FilterExpression ?? '')?.[1]?.split(', ') ?? [];
    const excluded = placeholders.map((p) => q.ExpressionAttributeValues?.[p]);
    expect(excluded.sort()).toEqual([...terminal].sort());
  });
});
