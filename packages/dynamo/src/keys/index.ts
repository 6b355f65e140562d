import { type ChainHead, type DomainEvent, isTerminalTask, type RecordRef, refOf, type StoredRecord, shardOf } from '@taskforce/core';

export interface Key {
  pk: string;
  sk: string;
}

const PLATFORM = 'platform';
export const chainPk = (chainId: string): string => (chainId === PLATFORM ? 'PLATFORM' : `WS#${chainId}`);
export const chainHeadKey = (chainId: string): Key => ({ pk: chainPk(chainId), sk: 'CHAIN' });
export const auditKey = (chainId: string, seq: number): Key => ({ pk: chainPk(chainId), sk: `AUDIT#${String(seq).padStart(12, '0')}` });
export const eventKey = (e: Pick<DomainEvent, 'chainId' | 'id'>): Key => ({ pk: chainPk(e.chainId), sk: `EVENT#${e.id}` });
export const idempotencyKey = (scope: string): Key => ({ pk: `IDEM#${scope}`, sk: 'IDEM' });

export const recordKey = (ref: RecordRef): Key => {
  switch (ref.kind) {
    case 'organisation':
      return { pk: `ORG#${ref.id}`, sk: 'ORG' };
    case 'workspace':
      return { pk: `WS#${ref.id}`, sk: 'WS' };
    case 'membership':
      return { pk: `ORG#${ref.orgId}`, sk: `WS#${ref.workspaceId}` };
    case 'invitation':
      return { pk: `WS#${ref.workspaceId}`, sk: `INV#${ref.orgId}` };
    case 'task':
      return { pk: `WS#${ref.workspaceId}`, sk: `TASK#${ref.id}` };
    case 'timer':
      return { pk: `WS#${ref.workspaceId}`, sk: `TIMER#${ref.id}` };
    case 'contacts':
      return { pk: `CONTACTS#${ref.country}`, sk: 'CONTACTS' };
    case 'incidentSettings':
      return { pk: `WS#${ref.workspaceId}`, sk: 'INCIDENT-SETTINGS' };
    case 'incident':
      return { pk: `WS#${ref.workspaceId}`, sk: `INC#${ref.id}` };
    case 'channel':
      return { pk: `ORG#${ref.orgId}`, sk: 'CHANNEL' };
    case 'webhookSecrets':
      return { pk: `ORG#${ref.orgId}`, sk: 'WEBHOOK-SECRETS' };
    case 'policies':
      return { pk: 'POLICIES', sk: 'ALL' };
    case 'request':
      return { pk: `WS#${ref.workspaceId}`, sk: `REQ#${ref.id}` };
    case 'evidence':
      return { pk: `WS#${ref.workspaceId}`, sk: `EVID#${ref.requestId}#${ref.id}` };
  }
};

/** A private partner's inbox: requests addressed to it, once sent (never drafts). */
export const inboxPartition = (providerOrgId: string) => `INBOX#${providerOrgId}`;

export const timerPartition = (shard: number) => `TIMER#${shard}`;
export const outboxPartition = (shard: number) => `OUTBOX#${shard}`;
/** Webhook posts waiting for their (next) attempt, in the due index beside timers and the outbox. */
export const webhookPartition = (shard: number) => `WEBHOOK#${shard}`;
/**
 * Webhook posts given up after their last attempt, in the due index but never due: a redrive
 * finds them here without a scan. Sorted `<orgId>#<given up at>#<id>`, so one recipient's are a prefix.
 */
export const parkedWebhookPartition = (shard: number) => `WEBHOOK-PARKED#${shard}`;

/** Index attributes of a record. Sparse indexes hold an item only while it is live. */
export const indexAttributes = (r: StoredRecord): Record<string, string> => {
  switch (r.kind) {
    case 'organisation':
      return { gsi1pk: 'ORGS', gsi1sk: r.value.id };
    case 'invitation':
      return r.value.status === 'pending'
        ? { gsi1pk: `INVITED#${r.value.orgId}`, gsi1sk: `${r.value.createdAt}#${r.value.workspaceId}` }
        : {};
    case 'task':
      return isTerminalTask(r.value.status)
        ? {}
        : { gsi1pk: `ASSIGNED#${r.value.assigneeOrgId}`, gsi1sk: `${r.value.dueAt}#${r.value.workspaceId}#${r.value.id}` };
    case 'timer':
      return { duePk: timerPartition(shardOf(r.value.id)), dueSk: `${r.value.dueAt}#${r.value.id}` };
    case 'contacts':
      return { gsi1pk: 'CONTACTS', gsi1sk: r.value.country };
    case 'request':
      return r.value.sentAt === undefined ? {} : { gsi2pk: inboxPartition(r.value.providerOrgId), gsi2sk: `REQ#${r.value.id}` };
    default:
      return {};
  }
};

export const versionOf = (r: StoredRecord): number | undefined => ('version' in r.value ? r.value.version : undefined);

/** The stored item of a record: keys, index attributes, kind, version, and the record as `data`. */
export const toItem = (r: StoredRecord) => {
  const v = versionOf(r);
  return { ...recordKey(refOf(r)), ...indexAttributes(r), kind: r.kind, ...(v !== undefined ? { v } : {}), data: r.value };
};

export const fromItem = (item: Record<string, unknown>): StoredRecord => ({ kind: item.kind, value: item.data }) as StoredRecord;

export const headItem = (h: ChainHead) => ({ ...chainHeadKey(h.chainId), kind: 'chain', seq: h.seq, hash: h.hash });

export const eventItem = (e: DomainEvent) => ({
  ...eventKey(e),
  kind: 'event',
  duePk: outboxPartition(shardOf(e.id)),
  dueSk: `${e.at}#${e.id}`,
  data: e,
});

/** A recipient's notification inbox: one partition per organisation, ordered by event id (time-ordered). */
export const notificationKey = (orgId: string, eventId: string): Key => ({ pk: `NOTIF#${orgId}`, sk: `N#${eventId}` });
