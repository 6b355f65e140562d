import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AlertStore,
  type CountryPolicy,
  type DomainEvent,
  emptyFanoutContext,
  type FanoutContext,
  fanoutInvitationKey,
  originatorCountries,
  policySetOf,
  type StoredRecord,
} from '@taskforce/core';
import { getItems } from './batch-get';
import { ifConditionHolds, type TableContext } from './context';
import { dueSortKey, eventKey, fromItem, type Key, keyId, outboxPartition, recordKey } from './keys';
import { dueItems } from './paging';

/** Moves one still-unpublished event to `until` in the outbox index. */
const deferral = (t: TableContext, e: DomainEvent, until: Date) => ({
  TableName: t.tableName,
  Key: eventKey(e),
  UpdateExpression: 'SET dueSk = :sk',
  ConditionExpression: 'attribute_exists(duePk)',
  ExpressionAttributeValues: { ':sk': dueSortKey(until.toISOString(), e.id) },
});

/**
 * The outbox: event items while they sit in the sparse due index, and what fan-out reads to
 * address them.
 */
export const outbox = (t: TableContext): Pick<AlertStore, 'unpublishedEvents' | 'deferEvents' | 'markPublished' | 'fanoutContext'> => ({
  unpublishedEvents: (shard, now, limit) => dueItems<DomainEvent>(t, outboxPartition(shard), now, limit),

  /**
   * One TransactWriteItems per ten events: each still-unpublished event moves to `until` in
   * the outbox index. A conflict with fan-out publishing the same event is harmless: the
   * event is either published or will be relayed again.
   */
  async deferEvents(events, until) {
    for (let i = 0; i < events.length; i += 10) {
      const chunk = events.slice(i, i + 10);
      try {
        await t.doc.send(new TransactWriteCommand({ TransactItems: chunk.map((e) => ({ Update: deferral(t, e, until) })) }));
      } catch (err) {
        if (!(err instanceof TransactionCanceledException)) throw err;
        // Some were published meanwhile: defer the others one by one.
        await Promise.all(chunk.map((e) => ifConditionHolds(t.doc.send(new UpdateCommand(deferral(t, e, until))))));
      }
    }
  },

  async markPublished(event, at) {
    await t.doc.send(
      new UpdateCommand({
        TableName: t.tableName,
        Key: eventKey(event),
        UpdateExpression: 'REMOVE duePk, dueSk SET publishedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  },

  /**
   * The events' outbox entries, their workspaces, the audience organisations and the policies of
   * the events' originators' countries (the only policies fan-out judges by): one BatchGetItem
   * per 100 keys.
   */
  async fanoutContext(events) {
    const keys = new Map<string, Key>();
    const add = (k: Key) => keys.set(keyId(k), k);
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
    const countries = originatorCountries(events.flatMap((e) => (e.marking ? [e.marking] : [])));
    for (const country of countries) add(recordKey({ kind: 'policy', country }));
    const items = await getItems(t, [...keys.values()]);
    const ctx = emptyFanoutContext();
    const pending = new Set<string>();
    const policies: CountryPolicy[] = [];
    for (const item of items) {
      if (item.kind === 'event') {
        if (item.duePk) pending.add((item.data as DomainEvent).id);
      } else if (item.kind === 'policy') policies.push(item.data as CountryPolicy);
      else collect(ctx, fromItem(item));
    }
    ctx.policies = policySetOf(policies, countries);
    for (const e of events) if (!pending.has(e.id)) ctx.published.add(e.id);
    return ctx;
  },
});

const collect = (ctx: FanoutContext, r: StoredRecord) => {
  if (r.kind === 'workspace') ctx.workspaces.set(r.value.id, r.value);
  else if (r.kind === 'organisation') ctx.organisations.set(r.value.id, r.value);
  else if (r.kind === 'channel') ctx.channels!.set(r.value.orgId, r.value);
  else if (r.kind === 'invitation') ctx.invitations.set(fanoutInvitationKey(r.value.workspaceId, r.value.orgId), r.value);
};
