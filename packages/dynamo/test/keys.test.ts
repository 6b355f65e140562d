/**
 * The table layout is a contract with data already stored: every record kind's key and index
 * attributes are pinned here, so moving a key shape between files cannot change one.
 */
import type { StoredRecord } from '@taskforce/core';
import { describe, expect, it } from 'vitest';
import {
  auditKey,
  chainHeadKey,
  checkpointKey,
  eventItem,
  idempotencyKey,
  merkleNodeKey,
  notificationKey,
  pendingIndex,
  queuedAuditItem,
  recordKey,
  toItem,
} from '../src';

const at = '2026-01-01T00:00:00.000Z';
const item = (kind: string, value: Record<string, unknown>) => {
  const { data: _data, kind: _kind, ...keys } = toItem({ kind, value } as StoredRecord);
  return keys;
};

describe('record keys and index attributes', () => {
  it.each([
    ['organisation', { id: 'o1' }, { pk: 'ORG#o1', sk: 'ORG', gsi1pk: 'ORGS', gsi1sk: 'o1' }],
    ['workspace', { id: 'w1', version: 3 }, { pk: 'WS#w1', sk: 'WS', v: 3 }],
    ['membership', { orgId: 'o1', workspaceId: 'w1' }, { pk: 'ORG#o1', sk: 'WS#w1' }],
    [
      'invitation',
      { workspaceId: 'w1', orgId: 'o2', status: 'pending', createdAt: at, version: 1 },
      { pk: 'WS#w1', sk: 'INV#o2', gsi1pk: 'INVITED#o2', gsi1sk: `${at}#w1`, v: 1 },
    ],
    ['invitation', { workspaceId: 'w1', orgId: 'o2', status: 'revoked', createdAt: at, version: 2 }, { pk: 'WS#w1', sk: 'INV#o2', v: 2 }],
    [
      'task',
      { workspaceId: 'w1', id: 't1', status: 'in_progress', assigneeOrgId: 'o2', dueAt: at, version: 1 },
      {
        pk: 'WS#w1',
        sk: 'TASK#t1',
        gsi1pk: 'ASSIGNED#o2',
        gsi1sk: `${at}#w1#t1`,
        duePk: 'TASKS#w1#in_progress',
        dueSk: `${at}#t1`,
        gsi2pk: 'TASKS#w1#o2#in_progress',
        gsi2sk: `${at}#t1`,
        v: 1,
      },
    ],
    [
      'task',
      { workspaceId: 'w1', id: 't1', status: 'declined', assigneeOrgId: 'o2', dueAt: at, version: 4 },
      {
        pk: 'WS#w1',
        sk: 'TASK#t1',
        duePk: 'TASKS#w1#declined',
        dueSk: `${at}#t1`,
        gsi2pk: 'TASKS#w1#o2#declined',
        gsi2sk: `${at}#t1`,
        v: 4,
      },
    ],
    [
      // Due times sort as instants: one written without milliseconds takes the same key as with them.
      'task',
      { workspaceId: 'w1', id: 't1', status: 'done', assigneeOrgId: 'o2', dueAt: '2026-01-01T00:00:00Z', version: 5 },
      { pk: 'WS#w1', sk: 'TASK#t1', duePk: 'TASKS#w1#done', dueSk: `${at}#t1`, gsi2pk: 'TASKS#w1#o2#done', gsi2sk: `${at}#t1`, v: 5 },
    ],
    [
      'timer',
      { workspaceId: 'w1', id: 'tm1', dueAt: at },
      { pk: 'WS#w1', sk: 'TIMER#tm1', duePk: expect.stringMatching(/^TIMER#\d+$/), dueSk: `${at}#tm1` },
    ],
    ['contacts', { country: 'GBR' }, { pk: 'CONTACTS#GBR', sk: 'CONTACTS', gsi1pk: 'CONTACTS', gsi1sk: 'GBR' }],
    ['incidentSettings', { workspaceId: 'w1' }, { pk: 'WS#w1', sk: 'INCIDENT-SETTINGS' }],
    ['incident', { workspaceId: 'w1', id: 'i1' }, { pk: 'WS#w1', sk: 'INC#i1' }],
    ['channel', { orgId: 'o1' }, { pk: 'ORG#o1', sk: 'CHANNEL' }],
    ['webhookSecrets', { orgId: 'o1' }, { pk: 'ORG#o1', sk: 'WEBHOOK-SECRETS' }],
    ['policy', { country: 'VNM' }, { pk: 'POLICY#VNM', sk: 'POLICY', gsi1pk: 'POLICIES', gsi1sk: 'VNM' }],
    ['request', { workspaceId: 'w1', id: 'r1', providerOrgId: 'p1' }, { pk: 'WS#w1', sk: 'REQ#r1' }],
    [
      'request',
      { workspaceId: 'w1', id: 'r1', providerOrgId: 'p1', sentAt: at },
      { pk: 'WS#w1', sk: 'REQ#r1', gsi2pk: 'INBOX#p1', gsi2sk: 'REQ#r1' },
    ],
    ['evidence', { workspaceId: 'w1', requestId: 'r1', id: 'e1' }, { pk: 'WS#w1', sk: 'EVID#r1#e1' }],
  ])('%s %j', (kind, value, expected) => {
    expect(item(kind, value)).toEqual(expected);
  });

  it('keeps the chain, audit, event, idempotency and notification keys', () => {
    expect(chainHeadKey('platform')).toEqual({ pk: 'PLATFORM', sk: 'CHAIN' });
    expect(auditKey('w1', 42)).toEqual({ pk: 'WS#w1', sk: 'AUDIT#000000000042' });
    expect(merkleNodeKey('w1', 3, 7)).toEqual({ pk: 'WS#w1', sk: 'MTN#03#000000000007' });
    expect(checkpointKey('w1', 42)).toEqual({ pk: 'WS#w1', sk: 'CKPT#000000000042' });
    const { data: _q, ...queued } = queuedAuditItem({ chainId: 'w1', qid: 'q1', at } as Parameters<typeof queuedAuditItem>[0]);
    expect(queued).toEqual({
      pk: 'WS#w1',
      sk: 'AUDQ#q1',
      kind: 'audit-queued',
      duePk: expect.stringMatching(/^AUDQ#\d+$/),
      dueSk: `${at}#q1`,
    });
    const { data: _data, ...event } = eventItem({ id: 'e1', chainId: 'w1', at } as Parameters<typeof eventItem>[0]);
    expect(event).toEqual({ pk: 'WS#w1', sk: 'EVENT#e1', kind: 'event', duePk: expect.stringMatching(/^OUTBOX#\d+$/), dueSk: `${at}#e1` });
    expect(idempotencyKey('s1')).toEqual({ pk: 'IDEM#s1', sk: 'IDEM' });
    expect(notificationKey('o1', 'e1')).toEqual({ pk: 'NOTIF#o1', sk: 'N#e1' });
    expect(pendingIndex('o1', notificationKey('o1', 'e1'))).toEqual({ gsi1pk: 'PENDING#o1', gsi1sk: 'N#e1' });
  });

  it('has no key for all policies at once: the old POLICIES/ALL item is never read or written', () => {
    expect(() => recordKey({ kind: 'policies' })).toThrow();
  });
});
