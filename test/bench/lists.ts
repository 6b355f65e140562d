/**
 * What "what is overdue" costs at 10,000 tasks in one workspace, 50 of them overdue and scattered:
 * DynamoDB requests, items read (ScannedCount) and read capacity consumed, for the first page and
 * for walking every overdue task, before (the workspace's partition queried with `Limit`, the
 * overdue test a FilterExpression after it, as the adapter used to) and after (the index
 * partitions of the live states, read through the core list function), in the same run.
 * The tasks are written straight into the table: seeding 10,000 through the API would take long.
 */
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { isTerminalTask, listTasks, type Principal, type Task, type TaskStatus, taskTransitions } from '@taskforce/core';
import {
  countRequests,
  createDynamoClient,
  DynamoStore,
  documentClient,
  TASKS_PREFIX,
  toItem,
  workspacePartition,
} from '@taskforce/dynamo';
import { startRuntime } from '@taskforce/local';

const TASKS = Number(process.env.BENCH_LIST_TASKS ?? 10_000);
const OVERDUE = 50;
const PAGE = 25;
const TABLE = 'bench-lists';
const quiet = { info() {}, warn() {}, error() {} };

/** A repeatable scatter (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
};

interface Cost {
  pages: number;
  requests: number;
  items: number;
  capacity: number;
  found: number;
}

export const listsBench = async (): Promise<void> => {
  const rt = await startRuntime({ inMemory: true, sweepEveryMs: false, workers: false, logger: quiet, tableName: TABLE });
  try {
    const admin = await rt.token({ orgId: 'platform', roles: ['admin'] });
    const lead = await rt.token({ orgId: 'vnm-a05', roles: ['officer'] });
    const call = async (path: string, token: string, body: unknown) => {
      const res = await fetch(rt.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status >= 400) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    };
    await call('/v1/organisations', admin, { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' });
    const ws = (await call('/v1/workspaces', lead, { title: 'Lists', legalBasis: { code: 'UNCC', text: 'bench' } })).id;

    // 10,000 tasks: 50 live and past due, scattered; the rest due later, or finished (some long past due).
    const now = Date.now();
    const rnd = random(15);
    const overdue = new Set<number>();
    while (overdue.size < Math.min(OVERDUE, TASKS)) overdue.add(Math.floor(rnd() * TASKS));
    // States from the task machine: the live ones it can leave, a finished one it cannot.
    const states = Object.keys(taskTransitions) as TaskStatus[];
    const live = states.filter((s) => !isTerminalTask(s));
    const done = states.find(isTerminalTask)!;
    const at = new Date(now - 30 * 86_400_000).toISOString();
    const tasks: Task[] = Array.from({ length: TASKS }, (_, i) => {
      const late = overdue.has(i);
      const finished = !late && i % 5 === 0;
      return {
        workspaceId: ws,
        id: `t${String(i).padStart(6, '0')}-bench`,
        title: `Task ${i}`,
        description: 'Trace the wallet and report the exchange that received the funds.',
        assigneeOrgId: 'vnm-a05',
        dueAt: new Date(now + (late || finished ? -1 : 1) * (3_600_000 + Math.floor(rnd() * 20 * 86_400_000))).toISOString(),
        priority: 'normal',
        status: finished ? done : live[i % live.length]!,
        reminders: [],
        marking: { originator: { orgId: 'vnm-a05', country: 'VNM' }, tlp: 'GREEN', releasableTo: 'members', caveats: [] },
        createdBy: { sub: 'bench', orgId: 'vnm-a05' },
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
    });
    const client = createDynamoClient({ endpoint: rt.endpoints.dynamo });
    // Every request asks DynamoDB what it consumed, so the counter can add it up.
    client.middlewareStack.add(
      (next) => async (args) => {
        (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
        return next(args);
      },
      { step: 'initialize', name: 'benchConsumedCapacity' },
    );
    const counter = countRequests(client);
    const doc = documentClient(client);
    const seeded = performance.now();
    const batches: Task[][] = [];
    for (let i = 0; i < tasks.length; i += 25) batches.push(tasks.slice(i, i + 25));
    const write = async (batch: Task[]) => {
      let items: Record<string, unknown>[] = batch.map((value) => ({ PutRequest: { Item: toItem({ kind: 'task', value }) } }));
      while (items.length) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items as never } }));
        items = (out.UnprocessedItems?.[TABLE] ?? []) as Record<string, unknown>[];
      }
    };
    for (let i = 0; i < batches.length; i += 8) await Promise.all(batches.slice(i, i + 8).map(write));
    const seedMs = performance.now() - seeded;
    const overdueAt = new Date().toISOString();
    const expected = tasks.filter((t) => !isTerminalTask(t.status) && t.dueAt < overdueAt).length;

    const measure = async (page: (cursor: string | undefined) => Promise<{ found: number; next?: string }>) => {
      const first: Cost = { pages: 1, requests: 0, items: 0, capacity: 0, found: 0 };
      const firstHit: Cost = { pages: 0, requests: 0, items: 0, capacity: 0, found: 0 };
      const all: Cost = { pages: 0, requests: 0, items: 0, capacity: 0, found: 0 };
      let cursor: string | undefined;
      do {
        counter.reset();
        const out = await page(cursor);
        const queries = counter.snapshot().Query ?? 0;
        all.pages++;
        all.requests += queries;
        all.items += counter.scanned;
        all.capacity += counter.capacity;
        all.found += out.found;
        if (all.pages === 1)
          Object.assign(first, { requests: queries, items: counter.scanned, capacity: counter.capacity, found: out.found });
        if (firstHit.found === 0) Object.assign(firstHit, { ...all });
        cursor = out.next;
      } while (cursor);
      return { first, firstHit, all };
    };

    // Before: the adapter's old query, a FilterExpression after Limit on the workspace's partition.
    const ended = states.filter(isTerminalTask);
    const before = await measure(async (cursor) => {
      const out = await doc.send(
        new QueryCommand({
          TableName: TABLE,
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
          FilterExpression: `#d.dueAt < :now AND NOT (#d.#s IN (${ended.map((_, i) => `:end${i}`).join(', ')}))`,
          ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
          ExpressionAttributeValues: {
            ':p': workspacePartition(ws),
            ':s': TASKS_PREFIX,
            ':now': overdueAt,
            ...Object.fromEntries(ended.map((s, i) => [`:end${i}`, s])),
          },
          Limit: PAGE,
          ...(cursor ? { ExclusiveStartKey: JSON.parse(cursor) } : {}),
        }),
      );
      return { found: out.Items?.length ?? 0, ...(out.LastEvaluatedKey ? { next: JSON.stringify(out.LastEvaluatedKey) } : {}) };
    });

    // After: the core list function over the adapter, as the API calls it.
    const deps = { ...rt.deps, store: new DynamoStore(doc, TABLE) };
    const principal: Principal = { sub: 'bench', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] };
    const after = await measure(async (cursor) => {
      const page = await listTasks(deps, principal, ws, { limit: PAGE, overdueAt, ...(cursor ? { cursor } : {}) });
      return { found: page.items.length, ...(page.next ? { next: page.next } : {}) };
    });

    const row = (label: string, c: Cost) =>
      `${label.padEnd(40)} ${String(c.pages).padStart(6)} ${String(c.requests).padStart(9)} ${String(c.items).padStart(11)} ${c.capacity.toFixed(1).padStart(9)} ${String(c.found).padStart(7)}`;
    const out = process.stdout;
    out.write(
      `\nOverdue list at ${TASKS} tasks in one workspace, ${expected} overdue scattered, page size ${PAGE} (seeded in ${(seedMs / 1000).toFixed(1)} s by BatchWriteItem)\n\n`,
    );
    out.write(
      `${''.padEnd(40)} ${'pages'.padStart(6)} ${'requests'.padStart(9)} ${'items read'.padStart(11)} ${'RCU'.padStart(9)} ${'tasks'.padStart(7)}\n`,
    );
    for (const [name, m] of [
      ['before (FilterExpression after Limit)', before],
      ['after (index partitions, core listTasks)', after],
    ] as const) {
      out.write(`${name}\n`);
      out.write(`${row('  first page', m.first)}\n`);
      out.write(`${row('  up to the first page with a task', m.firstHit)}\n`);
      out.write(`${row('  every overdue task', m.all)}\n`);
    }
    out.write(
      `Requests count Query only (the core list also reads the workspace, policies and chain head: one BatchGetItem a page). RCU: DynamoDB Local's ConsumedCapacity (eventually consistent reads).\n`,
    );
    if (after.all.found !== expected || before.all.found !== expected) {
      out.write(`FAIL: expected ${expected} overdue tasks, before found ${before.all.found}, after ${after.all.found}\n`);
      process.exitCode = 1;
    }
  } finally {
    await rt.stop();
  }
};
