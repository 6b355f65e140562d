import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, randomUUID, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pushSenderContract, type ReceivedPush } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateVapidKeys, parseVapidKeys, pushTopic, WebPushSender } from '../src/channels/push';

/**
 * A push service on this machine (HTTPS, a self-signed certificate): it checks each request as a
 * real one would (the VAPID JWT signed by the key it names, for this origin, not expired; TTL,
 * urgency, topic; aes128gcm) and decrypts the payload with the subscription's private key, as the
 * browser does (RFC 8291). Endpoints under /gone/ answer 410, under /busy/ 503.
 */
interface Seen {
  headers: Record<string, string | string[] | undefined>;
  payload: ReceivedPush;
}
const seen = new Map<string, Seen[]>();
const browsers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
const vapid = generateVapidKeys('mailto:pager@taskforce.example');
let server: Server;
let origin = '';
let agent: Agent;
let dir = '';

/** RFC 8291: the payload as the user agent decrypts it. */
const decrypt = (body: Buffer, ua: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }): string => {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const secret = ua.ecdh.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.ecdh.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', secret, ua.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(ciphertext.subarray(-16));
  const padded = Buffer.concat([d.update(ciphertext.subarray(0, -16)), d.final()]);
  const end = padded.lastIndexOf(2);
  return padded.subarray(0, end).toString('utf8');
};

/** The VAPID header (`vapid t=<JWT>, k=<public key>`): the JWT must verify with k and name this origin. */
const checkVapid = (authorization: string | undefined): string | undefined => {
  const m = /^vapid t=([^,]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!m) return 'no VAPID authorization';
  const [h, p, s] = m[1]!.split('.');
  const k = Buffer.from(m[2]!, 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: k.subarray(1, 33).toString('base64url'), y: k.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  if (!verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s!, 'base64url'))) return 'bad signature';
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as { aud: string; exp: number; sub: string };
  if (claims.aud !== origin) return `aud ${claims.aud}`;
  if (claims.exp * 1000 <= Date.now() || claims.exp * 1000 > Date.now() + 24 * 3600_000) return 'exp';
  if (claims.sub !== vapid.subject) return 'sub';
  if (m[2] !== vapid.publicKey) return 'another key';
  return undefined;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'push-service-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const cert = readFileSync(join(dir, 'cert.pem'));
  agent = new Agent({ ca: cert });
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (path.startsWith('/gone/')) return res.writeHead(410).end();
      if (path.startsWith('/busy/')) return res.writeHead(503).end();
      const ua = browsers.get(`${origin}${path}`);
      if (!ua) return res.writeHead(404).end();
      const refused = checkVapid(req.headers.authorization);
      if (refused) return res.writeHead(403).end(refused);
      if (req.headers['content-encoding'] !== 'aes128gcm') return res.writeHead(415).end();
      const payload = JSON.parse(decrypt(Buffer.concat(chunks), ua)) as ReceivedPush;
      const list = seen.get(`${origin}${path}`) ?? [];
      list.push({ headers: req.headers, payload });
      seen.set(`${origin}${path}`, list);
      res.writeHead(201, { location: `${origin}/messages/${randomUUID()}` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  agent?.destroy();
  await new Promise((resolve) => server?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A browser's subscription to this push service: its own P-256 key pair and auth secret. */
const subscribe = (path = `/push/${randomUUID()}`) => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const endpoint = `${origin}${path}`;
  browsers.set(endpoint, { ecdh, auth });
  return { endpoint, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
};

pushSenderContract('web push with VAPID, to a push service on this machine', () => ({
  sender: new WebPushSender(vapid, { agent }),
  subscription: () => subscribe(),
  received: async (endpoint) => (seen.get(endpoint) ?? []).map((s) => s.payload),
  // The sender is the same; the push service answers 410 (gone) or 503 for these subscriptions.
  refusing: () => ({ send: (m) => new WebPushSender(vapid, { agent }).send({ ...m, subscription: subscribe(`/gone/${randomUUID()}`) }) }),
  down: () => ({ send: (m) => new WebPushSender(vapid, { agent }).send({ ...m, subscription: subscribe(`/busy/${randomUUID()}`) }) }),
}));

describe('web push requests', () => {
  const message = (subscription: ReturnType<typeof subscribe>) => ({
    subscription,
    title: 't',
    body: 'b',
    url: 'https://console.taskforce.example/',
    tag: 'page-01J',
    ttlSeconds: 900,
  });

  it('carry the TTL, high urgency and a topic from the tag, and answer the service’s message URL', async () => {
    const sub = subscribe();
    const sent = await new WebPushSender(vapid, { agent }).send(message(sub));
    expect(sent.messageId).toMatch(new RegExp(`^${origin}/messages/`));
    const [got] = seen.get(sub.endpoint)!;
    expect(got!.headers).toMatchObject({ ttl: '900', urgency: 'high', topic: pushTopic('page-01J') });
    expect(pushTopic('page-01J')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(got!.payload).not.toHaveProperty('ackUrl');
  });

  it('are refused by the service when signed with another VAPID key (rejected), and a dead service is unavailable', async () => {
    const other = new WebPushSender(generateVapidKeys('mailto:pager@taskforce.example'), { agent });
    await expect(other.send(message(subscribe()))).rejects.toMatchObject({ name: 'ChannelError', failure: 'rejected' });
    const nowhere = new WebPushSender(vapid, { agent, timeoutMs: 2_000 });
    const sub = { ...subscribe(), endpoint: 'https://127.0.0.1:9/push/x' };
    await expect(nowhere.send(message(sub))).rejects.toMatchObject({ name: 'ChannelError', failure: 'unavailable' });
  });

  it('reach only public hosts: an endpoint on this machine or a private network is rejected, by address or by name', async () => {
    const sender = new WebPushSender(vapid);
    for (const endpoint of [
      'https://127.0.0.1:9/push/x',
      'https://[::1]:9/push/x',
      'https://10.0.0.8/push/x',
      'https://localhost:9/push/x',
    ])
      await expect(sender.send(message({ ...subscribe(), endpoint }))).rejects.toMatchObject({
        name: 'ChannelError',
        failure: 'rejected',
        message: expect.stringContaining('public internet'),
      });
  });

  it('cannot go out without keys: keys that cannot be read are not_configured, and read again next time', async () => {
    let calls = 0;
    const s = new WebPushSender(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('AccessDenied');
        return vapid;
      },
      { agent },
    );
    await expect(s.send(message(subscribe()))).rejects.toMatchObject({ failure: 'not_configured' });
    await expect(s.publicKey()).resolves.toBe(vapid.publicKey);
  });

  it('read stored keys only when whole', () => {
    expect(parseVapidKeys(JSON.stringify(vapid))).toEqual(vapid);
    expect(() => parseVapidKeys(JSON.stringify({ ...vapid, publicKey: 'abc' }))).toThrow(/publicKey/);
    expect(() => parseVapidKeys(JSON.stringify({ ...vapid, privateKey: undefined }))).toThrow(/privateKey/);
    expect(() => parseVapidKeys(JSON.stringify({ ...vapid, subject: 'pager' }))).toThrow(/subject/);
  });
});
