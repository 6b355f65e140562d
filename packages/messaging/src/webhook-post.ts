import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import {
  activeSecrets,
  type DestinationRule,
  type InboxNotification,
  isPublicAddress,
  type LoadedView,
  webhookUrlProblem,
  withoutAccess,
} from '@taskforce/core';
import type { SQSRecord } from 'aws-lambda';
import type { MessagingDeps } from './deps';
import { receiveCount } from './retry-policy';
import { EVENT_TYPE_HEADER, NOTIFICATION_ID_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook';

/** An inbox item whose webhook post is still to be made. */
export type DuePost = InboxNotification & { webhook: NonNullable<InboxNotification['webhook']> };

const systemResolve = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * The destination rule again, at the moment of delivery: the URL as set may have been accepted
 * under an older rule, and its name may since resolve to a private address. (The connection
 * resolves the name once more; a name that flips between the two lookups is the residual risk.)
 */
async function destinationProblem(url: string, deps: Pick<MessagingDeps, 'webhookDestinations' | 'resolve'>): Promise<string | undefined> {
  const rule: DestinationRule = deps.webhookDestinations ?? {};
  const problem = webhookUrlProblem(url, rule);
  if (problem) return `destination refused: ${problem}`;
  if (rule.allowPrivate) return undefined;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return undefined; // judged above
  let addresses: string[];
  try {
    addresses = await (deps.resolve ?? systemResolve)(host);
  } catch (err) {
    return (err as { code?: string }).code ?? 'ENOTFOUND';
  }
  return addresses.length > 0 && addresses.every(isPublicAddress) ? undefined : 'destination refused: resolves to a non-public address';
}

/**
 * The post itself, under a lease on the inbox item (so that two workers never post it at once,
 * and never again once a post succeeded): signed with every active secret of the recipient, to
 * a destination judged again now, never following a redirect. A success is recorded on the item;
 * a failure is recorded through `failed`, which the retry policy gives its next attempt or parks.
 * `skipped`: the lease is someone else's (nothing recorded), or there is no secret to sign with (a failure).
 */
export async function postWebhook(
  deps: MessagingDeps,
  r: SQSRecord,
  n: InboxNotification,
  view: LoadedView,
  url: string,
  now: Date,
  failed: (error: string, at: Date) => Promise<void>,
  attempt: number,
): Promise<'delivered' | 'duplicate' | 'failed' | 'skipped'> {
  const orgId = n.recipient;
  const secrets = activeSecrets(view.get({ kind: 'webhookSecrets', orgId }), now).map((s) => s.value);
  const timeoutMs = deps.webhookTimeoutMs ?? 10_000;
  const claim = await deps.alerts.claimWebhook(orgId, n.id, now, new Date(now.getTime() + timeoutMs + 20_000));
  if (claim === 'delivered') return 'duplicate';
  if (claim !== 'claimed') return 'skipped';
  if (secrets.length === 0) {
    await failed('no active webhook secret', now);
    return 'skipped';
  }
  const { receivedAt: _r, acknowledgedAt: _a, webhook: _w, ...sent } = n;
  const body = JSON.stringify(withoutAccess(sent));
  let status: number | undefined;
  let error = (await destinationProblem(url, deps)) ?? '';
  if (!error)
    try {
      const res = await deps.fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Taskforce-Webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(body, secrets, now),
          [NOTIFICATION_ID_HEADER]: n.id,
          [EVENT_TYPE_HEADER]: n.type,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      // e.g. ENOTFOUND, ECONNREFUSED, TimeoutError: the cause, never the URL or the body.
      error = (err as { cause?: { code?: string } }).cause?.code ?? (err instanceof Error ? err.name : 'network error');
    }
  if (status !== undefined && status >= 200 && status < 300) {
    // If this write fails the lease stays until it runs out, and the post is made again: the receiver deduplicates by id.
    await deps.alerts.recordWebhook(orgId, n.id, { ok: true, at: deps.clock.now(), attempt });
    return 'delivered';
  }
  if (status !== undefined) error = `HTTP ${status}`;
  await failed(error, deps.clock.now());
  deps.logger.warn('webhook delivery failed', { notificationId: n.id, recipient: orgId, error, receiveCount: receiveCount(r) });
  return 'failed';
}
