import { describe, expect, it } from 'vitest';
import { type RecordRef, refKey, refOf, type StoredRecord } from '../../src';

// Every feature registers its record kinds beside its schema; the keys of loaded records and the
// references the adapter derives from a value must be what they were under the central switch.
describe('record registry', () => {
  const cases: [RecordRef, string][] = [
    [{ kind: 'organisation', id: 'o1' }, 'organisation:o1'],
    [{ kind: 'workspace', id: 'w1' }, 'workspace:w1'],
    [{ kind: 'membership', workspaceId: 'w1', orgId: 'o1' }, 'membership:o1:w1'],
    [{ kind: 'invitation', orgId: 'o1', workspaceId: 'w1' }, 'invitation:w1:o1'],
    [{ kind: 'task', workspaceId: 'w1', id: 't1' }, 'task:w1:t1'],
    [{ kind: 'timer', workspaceId: 'w1', id: 'x~overdue' }, 'timer:w1:x~overdue'],
    [{ kind: 'contacts', country: 'VNM' }, 'contacts:VNM'],
    [{ kind: 'incidentSettings', workspaceId: 'w1' }, 'incidentSettings:w1'],
    [{ kind: 'incident', workspaceId: 'w1', id: 'i1' }, 'incident:w1:i1'],
    [{ kind: 'channel', orgId: 'o1' }, 'channel:o1'],
    [{ kind: 'webhookSecrets', orgId: 'o1' }, 'webhookSecrets:o1'],
    [{ kind: 'policies' }, 'policies'],
    [{ kind: 'request', workspaceId: 'w1', id: 'r1' }, 'request:w1:r1'],
    [{ kind: 'evidence', id: 'e1', requestId: 'r1', workspaceId: 'w1' }, 'evidence:w1:r1:e1'],
  ];
  it.each(cases)('keys %o as %s whatever the order of its fields', (ref, key) => {
    expect(refKey(ref)).toBe(key);
  });

  it('derives a reference from a stored value', () => {
    const value = { workspaceId: 'w1', requestId: 'r1', id: 'e1', fileName: 'a.txt' };
    expect(refOf({ kind: 'evidence', value } as unknown as StoredRecord)).toEqual({
      kind: 'evidence',
      workspaceId: 'w1',
      requestId: 'r1',
      id: 'e1',
    });
    expect(refOf({ kind: 'membership', value: { orgId: 'o1', workspaceId: 'w1', role: 'member' } } as unknown as StoredRecord)).toEqual({
      kind: 'membership',
      orgId: 'o1',
      workspaceId: 'w1',
    });
    expect(refOf({ kind: 'policies', value: { version: 1, countries: {} } })).toEqual({ kind: 'policies' });
  });
});
