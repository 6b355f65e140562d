import * as z from 'zod/mini';
import { Marking } from '../kernel/marking';
import { Id, IsoDateTime, positiveInt } from '../kernel/primitives';
import { defineRecord } from '../kernel/records';

/**
 * Kept with the inbox copy, never sent: what every read of the inbox needs to ask again whether
 * the recipient may still see it — the subject's full marking, whether the recipient is its
 * addressee, and (for a private partner, whose copy names no workspace) the workspace it is in.
 */
const Access = z.object({ marking: Marking, addressee: z.boolean(), workspaceId: z.optional(Id) });

/**
 * What one recipient organisation receives about one domain event: built by fan-out with
 * only what that recipient may read, delivered to its pull inbox and, if it has one, its
 * signed webhook. The id is deterministic (`eventId:orgId`), so every step is idempotent.
 * An agency (a member of the workspace) receives this form; a private partner receives a
 * `PartnerNotification`.
 */
const AgencyNotification = z.object({
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
   * Kept with the inbox copy, never sent, so every read of the inbox asks the evaluator again
   * (a policy tightened after delivery hides what it now forbids).
   */
  access: z.optional(Access),
});

/**
 * What a private partner receives about a request addressed to it (built only by
 * `partnerNotification` in notifications/partner.ts): the request, the agency that sent it, and of the
 * event's data only what the partner's portal shows. No workspace, no acting organisation, no
 * person; the workspace is kept in `access`, which is never sent.
 */
export const PartnerNotification = z.object({
  id: z.string(),
  eventId: z.string(),
  type: z.string(),
  at: IsoDateTime,
  recipient: Id,
  subject: z.object({ type: z.literal('request'), id: z.string() }),
  requestingAgency: z.object({ orgId: Id, country: z.string() }),
  tlp: z.optional(z.string()),
  caveats: z.optional(z.array(z.string())),
  data: z.record(z.string(), z.unknown()),
  access: z.optional(Access),
});
export type PartnerNotification = z.infer<typeof PartnerNotification>;

/** Either form; the two are disjoint (an agency's names its actor, a partner's its requesting agency). */
export const Notification = z.union([PartnerNotification, AgencyNotification]);
export type Notification = z.infer<typeof Notification>;

/** Omit that keeps a union a union. */
type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What leaves the platform (webhook body, API response): everything but `access`. */
export const withoutAccess = <T extends { access?: unknown }>({ access: _kept, ...sent }: T): Without<T, 'access'> =>
  sent as Without<T, 'access'>;

/** The workspace a notification is about, whichever form it has. */
export const workspaceOfNotification = (n: Notification): string | undefined =>
  n.access?.workspaceId ?? ('workspaceId' in n ? n.workspaceId : undefined);

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

const WebhookState = z.object({
  status: z.enum(['pending', 'delivered', 'failed']),
  lastAttemptAt: z.optional(IsoDateTime),
  lastError: z.optional(z.string()),
  deliveredAt: z.optional(IsoDateTime),
  /** Posts made so far (failed ones included). */
  attempts: z.optional(z.number()),
  /** When the next post is due, while one is: the sweep re-drives it then, whatever became of the queue. */
  nextAttemptAt: z.optional(IsoDateTime),
});

const inboxFields = {
  receivedAt: IsoDateTime,
  acknowledgedAt: z.optional(IsoDateTime),
  webhook: z.optional(WebhookState),
};
/** A notification as its recipient's inbox holds it. */
export const InboxNotification = z.union([z.extend(PartnerNotification, inboxFields), z.extend(AgencyNotification, inboxFields)]);
export type InboxNotification = z.infer<typeof InboxNotification>;
/** An inbox notification as its recipient reads it: a partner's form or an agency's, never `access`. */
export const PartnerInboxNotificationView = z.omit(z.extend(PartnerNotification, inboxFields), { access: true });
export type PartnerInboxNotificationView = z.infer<typeof PartnerInboxNotificationView>;
export const AgencyInboxNotificationView = z.omit(z.extend(AgencyNotification, inboxFields), { access: true });
export const InboxNotificationView = z.union([PartnerInboxNotificationView, AgencyInboxNotificationView]);
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

/** "Mark all read": only what was received up to `until` (what the reader had on screen), so nothing newer is marked unseen. */
export const AcknowledgeAllInput = z.strictObject({ until: z.optional(IsoDateTime) });
export type AcknowledgeAllInput = z.infer<typeof AcknowledgeAllInput>;

/** Most parked webhook posts one redrive puts back. */
export const REDRIVE_MAX = 1000;
/** What a platform administrator may narrow a redrive to: one recipient organisation, and how many posts. */
export const RedriveInput = z.strictObject({
  orgId: z.optional(Id),
  limit: z.optional(z.int().check(z.gte(1), z.lte(REDRIVE_MAX))),
});
export type RedriveInput = z.infer<typeof RedriveInput>;

export const WebhookSecret = z.object({ id: z.string(), value: z.string(), createdAt: IsoDateTime, expiresAt: z.optional(IsoDateTime) });
export type WebhookSecret = z.infer<typeof WebhookSecret>;
/** At most two secrets are live at once: the new one, and the previous one until its grace period ends. */
export const WebhookSecrets = z.object({ orgId: Id, secrets: z.array(WebhookSecret).check(z.maxLength(2)), version: positiveInt() });
export type WebhookSecrets = z.infer<typeof WebhookSecrets>;

declare module '../kernel/records' {
  interface RecordTypes {
    channel: { value: NotificationChannel; ref: { orgId: string } };
    webhookSecrets: { value: WebhookSecrets; ref: { orgId: string } };
  }
}
defineRecord('channel', ['orgId'], (c) => ({ orgId: c.orgId }));
defineRecord('webhookSecrets', ['orgId'], (s) => ({ orgId: s.orgId }));

export const activeSecrets = (s: WebhookSecrets | undefined | null, now: Date): WebhookSecret[] =>
  (s?.secrets ?? []).filter((x) => !x.expiresAt || new Date(x.expiresAt).getTime() > now.getTime());
