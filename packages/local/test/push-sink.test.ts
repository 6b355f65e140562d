import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PushSink } from '../src/push-sink';
import { loadOrCreateVapidKeys } from '../src/vapid-keys';

const dir = mkdtempSync(join(tmpdir(), 'tf-push-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const message = (endpoint: string, body = 'Level 1 · code K7Q2') => ({
  subscription: { endpoint, keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } },
  title: 'Taskforce: a critical incident needs you',
  body,
  url: '/#/pager',
  ackUrl: 'http://127.0.0.1:8787/ack/ws.inc.page.secret',
  tag: 'page-1',
  ttlSeconds: 900,
});

describe('the local VAPID keys', () => {
  it('are made once, readable only by their owner, and the same on every later start', () => {
    const file = join(dir, 'state', 'vapid-keys.json');
    const first = loadOrCreateVapidKeys(file);
    expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
    expect(first.subject).toMatch(/^mailto:/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadOrCreateVapidKeys(file)).toEqual(first);
  });
});

describe('the local push sink', () => {
  it('keeps each push as the service worker would receive it, in a file that outlives a restart', async () => {
    const keys = loadOrCreateVapidKeys(join(dir, 'state', 'vapid-keys.json'));
    const sink = new PushSink(keys, join(dir, 'push'));
    expect(await sink.publicKey()).toBe(keys.publicKey);
    const sent = await sink.send(message('https://push.example.net/send/a'));
    await sink.send(message('https://push.example.net/send/b'));
    expect(sink.list('https://push.example.net/send/a')).toEqual([
      expect.objectContaining({
        messageId: sent.messageId,
        title: 'Taskforce: a critical incident needs you',
        body: 'Level 1 · code K7Q2',
        url: '/#/pager',
        ackUrl: 'http://127.0.0.1:8787/ack/ws.inc.page.secret',
        tag: 'page-1',
        ttlSeconds: 900,
      }),
    ]);
    expect(
      readFileSync(join(dir, 'push', 'messages.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(2);
    expect(new PushSink(keys, join(dir, 'push')).list()).toHaveLength(2);
  });

  it('refuses what a push service would: a payload over 4 KB', async () => {
    const sink = new PushSink(loadOrCreateVapidKeys(join(dir, 'state', 'vapid-keys.json')));
    await expect(sink.send(message('https://push.example.net/send/c', 'x'.repeat(5000)))).rejects.toMatchObject({
      name: 'ChannelError',
      failure: 'rejected',
    });
  });
});
