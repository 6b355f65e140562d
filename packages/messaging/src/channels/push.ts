import { createHash, randomUUID } from 'node:crypto';
import { type LookupAddress, lookup } from 'node:dns';
import { Agent } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { ChannelError, isPublicAddress, type PushMessage, type PushSender, type Sent } from '@taskforce/core';
import webpush from 'web-push';

/**
 * The VAPID identity the platform signs its pushes with (RFC 8292): a P-256 key pair in base64url
 * (the public key is what browsers subscribe with) and a contact the push services may write to
 * (`mailto:` or an https URL).
 */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

/** A fresh VAPID key pair (made once per deployment: every subscription is bound to its public key). */
export const generateVapidKeys = (subject: string): VapidKeys => ({ ...webpush.generateVAPIDKeys(), subject });

const B64URL = /^[A-Za-z0-9_-]+$/;
/** Reads stored VAPID keys (the JSON of the local file or of the Secrets Manager secret); throws saying what is wrong. */
export const parseVapidKeys = (json: string): VapidKeys => {
  const v = JSON.parse(json) as Partial<Record<keyof VapidKeys, unknown>>;
  const { publicKey, privateKey, subject } = v ?? {};
  if (typeof publicKey !== 'string' || !B64URL.test(publicKey) || Buffer.from(publicKey, 'base64url').length !== 65)
    throw new Error('publicKey: must be an uncompressed P-256 public key in base64url (65 bytes)');
  if (typeof privateKey !== 'string' || !B64URL.test(privateKey) || Buffer.from(privateKey, 'base64url').length !== 32)
    throw new Error('privateKey: must be a P-256 private key in base64url (32 bytes)');
  if (typeof subject !== 'string' || !/^(mailto:|https:\/\/)/.test(subject)) throw new Error('subject: must be a mailto: or https: URL');
  return { publicKey, privateKey, subject };
};

/** What the service worker receives (public/sw.js reads exactly these fields). */
export interface PushPayload {
  title: string;
  body: string;
  url: string;
  ackUrl?: string;
  tag: string;
}
export const pushPayload = (m: PushMessage): PushPayload => ({
  title: m.title,
  body: m.body,
  url: m.url,
  ...(m.ackUrl ? { ackUrl: m.ackUrl } : {}),
  tag: m.tag,
});

/**
 * A push service's `Topic` header is at most 32 base64url characters: the tag is hashed to fit, so
 * a repeat of one page replaces the undelivered one on the service, as the tag does on the device.
 */
export const pushTopic = (tag: string): string => createHash('sha256').update(tag).digest('base64url').slice(0, 32);

/** Raised when an endpoint's name resolves to an address off the public internet. */
const NOT_PUBLIC = 'ENOTPUBLIC';

/**
 * Resolves push endpoints like the system does, but refuses a name with any address off the
 * public internet: an endpoint is a URL a person registered, and the platform POSTs to it, so it
 * must not reach private, loopback or link-local hosts, as webhooks may not (checked again here
 * on every push, since a public name can be pointed elsewhere after it was registered).
 */
const publicLookup: LookupFunction = (host, options, callback) => {
  lookup(host, { ...options, all: true }, (err, addresses) => {
    const list = (addresses ?? []) as unknown as LookupAddress[];
    if (err) return callback(err, '', 0);
    if (list.length === 0 || !list.every((a) => isPublicAddress(a.address)))
      return callback(Object.assign(new Error(`${host} resolves to a non-public address`), { code: NOT_PUBLIC }), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
};
const publicAgent = new Agent({ keepAlive: true, lookup: publicLookup });

/** The subscription is gone for good (the person unsubscribed or the browser dropped it). */
const GONE = new Set([404, 410]);
/** Our request itself was refused (too large, malformed, bad VAPID): another try will not help either. */
const REFUSED = new Set([400, 401, 403, 413]);

/**
 * Web push with VAPID (RFC 8030/8291/8292, `web-push`): the payload is encrypted for the
 * subscription (aes128gcm), sent with a TTL, `Urgency: high` (a duty contact's device wakes for
 * it) and a `Topic` from the tag. The id answered is the push service's message URL (`Location`),
 * or a made-up one when the service names none. 404/410 are `rejected` (the subscription is gone:
 * the next method is tried); 429, 5xx, a timeout or no connection are `unavailable`.
 *
 * The keys may be given as a function: on AWS they are read from Secrets Manager on the first push.
 */
export class WebPushSender implements PushSender {
  private keys: Promise<VapidKeys> | undefined;
  constructor(
    private readonly source: VapidKeys | (() => Promise<VapidKeys>),
    /** `agent`: only for a push service on this machine in tests (it skips the public-address rule). */
    private readonly opts: { timeoutMs?: number; agent?: Agent } = {},
  ) {}

  /** The VAPID public key browsers subscribe with (the console reads it from GET /v1/me/push-key). */
  async publicKey(): Promise<string> {
    return (await this.vapid()).publicKey;
  }

  private vapid(): Promise<VapidKeys> {
    const s = this.source;
    this.keys ??= (typeof s === 'function' ? s() : Promise.resolve(s)).catch((err: unknown) => {
      this.keys = undefined;
      throw new ChannelError('not_configured', `web push: the VAPID keys could not be read: ${(err as Error).message}`);
    });
    return this.keys;
  }

  async send(m: PushMessage): Promise<Sent> {
    const keys = await this.vapid();
    const host = new URL(m.subscription.endpoint).hostname.replace(/^\[|\]$/g, '');
    if (!this.opts.agent && isIP(host) && !isPublicAddress(host))
      throw new ChannelError('rejected', 'web push: the endpoint is not on the public internet');
    try {
      const res = await webpush.sendNotification(m.subscription, JSON.stringify(pushPayload(m)), {
        vapidDetails: keys,
        TTL: Math.max(0, Math.floor(m.ttlSeconds)),
        urgency: 'high',
        topic: pushTopic(m.tag),
        contentEncoding: 'aes128gcm',
        timeout: this.opts.timeoutMs ?? 10_000,
        // A test's own push service on this machine comes with its agent; otherwise only public hosts.
        agent: this.opts.agent ?? publicAgent,
      });
      const location = res.headers?.location;
      return { messageId: typeof location === 'string' && location ? location : `push-${randomUUID()}` };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === NOT_PUBLIC)
        throw new ChannelError('rejected', `web push: the endpoint is not on the public internet (${(err as Error).message})`);
      const status = err instanceof webpush.WebPushError ? err.statusCode : undefined;
      if (status !== undefined && GONE.has(status))
        throw new ChannelError('rejected', `web push: the subscription is gone (${status} from the push service)`);
      if (status !== undefined && REFUSED.has(status))
        throw new ChannelError('rejected', `web push: the push service refused the message (${status})`);
      const what = status !== undefined ? `the push service answered ${status}` : err instanceof Error ? err.message : String(err);
      throw new ChannelError('unavailable', `web push: ${what}`);
    }
  }
}
