import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  type AttemptOutcome,
  ackUrl,
  ChannelError,
  type ContactMethod,
  claimAttempt,
  EMPTY_POLICY_SET,
  finishPage,
  type Incident,
  type KernelDeps,
  type MailSender,
  newAckSecret,
  PAGER_ACTOR,
  type PageContent,
  type PageContentInput,
  type PagePlan,
  type PageRef,
  type PersonPage,
  type PushSender,
  pageAudit,
  pageContent,
  pageMessageId,
  pageMessageOf,
  planPage,
  recordOutcome,
  runCommand,
  type SmsSender,
  systemCommand,
  unchanged,
} from '@taskforce/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { batchResponse, errorMessage, failedRecords, runRecords } from './batch-runner';

interface PagerLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** What the pager needs: the store, the channels, the pages queue (to fail over later), and where acknowledge links point. */
export interface PagerDeps extends KernelDeps {
  sqs: SQSClient;
  queues: { pages: string };
  mail?: MailSender;
  sms?: SmsSender;
  push?: PushSender;
  /** A person's user record, for the language a page is written in besides English (`lang`: `vi` or `th`). */
  users?: { get(sub: string): Promise<object | undefined> };
  /** The console's origin: acknowledge links are `<origin>/ack/<token>`. */
  ackOrigin: string;
  /** The domain of the Message-IDs pages are sent with (`<pageId.n@domain>`). */
  messageDomain: string;
  logger: PagerLogger;
  /** Told each attempt's outcome (the bench and the tests watch it). */
  onSent?(page: PersonPage, n: number, outcome: AttemptOutcome): void;
}

const pageRefOf = (body: string): PageRef | null => {
  try {
    const m = JSON.parse(body) as Partial<PageRef>;
    return typeof m.workspaceId === 'string' && typeof m.incidentId === 'string' && typeof m.pageId === 'string'
      ? { workspaceId: m.workspaceId, incidentId: m.incidentId, pageId: m.pageId }
      : null;
  } catch {
    return null;
  }
};

/** Puts a page (back) on the pages queue: its next method is due. */
export const queuePage = async (sqs: SQSClient, queueUrl: string, ref: PageRef): Promise<void> => {
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(ref) }));
};

const pageKey = (ref: PageRef) => ({ kind: 'page' as const, workspaceId: ref.workspaceId, incidentId: ref.incidentId, id: ref.pageId });

/** Sends one attempt's message through the method's channel; a channel this deployment lacks is `not_configured`. */
const sendThrough = async (deps: PagerDeps, method: ContactMethod, content: PageContent, page: PersonPage, n: number, link: string) => {
  if (method.kind === 'email') {
    if (!deps.mail || !method.address) throw new ChannelError('not_configured', 'no e-mail channel');
    return deps.mail.send({
      to: method.address,
      subject: content.subject,
      text: content.text,
      messageId: pageMessageId(page, n, deps.messageDomain),
    });
  }
  if (method.kind === 'phone') {
    if (!deps.sms || !method.address) throw new ChannelError('not_configured', 'no SMS channel');
    return deps.sms.send({ to: method.address, text: content.sms, ref: `${page.id}.${n}` });
  }
  if (!deps.push || !method.subscription) throw new ChannelError('not_configured', 'no web-push channel');
  return deps.push.send({
    subscription: method.subscription,
    title: content.push.title,
    body: content.push.body,
    url: `${deps.ackOrigin.replace(/\/+$/, '')}/`,
    ackUrl: link,
    tag: page.id,
    ttlSeconds: Math.max(60, Math.floor((Date.parse(page.expiresAt) - deps.clock.now().getTime()) / 1000)),
  });
};

const outcomeOf = (err: unknown): AttemptOutcome =>
  err instanceof ChannelError
    ? { sent: false, failure: err.failure, reason: `${err.failure}: ${err.message}` }
    : { sent: false, failure: 'unavailable', reason: `unavailable: ${errorMessage(err)}` };

/** What a claim found and did: the plan, and for a send the claimed page and what its content is decided from. */
interface Claim {
  plan: PagePlan;
  incident: Incident | undefined;
  claimed?: PersonPage;
  content?: Omit<PageContentInput, 'page' | 'incident' | 'ackUrl' | 'lang'>;
}

/** How many methods one message may try in a row (a person has at most 10). */
const MAX_STEPS = 12;

/**
 * Works one page as far as it goes now: claims the next attempt, sends it, records the outcome,
 * and on a refusal moves to the next method at once. `done`: nothing more to do for this message
 * (sent, finished, or nothing to do); `retry`: the message must come back (a channel was
 * unavailable, or another worker's attempt is under way).
 */
export async function sendPage(deps: PagerDeps, ref: PageRef): Promise<'done' | 'retry'> {
  const key = pageKey(ref);
  const incidentKey = { kind: 'incident' as const, workspaceId: ref.workspaceId, id: ref.incidentId };
  const first = await deps.store.get(key);
  if (!first) {
    deps.logger.warn('pager: no such page', { pageId: ref.pageId });
    return 'done';
  }
  const profile = await deps.users?.get(first.sub).catch(() => undefined);
  const lang = profile && 'lang' in profile ? profile.lang : undefined;
  for (let step = 0; step < MAX_STEPS; step++) {
    const { secret, hash } = newAckSecret();
    const claim = await runCommand<Claim>(deps, {
      chainId: ref.workspaceId,
      actor: PAGER_ACTOR,
      refs: [
        key,
        incidentKey,
        { kind: 'workspace', id: ref.workspaceId },
        { kind: 'policies' },
        { kind: 'contactMethods', sub: first.sub },
        { kind: 'organisation', id: first.orgId },
      ],
      authorize: systemCommand,
      decide(view, now) {
        const page = view.get(key);
        const incident = view.get(incidentKey);
        const plan = planPage(page, incident, view.get({ kind: 'contactMethods', sub: first.sub }), now);
        if (!page || plan.do === 'nothing' || plan.do === 'wait') return unchanged({ plan, incident });
        if (plan.do === 'send') {
          const claimed = claimAttempt(page, plan, hash, now);
          return {
            writes: [{ op: 'put', record: { kind: 'page', value: claimed }, expect: page.version }],
            audit: pageAudit(page, incident, 'page.attempted', {
              attempt: plan.n,
              channel: claimed.attempts.at(-1)!.channel,
              methodId: plan.method.id,
              ...(plan.resend ? { resend: true } : {}),
            }),
            result: {
              plan,
              incident,
              claimed,
              content: {
                ws: view.get({ kind: 'workspace', id: ref.workspaceId }),
                policies: view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET,
                org: view.get({ kind: 'organisation', id: page.orgId }),
                now,
              },
            },
          };
        }
        const status = plan.do === 'stop' ? 'stopped' : plan.do === 'undeliverable' ? 'undeliverable' : 'failed';
        return {
          writes: [{ op: 'put', record: { kind: 'page', value: finishPage(page, status, now) }, expect: page.version }],
          audit: pageAudit(page, incident, `page.${status}`, plan.do === 'stop' ? { why: plan.why } : {}),
          result: { plan, incident },
        };
      },
    });
    const { plan, claimed, incident, content: basis } = claim.result;
    if (plan.do === 'wait') return 'retry';
    if (plan.do !== 'send' || !claimed || !incident || !basis) {
      if (claim.committed) deps.logger.info('pager: page finished', { pageId: ref.pageId, outcome: plan.do });
      return 'done';
    }
    const link = ackUrl(deps.ackOrigin, ref, secret);
    const content = pageContent({ page: claimed, incident, ...basis, ackUrl: link, lang });
    let outcome: AttemptOutcome;
    try {
      const sent = await sendThrough(deps, plan.method, content, claimed, plan.n, link);
      outcome = { sent: true, messageId: sent.messageId };
    } catch (err) {
      outcome = outcomeOf(err);
    }
    deps.onSent?.(claimed, plan.n, outcome);
    await runCommand(deps, {
      chainId: ref.workspaceId,
      actor: PAGER_ACTOR,
      refs: [key, incidentKey],
      authorize: systemCommand,
      decide(view, now) {
        const page = view.get(key);
        const next = page && recordOutcome(page, plan.n, outcome, now);
        if (!page || !next) return unchanged(null);
        const attempt = { attempt: plan.n, channel: next.attempts.at(-1)!.channel };
        return outcome.sent
          ? {
              writes: [
                { op: 'put', record: { kind: 'page', value: next }, expect: page.version },
                { op: 'put', record: { kind: 'pageMessage', value: pageMessageOf(page, plan.n, outcome.messageId) }, expect: 'any' },
              ],
              audit: pageAudit(page, view.get(incidentKey), 'page.sent', attempt),
              result: null,
            }
          : {
              writes: [{ op: 'put', record: { kind: 'page', value: next }, expect: page.version }],
              audit: pageAudit(page, view.get(incidentKey), 'page.attempt_failed', { ...attempt, failure: outcome.failure }),
              result: null,
            };
      },
    });
    // Sent: planning again finds nothing more to do, or (a critical incident) the person's next method.
    if (outcome.sent) continue;
    deps.logger.warn('pager: attempt failed', { pageId: ref.pageId, attempt: plan.n, failure: outcome.failure });
    if (outcome.failure === 'unavailable') return 'retry';
  }
  return 'retry';
}

/**
 * The consumer of the pages queue: each `PageRef` is worked on its own (`sendPage`); a page that
 * must come back (a channel unavailable, an attempt of another worker under way) is reported as
 * a batch item failure and returns after the queue's visibility timeout.
 */
export const createPagerHandler =
  (deps: PagerDeps) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const outcomes = await runRecords(
      event.Records,
      async (r) => {
        const ref = pageRefOf(r.body);
        if (!ref) {
          deps.logger.error('pager: unreadable page message', { messageId: r.messageId });
          return 'retry' as const; // it reaches the dead-letter queue for inspection
        }
        return sendPage(deps, ref);
      },
      (r, err) => {
        deps.logger.error('pager failed', { messageId: r.messageId, message: errorMessage(err) });
        return 'retry' as const;
      },
    );
    return batchResponse(failedRecords(event.Records, outcomes, (o) => o !== 'done').map((r) => r.messageId));
  };
