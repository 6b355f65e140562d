/**
 * The crash suite: the real local runtime (the CLI, DynamoDB Local on a temp data folder) runs a
 * steady workload through the HTTP API while a partner's webhook receiver is down; the runtime is
 * SIGKILLed mid-workload and started again on the same folder, the receiver comes up, and every
 * acknowledged write, every committed event's notifications, every webhook post and every due
 * timer is accounted for. Then only the Java engine is SIGKILLed, and the supervised runtime must
 * come back with nothing lost, answering 503 (never 500) while the engine restarts.
 * Bounded waits only; every process started here is killed.
 *
 * The suite is silent. With CRASH_REPORT=1 (or CRASH_REPORT=<file>) it writes its figures, per
 * kill, as JSON to <tmpdir>/taskforce-crash-report.json (or that file).
 */
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  type DomainEvent,
  type InboxNotification,
  notificationId,
  type Page,
  parseNotificationId,
  systemClock,
  type Task,
} from '@taskforce/core';
import { createDynamoClient, DynamoAlertStore, DynamoStore, documentClient } from '@taskforce/dynamo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_PID_FILE, isAlive } from '../../packages/local/src/guard';
import { repoRoot } from '../../packages/local/src/paths';
import { type Cli, spawnCli as spawnRuntimeCli } from '../support/cli';
import { addToCrashReport } from '../support/crash-report';
import { startReceiver } from '../support/webhook-receiver';

const root = repoRoot();
const started: ChildProcess[] = [];
const enginePids = new Set<number>();
let home = '';

/** Every interval that would make the suite wait for minutes, shortened: sweep, webhook retry and re-drive, relay redelivery. */
const FAST = [
  ['--sweep-seconds', '1'],
  ['--webhook-retry-seconds', '1'],
  ['--webhook-grace-seconds', '1'],
  ['--webhook-timeout-seconds', '2'],
  ['--redeliver-seconds', '3'],
].flat();
const spawnCli = (args: string[]): Promise<Cli> => spawnRuntimeCli(home, [...FAST, ...args], started);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const until = async <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 90_000): Promise<T> => {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ''}`);
};

const ready = async (cli: Cli): Promise<Cli> => {
  await until('the runtime to start', () => {
    if (cli.child.exitCode !== null) throw new Error(`runtime exited ${cli.child.exitCode}: ${cli.err()}`);
    return cli.out().includes('Taskforce local runtime') || undefined;
  });
  return cli;
};

const readEnginePid = (): number | undefined => {
  try {
    const pid = Number(readFileSync(join(home, 'data', ENGINE_PID_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};
const enginePid = (): number => {
  const pid = readEnginePid();
  if (pid === undefined) throw new Error('no engine PID file');
  enginePids.add(pid);
  return pid;
};

const LEAD = 'vnm-a05';
const ASSIGNEE = 'usa-fbi';
const TITLE = 'Crash workload task';

interface Api {
  base: string;
  tokens: Record<string, string>;
}
const tokenFor = async (base: string, orgId: string) =>
  (
    (await (
      await fetch(`${base}/v1/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orgId, roles: ['officer'] }),
      })
    ).json()) as { token: string }
  ).token;
const connect = async (base: string): Promise<Api> => ({
  base,
  tokens: { [LEAD]: await tokenFor(base, LEAD), [ASSIGNEE]: await tokenFor(base, ASSIGNEE) },
});
const call = (api: Api, orgId: string, path: string, init: RequestInit = {}) =>
  fetch(`${api.base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${api.tokens[orgId]}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });

/** Tasks due a few seconds out: their overdue timers come due during the workload, while the runtime is down, or after. */
const taskBody = (i: number, dueInMs: number) =>
  JSON.stringify({ title: `${TITLE} ${i}`, assigneeOrgId: ASSIGNEE, dueAt: new Date(Date.now() + dueInMs).toISOString(), reminders: [] });

/**
 * A create whose due time had passed by the time the server decided (a request held up for
 * seconds on a loaded machine, or while the engine restarted) is refused as it should be; it
 * changed nothing.
 */
const dueTimePassed = async (res: Response): Promise<boolean> =>
  res.status === 400 && ((await res.clone().json()) as { errors?: { field: string }[] }).errors?.[0]?.field === 'dueAt';

/** The figures of each kill, written out only when CRASH_REPORT asks for them. */
const report: Record<string, Record<string, number>> = {};

afterAll(async () => {
  // The engine of the runtime still running, whose PID no test may have read: it dies with the rest.
  if (home && readEnginePid() !== undefined) enginePid();
  for (const c of started.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
  }
  for (const pid of enginePids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  if (home) rmSync(home, { recursive: true, force: true });
  addToCrashReport(report);
});

/** What the table holds of the workload, read straight from the engine the runtime serves from. */
interface TableView {
  tasks: Task[];
  /** Every committed event about a workload task. */
  events: DomainEvent[];
  /** Every inbox notification (of the lead and the assignee) of those events. */
  inbox: InboxNotification[];
}

const allPages = async <T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> => {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.next;
  } while (cursor);
  return out;
};

const readTable = async (runtime: Cli, workspaceId: string): Promise<TableView> => {
  const endpoint = /DynamoDB Local\s+(\S+)/.exec(runtime.out())![1]!;
  const doc = documentClient(createDynamoClient({ endpoint }));
  const store = new DynamoStore(doc, 'taskforce');
  const alerts = new DynamoAlertStore(doc, 'taskforce');
  const q = (cursor: string | undefined) => ({ limit: 100, ...(cursor ? { cursor } : {}) });
  const tasks = (await allPages((c) => store.listTasks(workspaceId, q(c)))).filter((t) => t.title.startsWith(TITLE));
  const ids = new Set(tasks.map((t) => t.id));
  const events = (await allPages((c) => store.listEvents(workspaceId, q(c)))).filter(
    (e) => e.subject.type === 'task' && ids.has(e.subject.id),
  );
  const eventIds = new Set(events.map((e) => e.id));
  const inbox: InboxNotification[] = [];
  for (const orgId of [LEAD, ASSIGNEE])
    for (const n of await allPages((c) => alerts.listNotifications(orgId, q(c))))
      if (eventIds.has(parseNotificationId(n.id)?.eventId ?? '')) inbox.push(n);
  doc.destroy();
  return { tasks, events, inbox };
};

const count = <K>(keys: K[]) => {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/**
 * Accounts for the workload as the table holds it: each committed event's notifications (one per
 * audience member), the webhook posts to the receiver (one per notification to the assignee), and
 * the overdue timers of the tasks whose due time has passed (each fired once: one escalation, one
 * `task.overdue` event).
 */
const account = (view: TableView, deliveries: Map<string, number>, now: Date) => {
  const expected = new Set(view.events.flatMap((e) => [...new Set(e.audience)].map((org) => notificationId(e.id, org))));
  const inboxIds = new Set(view.inbox.map((n) => n.id));
  const hooks = [...expected].filter((id) => parseNotificationId(id)?.orgId === ASSIGNEE);
  const due = view.tasks.filter((t) => Date.parse(t.dueAt) <= now.getTime());
  const overdueEvents = count(view.events.filter((e) => e.type === 'task.overdue').map((e) => e.subject.id));
  const assignedEvents = count(view.events.filter((e) => e.type === 'task.assigned').map((e) => e.subject.id));
  // One notification per recipient for each (event type, task): a timer fired twice would show here.
  const perRecipient = count(view.inbox.map((n) => `${n.recipient}|${n.type}|${n.subject.id}`));
  return {
    expected,
    missing: [...expected].filter((id) => !inboxIds.has(id)),
    unexpected: [...inboxIds].filter((id) => !expected.has(id)),
    notificationRepeats: [...perRecipient.values()].filter((c) => c > 1).length,
    hooks,
    undelivered: hooks.filter((id) => !deliveries.get(id)),
    duplicatePosts: hooks.reduce((s, id) => s + Math.max(0, (deliveries.get(id) ?? 0) - 1), 0),
    due,
    fired: due.filter((t) => (overdueEvents.get(t.id) ?? 0) >= 1 && t.escalatedAt),
    firedTwice: [...overdueEvents.values()].filter((c) => c > 1).length,
    assignedTwice: [...assignedEvents.values()].filter((c) => c > 1).length,
    tasksWithoutAssigned: view.tasks.filter((t) => !assignedEvents.has(t.id)).length,
  };
};

/** Waits until every workload task is due and everything owed for it is there, then accounts for it. */
const settle = async (runtime: Cli, workspaceId: string, deliveries: Map<string, number>, dueBy: number) =>
  until(
    'every notification, webhook and due timer of the workload',
    async () => {
      const view = await readTable(runtime, workspaceId);
      const now = new Date();
      const a = account(view, deliveries, now);
      const done = now.getTime() > dueBy && a.missing.length === 0 && a.undelivered.length === 0 && a.fired.length === a.due.length;
      return done ? { view, a } : undefined;
    },
    120_000,
  );

/** The report's figures for what a settled workload committed and delivered: events, notifications, webhooks, timers. */
const settledFigures = (view: TableView, a: ReturnType<typeof account>) => ({
  'events committed': view.events.length,
  'notifications expected': a.expected.size,
  'notifications found': a.expected.size - a.missing.length,
  'notifications repeated': a.notificationRepeats,
  'webhooks expected': a.hooks.length,
  'webhooks delivered': a.hooks.length - a.undelivered.length,
  'webhook duplicate posts': a.duplicatePosts,
  'timers due': a.due.length,
  'timers fired': a.fired.length,
  'timers fired twice': a.firedTwice,
});

describe('crash suite: nothing acknowledged is lost when the runtime or its engine dies', { timeout: 300_000 }, () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let runtime: Cli;
  let api: Api;
  let workspaceId = '';
  /** Idempotency key → task id, for every create answered 2xx, across both kills. */
  const acknowledged = new Map<string, string>();
  /** Every key sent, answered or not, with its body. */
  const sent = new Map<string, string>();

  /** Every acknowledged create is there, and replaying its key (same body) answers the same task. */
  const checkAcknowledged = async (keys: Iterable<string>) => {
    let found = 0;
    let replayed = 0;
    const missing: string[] = [];
    for (const key of keys) {
      const id = acknowledged.get(key)!;
      const res = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks/${id}`);
      if (res.status === 200) found++;
      else {
        // What the table holds of it: the task, its events, its idempotency record (diagnosis only).
        const endpoint = /DynamoDB Local\s+(\S+)/.exec(runtime.out())![1]!;
        const doc = documentClient(createDynamoClient({ endpoint }));
        const held: string[] = [];
        let start: Record<string, unknown> | undefined;
        do {
          const page = await doc.send(new ScanCommand({ TableName: 'taskforce', ExclusiveStartKey: start }));
          for (const item of page.Items ?? []) {
            const text = JSON.stringify(item);
            if (text.includes(id) || text.includes(key)) held.push(text.slice(0, 400));
          }
          start = page.LastEvaluatedKey;
        } while (start);
        missing.push(`${key} (task ${id}): ${res.status} ${await res.text()}; table holds ${held.length}: ${held.join(' | ')}`);
      }
      const replay = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks`, {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: sent.get(key)!,
      });
      if (replay.status >= 300)
        expect.fail(`replay of ${key} (task ${id}, read ${res.status}) answered ${replay.status}: ${await replay.text()}`);
      if (((await replay.json()) as { id: string }).id === id) replayed++;
    }
    return { found, replayed, missing };
  };

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'taskforce-crash-'));
    symlinkSync(join(root, '.taskforce', 'engines'), join(home, 'engines'));
    // The receiver is down (answers 503) until the runtime has been killed and restarted.
    receiver = await startReceiver({ secrets: [], clock: systemClock, failFor: Number.POSITIVE_INFINITY });
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it('SIGKILL of the runtime mid-workload, then a restart on the same folder: every acknowledged write, notification, webhook and due timer is there, once', async () => {
    runtime = await ready(await spawnCli(['--demo']));
    workspaceId = /demo workspace\s+(\S+)/.exec(runtime.out())![1]!;
    api = await connect(runtime.base);
    const firstEngine = enginePid();

    // The partner's webhook points at the receiver, which is down.
    const set = await call(api, ASSIGNEE, '/v1/notifications/webhook', { method: 'PUT', body: JSON.stringify({ url: receiver.url }) });
    expect(set.status).toBe(200);
    receiver.state.secrets = [((await set.json()) as { secret: { value: string } }).secret.value];

    // A steady workload: four writers creating tasks with Idempotency-Keys.
    const run = `r${Date.now().toString(36)}`;
    const keys: string[] = [];
    let next = 0;
    let stop = false;
    let fiveHundreds = 0;
    const writer = async () => {
      while (!stop && next < 300) {
        const i = next++;
        const key = `${run}-task-${i}`;
        const body = taskBody(i, 4_000);
        sent.set(key, body);
        try {
          const res = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks`, {
            method: 'POST',
            headers: { 'idempotency-key': key },
            body,
          });
          if (res.status >= 200 && res.status < 300) {
            acknowledged.set(key, ((await res.json()) as { id: string }).id);
            keys.push(key);
          } else if (res.status >= 500 && res.status !== 503) fiveHundreds++;
          else if (res.status !== 503 && !(await dueTimePassed(res))) throw new Error(`create answered ${res.status}: ${await res.text()}`);
        } catch (err) {
          if (!stop) throw err;
        }
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    // Mid-workload, once some posts to the receiver have failed and some timers have come due:
    // SIGKILL, no chance to clean up.
    await until('acknowledged writes and failed webhook posts', () => acknowledged.size >= 60 && receiver.state.failed >= 3);
    runtime.child.kill('SIGKILL');
    stop = true;
    const killedAt = Date.now();
    await runtime.exited;
    await writers;
    const failedWhileDown = receiver.state.failed;
    expect(receiver.state.application).toHaveLength(0);

    // Restart on the same data folder (the orphaned engine is found and stopped), receiver up.
    runtime = await ready(await spawnCli([]));
    const restartedAt = Date.now();
    expect(isAlive(firstEngine)).toBe(false);
    enginePid();
    api = await connect(runtime.base);
    receiver.state.failFor = 0;

    const { found, replayed } = await checkAcknowledged(keys);
    expect(found).toBe(keys.length);
    expect(replayed).toBe(keys.length);

    const lastDue = Math.max(...[...sent.values()].map((b) => Date.parse((JSON.parse(b) as { dueAt: string }).dueAt)));
    const { view, a } = await settle(runtime, workspaceId, receiver.state.deliveries, lastDue);
    report['runtime SIGKILL'] = {
      'writes sent': sent.size,
      'writes acknowledged': keys.length,
      'writes found after restart': found,
      'replays answering the same id': replayed,
      'tasks committed (acknowledged or not)': view.tasks.length,
      ...settledFigures(view, a),
      'webhook posts failed while the receiver was down': failedWhileDown,
      'timers that came due while the runtime was down': view.tasks.filter((t) => {
        const due = Date.parse(t.dueAt);
        return due >= killedAt && due <= restartedAt;
      }).length,
      'responses 500': fiveHundreds,
    };

    // Every task committed (acknowledged or not) has its one assignment event.
    expect(a.tasksWithoutAssigned).toBe(0);
    expect(a.assignedTwice).toBe(0);
    // Every committed event's notifications, once per recipient.
    expect(a.missing).toEqual([]);
    expect(a.unexpected).toEqual([]);
    expect(a.notificationRepeats).toBe(0);
    // Every webhook to the receiver that was down, delivered once after it came up.
    expect(a.hooks.length).toBeGreaterThan(0);
    expect(a.undelivered).toEqual([]);
    expect(a.duplicatePosts).toBe(0);
    expect(receiver.state.duplicates).toBe(0);
    // Every due timer fired once.
    expect(a.due.length).toBe(view.tasks.length);
    expect(a.fired.length).toBe(a.due.length);
    expect(a.firedTwice).toBe(0);
    expect(fiveHundreds).toBe(0);
  });

  it('SIGKILL of the DynamoDB engine alone mid-workload: the runtime restarts it, answers 503 (never 500) meanwhile, and loses nothing', async () => {
    const killedEngine = enginePid();
    const run = `e${Date.now().toString(36)}`;
    // Fresh keys for new writes; a key is only ever sent again with its own body.
    const keys: string[] = [];
    const unanswered: string[] = [];
    let next = 0;
    let stop = false;
    let killed = false;
    let acksAfterKill = 0;
    const statuses = new Map<number, number>();
    let badUnavailable = 0;
    const otherAnswers: string[] = [];
    const writer = async () => {
      while (!stop && next < 2_000) {
        const i = next++;
        const key = `${run}-task-${i}`;
        // Due in an hour: a key answered 503 is sent again later with this very body.
        const body = taskBody(100_000 + i, 3_600_000);
        sent.set(key, body);
        const res = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks`, {
          method: 'POST',
          headers: { 'idempotency-key': key },
          body,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 200 && res.status < 300) {
          acknowledged.set(key, ((await res.json()) as { id: string }).id);
          keys.push(key);
          if (killed) acksAfterKill++;
        } else if (res.status === 503) {
          // A retryable problem, as documented: problem+json, Retry-After, busy or unavailable.
          const p = (await res.json()) as { type: string };
          if (
            res.headers.get('content-type') !== 'application/problem+json' ||
            !(Number(res.headers.get('retry-after')) > 0) ||
            !/\/problems\/(busy|unavailable)$/.test(p.type)
          )
            badUnavailable++;
          unanswered.push(key);
          await sleep(100);
        } else otherAnswers.push(`${key}: ${res.status} ${await res.text()}`);
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    await until('acknowledged writes before the engine kill', () => keys.length >= 20);
    process.kill(killedEngine, 'SIGKILL');
    killed = true;
    // The supervisor starts a new engine on the same port and folder; the workload goes on throughout.
    const restarted = await until('the engine to be restarted', () => {
      const pid = readEnginePid();
      return pid !== undefined && pid !== killedEngine && isAlive(pid) ? pid : undefined;
    });
    enginePids.add(restarted);
    await until('acknowledged writes after the engine came back', () => acksAfterKill >= 20);
    stop = true;
    await writers;
    expect(runtime.child.exitCode).toBeNull();

    const fiveHundreds = [...statuses].filter(([s]) => s >= 500 && s !== 503).reduce((n, [, c]) => n + c, 0);
    expect(otherAnswers).toEqual([]);
    expect(fiveHundreds).toBe(0);
    expect(badUnavailable).toBe(0);

    // Every acknowledged write is there and replays to the same task; a key answered 503 is
    // retried with its own body and answers 2xx (created now, or found if it had committed).
    const { found, replayed, missing } = await checkAcknowledged(keys);
    expect(missing).toEqual([]);
    expect(found).toBe(keys.length);
    expect(replayed).toBe(keys.length);
    let retried = 0;
    for (const key of unanswered) {
      const res = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks`, {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: sent.get(key)!,
      });
      expect(res.status).toBeLessThan(300);
      acknowledged.set(key, ((await res.json()) as { id: string }).id);
      retried++;
    }
    const again = await checkAcknowledged(unanswered);
    expect(again.found).toBe(unanswered.length);

    // Notifications, webhooks and timers of the whole workload (both kills) are still all there, once.
    // (The tasks of this workload are due in an hour: the timers accounted for are the first workload's.)
    const { view, a } = await settle(runtime, workspaceId, receiver.state.deliveries, 0);
    report['engine SIGKILL'] = {
      'writes sent': keys.length + unanswered.length,
      'writes acknowledged': keys.length,
      'writes found after restart': found,
      'replays answering the same id': replayed,
      'responses 503 during the restart': statuses.get(503) ?? 0,
      'keys answered 503 then retried to 2xx': retried,
      'responses 500': fiveHundreds,
      'tasks committed (both kills)': view.tasks.length,
      ...settledFigures(view, a),
    };
    expect(a.tasksWithoutAssigned).toBe(0);
    expect(a.assignedTwice).toBe(0);
    expect(a.missing).toEqual([]);
    expect(a.unexpected).toEqual([]);
    expect(a.notificationRepeats).toBe(0);
    // A post the receiver answered while the engine was down may be made again (its success could
    // not be recorded); the receiver deduplicates by notification id, so each reaches it once.
    expect(a.undelivered).toEqual([]);
    expect(receiver.state.application.length).toBe(new Set(receiver.state.application.map((x) => x.id)).size);
    expect(a.fired.length).toBe(a.due.length);
    expect(a.firedTwice).toBe(0);
  });

  it('SIGKILL of the runtime while an audit export job is queued or running: after a restart the job is re-driven and becomes ready', async () => {
    const { DUE_SHARDS } = await import('@taskforce/core');
    if (!runtime) {
      // Run on its own: a runtime of its own, on the demo data.
      runtime = await ready(await spawnCli(['--demo']));
      workspaceId = /demo workspace\s+(\S+)/.exec(runtime.out())![1]!;
      api = await connect(runtime.base);
    }
    const farFuture = new Date('2100-01-01T00:00:00Z');
    const tableOf = (rt: Cli) => {
      const doc = documentClient(createDynamoClient({ endpoint: /DynamoDB Local\s+(\S+)/.exec(rt.out())![1]! }));
      return { doc, store: new DynamoStore(doc, 'taskforce'), alerts: new DynamoAlertStore(doc, 'taskforce') };
    };
    const requested = await call(api, LEAD, `/v1/workspaces/${workspaceId}/audit/exports`, {
      method: 'POST',
      headers: { 'idempotency-key': `export-${Date.now().toString(36)}` },
    });
    expect(requested.status).toBe(202);
    const { id } = (await requested.json()) as { id: string };
    const jobRef = { kind: 'auditExport' as const, workspaceId, id };

    // Once the job's event has left the outbox, its message is on the exports queue (whose engine
    // runs inside the runtime) or with the worker: the kill loses it, and only the re-drive runs the job.
    const before = tableOf(runtime);
    const published = async () => {
      const outbox = await Promise.all(Array.from({ length: DUE_SHARDS }, (_, s) => before.alerts.unpublishedEvents(s, farFuture, 1_000)));
      return !outbox.flat().some((e) => e.subject.id === id);
    };
    const deadline = Date.now() + 90_000;
    while (!(await published()) && (await before.store.get(jobRef))?.status === 'queued' && Date.now() < deadline) await sleep(20);
    runtime.child.kill('SIGKILL');
    await runtime.exited;
    before.doc.destroy();

    runtime = await ready(await spawnCli([]));
    enginePid();
    api = await connect(runtime.base);
    const after = tableOf(runtime);
    const queuedAtRestart = (await after.store.get(jobRef))?.status === 'queued';
    const job = await until(
      'the export job to be ready after the restart',
      async () => {
        const res = await call(api, LEAD, `/v1/workspaces/${workspaceId}/audit/exports/${id}`);
        const body = (await res.json()) as { status: string; lines?: number; download?: { url: string } };
        if (body.status === 'failed') throw new Error(`export failed: ${JSON.stringify(body)}`);
        return body.status === 'ready' ? body : undefined;
      },
      60_000,
    );
    expect(job.lines).toBeGreaterThan(0);
    const file = await fetch(job.download!.url);
    expect(file.status).toBe(200);
    expect((await file.text()).trimEnd().split('\n')).toHaveLength(job.lines!);

    // The chain says what happened: the job was re-driven if it was still queued at the restart, and exported once.
    const entries = await until('the export entries to be sequenced', async () => {
      const all = await allPages((c) => after.store.listAudit(workspaceId, { limit: 1_000, ...(c ? { cursor: c } : {}) }));
      const mine = all.filter((e) => e.details?.exportId === id);
      return mine.some((e) => e.action === 'audit.exported') ? mine : undefined;
    });
    after.doc.destroy();
    const redriven = entries.filter((e) => e.action === 'audit.export_redriven').length;
    report['runtime SIGKILL with an export job'] = { 'job queued at the restart': queuedAtRestart ? 1 : 0, 're-drives': redriven };
    if (queuedAtRestart) expect(redriven).toBeGreaterThanOrEqual(1);
    expect(entries.filter((e) => e.action === 'audit.exported')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'audit.export_failed')).toHaveLength(0);
  });
});

/**
 * After a restart on the same folder, what the killed runtime held comes back at once: evidence
 * content, the notifications of events it had relayed but not fanned out (with the default
 * redeliver interval: the relays' first run resumes them), and a stop right after the Java engine
 * died is clean. These cases run on a data folder of their own, with the default intervals
 * (only the sweep is left at its default too); the promised bounds are measured from the
 * restarted runtime's readiness (its banner), or from the SIGTERM.
 */
describe('crash suite: after a restart, nothing waits for a deferral; a stop after an engine death is clean', { timeout: 300_000 }, () => {
  let own = '';
  let rt: Cli | undefined;
  let workspaceId = '';

  /** The runtime on this block's folder: the one still running, or a new one (the first with the demo seed). */
  const running = async (): Promise<Cli> => {
    if (rt && rt.child.exitCode === null && rt.child.signalCode === null) return rt;
    rt = await ready(await spawnRuntimeCli(own, workspaceId ? [] : ['--demo'], started));
    workspaceId ||= /demo workspace\s+(\S+)/.exec(rt.out())![1]!;
    return rt;
  };
  const restart = async (): Promise<{ cli: Cli; readyAt: number }> => {
    rt = await ready(await spawnRuntimeCli(own, [], started));
    return { cli: rt, readyAt: Date.now() };
  };
  const ownEnginePid = (): number => {
    const pid = Number(readFileSync(join(own, 'data', ENGINE_PID_FILE), 'utf8').trim());
    enginePids.add(pid);
    return pid;
  };
  const token = async (base: string, orgId: string, roles: string[]) =>
    (
      (await (
        await fetch(`${base}/v1/dev/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ orgId, roles }),
        })
      ).json()) as { token: string }
    ).token;
  /** Four writers creating tasks (due in an hour) until stopped; answers other than 2xx are ignored (the runtime is being killed). */
  const workload = async (cli: Cli) => {
    const api = await connect(cli.base);
    let stop = false;
    let next = 0;
    let acknowledged = 0;
    const writer = async () => {
      while (!stop) {
        const i = next++;
        try {
          const res = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks`, {
            method: 'POST',
            body: taskBody(200_000 + i, 3_600_000),
          });
          if (res.status >= 200 && res.status < 300) acknowledged++;
          await res.body?.cancel();
        } catch {
          await sleep(50);
        }
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    return {
      acknowledged: () => acknowledged,
      stop: async () => {
        stop = true;
        await writers;
      },
    };
  };
  /** The DynamoDB Local processes (Java, DynamoDBLocal.jar) keeping their data in this folder. */
  const enginesOn = (dataDir: string): number[] =>
    readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          const args = readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0');
          const db = args.indexOf('-dbPath');
          return args.some((a) => a.endsWith('DynamoDBLocal.jar')) && db >= 0 && args[db + 1] === dataDir;
        } catch {
          return false;
        }
      })
      .map(Number);

  beforeAll(() => {
    own = mkdtempSync(join(tmpdir(), 'taskforce-restart-'));
    symlinkSync(join(root, '.taskforce', 'engines'), join(own, 'engines'));
  });
  afterAll(async () => {
    if (own) {
      try {
        ownEnginePid();
      } catch {
        // no engine running
      }
      for (const pid of enginesOn(join(own, 'data'))) enginePids.add(pid);
    }
    if (rt && rt.child.exitCode === null && rt.child.signalCode === null) {
      rt.child.kill('SIGKILL');
      await rt.exited;
    }
    for (const pid of enginePids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    if (own) rmSync(own, { recursive: true, force: true });
  });

  it('evidence content uploaded before a SIGKILL of the runtime downloads after the restart: same bytes, same digest', async () => {
    const cli = await running();
    const lead = await token(cli.base, LEAD, ['officer']);
    const bank = await token(cli.base, 'mekong-bank', ['responder']);
    const as = (t: string, path: string, init: RequestInit = {}) =>
      fetch(`${cli.base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
      });
    const content = randomBytes(300 * 1024);
    const sha256 = createHash('sha256').update(content).digest('hex');

    const sentRequest = await as(lead, `/v1/workspaces/${workspaceId}/requests`, {
      method: 'POST',
      body: JSON.stringify({
        providerOrgId: 'mekong-bank',
        type: 'production',
        legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
        description: 'Statements of the mule account',
        selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
      }),
    });
    expect(sentRequest.status).toBe(201);
    const requestId = ((await sentRequest.json()) as { id: string }).id;
    expect((await as(bank, `/v1/portal/requests/${requestId}/acknowledge`, { method: 'POST' })).status).toBe(200);
    const registered = await as(bank, `/v1/portal/requests/${requestId}/evidence`, {
      method: 'POST',
      body: JSON.stringify({ fileName: 'statement.bin', size: content.length, mediaType: 'application/octet-stream', sha256 }),
    });
    expect(registered.status).toBe(201);
    const evidenceId = ((await registered.json()) as { id: string }).id;
    const stored = await as(bank, `/v1/portal/requests/${requestId}/evidence/${evidenceId}/content`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: content,
    });
    expect(stored.status).toBe(200);

    ownEnginePid();
    cli.child.kill('SIGKILL');
    await cli.exited;

    const { cli: again } = await restart();
    const download = await fetch(`${again.base}/v1/workspaces/${workspaceId}/requests/${requestId}/evidence/${evidenceId}/content`, {
      headers: { authorization: `Bearer ${await token(again.base, LEAD, ['officer'])}` },
    });
    expect(download.status).toBe(200);
    const body = Buffer.from(await download.arrayBuffer());
    expect(body.length).toBe(content.length);
    expect(body.equals(content)).toBe(true);
    expect(createHash('sha256').update(body).digest('hex')).toBe(sha256);
    expect(download.headers.get('x-content-sha256')).toBe(sha256);
  });

  it('with the default redeliver interval, the events committed before a SIGKILL of the runtime reach the inbox within 15 s of the restart', async () => {
    const cli = await running();
    const load = await workload(cli);
    // Mid-workload, while the relay and fan-out have events in hand: SIGKILL.
    await until('tasks acknowledged and notified', async () => {
      if (load.acknowledged() < 40) return undefined;
      const a = account(await readTable(cli, workspaceId), new Map(), new Date());
      return a.expected.size > a.missing.length || undefined;
    });
    ownEnginePid();
    cli.child.kill('SIGKILL');
    await cli.exited;
    await load.stop();

    // What the killed runtime left: the orphaned engine still serves the table until the next start stops it.
    const left = account(await readTable(cli, workspaceId), new Map(), new Date());
    const { cli: again, readyAt } = await restart();
    const settled = await until(
      'every notification of the events committed before the kill',
      async () => {
        const view = await readTable(again, workspaceId);
        const a = account(view, new Map(), new Date());
        return a.missing.length === 0 ? { at: Date.now(), view, a } : undefined;
      },
      120_000,
    );
    const latencyMs = settled.at - readyAt;
    report['restart latency (default redeliver interval)'] = {
      'events committed': settled.view.events.length,
      'notifications expected': settled.a.expected.size,
      'notifications missing at the kill': left.missing.length,
      'ms from the restart being ready to every notification in the inbox': latencyMs,
    };
    expect(settled.a.unexpected).toEqual([]);
    expect(latencyMs).toBeLessThanOrEqual(15_000);
  });

  it('a SIGTERM right after a SIGKILL of the Java engine: the runtime exits within 10 s and no DynamoDB Local is left', async () => {
    const cli = await running();
    const load = await workload(cli);
    await until('tasks acknowledged', () => load.acknowledged() >= 20 || undefined);
    const killed = ownEnginePid();
    process.kill(killed, 'SIGKILL');
    const termAt = Date.now();
    cli.child.kill('SIGTERM');
    const code = await Promise.race([cli.exited, sleep(60_000).then(() => 'still running' as const)]);
    const stoppedMs = Date.now() - termAt;
    await load.stop();
    report['SIGTERM after an engine SIGKILL'] = { 'ms from the SIGTERM to the exit': stoppedMs };

    expect(code).toBe(0);
    expect(stoppedMs).toBeLessThanOrEqual(10_000);
    expect(isAlive(killed)).toBe(false);
    // No engine was started again behind the stop, and none is left on the folder.
    expect(existsSync(join(own, 'data', ENGINE_PID_FILE))).toBe(false);
    expect(enginesOn(join(own, 'data'))).toEqual([]);
  });
});
