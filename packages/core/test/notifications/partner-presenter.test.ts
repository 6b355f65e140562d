import { describe, expect, it } from 'vitest';
import {
  type DataRequest,
  type DomainEvent,
  type EvidenceItem,
  type InboxNotification,
  markingFrom,
  partnerEventData,
  partnerInboxView,
  partnerNotification,
  portalEvidence,
  portalView,
} from '../../src';

const at = '2026-03-01T08:00:00.000Z';
const marking = markingFrom({ tlp: 'AMBER', releasableTo: 'members', caveats: [] }, { orgId: 'usa-fbi', country: 'USA' });
const request: DataRequest = {
  workspaceId: 'ws-secret-0001',
  id: 'req-0001',
  providerOrgId: 'mekong-bank',
  type: 'production',
  legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
  urgency: 'standard',
  description: 'KYC file',
  selectors: [{ type: 'email', value: 'mule@example.com' }],
  status: 'acknowledged',
  marking: { ...marking, recipients: ['vnm-a05'] },
  clarifications: [{ question: 'Which?', askedAt: at, askedBy: 'mekong-bank', answer: 'The second', answeredAt: at }],
  requestedBy: { sub: 'agent.smith@fbi.example', orgId: 'usa-fbi', country: 'USA' },
  createdAt: at,
  updatedAt: at,
  sentAt: at,
  evidence: { registered: 1, stored: 0 },
  withdrawnReason: 'Suspect arrested',
  version: 3,
};
const event: DomainEvent = {
  id: '01kjm6jm003bzpyw4x0zte1cbz',
  type: 'request.withdrawn',
  at,
  chainId: 'ws-secret-0001',
  workspaceId: 'ws-secret-0001',
  subject: { type: 'request', id: 'req-0001' },
  actor: { sub: 'lead.nguyen@a05.example', orgId: 'vnm-a05', country: 'VNM' },
  audience: ['mekong-bank', 'usa-fbi', 'vnm-a05'],
  addressees: ['mekong-bank'],
  marking,
  data: {
    requestType: 'production',
    status: 'withdrawn',
    requestingAgency: { orgId: 'usa-fbi', country: 'USA' },
    reason: 'Suspect arrested',
    providerOrgId: 'mekong-bank',
    leadOrgId: 'vnm-a05',
  },
};
const secrets = ['ws-secret-0001', 'vnm-a05', 'agent.smith', 'lead.nguyen', 'Suspect arrested'];
const leaked = (x: unknown) => secrets.filter((s) => JSON.stringify(x).includes(s));

describe('the partner presenter', () => {
  it('shows a request without its workspace, people or agency-only fields, whatever else the record holds', () => {
    const shown = portalView({ ...request, internalNote: 'for the agencies' } as DataRequest);
    expect(leaked(shown)).toEqual([]);
    expect(JSON.stringify(shown)).not.toContain('internalNote');
    expect(shown.requestingAgency).toEqual({ orgId: 'usa-fbi', country: 'USA' });
    expect(shown.clarifications).toEqual([{ question: 'Which?', askedAt: at, answer: 'The second', answeredAt: at }]);
  });

  it('shows an evidence item without its workspace or uploader', () => {
    const item: EvidenceItem = {
      workspaceId: 'ws-secret-0001',
      requestId: 'req-0001',
      id: 'ev-1',
      fileName: 'a.csv',
      size: 1,
      mediaType: 'text/csv',
      sha256: 'a'.repeat(64),
      uploadedBy: { sub: 'responder@bank', orgId: 'mekong-bank' },
      registeredAt: at,
      content: 'pending',
      version: 1,
    };
    expect(portalEvidence(item)).toEqual({
      id: 'ev-1',
      requestId: 'req-0001',
      fileName: 'a.csv',
      size: 1,
      mediaType: 'text/csv',
      sha256: 'a'.repeat(64),
      registeredAt: at,
      content: 'pending',
      version: 1,
    });
  });

  it('passes on of an event only the fields named for its type', () => {
    expect(partnerEventData('request.withdrawn', event.data)).toEqual({ requestType: 'production', status: 'withdrawn' });
    expect(partnerEventData('request.clarified', { status: 'acknowledged', answer: 'The second', extra: 1 })).toEqual({
      status: 'acknowledged',
      answer: 'The second',
    });
    expect(partnerEventData('task.assigned', { title: 'x', status: 'open' })).toEqual({ status: 'open' });
  });

  it('builds a notification only for the partner a request is addressed to, in its own form', () => {
    const n = partnerNotification(event, 'mekong-bank')!;
    const { access, ...sent } = n;
    expect(sent).toEqual({
      id: `${event.id}:mekong-bank`,
      eventId: event.id,
      type: 'request.withdrawn',
      at,
      recipient: 'mekong-bank',
      subject: { type: 'request', id: 'req-0001' },
      requestingAgency: { orgId: 'usa-fbi', country: 'USA' },
      tlp: 'AMBER',
      caveats: [],
      data: { requestType: 'production', status: 'withdrawn' },
    });
    expect(access).toEqual({ marking, addressee: true, workspaceId: 'ws-secret-0001' });
    expect(partnerNotification(event, 'chatwave')).toBeUndefined();
    expect(partnerNotification({ ...event, subject: { type: 'incident', id: 'i' } }, 'mekong-bank')).toBeUndefined();
  });

  it('reads an inbox item stored in the agencies’ form in the partner’s form', () => {
    const legacy: InboxNotification = {
      id: `${event.id}:mekong-bank`,
      eventId: event.id,
      type: 'request.withdrawn',
      at,
      recipient: 'mekong-bank',
      workspaceId: 'ws-secret-0001',
      subject: { type: 'request', id: 'req-0001' },
      actorOrgId: 'vnm-a05',
      tlp: 'AMBER',
      caveats: [],
      data: event.data,
      access: { marking, addressee: true },
      receivedAt: at,
    };
    const shown = partnerInboxView(legacy)!;
    expect(leaked(shown)).toEqual([]);
    expect(shown).toMatchObject({ requestingAgency: { orgId: 'usa-fbi', country: 'USA' }, data: { status: 'withdrawn' }, receivedAt: at });
    expect(partnerInboxView({ ...legacy, access: { marking, addressee: false } })).toBeUndefined();
  });
});
