import type { ContactMethod, ContactMethods } from '../contact-methods/model';
import type { Actor, AuditDraft } from '../kernel/audit';
import { PAGE_CHANNEL_OF_KIND, type PageAttempt, type PageChannel, type PagedIncident, type PageMessage, type PersonPage } from './model';

/**
 * How a page goes out, decided without I/O: which method to try next, when to stop, and how each
 * step changes the page. The pager (messaging/src/pager.ts) reads the page, its incident and the
 * person's methods, asks `planPage`, claims the attempt with a conditional write, sends, and
 * records the outcome; a delivery status that comes back later is applied by `applyStatus`.
 *
 * At least once, with one page id: an attempt is claimed (`sending`, with the hash of a fresh
 * acknowledge secret) before its message is sent. A worker that dies between the claim and the
 * record leaves the attempt `sending`; once that is older than `SENDING_STALE_MS` the next worker
 * sends it again as a new entry with the SAME number, through the same method: the message id the
 * channel is given (`pageMessageId`) is the same, so the repeat is recognisable, and both copies'
 * links work (each entry keeps its own secret's hash).
 */

/**
 * A critical incident's page goes out on every verified method at once (e-mail, SMS and push
 * within the same second: a person asleep hears the phone, a person at a desk sees the mail); a
 * high or medium one on the first method, and on the next only when one is refused or bounces.
 * Either way a refused or bounced method never holds the page up.
 */
const ALL_METHODS_AT_ONCE: PagedIncident['severity'] = 'critical';

/** Who the audit trail names for what the pager does. */
export const PAGER_ACTOR: Actor = { sub: 'system:pager', orgId: 'system', country: 'ZZZ' };

/** A claimed attempt older than this, with no outcome, was interrupted (its worker died): it is sent again. */
export const SENDING_STALE_MS = 20_000;

export type PagePlan =
  /** Nothing to do: the page is missing, finished, or its message is out and waits for its delivery status. */
  | { do: 'nothing'; why: string }
  /** Another worker's attempt is under way: try again later. */
  | { do: 'wait' }
  /** The country acknowledged, the incident was resolved or the link expired: send nothing. */
  | { do: 'stop'; why: 'acknowledged' | 'resolved' | 'expired' }
  | { do: 'undeliverable' }
  | { do: 'fail' }
  /** Send through this method as attempt `n` (`resend`: the same attempt again, after an interruption). */
  | { do: 'send'; method: ContactMethod; n: number; resend: boolean };

const FINISHED = new Set<PersonPage['status']>(['failed', 'undeliverable', 'stopped', 'acknowledged']);

/** The verified methods, in the person's order. */
const pageableMethods = (methods: ContactMethods | undefined): ContactMethod[] =>
  (methods?.methods ?? []).filter((m) => m.status === 'verified');

/** Why the page must not go out (any more), if so. */
const stopReason = (
  page: PersonPage,
  incident: PagedIncident | undefined,
  now: Date,
): 'acknowledged' | 'resolved' | 'expired' | undefined => {
  if (!incident || incident.status === 'resolved') return 'resolved';
  const alert = incident.alerts.find((a) => a.country === page.country);
  if (!alert || alert.status === 'resolved') return 'resolved';
  if (alert.status !== 'raised') return 'acknowledged';
  if (Date.parse(page.expiresAt) <= now.getTime()) return 'expired';
  return undefined;
};

/** What to do with a page now. */
export const planPage = (
  page: PersonPage | undefined,
  incident: PagedIncident | undefined,
  methods: ContactMethods | undefined,
  now: Date,
): PagePlan => {
  if (!page) return { do: 'nothing', why: 'no such page' };
  if (FINISHED.has(page.status)) return { do: 'nothing', why: page.status };
  const last = page.attempts.at(-1);
  const allAtOnce = incident?.severity === ALL_METHODS_AT_ONCE;
  if (last && (last.status === 'sent' || last.status === 'delivered') && !allAtOnce) return { do: 'nothing', why: last.status };
  const stop = stopReason(page, incident, now);
  if (stop) return { do: 'stop', why: stop };
  const usable = pageableMethods(methods);
  if (last?.status === 'sending') {
    const method = usable.find((m) => m.id === last.methodId);
    const since = Date.parse(last.updatedAt ?? last.at);
    // An attempt that answered "unavailable" (it has a reason) is not in flight: it is retried at once.
    if (!last.reason && now.getTime() - since < SENDING_STALE_MS) return { do: 'wait' };
    if (method) return { do: 'send', method, n: last.n, resend: true };
  }
  if (usable.length === 0 && page.attempts.length === 0) return { do: 'undeliverable' };
  const tried = new Set(page.attempts.map((a) => a.methodId));
  const next = usable.find((m) => !tried.has(m.id));
  if (!next) {
    const out = page.attempts.find((a) => a.status === 'sent' || a.status === 'delivered');
    return out ? { do: 'nothing', why: out.status } : { do: 'fail' };
  }
  return { do: 'send', method: next, n: Math.max(0, ...page.attempts.map((a) => a.n)) + 1, resend: false };
};

/** The id a channel is given for attempt `n` of a page (an SMTP Message-ID): the same for a resend of that attempt. */
export const pageMessageId = (page: Pick<PersonPage, 'id'>, n: number, domain: string): string => `<${page.id}.${n}@${domain}>`;

const channelOf = (m: ContactMethod): PageChannel => PAGE_CHANNEL_OF_KIND[m.kind];

const revised = (page: PersonPage, attempts: PageAttempt[], status: PersonPage['status']): PersonPage => ({
  ...page,
  attempts,
  status,
  version: page.version + 1,
});

/** The entry of attempt `n` a status or an outcome applies to: the latest with that number. */
const indexOfAttempt = (page: PersonPage, n: number): number => page.attempts.findLastIndex((a) => a.n === n);

/** The page with attempt `n` claimed: a new `sending` entry carrying the hash of this attempt's acknowledge secret. */
export const claimAttempt = (
  page: PersonPage,
  plan: { method: ContactMethod; n: number; resend: boolean },
  ackSecretHash: string,
  now: Date,
): PersonPage => {
  const at = now.toISOString();
  const attempts = page.attempts.map((a, i) =>
    plan.resend && i === indexOfAttempt(page, plan.n) && a.status === 'sending'
      ? { ...a, status: 'failed' as const, reason: a.reason ? `${a.reason}; sent again` : 'interrupted; sent again', updatedAt: at }
      : a,
  );
  attempts.push({ n: plan.n, methodId: plan.method.id, channel: channelOf(plan.method), at, status: 'sending', ackSecretHash });
  return revised(page, attempts, 'sending');
};

export type AttemptOutcome =
  | { sent: true; messageId: string }
  | { sent: false; failure: 'rejected' | 'not_configured' | 'unavailable'; reason: string };

/**
 * The page after attempt `n`'s send: `sent` with the channel's message id; failed for good
 * (rejected, not configured), so the next method is due; or still `sending` with the reason
 * when the channel was unavailable (the same attempt is retried).
 */
export const recordOutcome = (page: PersonPage, n: number, outcome: AttemptOutcome, now: Date): PersonPage | undefined => {
  const i = indexOfAttempt(page, n);
  const a = page.attempts[i];
  if (a?.status !== 'sending') return undefined;
  const at = now.toISOString();
  const attempts = [...page.attempts];
  if (outcome.sent) {
    attempts[i] = { ...a, status: 'sent', messageId: outcome.messageId, updatedAt: at };
    const { reason: _, ...clean } = attempts[i]!;
    attempts[i] = clean;
    return revised(page, attempts, 'sent');
  }
  const reason = outcome.reason.slice(0, 300);
  attempts[i] = outcome.failure === 'unavailable' ? { ...a, reason, updatedAt: at } : { ...a, status: 'failed', reason, updatedAt: at };
  return revised(page, attempts, 'sending');
};

export type DeliveryStatus = { delivered: true } | { delivered: false; reason: string };

/**
 * The page after a delivery status for attempt `n`: delivered, or failed (the next method is due:
 * `failover` says to put the page back on the pages queue). A status for an attempt already final,
 * or not the latest, changes nothing.
 */
export const applyStatus = (
  page: PersonPage,
  n: number,
  status: DeliveryStatus,
  now: Date,
): { page: PersonPage; failover: boolean } | undefined => {
  const i = indexOfAttempt(page, n);
  const a = page.attempts[i];
  if (!a || (a.status !== 'sent' && a.status !== 'sending')) return undefined;
  const at = now.toISOString();
  const attempts = [...page.attempts];
  const latest = i === page.attempts.length - 1;
  const live = !FINISHED.has(page.status);
  if (status.delivered) {
    attempts[i] = { ...a, status: 'delivered', updatedAt: at };
    return { page: revised(page, attempts, latest && live ? 'delivered' : page.status), failover: false };
  }
  attempts[i] = { ...a, status: 'failed', reason: status.reason.slice(0, 300), updatedAt: at };
  return { page: revised(page, attempts, latest && live ? 'sending' : page.status), failover: latest && live };
};

/**
 * The page finished without (another) message: stopped, undeliverable, or failed on every method.
 * An attempt left under way by a worker that died is closed: it is not sent again.
 */
export const finishPage = (page: PersonPage, status: 'stopped' | 'undeliverable' | 'failed', now: Date): PersonPage =>
  revised(
    page,
    page.attempts.map((a) =>
      a.status === 'sending'
        ? { ...a, status: 'failed' as const, reason: `${a.reason ?? 'interrupted'}; not sent again`, updatedAt: now.toISOString() }
        : a,
    ),
    status,
  );

/** The lookup record from a channel's message id back to its page and attempt. */
export const pageMessageOf = (page: PersonPage, n: number, messageId: string): PageMessage => ({
  messageId,
  workspaceId: page.workspaceId,
  incidentId: page.incidentId,
  pageId: page.id,
  attempt: n,
});

/** The audit entry of a step of a page: the page and attempt, the channel and the outcome; never an address or a secret. */
export const pageAudit = (
  page: PersonPage,
  incident: PagedIncident | undefined,
  action: 'page.attempted' | 'page.sent' | 'page.attempt_failed' | 'page.delivered' | 'page.stopped' | 'page.undeliverable' | 'page.failed',
  details: Record<string, unknown> = {},
): AuditDraft => ({
  action,
  target: { type: 'page', id: page.id },
  details: { incidentId: page.incidentId, sub: page.sub, orgId: page.orgId, country: page.country, level: page.level, ...details },
  // A page names its incident: the entry is as visible as the incident is.
  markings: incident ? [incident.marking] : [],
});
