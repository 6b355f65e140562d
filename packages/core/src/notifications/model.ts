import * as z from 'zod/mini';
import type { DomainEvent } from '../events';
import type { CountryContacts, Incident } from '../incidents/model';
import { Marking } from '../marking';
import type { Organisation, Page, Workspace } from '../model';
import type { PolicySet } from '../policy';
import type { PageQuery } from '../ports';
import { Id, IsoDateTime, positiveInt } from '../primitives';

/**
 * What one recipient organisation receives about one domain event: built by fan-out with
 * only what that recipient may read, delivered to its pull inbox and, if it has one, its
 * signed webhook. The id is deterministic (`eventId:orgId`), so every step is idempotent.
 */
export const Notification = z.object({
  id: z.string(),
  eventId: z.string(),
  type: z.string(),
  at: IsoDateTime,
  recipient: Id,
  workspaceId: z.optional(Id),
  subject: z.object({ type: z.string(), id: z.string() }),
  /** The acting organisation (never the person). */
  actorOrgId: z.string(),
  /** The handling label of the subject, so the recipient treats it right. */
  tlp: z.optional(z.string()),
  caveats: z.optional(z.array(z.string())),
  data: z.record(z.string(), z.unknown()),
  /**
   * Kept with the inbox copy, never sent: the subject's full marking and whether the recipient
   * is its addressee, so every read of the inbox asks the evaluator again (a policy tightened
   * after delivery hides what it now forbids).
   */
  access: z.optional(z.object({ marking: Marking, addressee: z.boolean() })),
});
export type Notification = z.infer<typeof Notification>;

/** What leaves the platform (webhook body, API response): everything but `access`. */
export const withoutAccess = <T extends { access?: unknown }>({ access: _kept, ...sent }: T): Omit<T, 'access'> => sent;

export const notificationId = (eventId: string, orgId: string) => `${eventId}:${orgId}`;
const NOTIFICATION_ID = /^([a-z0-9]{10,64}):([a-z0-9][a-z0-9-]{2,63})$/;
export const parseNotificationId = (id: string): { eventId: string; orgId: string } | null => {
  const m = NOTIFICATION_ID.exec(id);
  return m ? { eventId: m[1]!, orgId: m[2]! } : null;
};
/** A notification id as callers send it back: `<event id>:<recipient organisation id>`. */
export const NotificationId = z
  .string()
  .check(
    z.maxLength(129, { abort: true }),
    z.regex(NOTIFICATION_ID, 'must be a notification id: an event id, a colon and an organisation id'),
  );

export const WebhookState = z.object({
  status: z.enum(['pending', 'delivered', 'failed']),
  lastAttemptAt: z.optional(IsoDateTime),
  lastError: z.optional(z.string()),
  deliveredAt: z.optional(IsoDateTime),
});
export type WebhookState = z.infer<typeof WebhookState>;

/** A notification as its recipient's inbox holds it. */
export const InboxNotification = z.extend(Notification, {
  receivedAt: IsoDateTime,
  acknowledgedAt: z.optional(IsoDateTime),
  webhook: z.optional(WebhookState),
});
export type InboxNotification = z.infer<typeof InboxNotification>;
/** An inbox notification as its recipient reads it. */
export const InboxNotificationView = z.omit(InboxNotification, { access: true });
export type InboxNotificationView = z.infer<typeof InboxNotificationView>;

/** Where an organisation wants pushes. The secrets live in their own record, never here nor in audit or events. */
export const NotificationChannel = z.object({
  orgId: Id,
  webhook: z.optional(z.object({ url: z.url({ protocol: /^https?$/ }).check(z.maxLength(2000)) })),
  updatedAt: IsoDateTime,
  version: positiveInt(),
});
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const WebhookChannelInput = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).check(z.maxLength(2000)),
});
export type WebhookChannelInput = z.infer<typeof WebhookChannelInput>;

export const WebhookSecret = z.object({ id: z.string(), value: z.string(), createdAt: IsoDateTime, expiresAt: z.optional(IsoDateTime) });
export type WebhookSecret = z.infer<typeof WebhookSecret>;
/** At most two secrets are live at once: the new one, and the previous one until its grace period ends. */
export const WebhookSecrets = z.object({ orgId: Id, secrets: z.array(WebhookSecret).check(z.maxLength(2)), version: positiveInt() });
export type WebhookSecrets = z.infer<typeof WebhookSecrets>;

export const activeSecrets = (s: WebhookSecrets | undefined | null, now: Date): WebhookSecret[] =>
  (s?.secrets ?? []).filter((x) => !x.expiresAt || new Date(x.expiresAt).getTime() > now.getTime());

/** What fan-out reads, in one request, to decide the recipients of a batch of events. */
export interface FanoutContext {
  /** Events whose outbox entry is already published (a duplicate delivery of the event). */
  published: Set<string>;
  workspaces: Map<string, Workspace>;
  organisations: Map<string, Organisation>;
  policies: PolicySet;
}

export type WebhookClaim = 'claimed' | 'delivered' | 'busy' | 'missing';

/**
 * The store port of the 24/7 network and of messaging: incident and contact lists, the
 * outbox (events not yet fanned out, in the sparse due index), and the partners' inboxes.
 */
export interface AlertStore {
  listIncidents(workspaceId: string, q: PageQuery): Promise<Page<Incident>>;
  listContacts(q: PageQuery): Promise<Page<CountryContacts>>;

  /** Outbox events of one shard not yet published whose relay time has come, oldest first. */
  unpublishedEvents(shard: number, now: Date, limit: number): Promise<DomainEvent[]>;
  /** Moves relayed events later in the outbox index, so the next relay pass skips them unless fan-out never finished. */
  deferEvents(events: DomainEvent[], until: Date): Promise<void>;
  /** Takes an event out of the outbox index: fan-out is done. */
  markPublished(event: DomainEvent, at: Date): Promise<void>;
  fanoutContext(events: DomainEvent[]): Promise<FanoutContext>;

  /** Puts a notification in its recipient's inbox unless it is there already. */
  putNotification(n: InboxNotification): Promise<'created' | 'exists'>;
  getNotification(orgId: string, id: string): Promise<InboxNotification | null>;
  listNotifications(orgId: string, q: PageQuery & { pending?: boolean }): Promise<Page<InboxNotification>>;
  acknowledgeNotification(orgId: string, id: string, at: Date): Promise<InboxNotification | null>;
  /**
   * Leases a notification's webhook delivery to one worker until `leaseUntil`: 'busy' when
   * another worker holds a live lease, 'delivered' when it already went out.
   */
  claimWebhook(orgId: string, id: string, now: Date, leaseUntil: Date): Promise<WebhookClaim>;
  recordWebhook(orgId: string, id: string, outcome: { ok: true; at: Date } | { ok: false; at: Date; error: string }): Promise<void>;
}
