import { describe, expect, it } from 'vitest';
import type { Marking } from '../../src/kernel/marking';
import type { Selector } from '../../src/matching/selectors';
import { CUSTOM_SCOS, customScoDefinition } from '../../src/stix/custom';
import { incidentObjects, observableOf, requestObjects, type StixObject, taskObjects } from '../../src/stix/objects';
import { filterEntries, pageEntries } from '../../src/stix/query';
import { validateStixBundle, validateStixObject } from '../../src/stix/validate';

const marking: Marking = {
  tlp: 'AMBER',
  releasableTo: ['VN', 'TH'],
  caveats: ['NO-PRIVATE-SECTOR'],
  originator: { orgId: 'org_vn', country: 'VN' },
};
const selectors: Selector[] = [
  { type: 'email', value: 'scam@example.com' },
  { type: 'ip_address', value: '203.0.113.7', observedAt: '2026-03-01T14:22:05+07:00', timeZone: 'Asia/Ho_Chi_Minh' },
  { type: 'ip_address', value: '2001:db8::1', port: 443, observedAt: '2026-03-01T07:00:00Z', timeZone: 'UTC' },
  { type: 'account_id', value: 'scammer.99', service: 'Facebook Messenger' },
  { type: 'account_id', value: 'plain-id' },
  { type: 'phone', value: '+84912345678' },
  { type: 'imei', value: '490154203237518' },
  { type: 'wallet_address', chain: 'ethereum', value: '0x52908400098527886E0F7030069857D2E4169EE7' },
  { type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' },
];
const times = { createdAt: '2026-03-02T01:00:00.000Z', updatedAt: '2026-03-03T01:00:00.000Z' };

const task = taskObjects({
  workspaceId: 'ws_1',
  id: 'tsk_1',
  title: 'Trace the wallet',
  description: 'Follow the funds.',
  status: 'open',
  priority: 'high',
  dueAt: '2026-03-10T00:00:00.000Z',
  assigneeOrgId: 'org_th',
  marking,
  selectors,
  createdBy: { orgId: 'org_vn' },
  ...times,
});
const incident = incidentObjects({
  workspaceId: 'ws_1',
  id: 'inc_1',
  severity: 'critical',
  type: 'ransomware',
  summary: 'Hospital systems encrypted\nDetails follow',
  status: 'open',
  marking: { ...marking, tlp: 'RED', recipients: ['org_th'] },
  selectors: selectors.slice(0, 3),
  raisedBy: { orgId: 'org_vn' },
  raisedAt: times.createdAt,
  updatedAt: times.updatedAt,
});
const request = requestObjects({
  workspaceId: 'ws_1',
  id: 'req_1',
  type: 'subscriber_info',
  legalBasis: { code: 'BUDAPEST', text: 'Art. 18', reference: 'MLA-2026-7' },
  urgency: 'normal',
  description: 'Who holds this account?',
  status: 'sent',
  marking: { ...marking, tlp: 'GREEN', releasableTo: 'members', caveats: [] },
  selectors: [{ type: 'email', value: 'scam@example.com' }],
  period: { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
  requestedBy: { orgId: 'org_vn' },
  ...times,
});

const all: StixObject[] = [task, incident, request].flatMap((r) => [...r.record, ...r.observables]);

describe('STIX objects of platform records', () => {
  it('validates every produced object against the OASIS STIX 2.1 schemas', () => {
    const customs = Object.values(CUSTOM_SCOS).map(customScoDefinition);
    for (const o of [...all, ...customs]) expect({ id: o.id, problems: validateStixObject(o) }).toEqual({ id: o.id, problems: [] });
    expect(
      validateStixBundle({ type: 'bundle', id: 'bundle--2ed6657d-e927-568b-95e1-2665a8aea6a2', objects: [...all, ...customs] }),
    ).toEqual([]);
  });

  it('maps each selector kind to its observable, custom ones with their new-sco extension', () => {
    expect(selectors.map((s) => observableOf(s).type)).toEqual([
      'email-addr',
      'ipv4-addr',
      'ipv6-addr',
      'user-account',
      'user-account',
      'phone-number',
      'imei',
      'cryptocurrency-wallet',
      'bank-account',
    ]);
    expect(observableOf(selectors[3]!)).toMatchObject({ user_id: 'scammer.99', account_type: 'facebook-messenger' });
    expect(observableOf(selectors[8]!)).toMatchObject({ iban: 'GB82WEST12345698765432' });
    expect(observableOf(selectors[5]!).extensions).toEqual({ [CUSTOM_SCOS.phone.extensionId]: { extension_type: 'new-sco' } });
  });

  it('links a record to each observable and carries the IP observation time in observed-data', () => {
    const [note, ...rest] = task.record;
    expect(note).toMatchObject({ type: 'note', created: times.createdAt, modified: times.updatedAt });
    expect(note!.object_marking_refs).toEqual(['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421']);
    const rels = rest.filter((o) => o.type === 'relationship');
    expect(rels).toHaveLength(task.observables.length);
    expect(rels.every((r) => r.source_ref === note!.id && r.relationship_type === 'related-to')).toBe(true);
    const observed = rest.filter((o) => o.type === 'observed-data');
    expect(observed.map((o) => o.first_observed)).toEqual(['2026-03-01T07:22:05.000Z', '2026-03-01T07:00:00.000Z']);
    expect(incident.record[0]).toMatchObject({ type: 'incident', name: 'Hospital systems encrypted' });
    expect(request.record[0]!.content).toContain('Legal basis: BUDAPEST: Art. 18 (MLA-2026-7)');
  });

  it('gives a record the same ids every time it is rendered', () => {
    const again = taskObjects({
      workspaceId: 'ws_1',
      id: 'tsk_1',
      title: 'Renamed',
      description: '',
      status: 'done',
      priority: 'low',
      dueAt: '2026-03-10T00:00:00.000Z',
      assigneeOrgId: 'org_th',
      marking,
      selectors,
      createdBy: { orgId: 'org_vn' },
      ...times,
    });
    expect(again.record.map((o) => o.id)).toEqual(task.record.map((o) => o.id));
  });
});

describe('TAXII filtering and paging', () => {
  const entries = all.map((object, i) => ({
    object,
    dateAdded: `2026-03-0${1 + (i % 3)}T00:00:00.000Z`,
    version: '2026-03-03T01:00:00.000Z',
  }));
  const sorted = [...entries].sort((a, b) =>
    a.dateAdded < b.dateAdded ? -1 : a.dateAdded > b.dateAdded ? 1 : a.object.id < b.object.id ? -1 : 1,
  );

  it('pages through every entry exactly once', () => {
    const seen: string[] = [];
    let page = pageEntries(sorted, 4);
    seen.push(...page.items.map((e) => e.object.id));
    while (page.more) {
      page = pageEntries(sorted, 4, page.next);
      seen.push(...page.items.map((e) => e.object.id));
    }
    expect(seen).toEqual(sorted.map((e) => e.object.id));
  });

  it('filters by added_after, id, type and version', () => {
    expect(filterEntries(sorted, { addedAfter: '2026-03-02T00:00:00.000Z' }).every((e) => e.dateAdded === '2026-03-03T00:00:00.000Z')).toBe(
      true,
    );
    expect(filterEntries(sorted, { types: ['note'] }).map((e) => e.object.type)).toEqual(['note', 'note']);
    expect(filterEntries(sorted, { ids: [all[0]!.id] })).toHaveLength(1);
    expect(filterEntries(sorted, { versions: ['2020-01-01T00:00:00Z'] })).toEqual([]);
    expect(filterEntries(sorted, { versions: ['all'] })).toHaveLength(sorted.length);
  });
});
