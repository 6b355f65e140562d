import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  type AlertStore,
  type CountryContacts,
  type DomainEvent,
  DUE_SHARDS,
  EMPTY_POLICY_SET,
  type FanoutContext,
  fanoutInvitationKey,
  type InboxNotification,
  type Incident,
  type Invitation,
  type NotificationChannel,
  type Organisation,
  type Page,
  type PageQuery,
  type PolicySet,
  parseNotificationId,
  shardOf,
  type WebhookClaim,
  type WebhookOutcome,
  type WebhookRef,
  type Workspace,
} from '@taskforce/core';
import { getItems } from './batch-get';
import { decodeCursor, encodeCursor } from './cursor';
import { queryDue } from './due';
import { eventKey, type Key, notificationKey, outboxPartition, parkedWebhookPartition, recordKey, webhookPartition } from './keys';
import { TABLE } from './table';

type Item = Record<string, unknown>;

/**
 * The DynamoDB side of the 24/7 network and of messaging, on the same single table: lists of
 * incidents and contacts, the outbox (event items while they sit in the sparse due index),
 * and each recipient's notification inbox.
 */
export class DynamoAlertStore implements AlertStore {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  private async page<T>(input: Omit<QueryCommandInput, 'TableName'>, partition: { attribute: string; value: string }, q: PageQuery) {
    const start = decodeCursor(q.cursor, partition);
    const out = await this.doc.send(
      new QueryCommand({ TableName: this.tableName, Limit: q.limit, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    const next = encodeCursor(out.LastEvaluatedKey);
    return { items: (out.Items ?? []) as Item[], ...(next ? { next } : {}) } as { items: Item[]; next?: string } & Page<T>;
  }

  async listIncidents(workspaceId: string, q: PageQuery): Promise<Page<Incident>> {
    const pk = `WS#${workspaceId}`;
    const out = await this.page<Item>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': 'INC#' },
        ScanIndexForward: false,
      },
      { attribute: 'pk', value: pk },
      q,
    );
    return { ...out, items: out.items.map((i) => i.data as Incident) };
  }

  async listContacts(q: PageQuery): Promise<Page<CountryContacts>> {
    const idx = TABLE.indexes.lookup;
    const out = await this.page<Item>(
      { IndexName: idx.name, KeyConditionExpression: `${idx.partitionKey} = :p`, ExpressionAttributeValues: { ':p': 'CONTACTS' } },
      { attribute: idx.partitionKey, value: 'CONTACTS' },
      q,
    );
    return { ...out, items: out.items.map((i) => i.data as CountryContacts) };
  }

  async unpublishedEvents(shard: number, now: Date, limit: number): Promise<DomainEvent[]> {
    return queryDue<DomainEvent>(this.doc, this.tableName, outboxPartition(shard), now, limit);
  }

  /**
   * One TransactWriteItems per ten events: each still-unpublished event moves to `until` in
   * the outbox index. A conflict with fan-out publishing the same event is harmless: the
   * event is either published or will be relayed again.
   */
  async deferEvents(events: DomainEvent[], until: Date): Promise<void> {
    for (let i = 0; i < events.length; i += 10) {
      const chunk = events.slice(i, i + 10);
      try {
        await this.doc.send(
          new TransactWriteCommand({
            TransactItems: chunk.map((e) => ({
              Update: {
                TableName: this.tableName,
                Key: eventKey(e),
                UpdateExpression: 'SET dueSk = :sk',
                ConditionExpression: 'attribute_exists(duePk)',
                ExpressionAttributeValues: { ':sk': `${until.toISOString()}#${e.id}` },
              },
            })),
          }),
        );
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        // Some were published meanwhile: defer the others one by one.
        await Promise.all(
          chunk.map((e) =>
            this.doc
              .send(
                new UpdateCommand({
                  TableName: this.tableName,
                  Key: eventKey(e),
                  UpdateExpression: 'SET dueSk = :sk',
                  ConditionExpression: 'attribute_exists(duePk)',
                  ExpressionAttributeValues: { ':sk': `${until.toISOString()}#${e.id}` },
                }),
              )
              .catch((e2) => {
                if (!(e2 instanceof ConditionalCheckFailedException)) throw e2;
              }),
          ),
        );
      }
    }
  }

  async markPublished(event: DomainEvent, at: Date): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: eventKey(event),
        UpdateExpression: 'REMOVE duePk, dueSk SET publishedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  }

  /** The events' outbox entries, their workspaces, the audience organisations and the policies: one BatchGetItem per 100 keys. */
  async fanoutContext(events: DomainEvent[]): Promise<FanoutContext> {
    const keys = new Map<string, Key>();
    const add = (k: Key) => keys.set(`${k.pk}\u0000${k.sk}`, k);
    for (const e of events) {
      add(eventKey(e));
      if (e.workspaceId) add(recordKey({ kind: 'workspace', id: e.workspaceId }));
      // An invitation event reaches the invitee only while its invitation is still pending.
      if (e.workspaceId && e.subject.type === 'invitation')
        add(recordKey({ kind: 'invitation', workspaceId: e.workspaceId, orgId: e.subject.id }));
      for (const orgId of e.audience) {
        add(recordKey({ kind: 'organisation', id: orgId }));
        // Whether fan-out enters a webhook post for the recipient beside its inbox item.
        add(recordKey({ kind: 'channel', orgId }));
      }
    }
    add(recordKey({ kind: 'policies' }));
    const items = await getItems(this.doc, this.tableName, [...keys.values()]);
    const ctx: FanoutContext = {
      published: new Set(),
      workspaces: new Map(),
      organisations: new Map(),
      invitations: new Map(),
      policies: EMPTY_POLICY_SET,
      channels: new Map(),
    };
    const pending = new Set<string>();
    for (const item of items) {
      if (item.kind === 'event') {
        if (item.duePk) pending.add((item.data as DomainEvent).id);
      } else if (item.kind === 'workspace') ctx.workspaces.set((item.data as Workspace).id, item.data as Workspace);
      else if (item.kind === 'organisation') ctx.organisations.set((item.data as Organisation).id, item.data as Organisation);
      else if (item.kind === 'policies') ctx.policies = item.data as PolicySet;
      else if (item.kind === 'channel') ctx.channels!.set((item.data as NotificationChannel).orgId, item.data as NotificationChannel);
      else if (item.kind === 'invitation') {
        const inv = item.data as Invitation;
        ctx.invitations.set(fanoutInvitationKey(inv.workspaceId, inv.orgId), inv);
      }
    }
    for (const e of events) if (!pending.has(e.id)) ctx.published.add(e.id);
    return ctx;
  }

  private inboxKey(orgId: string, id: string): Key | null {
    const parsed = parseNotificationId(id);
    return parsed && parsed.orgId === orgId ? notificationKey(orgId, parsed.eventId) : null;
  }

  async putNotification(n: InboxNotification, opts: { webhookDueAt?: Date } = {}): Promise<'created' | 'exists'> {
    const key = this.inboxKey(n.recipient, n.id);
    if (!key) throw new Error(`notification id ${n.id} does not name recipient ${n.recipient}`);
    const due = opts.webhookDueAt
      ? {
          duePk: webhookPartition(shardOf(n.id)),
          dueSk: `${opts.webhookDueAt.toISOString()}#${n.id}`,
          hook: { recipient: n.recipient, id: n.id },
        }
      : {};
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...key, kind: 'notification', pending: 1, ...due, data: n },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'created';
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return 'exists';
      throw err;
    }
  }

  async getNotification(orgId: string, id: string): Promise<InboxNotification | null> {
    const key = this.inboxKey(orgId, id);
    if (!key) return null;
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return (out.Item?.data as InboxNotification | undefined) ?? null;
  }

  async listNotifications(orgId: string, q: PageQuery & { pending?: boolean }): Promise<Page<InboxNotification>> {
    const pk = `NOTIF#${orgId}`;
    const out = await this.page<Item>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': pk, ':p': 'N#', ...(q.pending ? { ':one': 1 } : {}) },
        ...(q.pending ? { FilterExpression: 'pending = :one' } : {}),
      },
      { attribute: 'pk', value: pk },
      q,
    );
    return { ...out, items: out.items.map((i) => i.data as InboxNotification) };
  }

  async acknowledgeNotification(orgId: string, id: string, at: Date): Promise<InboxNotification | null> {
    const key = this.inboxKey(orgId, id);
    if (!key) return null;
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET #d.acknowledgedAt = if_not_exists(#d.acknowledgedAt, :at) REMOVE pending',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#d': 'data' },
          ExpressionAttributeValues: { ':at': at.toISOString() },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return (out.Attributes?.data as InboxNotification | undefined) ?? null;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return null;
      throw err;
    }
  }

  async claimWebhook(orgId: string, id: string, now: Date, leaseUntil: Date): Promise<WebhookClaim> {
    const key = this.inboxKey(orgId, id);
    if (!key) return 'missing';
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET lease = :until',
          ConditionExpression:
            'attribute_exists(pk) AND attribute_not_exists(webhookDeliveredAt) AND (attribute_not_exists(lease) OR lease < :now)',
          ExpressionAttributeValues: { ':until': leaseUntil.toISOString(), ':now': now.toISOString() },
        }),
      );
      return 'claimed';
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const item = (await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }))).Item;
      if (!item) return 'missing';
      return item.webhookDeliveredAt ? 'delivered' : 'busy';
    }
  }

  async recordWebhook(orgId: string, id: string, outcome: WebhookOutcome): Promise<void> {
    const key = this.inboxKey(orgId, id);
    if (!key) return;
    const at = outcome.at.toISOString();
    const next = !outcome.ok && outcome.nextAttemptAt ? outcome.nextAttemptAt.toISOString() : undefined;
    const sweepAt = !outcome.ok && outcome.nextAttemptAt ? (outcome.sweepAt ?? outcome.nextAttemptAt).toISOString() : undefined;
    const attempts = outcome.attempt !== undefined ? { attempts: outcome.attempt } : {};
    // Given up after its last attempt: parked in the due index where a redrive finds it.
    const parked = !outcome.ok && !next && outcome.parked;
    const failed = outcome.ok
      ? undefined
      : {
          status: 'failed',
          lastAttemptAt: at,
          lastError: outcome.error.slice(0, 300),
          ...attempts,
          ...(next ? { nextAttemptAt: next } : {}),
        };
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key,
        UpdateExpression: outcome.ok
          ? 'SET webhookDeliveredAt = :at, #d.webhook = :w REMOVE lease, duePk, dueSk'
          : next
            ? 'SET #d.webhook = :w, duePk = :dp, dueSk = :ds, hook = :hook REMOVE lease'
            : parked
              ? 'SET #d.webhook = :w, duePk = :dp, dueSk = :ds, hook = :hook REMOVE lease'
              : 'SET #d.webhook = :w REMOVE lease, duePk, dueSk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#d': 'data' },
        ExpressionAttributeValues: {
          ...(outcome.ok
            ? { ':at': at, ':w': { status: 'delivered', deliveredAt: at, lastAttemptAt: at, ...attempts } }
            : { ':w': failed }),
          ...(next ? { ':dp': webhookPartition(shardOf(id)), ':ds': `${sweepAt}#${id}`, ':hook': { recipient: orgId, id } } : {}),
          ...(parked
            ? { ':dp': parkedWebhookPartition(shardOf(id)), ':ds': `${orgId}#${at}#${id}`, ':hook': { recipient: orgId, id } }
            : {}),
        },
      }),
    );
  }

  async dueWebhooks(shard: number, now: Date, limit: number): Promise<WebhookRef[]> {
    const idx = TABLE.indexes.due;
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: idx.name,
        KeyConditionExpression: `${idx.partitionKey} = :p AND ${idx.sortKey} <= :now`,
        ExpressionAttributeValues: { ':p': webhookPartition(shard), ':now': `${now.toISOString()}~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => i.hook as WebhookRef);
  }

  /** One UpdateItem each, conditional on the post still waiting: a delivered one stays out of the index. */
  async deferWebhooks(refs: WebhookRef[], until: Date): Promise<void> {
    await Promise.all(
      refs.map(async (r) => {
        const key = this.inboxKey(r.recipient, r.id);
        if (!key) return;
        try {
          await this.doc.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: key,
              UpdateExpression: 'SET dueSk = :sk',
              ConditionExpression: 'attribute_exists(duePk)',
              ExpressionAttributeValues: { ':sk': `${until.toISOString()}#${r.id}` },
            }),
          );
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        }
      }),
    );
  }

  /**
   * Queries each shard's parked partition (one recipient's posts are a prefix of it) and moves
   * each post back to its due partition, due at `now`, with its attempts counted afresh; each
   * move is conditional on the post still being parked, so two redrives at once move it once.
   */
  async redriveWebhooks(now: Date, opts: { orgId?: string; limit: number }): Promise<number> {
    const idx = TABLE.indexes.due;
    let moved = 0;
    for (let shard = 0; shard < DUE_SHARDS && moved < opts.limit; shard++) {
      const parked = parkedWebhookPartition(shard);
      let start: Record<string, unknown> | undefined;
      do {
        const out = await this.doc.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: idx.name,
            KeyConditionExpression: `${idx.partitionKey} = :p${opts.orgId ? ` AND begins_with(${idx.sortKey}, :org)` : ''}`,
            ExpressionAttributeValues: { ':p': parked, ...(opts.orgId ? { ':org': `${opts.orgId}#` } : {}) },
            Limit: Math.min(100, opts.limit - moved),
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        start = out.LastEvaluatedKey;
        const refs = (out.Items ?? []).map((i) => i.hook as WebhookRef);
        for (let i = 0; i < refs.length; i += 25) {
          const done = await Promise.all(refs.slice(i, i + 25).map((r) => this.unpark(r, parked, now)));
          moved += done.filter(Boolean).length;
        }
      } while (start && moved < opts.limit);
    }
    return moved;
  }

  private async unpark(r: WebhookRef, parked: string, now: Date): Promise<boolean> {
    const key = this.inboxKey(r.recipient, r.id);
    if (!key) return false;
    const at = now.toISOString();
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression: 'SET duePk = :dp, dueSk = :ds, #d.webhook.attempts = :zero, #d.webhook.nextAttemptAt = :at',
          ConditionExpression: 'duePk = :parked AND attribute_not_exists(webhookDeliveredAt)',
          ExpressionAttributeNames: { '#d': 'data' },
          ExpressionAttributeValues: {
            ':dp': webhookPartition(shardOf(r.id)),
            ':ds': `${at}#${r.id}`,
            ':zero': 0,
            ':at': at,
            ':parked': parked,
          },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}
