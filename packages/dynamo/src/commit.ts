import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  COUNTER_NAME,
  type Commit,
  CommitConflict,
  type CommitConflictReason,
  type CounterRef,
  DomainError,
  refFields,
  type Store,
} from '@taskforce/core';
import type { TableContext } from './context';
import { COUNTER_PREFIX, eventItem, idempotencyKey, queuedAuditItem, recordKey, toItem } from './keys';
import { TABLE } from './table';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * An `add` write: one UpdateItem that makes the counter record if absent (its reference's
 * fields as `data`) and ADDs to its `c#<name>` attributes. No condition: it never conflicts.
 */
const addCounts = (TableName: string, ref: CounterRef, counts: Record<string, number>): NonNullable<TransactItem['Update']> => {
  const names: Record<string, string> = { '#kind': 'kind', '#data': 'data' };
  const values: Record<string, unknown> = { ':kind': ref.kind, ':data': { ...refFields(ref), counts: {} } };
  const adds = Object.entries(counts).map(([name, n], i) => {
    if (!COUNTER_NAME.test(name)) throw new Error(`a counter name must match ${COUNTER_NAME}: ${name}`);
    names[`#c${i}`] = `${COUNTER_PREFIX}${name}`;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  return {
    TableName,
    Key: recordKey(ref),
    UpdateExpression: `SET #kind = :kind, #data = if_not_exists(#data, :data)${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};

/**
 * The change, its queued audit entry, its outbox events and its idempotency record: one
 * TransactWriteItems. The entry goes under a key of its own (no chain head is touched), so
 * writers of one workspace do not collide on it; an entry alone (an audited read) is one
 * conditional PutItem.
 */
export const commits = (t: TableContext): Pick<Store, 'commit'> => ({
  async commit(c: Commit): Promise<void> {
    const T = t.tableName;
    if (c.events.length === 0 && c.writes.length === 0 && !c.idempotency) {
      await t.doc.send(new PutCommand({ TableName: T, Item: queuedAuditItem(c.audit), ConditionExpression: 'attribute_not_exists(pk)' }));
      return;
    }
    const items: TransactItem[] = [];
    const reasons: CommitConflictReason[] = [];
    const add = (item: TransactItem, reason: CommitConflictReason) => {
      items.push(item);
      reasons.push(reason);
    };

    add({ Put: { TableName: T, Item: queuedAuditItem(c.audit), ConditionExpression: 'attribute_not_exists(pk)' } }, 'exists');
    for (const e of c.events) add({ Put: { TableName: T, Item: eventItem(e) } }, 'exists');

    for (const w of c.writes) {
      if (w.op === 'add') add({ Update: addCounts(T, w.ref, w.counts) }, 'stale');
      else if (w.op === 'put') {
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
      await t.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        const failed = (err.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [reasons[i]!] : []));
        // A lost race for the idempotency key explains any other failure.
        const reason = (['idempotency', 'stale', 'exists', 'missing'] as const).find((r) => failed.includes(r));
        if (reason) throw new CommitConflict(reason);
        // Another transaction on the same items was in flight: worth retrying.
        if ((err.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict'))
          throw new CommitConflict('contention', 'transaction conflict');
      }
      // Bounded inputs keep records small; should a change still outgrow an item, the caller hears why.
      if (err instanceof Error && err.name === 'ValidationException' && /item size has exceeded/i.test(err.message)) {
        throw new DomainError('too_large', 'the change would make a record larger than the store holds (400 KB)');
      }
      throw err;
    }
  },
});
