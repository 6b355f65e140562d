/**
 * The crash suite: the real local runtime (the CLI, DynamoDB Local on a temp data folder) runs a
 * steady workload through the HTTP API while a partner's webhook receiver is down; the runtime is
 * SIGKILLed mid-workload and started again on the same folder, the receiver comes up, and every
 * acknowledged write, every committed event's notifications, every webhook post and every due
 * timer is accounted for. Then only the Java engine is SIGKILLed, and the supervised runtime must
 * come back with nothing lost. Bounded waits only; every process started here is killed.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@taskforce/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_PID_FILE, isAlive } from '../../packages/local/src/guard';
import { repoRoot } from '../../packages/local/src/paths';
import { type Cli, spawnCli as spawnRuntimeCli } from '../support/cli';
import { startReceiver } from '../support/webhook-receiver';

const root = repoRoot();
const started: ChildProcess[] = [];
const enginePids = new Set<number>();
let home = '';

const spawnCli = (args: string[]): Promise<Cli> => spawnRuntimeCli(home, ['--sweep-seconds', '1', ...args], started);

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
    await new Promise((r) => setTimeout(r, 200));
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

const enginePid = (): number => {
  const pid = Number(readFileSync(join(home, 'data', ENGINE_PID_FILE), 'utf8').trim());
  enginePids.add(pid);
  return pid;
};

const LEAD = 'vnm-a05';
const ASSIGNEE = 'usa-fbi';

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

const taskBody = (i: number, dueAt: Date) =>
  JSON.stringify({ title: `Crash workload task ${i}`, assigneeOrgId: ASSIGNEE, dueAt: dueAt.toISOString(), reminders: [] });

afterAll(async () => {
  // The engine of the runtime still running, whose PID no test may have read: it dies with the rest.
  try {
    if (home) enginePid();
  } catch {
    // no engine was started, or its PID file is gone
  }
  for (const c of started.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill('SIGKILL');
      await new Promise((r) => c.once('exit', r));
    }
  }
  for (const pid of enginePids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('crash suite: nothing acknowledged is lost when the runtime or its engine dies', { timeout: 240_000 }, () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let runtime: Cli;
  let api: Api;
  let workspaceId = '';
  /** Idempotency key → task id, for every create answered 2xx. */
  const acknowledged = new Map<string, string>();
  /** Every key sent, answered or not. */
  const sent = new Map<string, string>();
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'taskforce-crash-'));
    symlinkSync(join(root, '.taskforce', 'engines'), join(home, 'engines'));
    // The receiver is down (answers 503) until the runtime has been killed and restarted.
    receiver = await startReceiver({ secrets: [], clock: systemClock, failFor: Number.POSITIVE_INFINITY });
  });
  afterAll(async () => {
    await receiver?.stop();
  });

  it('SIGKILL of the runtime mid-workload, then a restart on the same folder: every acknowledged write is there and its key replays to the same id', async () => {
    runtime = await ready(await spawnCli(['--demo']));
    workspaceId = /demo workspace\s+(\S+)/.exec(runtime.out())![1]!;
    api = await connect(runtime.base);
    const firstEngine = enginePid();

    // The partner's webhook points at the receiver, which is down.
    const set = await call(api, ASSIGNEE, '/v1/notifications/webhook', { method: 'PUT', body: JSON.stringify({ url: receiver.url }) });
    expect(set.status).toBe(200);
    receiver.state.secrets = [((await set.json()) as { secret: { value: string } }).secret.value];

    // A steady workload: four writers creating tasks with Idempotency-Keys, due a few seconds out
    // (their overdue timers come due while the runtime is down or just after it restarts).
    const run = `r${Date.now().toString(36)}`;
    let next = 0;
    let stop = false;
    const writer = async () => {
      while (!stop && next < 200) {
        const i = next++;
        const key = `${run}-task-${i}`;
        const body = taskBody(i, new Date(Date.now() + 8_000));
        sent.set(key, body);
        try {
          const res = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks`, {
            method: 'POST',
            headers: { 'idempotency-key': key },
            body,
          });
          if (res.status >= 200 && res.status < 300) acknowledged.set(key, ((await res.json()) as { id: string }).id);
          else if (res.status !== 503) throw new Error(`create answered ${res.status}: ${await res.text()}`);
        } catch (err) {
          if (!stop) throw err;
        }
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    // Mid-workload, once some posts to the receiver have failed: SIGKILL, no chance to clean up.
    await until('some acknowledged writes and failed webhook posts', () => acknowledged.size >= 20 && receiver.state.failed >= 3);
    runtime.child.kill('SIGKILL');
    stop = true;
    await runtime.exited;
    await writers;
    figures['writes sent'] = sent.size;
    figures['writes acknowledged'] = acknowledged.size;
    figures['webhook posts failed while down'] = receiver.state.failed;
    expect(receiver.state.application).toHaveLength(0);

    // Restart on the same data folder (the orphaned engine is found and stopped), receiver up.
    runtime = await ready(await spawnCli([]));
    expect(isAlive(firstEngine)).toBe(false);
    api = await connect(runtime.base);
    receiver.state.failFor = 0;

    // Every acknowledged create is there, and replaying its key returns the same task.
    let found = 0;
    for (const [key, id] of acknowledged) {
      const res = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks/${id}`);
      if (res.status === 200) found++;
      const replay = await call(api, LEAD, `/v1/workspaces/${workspaceId}/tasks`, {
        method: 'POST',
        headers: { 'idempotency-key': key },
        body: sent.get(key)!,
      });
      expect(replay.status).toBeLessThan(300);
      expect(((await replay.json()) as { id: string }).id).toBe(id);
    }
    figures['writes found after restart'] = found;
    expect(found).toBe(acknowledged.size);

    process.stdout.write(`crash suite (runtime SIGKILL): ${JSON.stringify(figures)}\n`);
  });
});
