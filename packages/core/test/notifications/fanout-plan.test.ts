import { describe, expect, it } from 'vitest';
import {
  type DomainEvent,
  EMPTY_POLICY_SET,
  fanoutInvitationKey,
  type Invitation,
  markingFrom,
  type Organisation,
  planNotifications,
  type Workspace,
} from '../../src';

const at = '2026-03-01T08:00:00.000Z';
const now = new Date(at);
const org = (id: string, country: string, kind: Organisation['kind'] = 'agency'): Organisation => ({
  id,
  name: id,
  kind,
  country,
  createdAt: at,
  version: 1,
});
const orgs = [
  org('vnm-a05', 'VNM'),
  org('usa-fbi', 'USA'),
  org('tha-ccib', 'THA'),
  org('gbr-nca', 'GBR'),
  org('mekong-bank', 'THA', 'provider'),
];
const member = (orgId: string, country: string, role: 'lead' | 'member' = 'member') => ({
  orgId,
  orgName: orgId,
  country,
  role,
  joinedAt: at,
});
/** usa-fbi was a member and has been removed: only the lead and CCIB remain. */
const ws: Workspace = {
  id: 'ws-1',
  title: 'Op Lotus',
  leadOrgId: 'vnm-a05',
  legalBasis: { code: 'UNCC', text: 'art. 41' },
  status: 'open',
  members: [member('vnm-a05', 'VNM', 'lead'), member('tha-ccib', 'THA')],
  createdAt: at,
  updatedAt: at,
  version: 4,
};
const invitation = (status: Invitation['status']): Invitation => ({
  workspaceId: 'ws-1',
  workspaceTitle: 'Op Lotus',
  orgId: 'gbr-nca',
  role: 'member',
  status,
  invitedBy: { sub: 'lead', orgId: 'vnm-a05' },
  createdAt: at,
  version: 1,
});
const context = (inv?: Invitation) => ({
  workspaces: new Map([[ws.id, ws]]),
  organisations: new Map(orgs.map((o) => [o.id, o])),
  invitations: new Map(inv ? [[fanoutInvitationKey(inv.workspaceId, inv.orgId), inv]] : []),
  policies: EMPTY_POLICY_SET,
});
const event = (over: Partial<DomainEvent>): DomainEvent => ({
  id: '01kjm6jm003bzpyw4x0zte1cbz',
  type: 'incident.escalated',
  at,
  chainId: 'ws-1',
  workspaceId: 'ws-1',
  subject: { type: 'incident', id: 'inc-1' },
  actor: { sub: 'system', orgId: 'system', country: 'ZZZ' },
  audience: [],
  data: {},
  ...over,
});
const recipients = (e: DomainEvent, inv?: Invitation) => planNotifications(e, context(inv), now).notifications.map((n) => n.recipient);

describe('fan-out decides against the workspace as it is now', () => {
  it('sends a removed member nothing, even about a record it originated', () => {
    const fbiMarking = markingFrom({ tlp: 'AMBER', releasableTo: 'members', caveats: [] }, { orgId: 'usa-fbi', country: 'USA' });
    const escalated = event({ audience: ['usa-fbi', 'vnm-a05', 'tha-ccib'], marking: fbiMarking });
    expect(recipients(escalated)).toEqual(['vnm-a05', 'tha-ccib']);
    expect(planNotifications(escalated, context(), now).withheld).toEqual([{ orgId: 'usa-fbi', reason: 'not_member' }]);
    // Unmarked workspace events too: its own removal included.
    const removed = event({
      type: 'member.removed',
      subject: { type: 'member', id: 'usa-fbi' },
      audience: ['vnm-a05', 'tha-ccib', 'usa-fbi'],
    });
    expect(recipients(removed)).toEqual(['vnm-a05', 'tha-ccib']);
  });

  it('tells an invitee of its invitation only while it is pending', () => {
    const sent = event({ type: 'invitation.sent', subject: { type: 'invitation', id: 'gbr-nca' }, audience: ['gbr-nca', 'vnm-a05'] });
    expect(recipients(sent, invitation('pending'))).toEqual(['gbr-nca', 'vnm-a05']);
    expect(recipients(sent, invitation('revoked'))).toEqual(['vnm-a05']);
    expect(recipients(sent)).toEqual(['vnm-a05']);
    const declined = event({
      type: 'invitation.declined',
      subject: { type: 'invitation', id: 'gbr-nca' },
      audience: ['vnm-a05', 'gbr-nca'],
    });
    expect(recipients(declined, invitation('declined'))).toEqual(['vnm-a05']);
    // Someone else's invitation is no way into the workspace.
    const other = event({ type: 'invitation.sent', subject: { type: 'invitation', id: 'usa-fbi' }, audience: ['gbr-nca'] });
    expect(recipients(other, invitation('pending'))).toEqual([]);
  });

  it('sends a private partner only events about a request addressed to it', () => {
    const marking = markingFrom({ tlp: 'GREEN', releasableTo: 'members', caveats: [] }, { orgId: 'vnm-a05', country: 'VNM' });
    const sent = event({
      type: 'request.sent',
      subject: { type: 'request', id: 'req-1' },
      audience: ['mekong-bank', 'vnm-a05'],
      addressees: ['mekong-bank'],
      marking,
      data: { status: 'sent', requestingAgency: { orgId: 'vnm-a05', country: 'VNM' } },
    });
    const plan = planNotifications(sent, context(), now);
    expect(plan.notifications.map((n) => n.recipient)).toEqual(['mekong-bank', 'vnm-a05']);
    expect(plan.notifications[0]).not.toHaveProperty('workspaceId');
    expect(plan.notifications[0]).not.toHaveProperty('actorOrgId');
    expect(recipients({ ...sent, addressees: [] })).toEqual(['vnm-a05']);
    expect(recipients({ ...sent, type: 'incident.raised', subject: { type: 'incident', id: 'i' } })).toEqual(['vnm-a05']);
  });
});
