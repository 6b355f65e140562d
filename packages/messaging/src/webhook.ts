import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures. Every delivery carries
 *
 *   Taskforce-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=<…>]
 *
 * with one `v1` per live secret of the recipient (two while a rotation's grace period runs),
 * plus `Taskforce-Notification-Id` (the idempotency key: the same id may arrive more than once)
 * and `Taskforce-Event-Type`. Secrets look like `whsec_…`; the whole string is the HMAC key. A receiver recomputes the HMAC over the raw body with its
 * secret, compares in constant time, and rejects a timestamp more than five minutes away.
 */
export const SIGNATURE_HEADER = 'Taskforce-Signature';
export const NOTIFICATION_ID_HEADER = 'Taskforce-Notification-Id';
export const EVENT_TYPE_HEADER = 'Taskforce-Event-Type';
const DEFAULT_TOLERANCE_SECONDS = 300;

const hmac = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

export const signWebhook = (body: string, secrets: readonly string[], at: Date): string => {
  if (secrets.length === 0) throw new Error('no webhook secret to sign with');
  const t = Math.floor(at.getTime() / 1000);
  return [`t=${t}`, ...secrets.map((s) => `v1=${hmac(s, t, body)}`)].join(',');
};

export type Verification = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'expired' | 'mismatch' };

/**
 * For receivers: verifies a `Taskforce-Signature` header against the raw body with any of the
 * receiver's secrets (pass both while rotating), within `toleranceSeconds` of `now`.
 */
export const verifyWebhookSignature = (
  header: string | null | undefined,
  body: string,
  secrets: readonly string[],
  opts: { now?: Date; toleranceSeconds?: number } = {},
): Verification => {
  if (!header) return { ok: false, reason: 'malformed' };
  let t: number | undefined;
  const sigs: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) sigs.push(v);
  }
  if (t === undefined || sigs.length === 0) return { ok: false, reason: 'malformed' };
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'expired' };
  for (const secret of secrets) {
    const expected = Buffer.from(hmac(secret, t, body), 'hex');
    if (sigs.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected))) return { ok: true, timestamp: t };
  }
  return { ok: false, reason: 'mismatch' };
};
