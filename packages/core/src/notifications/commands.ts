import { randomBytes } from 'node:crypto';
import { actorOf, type CommandContext, PLATFORM_CHAIN } from '../kernel/context';
import { invalid, notFound } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { LoadedView, runCommand } from '../kernel/runner';
import type { KernelDeps, PageQuery } from '../kernel/store';
import { fillPage } from '../policies/access';
import { authorize } from '../policies/permissions';
import type { PolicyAction } from '../policies/policy';
import { webhookUrlProblem } from './destination';
import {
  type AcknowledgeAllInput,
  activeSecrets,
  type InboxNotification,
  type InboxNotificationView,
  type NotificationChannel,
  REDRIVE_MAX,
  type RedriveInput,
  type WebhookChannelInput,
  type WebhookSecret,
  type WebhookSecrets,
} from './model';
import type { ChannelDeps, InboxDeps, NotificationQuery } from './ports';
import { accessCountries, notificationAsSeenNow, notificationRefs, presentTo } from './recheck';

/** Who may manage an organisation's delivery channel: the permission table's `webhook.manage`. */
const requireChannelManager = (p: Principal) => authorize('webhook.manage', p, 'webhook');

/** An organisation's webhook and its signing secrets: read together by every channel operation. */
const channelRefs = (orgId: string) => [
  { kind: 'channel' as const, orgId },
  { kind: 'webhookSecrets' as const, orgId },
];

const secretValue = () => `whsec_${randomBytes(32).toString('base64url')}`;
const secretId = () => `sec_${randomBytes(6).toString('hex')}`;

/** What the API shows of a webhook: the URL and each live secret's id and expiry, never a secret's value. */
export interface WebhookView {
  url?: string;
  secrets: Omit<WebhookSecret, 'value'>[];
  version: number;
}
const viewOf = (channel: NotificationChannel | undefined, secrets: WebhookSecrets | undefined, now: Date): WebhookView => ({
  ...(channel?.webhook ? { url: channel.webhook.url } : {}),
  secrets: activeSecrets(secrets, now).map(({ value: _hidden, ...rest }) => rest),
  version: channel?.version ?? 0,
});

export async function getWebhook(deps: ChannelDeps, p: Principal): Promise<WebhookView> {
  requireChannelManager(p);
  const view = new LoadedView(await deps.store.load({ refs: channelRefs(p.orgId) }));
  return viewOf(view.get({ kind: 'channel', orgId: p.orgId }), view.get({ kind: 'webhookSecrets', orgId: p.orgId }), deps.clock.now());
}

/** What every change to an organisation's channel shares: the platform chain, retried on a race, by a channel manager. */
const channelCommand = (p: Principal, refs: RecordRef[]) => ({
  chainId: PLATFORM_CHAIN,
  actor: actorOf(p),
  refs,
  authorize: () => requireChannelManager(p),
});

const freshSecret = (deps: ChannelDeps): WebhookSecret => ({
  id: secretId(),
  value: secretValue(),
  createdAt: deps.clock.now().toISOString(),
});

/**
 * Sets the caller's organisation's webhook URL. The first time, a signing secret is created and
 * returned once (`secret`); it is kept in its own record, never in the audit trail or events.
 * No Idempotency-Key: a replay would have to store the secret.
 */
export async function setWebhook(deps: ChannelDeps, ctx: CommandContext, input: WebhookChannelInput) {
  const p = ctx.principal;
  requireChannelManager(p);
  const problem = webhookUrlProblem(input.url, deps.webhookDestinations);
  if (problem) throw invalid('url', `the webhook URL ${problem}`);
  const fresh = freshSecret(deps);
  return runCommand(deps, {
    ...channelCommand(p, channelRefs(p.orgId)),
    decide(view, now) {
      const current = view.get({ kind: 'channel', orgId: p.orgId });
      const secrets = view.get({ kind: 'webhookSecrets', orgId: p.orgId });
      const channel: NotificationChannel = {
        orgId: p.orgId,
        webhook: { url: input.url },
        updatedAt: now.toISOString(),
        version: (current?.version ?? 0) + 1,
      };
      const needSecret = activeSecrets(secrets, now).length === 0;
      const nextSecrets: WebhookSecrets | undefined = needSecret
        ? { orgId: p.orgId, secrets: [fresh], version: (secrets?.version ?? 0) + 1 }
        : undefined;
      return {
        writes: [
          { op: 'put', record: { kind: 'channel', value: channel }, expect: current ? current.version : 'absent' },
          ...(nextSecrets
            ? [
                {
                  op: 'put' as const,
                  record: { kind: 'webhookSecrets' as const, value: nextSecrets },
                  expect: secrets ? secrets.version : ('absent' as const),
                },
              ]
            : []),
        ],
        audit: {
          action: 'notification.webhook_set',
          target: { type: 'organisation', id: p.orgId },
          details: { host: new URL(input.url).host, ...(nextSecrets ? { secretId: fresh.id } : {}) },
          markings: [],
        },
        result: {
          ...viewOf(channel, nextSecrets ?? secrets, now),
          ...(nextSecrets ? { secret: { id: fresh.id, value: fresh.value } } : {}),
        },
      };
    },
  });
}

/** Removes the webhook and its secrets: notifications keep arriving in the pull inbox. */
export async function removeWebhook(deps: ChannelDeps, ctx: CommandContext) {
  const p = ctx.principal;
  requireChannelManager(p);
  return runCommand(deps, {
    ...channelCommand(p, [{ kind: 'channel', orgId: p.orgId }]),
    decide(view) {
      if (!view.get({ kind: 'channel', orgId: p.orgId })) throw notFound('webhook');
      return {
        writes: [
          { op: 'delete', ref: { kind: 'channel', orgId: p.orgId }, expect: 'any' },
          { op: 'delete', ref: { kind: 'webhookSecrets', orgId: p.orgId }, expect: 'any' },
        ],
        audit: { action: 'notification.webhook_removed', target: { type: 'organisation', id: p.orgId }, markings: [] },
        result: null,
      };
    },
  });
}

/**
 * Rotates the signing secret: a new one is created and returned once, and the previous one
 * stays live for `graceSeconds` (default a day), during which deliveries carry a signature by
 * each, so the receiver can switch over without dropping any. At most two are ever live.
 */
export async function rotateWebhookSecret(deps: ChannelDeps, ctx: CommandContext, graceSeconds = 86_400) {
  const p = ctx.principal;
  requireChannelManager(p);
  const fresh = freshSecret(deps);
  return runCommand(deps, {
    ...channelCommand(p, channelRefs(p.orgId)),
    decide(view, now) {
      if (!view.get({ kind: 'channel', orgId: p.orgId })?.webhook) throw notFound('webhook');
      const current = view.get({ kind: 'webhookSecrets', orgId: p.orgId });
      const live = activeSecrets(current, now);
      const newest = live.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      const expiresAt = new Date(now.getTime() + graceSeconds * 1000).toISOString();
      const kept: WebhookSecret[] = newest
        ? [{ ...newest, expiresAt: newest.expiresAt && newest.expiresAt < expiresAt ? newest.expiresAt : expiresAt }]
        : [];
      const next: WebhookSecrets = { orgId: p.orgId, secrets: [fresh, ...kept], version: (current?.version ?? 0) + 1 };
      return {
        writes: [{ op: 'put', record: { kind: 'webhookSecrets', value: next }, expect: current ? current.version : 'absent' }],
        audit: {
          action: 'notification.secret_rotated',
          target: { type: 'organisation', id: p.orgId },
          details: { secretId: fresh.id, ...(kept[0] ? { previous: kept[0].id, previousExpiresAt: kept[0].expiresAt } : {}) },
          markings: [],
        },
        result: { secret: { id: fresh.id, value: fresh.value }, secrets: next.secrets.map(({ value: _hidden, ...rest }) => rest) },
        status: 201,
      };
    },
  });
}

/**
 * Keeps the notifications the caller may still see (`notificationAsSeenNow`), reading in one batch
 * today's policies, the workspaces and the caller's own invitations the page is about.
 */
const stillVisible = async (
  deps: KernelDeps,
  p: Principal,
  items: InboxNotification[],
  action: PolicyAction,
): Promise<InboxNotificationView[]> => {
  const refs = [...new Map(items.flatMap((n) => notificationRefs(p.orgId, n)).map((r) => [JSON.stringify(r), r])).values()];
  const view =
    refs.length > 0 || items.some((n) => n.access)
      ? new LoadedView(await deps.store.load({ refs: [{ kind: 'policies', countries: accessCountries(items) }, ...refs] }))
      : undefined;
  const now = deps.clock.now();
  return items.flatMap((n) => notificationAsSeenNow(p, n, view ?? EMPTY_VIEW, now, action) ?? []);
};

const EMPTY_VIEW = new LoadedView({ records: new Map(), idempotency: null });

/**
 * Whether a notification tells the caller's organisation of something it did itself (an agency's
 * copy names the acting organisation; what the sweep does, such as an escalation, is nobody's own).
 */
const ownAction = (p: Principal, n: InboxNotification): boolean => 'actorOrgId' in n && n.actorOrgId === p.orgId;

export async function listMyNotifications(
  deps: InboxDeps,
  p: Principal,
  q: NotificationQuery & { others?: boolean },
): Promise<Page<InboxNotificationView>> {
  authorize('notification.read', p, 'notification');
  const { others, ...query } = q;
  const list = (pq: PageQuery) => deps.alerts.listNotifications(p.orgId, { ...query, ...pq });
  const keep = (items: InboxNotification[]) => stillVisible(deps, p, others ? items.filter((n) => !ownAction(p, n)) : items, 'list');
  return fillPage(await list(query), keep, { limit: q.limit, list });
}

/** How many notifications one "mark all read" acknowledges at most; the caller asks again while `more` says so. */
const ACKNOWLEDGE_ALL_BATCH = 100;

/**
 * "Mark all read": acknowledges, in one bounded batch, the caller's organisation's notifications
 * not yet acknowledged that it may still see, received up to `until` (what the reader had on
 * screen; absent, now), oldest first, as `acknowledgeNotification` does one by one (the first
 * acknowledgement time stays). `more` says whether pending ones up to `until` remain.
 */
export async function acknowledgeAllNotifications(
  deps: InboxDeps,
  p: Principal,
  input: AcknowledgeAllInput = {},
): Promise<{ acknowledged: number; more: boolean }> {
  authorize('notification.acknowledge_all', p, 'notification');
  const now = deps.clock.now();
  const until = input.until ?? now.toISOString();
  const page = await deps.alerts.listNotifications(p.orgId, { pending: true, limit: ACKNOWLEDGE_ALL_BATCH });
  const upTo = page.items.filter((n) => Date.parse(n.at) <= Date.parse(until));
  // What the caller may no longer see is acknowledged too (else it would hold the batch for ever), but not counted.
  const visible = new Set((await stillVisible(deps, p, upTo, 'read')).map((n) => n.id));
  const acknowledged = await Promise.all(upTo.map((n) => deps.alerts.acknowledgeNotification(p.orgId, n.id, now)));
  // Oldest first: once one is past `until`, every later one is too.
  const more = upTo.length === page.items.length && page.next !== undefined;
  return { acknowledged: acknowledged.filter((n) => n && visible.has(n.id)).length, more };
}

const visibleNotification = async (deps: KernelDeps, p: Principal, n: InboxNotification | null): Promise<InboxNotificationView> => {
  const [shown] = n ? await stillVisible(deps, p, [n], 'read') : [];
  if (!shown) throw notFound('notification');
  return shown;
};

export const getMyNotification = async (deps: InboxDeps, p: Principal, id: string): Promise<InboxNotificationView> => {
  authorize('notification.read', p, 'notification');
  return visibleNotification(deps, p, await deps.alerts.getNotification(p.orgId, id));
};

/** Acknowledging is idempotent: the first acknowledgement time stays. A notification the caller may no longer see is a 404. */
export async function acknowledgeNotification(deps: InboxDeps, p: Principal, id: string): Promise<InboxNotificationView> {
  await getMyNotification(deps, p, id);
  const acknowledged = await deps.alerts.acknowledgeNotification(p.orgId, id, deps.clock.now());
  const shown = acknowledged && presentTo(p, acknowledged);
  if (!shown) throw notFound('notification');
  return shown;
}

/**
 * Puts webhook posts that were given up after their last attempt back in the delivery schedule
 * (the due index), due now, each with a fresh round of attempts: the sweep queues them at its
 * next pass, and delivery asks again whether each recipient may still see its notification.
 * Only the platform's administrators; works from the table, whatever became of the queues.
 */
export async function redriveWebhooks(deps: InboxDeps, p: Principal, input: RedriveInput = {}): Promise<{ requeued: number }> {
  authorize('notification.redrive', p, 'notification');
  const requeued = await deps.alerts.redriveWebhooks(deps.clock.now(), {
    limit: input.limit ?? REDRIVE_MAX,
    ...(input.orgId ? { orgId: input.orgId } : {}),
  });
  return { requeued };
}
