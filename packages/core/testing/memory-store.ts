import {
  type AlertStore,
  type CountryContacts,
  type DomainEvent,
  DUE_SHARDS,
  emptyFanoutContext,
  type FanoutContext,
  fanoutInvitationKey,
  type InboxNotification,
  type Incident,
  originatorCountries,
  type Page,
  type PageQuery,
  type PersonPage,
  policySetOf,
  type RecordKind,
  type RecordRef,
  type RecordValue,
  refKey,
  shardOf,
  type WebhookClaim,
  type WebhookOutcome,
  type WebhookRef,
} from '../src/index';
import { MemoryRecordStore } from './memory-records';
import { copy, type Due, dueBy, outboxPartition, pageOf, parkedPartition, webhookPartition } from './memory-tables';

/**
 * The store port and the alert store port in memory, with the DynamoDB adapter's semantics:
 * records and commits as `MemoryRecordStore`; incident and contact lists, the outbox, fan-out's
 * context, inboxes and webhook posts (due, deferred, parked, redriven) as `DynamoAlertStore`.
 * Values are copied in and out, so a caller cannot change what is stored by mutating what it
 * gave or got.
 */
export class MemoryStore extends MemoryRecordStore implements AlertStore {
  async listIncidents(workspaceId: string, q: PageQuery): Promise<Page<Incident>> {
    return pageOf(
      `incidents:${workspaceId}`,
      this.values('incident', (i) => i.workspaceId === workspaceId).map((i) => [i.id, i]),
      q,
      { descending: true },
    );
  }
  async listContacts(q: PageQuery): Promise<Page<CountryContacts>> {
    return pageOf(
      'contacts',
      this.values('contacts', () => true).map((c) => [c.country, c]),
      q,
    );
  }

  async listPages(workspaceId: string, incidentId: string, q: PageQuery): Promise<Page<PersonPage>> {
    return pageOf(
      `pages:${workspaceId}:${incidentId}`,
      this.values('page', (p) => p.workspaceId === workspaceId && p.incidentId === incidentId).map((p) => [p.id, p]),
      q,
    );
  }

  async unpublishedEvents(shard: number, now: Date, limit: number): Promise<DomainEvent[]> {
    return dueBy(
      [...this.events.values()].map((e): [Due | undefined, DomainEvent] => [e.due, e.event]),
      outboxPartition(shard),
      now,
      limit,
    );
  }
  async deferEvents(events: DomainEvent[], until: Date): Promise<void> {
    for (const e of events) {
      const entry = this.events.get(this.eventKey(e));
      if (entry?.due) entry.due = { ...entry.due, sort: `${until.toISOString()}#${e.id}` };
    }
  }
  async markPublished(event: DomainEvent, at: Date): Promise<void> {
    const entry = this.events.get(this.eventKey(event));
    if (!entry) throw new Error(`event ${event.id} is not in the outbox`);
    delete entry.due;
    entry.publishedAt = at.toISOString();
  }

  async fanoutContext(events: DomainEvent[]): Promise<FanoutContext> {
    const ctx = emptyFanoutContext();
    const record = <K extends RecordKind>(ref: RecordRef & { kind: K }) =>
      this.records.get(refKey(ref))?.value as RecordValue<K> | undefined;
    for (const e of events) {
      if (!this.events.get(this.eventKey(e))?.due) ctx.published.add(e.id);
      if (e.workspaceId) {
        const ws = record({ kind: 'workspace', id: e.workspaceId });
        if (ws) ctx.workspaces.set(ws.id, copy(ws));
        // An invitation event reaches the invitee only while its invitation is still pending.
        if (e.subject.type === 'invitation') {
          const inv = record({ kind: 'invitation', workspaceId: e.workspaceId, orgId: e.subject.id });
          if (inv) ctx.invitations.set(fanoutInvitationKey(inv.workspaceId, inv.orgId), copy(inv));
        }
      }
      for (const orgId of e.audience) {
        const org = record({ kind: 'organisation', id: orgId });
        if (org) ctx.organisations.set(org.id, copy(org));
        const channel = record({ kind: 'channel', orgId });
        if (channel) ctx.channels!.set(channel.orgId, copy(channel));
      }
    }
    // As the adapter: the policies of the events' originators, in the same read.
    const countries = originatorCountries(events.flatMap((e) => (e.marking ? [e.marking] : [])));
    ctx.policies = policySetOf(countries.flatMap((country) => record({ kind: 'policy', country }) ?? []).map(copy), countries);
    return ctx;
  }

  async putNotification(n: InboxNotification, opts: { webhookDueAt?: Date } = {}): Promise<'created' | 'exists'> {
    const slot = this.inboxSlot(n.recipient, n.id);
    if (!slot) throw new Error(`notification id ${n.id} does not name recipient ${n.recipient}`);
    if (slot.inbox.has(slot.eventId)) return 'exists';
    slot.inbox.set(slot.eventId, {
      data: copy(n),
      pending: true,
      ...(opts.webhookDueAt
        ? {
            due: { partition: webhookPartition(shardOf(n.id)), sort: `${opts.webhookDueAt.toISOString()}#${n.id}` },
            hook: { recipient: n.recipient, id: n.id },
          }
        : {}),
    });
    return 'created';
  }
  async getNotification(orgId: string, id: string): Promise<InboxNotification | null> {
    const entry = this.inboxEntry(orgId, id);
    return entry ? copy(entry.data) : null;
  }
  /** Oldest first (ids are time-ordered); `pending`: only those not yet acknowledged. */
  async listNotifications(orgId: string, q: PageQuery & { pending?: boolean }): Promise<Page<InboxNotification>> {
    const entries = [...(this.inboxes.get(orgId)?.entries() ?? [])].filter(([, e]) => !q.pending || e.pending);
    return pageOf(
      `notifications:${orgId}`,
      entries.map(([eventId, e]) => [eventId, e.data]),
      q,
    );
  }
  async acknowledgeNotification(orgId: string, id: string, at: Date): Promise<InboxNotification | null> {
    const entry = this.inboxEntry(orgId, id);
    if (!entry) return null;
    entry.data.acknowledgedAt ??= at.toISOString();
    entry.pending = false;
    return copy(entry.data);
  }

  async claimWebhook(orgId: string, id: string, now: Date, leaseUntil: Date): Promise<WebhookClaim> {
    const entry = this.inboxEntry(orgId, id);
    if (!entry) return 'missing';
    if (entry.deliveredAt) return 'delivered';
    if (entry.lease !== undefined && !(entry.lease < now.toISOString())) return 'busy';
    entry.lease = leaseUntil.toISOString();
    return 'claimed';
  }

  async recordWebhook(orgId: string, id: string, outcome: WebhookOutcome): Promise<void> {
    if (!this.inboxSlot(orgId, id)) return;
    const entry = this.inboxEntry(orgId, id);
    if (!entry) throw new Error(`notification ${id} is not in ${orgId}'s inbox`);
    const at = outcome.at.toISOString();
    const attempts = outcome.attempt !== undefined ? { attempts: outcome.attempt } : {};
    delete entry.lease;
    if (outcome.ok) {
      entry.deliveredAt = at;
      entry.data.webhook = { status: 'delivered', deliveredAt: at, lastAttemptAt: at, ...attempts };
      delete entry.due;
      return;
    }
    const next = outcome.nextAttemptAt?.toISOString();
    entry.data.webhook = {
      status: 'failed',
      lastAttemptAt: at,
      lastError: outcome.error.slice(0, 300),
      ...attempts,
      ...(next ? { nextAttemptAt: next } : {}),
    };
    if (next) {
      const sweepAt = (outcome.sweepAt ?? outcome.nextAttemptAt!).toISOString();
      entry.due = { partition: webhookPartition(shardOf(id)), sort: `${sweepAt}#${id}` };
      entry.hook = { recipient: orgId, id };
    } else if (outcome.parked) {
      // Given up after its last attempt: parked where a redrive finds it, one recipient's together.
      entry.due = { partition: parkedPartition(shardOf(id)), sort: `${orgId}#${at}#${id}` };
      entry.hook = { recipient: orgId, id };
    } else delete entry.due;
  }

  async dueWebhooks(shard: number, now: Date, limit: number): Promise<WebhookRef[]> {
    return dueBy(
      this.allInboxEntries().map((e): [Due | undefined, WebhookRef] => [e.due, e.hook ?? { recipient: e.data.recipient, id: e.data.id }]),
      webhookPartition(shard),
      now,
      limit,
    );
  }
  async deferWebhooks(refs: WebhookRef[], until: Date): Promise<void> {
    for (const r of refs) {
      const entry = this.inboxEntry(r.recipient, r.id);
      if (entry?.due) entry.due = { ...entry.due, sort: `${until.toISOString()}#${r.id}` };
    }
  }
  async redriveWebhooks(now: Date, opts: { orgId?: string; limit: number }): Promise<number> {
    let moved = 0;
    const at = now.toISOString();
    for (let shard = 0; shard < DUE_SHARDS && moved < opts.limit; shard++) {
      const partition = parkedPartition(shard);
      const parked = this.allInboxEntries()
        .filter((e) => e.due?.partition === partition && (!opts.orgId || e.due.sort.startsWith(`${opts.orgId}#`)))
        .sort((a, b) => (a.due!.sort < b.due!.sort ? -1 : a.due!.sort > b.due!.sort ? 1 : 0));
      for (const e of parked) {
        if (moved >= opts.limit) break;
        if (e.deliveredAt) continue;
        e.due = { partition: webhookPartition(shardOf(e.data.id)), sort: `${at}#${e.data.id}` };
        if (e.data.webhook) e.data.webhook = { ...e.data.webhook, attempts: 0, nextAttemptAt: at };
        moved++;
      }
    }
    return moved;
  }
}
