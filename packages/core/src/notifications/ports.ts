import type { DomainEvent } from '../kernel/events';
import type { Page } from '../kernel/records';
import type { KernelDeps, PageQuery } from '../kernel/store';
import type { Organisation } from '../organisations/model';
import { EMPTY_POLICY_SET, type PolicySet } from '../policies/policy';
import type { Invitation, Workspace } from '../workspaces/model';
import type { DestinationRule } from './destination';
import type { InboxNotification, NotificationChannel } from './model';

/** What fan-out reads, in one request, to decide the recipients of a batch of events. */
export interface FanoutContext {
  /** Events whose outbox entry is already published (a duplicate delivery of the event). */
  published: Set<string>;
  workspaces: Map<string, Workspace>;
  organisations: Map<string, Organisation>;
  /** The current state of the invitations that invitation events are about (`fanoutInvitationKey`). */
  invitations: Map<string, Invitation>;
  policies: PolicySet;
  /** The audience organisations' channels (absent when none was read: no webhook is then planned). */
  channels?: Map<string, NotificationChannel>;
}

/** A fan-out context with nothing read yet: what a store fills in for a batch of events. */
export const emptyFanoutContext = (): FanoutContext => ({
  published: new Set(),
  workspaces: new Map(),
  organisations: new Map(),
  invitations: new Map(),
  policies: EMPTY_POLICY_SET,
  channels: new Map(),
});

export const fanoutInvitationKey = (workspaceId: string, orgId: string) => `${workspaceId}/${orgId}`;

export type WebhookClaim = 'claimed' | 'delivered' | 'busy' | 'missing';

/** A notification whose webhook post is due: what the sweep puts back on the delivery queue. */
export interface WebhookRef {
  recipient: string;
  id: string;
}

/** What a webhook attempt leaves on the inbox item: delivered, or failed with the next attempt's time (none: given up). */
export type WebhookOutcome = (
  | { ok: true; at: Date }
  /** `sweepAt`: when the sweep re-drives it if the queue has not retried it by then (default `nextAttemptAt`). */
  | {
      ok: false;
      at: Date;
      error: string;
      nextAttemptAt?: Date;
      sweepAt?: Date;
      /**
       * Without `nextAttemptAt`: the post ran out of attempts and is parked where a redrive finds
       * it (`redriveWebhooks`), rather than dropped (withheld, or no webhook any more).
       */
      parked?: boolean;
    }
) & {
  /** Which attempt this was (1 for the first post), kept on the item for the backoff. */
  attempt?: number;
};

/** The outbox: events not yet fanned out, in the sparse due index. */
export interface OutboxStore {
  /** Outbox events of one shard not yet published whose relay time has come, oldest first. */
  unpublishedEvents(shard: number, now: Date, limit: number): Promise<DomainEvent[]>;
  /** Moves relayed events later in the outbox index, so the next relay pass skips them unless fan-out never finished. */
  deferEvents(events: DomainEvent[], until: Date): Promise<void>;
  /** Takes an event out of the outbox index: fan-out is done. */
  markPublished(event: DomainEvent, at: Date): Promise<void>;
  fanoutContext(events: DomainEvent[]): Promise<FanoutContext>;
}

/** The recipients' inboxes and the delivery state of their webhooks. */
export interface InboxStore {
  /**
   * Puts a notification in its recipient's inbox unless it is there already. With `webhookDueAt`
   * its webhook post is also entered in the due index at that time, so a sweep finds it even if
   * no queue message ever does.
   */
  putNotification(n: InboxNotification, opts?: { webhookDueAt?: Date }): Promise<'created' | 'exists'>;
  getNotification(orgId: string, id: string): Promise<InboxNotification | null>;
  /** In inbox order (oldest first), or newest first with `newestFirst`; only those not yet acknowledged with `pending`. */
  listNotifications(orgId: string, q: NotificationQuery): Promise<Page<InboxNotification>>;
  acknowledgeNotification(orgId: string, id: string, at: Date): Promise<InboxNotification | null>;
  /**
   * Leases a notification's webhook delivery to one worker until `leaseUntil`: 'busy' when
   * another worker holds a live lease, 'delivered' when it already went out.
   */
  claimWebhook(orgId: string, id: string, now: Date, leaseUntil: Date): Promise<WebhookClaim>;
  /**
   * Records a webhook attempt on the inbox item: delivered (out of the due index), or failed with
   * the attempt counted and the next one due at `nextAttemptAt` (without it, out of the due index).
   */
  recordWebhook(orgId: string, id: string, outcome: WebhookOutcome): Promise<void>;
  /** Webhook posts of one shard whose next attempt is due by `now`, earliest first. */
  dueWebhooks(shard: number, now: Date, limit: number): Promise<WebhookRef[]>;
  /** Moves due webhook posts later in the due index (they have been queued), unless delivered meanwhile. */
  deferWebhooks(refs: WebhookRef[], until: Date): Promise<void>;
  /**
   * Puts parked webhook posts (given up after their last attempt) back in the due index, due at
   * `now`, each with a fresh round of attempts; at most `limit`, only `orgId`'s when given.
   * Returns how many it put back.
   */
  redriveWebhooks(now: Date, opts: { orgId?: string; limit: number }): Promise<number>;
}

/** How an inbox is read: a page, only what is not yet acknowledged, newest first. */
export type NotificationQuery = PageQuery & { pending?: boolean; newestFirst?: boolean };

/** What an organisation's channel needs: where webhooks may point (absent: public hosts only). */
export type ChannelDeps = KernelDeps & { webhookDestinations?: DestinationRule };
/** What reading and acknowledging an inbox needs. */
export type InboxDeps = KernelDeps & { alerts: InboxStore };
