/**
 * The crash suite, messages with a real kill: the local runtime CLI (as `pnpm start --demo` runs
 * it) takes messages from four writers at once, on the general channel and on a task's thread, each
 * POST with its own Idempotency-Key, and is SIGKILLed while they are being posted, then started
 * again on the same data folder. Every message whose POST was answered 201 is there after the
 * restart, with its text, once; none is half-written (each listed message is whole, and its
 * `message.posted` entry is in the audit trail); a POST whose answer the kill swallowed, sent
 * again with its key, lands once.
 *
 * With CRASH_REPORT=1 (or =<file>) the figures are added to <tmpdir>/taskforce-crash-report.json (or that file).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { devToken, KillableRuntime, until } from '../support/cli';
import { addToCrashReport } from '../support/crash-report';

const runtime = new KillableRuntime();
const report: Record<string, number> = {};
const token = devToken;

afterAll(async () => {
  await runtime.cleanup();
  if (Object.keys(report).length > 0) addToCrashReport({ 'runtime SIGKILL mid-message': report });
});

interface Message {
  id: string;
  text: string;
  version: number;
  author: { orgId: string };
  marking: { tlp: string };
  thread: { kind: string; id: string };
}
interface Post {
  key: string;
  thread: string;
  text: string;
  /** The id the 201 named; absent when no answer came back (the kill). */
  id?: string;
}

const WRITERS = 4;
const PREFIX = 'Crash message';

describe('crash suite: messages through a SIGKILL of the runtime', { timeout: 300_000 }, () => {
  it('every message answered 201 is there after the restart, once and whole; one re-sent with its key lands once', async () => {
    let cli = await runtime.start(['--demo']);
    const workspaceId = /demo workspace\s+(\S+)/.exec(cli.out())![1]!;
    let lead = await token(cli.base, 'vnm-a05', ['officer']);
    const as = (t: string, path: string, init: RequestInit & { key?: string } = {}) =>
      fetch(`${cli.base}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${t}`,
          'content-type': 'application/json',
          ...(init.key ? { 'idempotency-key': init.key } : {}),
        },
      });
    const W = `/v1/workspaces/${workspaceId}`;
    const tasks = (await (await as(lead, `${W}/tasks`)).json()) as { items: { id: string }[] };
    const threads = [`${W}/threads/channel/general/messages`, `${W}/threads/task/${tasks.items[0]!.id}/messages`];

    // Four writers post until the kill; each post remembers its key, and its id once answered 201.
    const posts: Post[] = [];
    let next = 0;
    let stop = false;
    const send = async (p: Post) => {
      const res = await as(lead, p.thread, { method: 'POST', body: JSON.stringify({ text: p.text }), key: p.key });
      if (res.status === 201) p.id = ((await res.json()) as { id: string }).id;
      return res.status;
    };
    const writer = async () => {
      while (!stop) {
        const i = next++;
        const p: Post = { key: `crash-message-${String(i).padStart(5, '0')}`, thread: threads[i % 2]!, text: `${PREFIX} ${i}` };
        posts.push(p);
        try {
          await send(p);
        } catch {
          // The runtime is being killed: this answer is lost.
        }
      }
    };
    const writers = Promise.all(Array.from({ length: WRITERS }, writer));
    await until('forty messages answered', () => (posts.filter((p) => p.id).length >= 40 ? true : undefined));
    await runtime.kill(cli);
    stop = true;
    await writers;
    const answered = posts.filter((p) => p.id);
    const unanswered = posts.filter((p) => !p.id);

    cli = await runtime.start([]);
    lead = await token(cli.base, 'vnm-a05', ['officer']);

    const listAll = async () => {
      const out: Message[] = [];
      for (const thread of threads) {
        let cursor: string | undefined;
        do {
          const res = await as(lead, `${thread}?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          expect(res.status).toBe(200);
          const page = (await res.json()) as { items: Message[]; next?: string };
          out.push(...page.items.filter((m) => m.text.startsWith(PREFIX)));
          cursor = page.next;
        } while (cursor);
      }
      return out;
    };
    const afterRestart = await listAll();
    const byId = new Map(afterRestart.map((m) => [m.id, m]));
    // Every message answered 201 is there, with its text, on its thread.
    const lost = answered.filter((p) => byId.get(p.id!)?.text !== p.text).map((p) => p.key);
    // None is half-written: each is whole (its marking, author and version), and none appears twice.
    const broken = afterRestart.filter((m) => m.version !== 1 || m.author.orgId !== 'vnm-a05' || m.marking.tlp !== 'GREEN');
    const texts = afterRestart.map((m) => m.text);
    const twice = texts.filter((x, i) => texts.indexOf(x) !== i);
    // What the kill swallowed either landed whole before it or not at all.
    const landedUnanswered = unanswered.filter((p) => texts.includes(p.text)).length;

    // A POST whose answer was lost, sent again with its key, lands once: replayed if it had landed, else made now.
    for (const p of unanswered) expect(await send(p)).toBe(201);
    const again = await listAll();
    const againTexts = again.map((m) => m.text);
    const duplicated = againTexts.filter((x, i) => againTexts.indexOf(x) !== i);
    const missing = posts.filter((p) => !againTexts.includes(p.text)).map((p) => p.key);

    // Each message's `message.posted` entry is in the workspace's trail (sequenced after the restart).
    const ids = new Set(again.map((m) => m.id));
    const audited = await until(
      'every message.posted entry in the trail',
      async () => {
        const seen = new Set<string>();
        let cursor: string | undefined;
        do {
          const res = await as(lead, `${W}/audit?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          const page = (await res.json()) as { items: { action?: string; target?: { id: string } }[]; next?: string };
          for (const e of page.items) if (e.action === 'message.posted' && e.target) seen.add(e.target.id);
          cursor = page.next;
        } while (cursor);
        return [...ids].every((id) => seen.has(id)) ? seen : undefined;
      },
      60_000,
    );

    Object.assign(report, {
      'posts sent': posts.length,
      'answered 201 before the kill': answered.length,
      'answers lost in the kill': unanswered.length,
      'of those, landed before the kill': landedUnanswered,
      'messages after the restart': afterRestart.length,
      'messages after re-sending the lost ones': again.length,
      'message.posted entries in the trail': [...audited].filter((id) => ids.has(id)).length,
    });

    expect(lost).toEqual([]);
    expect(broken).toEqual([]);
    expect(twice).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(missing).toEqual([]);
    expect(again.length).toBe(posts.length);
  });
});
