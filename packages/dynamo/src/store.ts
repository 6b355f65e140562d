import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import {
  type AuditEntry,
  type ChainHead,
  type Commit,
  CommitConflict,
  type CommitConflictReason,
  type DataRequest,
  DomainError,
  type DomainEvent,
  type EvidenceItem,
  type IdempotencyRecord,
  type Invitation,
  type Loaded,
  type Membership,
  type Organisation,
  type Page,
  type PageQuery,
  type RecordKind,
  type RecordRef,
  type RecordValue,
  refKey,
  type Store,
  type StoredRecord,
  type Task,
  type TaskQuery,
  type Timer,
} from '@taskforce/core';
import { getItems } from './batch-get';
import { decodeCursor, encodeCursor } from './cursor';
import { queryDue } from './due';
import {
  auditKey,
  chainHeadKey,
  chainPk,
  eventItem,
  fromItem,
  headItem,
  idempotencyKey,
  inboxPartition,
  type Key,
  recordKey,
  timerPartition,
  toItem,
} from './keys';
import { TABLE } from './table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Item = Record<string, unknown>;

const keyString = (k: Key) => `${k.pk}\u0000${k.sk}`;

export class DynamoStore implements Store {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** One GetItem for one key, else one BatchGetItem per 100 keys (strongly consistent). */
  async load(req: { refs: RecordRef[]; chainId?: string; idempotencyScope?: string }): Promise<Loaded> {
    const wanted = new Map<string, { key: Key; role: 'record' | 'head' | 'idem'; ref?: RecordRef }>();
    for (const ref of req.refs) wanted.set(keyString(recordKey(ref)), { key: recordKey(ref), role: 'record', ref });
    if (req.chainId) wanted.set(keyString(chainHeadKey(req.chainId)), { key: chainHeadKey(req.chainId), role: 'head' });
    if (req.idempotencyScope)
      wanted.set(keyString(idempotencyKey(req.idempotencyScope)), { key: idempotencyKey(req.idempotencyScope), role: 'idem' });
    const items = await getItems(
      this.doc,
      this.tableName,
      [...wanted.values()].map((w) => w.key),
    );

    const loaded: Loaded = { records: new Map(), head: null, idempotency: null };
    for (const item of items) {
      const w = wanted.get(keyString({ pk: String(item.pk), sk: String(item.sk) }));
      if (!w) continue;
      if (w.role === 'head') loaded.head = { chainId: req.chainId!, seq: Number(item.seq), hash: String(item.hash) };
      else if (w.role === 'idem') loaded.idempotency = item.data as IdempotencyRecord;
      else if (w.ref) loaded.records.set(refKey(w.ref), fromItem(item));
    }
    return loaded;
  }

  async get<K extends RecordKind>(ref: RecordRef & { kind: K }): Promise<RecordValue<K> | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: recordKey(ref), ConsistentRead: true }));
    return out.Item ? (fromItem(out.Item).value as RecordValue<K>) : null;
  }

  /** The change, its audit entry, its outbox events and its idempotency record: one TransactWriteItems. */
  async commit(c: Commit): Promise<void> {
    const items: TransactItem[] = [];
    const reasons: CommitConflictReason[] = [];
    const add = (item: TransactItem, reason: CommitConflictReason) => {
      items.push(item);
      reasons.push(reason);
    };
    const T = this.tableName;

    add(
      c.chain.expected
        ? {
            Put: {
              TableName: T,
              Item: headItem(c.chain.next),
              ConditionExpression: 'seq = :seq',
              ExpressionAttributeValues: { ':seq': c.chain.expected.seq },
            },
          }
        : { Put: { TableName: T, Item: headItem(c.chain.next), ConditionExpression: 'attribute_not_exists(pk)' } },
      'chain',
    );
    add(
      {
        Put: {
          TableName: T,
          Item: { ...auditKey(c.audit.chainId, c.audit.seq), kind: 'audit', data: c.audit },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      'chain',
    );
    for (const e of c.events) add({ Put: { TableName: T, Item: eventItem(e) } }, 'exists');

    for (const w of c.writes) {
      if (w.op === 'put') {
        const Item = toItem(w.record);
        if (w.expect === 'absent') add({ Put: { TableName: T, Item, ConditionExpression: 'attribute_not_exists(pk)' } }, 'exists');
        else if (w.expect === 'any') add({ Put: { TableName: T, Item } }, 'stale');
        else add({ Put: { TableName: T, Item, ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': w.expect } } }, 'stale');
      } else {
        const Key = recordKey(w.ref);
        if (w.expect === 'present') add({ Delete: { TableName: T, Key, ConditionExpression: 'attribute_exists(pk)' } }, 'missing');
        else if (w.expect === 'any') add({ Delete: { TableName: T, Key } }, 'stale');
        else add({ Delete: { TableName: T, Key, ConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': w.expect } } }, 'stale');
      }
    }
    if (c.idempotency) {
      const { expiresAt, ...data } = c.idempotency;
      add(
        {
          Put: {
            TableName: T,
            Item: {
              ...idempotencyKey(data.scope),
              kind: 'idempotency',
              data,
              [TABLE.ttlAttribute]: Math.floor(new Date(expiresAt).getTime() / 1000),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        'idempotency',
      );
    }

    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        const failed = (err.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [reasons[i]!] : []));
        // A lost race for the idempotency key or the chain head explains any other failure.
        const reason = (['idempotency', 'chain', 'stale', 'exists', 'missing'] as const).find((r) => failed.includes(r));
        if (reason) throw new CommitConflict(reason);
        if ((err.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict'))
          throw new CommitConflict('chain', 'transaction conflict');
      }
      // Bounded inputs keep records small; should a change still outgrow an item, the caller hears why.
      if (err instanceof Error && err.name === 'ValidationException' && /item size has exceeded/i.test(err.message)) {
        throw new DomainError('too_large', 'the change would make a record larger than the store holds (400 KB)');
      }
      throw err;
    }
  }

  private async page<T>(
    input: Omit<QueryCommandInput, 'TableName'>,
    partition: { attribute: string; value: string },
    q: PageQuery,
    map: (item: Item) => T,
  ): Promise<Page<T>> {
    const start = decodeCursor(q.cursor, partition);
    const out = await this.doc.send(
      new QueryCommand({ TableName: this.tableName, Limit: q.limit, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    const next = encodeCursor(out.LastEvaluatedKey);
    return { items: (out.Items ?? []).map(map), ...(next ? { next } : {}) };
  }

  private partitionPage<T>(pk: string, prefix: string, q: PageQuery, extra: Partial<QueryCommandInput> = {}): Promise<Page<T>> {
    return this.page(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ...extra,
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix, ...(extra.ExpressionAttributeValues ?? {}) },
      },
      { attribute: 'pk', value: pk },
      q,
      (item) => item.data as T,
    );
  }

  private lookupPage<T>(gsi1pk: string, q: PageQuery): Promise<Page<T>> {
    const idx = TABLE.indexes.lookup;
    return this.page(
      { IndexName: idx.name, KeyConditionExpression: `${idx.partitionKey} = :p`, ExpressionAttributeValues: { ':p': gsi1pk } },
      { attribute: idx.partitionKey, value: gsi1pk },
      q,
      (item) => item.data as T,
    );
  }

  listOrganisations(q: PageQuery): Promise<Page<Organisation>> {
    return this.lookupPage('ORGS', q);
  }
  listMemberships(orgId: string, q: PageQuery): Promise<Page<Membership>> {
    return this.partitionPage(`ORG#${orgId}`, 'WS#', q);
  }
  listInvitationsForWorkspace(workspaceId: string, q: PageQuery): Promise<Page<Invitation>> {
    return this.partitionPage(`WS#${workspaceId}`, 'INV#', q);
  }
  listPendingInvitationsForOrg(orgId: string, q: PageQuery): Promise<Page<Invitation>> {
    return this.lookupPage(`INVITED#${orgId}`, q);
  }
  listTasks(workspaceId: string, q: TaskQuery): Promise<Page<Task>> {
    const conditions: string[] = [];
    const values: Record<string, unknown> = {};
    if (q.status) {
      conditions.push('#d.#s = :status');
      values[':status'] = q.status;
    }
    if (q.overdueAt) {
      conditions.push('#d.dueAt < :now AND NOT (#d.#s IN (:done, :declined, :cancelled))');
      Object.assign(values, { ':now': q.overdueAt, ':done': 'done', ':declined': 'declined', ':cancelled': 'cancelled' });
    }
    const filter: Partial<QueryCommandInput> = conditions.length
      ? {
          FilterExpression: conditions.join(' AND '),
          ExpressionAttributeNames: { '#d': 'data', '#s': 'status' },
          ExpressionAttributeValues: values,
        }
      : {};
    return this.partitionPage(`WS#${workspaceId}`, 'TASK#', q, filter);
  }
  listOpenTasksForAssignee(orgId: string, q: PageQuery): Promise<Page<Task>> {
    return this.lookupPage(`ASSIGNED#${orgId}`, q);
  }
  listAudit(chainId: string, q: PageQuery): Promise<Page<AuditEntry>> {
    return this.partitionPage(chainPk(chainId), 'AUDIT#', q);
  }
  listEvents(workspaceId: string, q: PageQuery): Promise<Page<DomainEvent>> {
    return this.partitionPage(chainPk(workspaceId), 'EVENT#', q);
  }

  listRequests(workspaceId: string, q: PageQuery): Promise<Page<DataRequest>> {
    return this.partitionPage(`WS#${workspaceId}`, 'REQ#', q);
  }
  listInbox(providerOrgId: string, q: PageQuery): Promise<Page<DataRequest>> {
    const idx = TABLE.indexes.inbox;
    const pk = inboxPartition(providerOrgId);
    return this.page(
      {
        IndexName: idx.name,
        KeyConditionExpression: `${idx.partitionKey} = :p`,
        ExpressionAttributeValues: { ':p': pk },
        ScanIndexForward: false,
      },
      { attribute: idx.partitionKey, value: pk },
      q,
      (item) => item.data as DataRequest,
    );
  }
  async findInboxRequest(providerOrgId: string, requestId: string): Promise<DataRequest | null> {
    const idx = TABLE.indexes.inbox;
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: idx.name,
        KeyConditionExpression: `${idx.partitionKey} = :p AND ${idx.sortKey} = :s`,
        ExpressionAttributeValues: { ':p': inboxPartition(providerOrgId), ':s': `REQ#${requestId}` },
        Limit: 1,
      }),
    );
    return (out.Items?.[0]?.data as DataRequest | undefined) ?? null;
  }
  listEvidence(workspaceId: string, requestId: string, q: PageQuery): Promise<Page<EvidenceItem>> {
    return this.partitionPage(`WS#${workspaceId}`, `EVID#${requestId}#`, q);
  }

  async dueTimers(shard: number, now: Date, limit: number): Promise<Timer[]> {
    return queryDue<Timer>(this.doc, this.tableName, timerPartition(shard), now, limit);
  }

  /** Reads a chain's head (for verification and tests). */
  async chainHead(chainId: string): Promise<ChainHead | null> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: chainHeadKey(chainId), ConsistentRead: true }));
    return out.Item ? { chainId, seq: Number(out.Item.seq), hash: String(out.Item.hash) } : null;
  }
}

export type { StoredRecord };
