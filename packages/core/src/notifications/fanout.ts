import type { DomainEvent } from '../kernel/events';
import { canSee } from '../policies/visibility';
import type { Invitation, Workspace } from '../workspaces/model';
import { type Notification, notificationId } from './model';
import { partnerNotification } from './partner';
import { type FanoutContext, fanoutInvitationKey } from './ports';

/** Why an audience member receives nothing: for logs and tests, never sent anywhere. */
export type Withheld = { orgId: string; reason: 'unknown_organisation' | 'policy' | 'not_member' | 'not_addressee' };

/**
 * Whether an agency may hear of what happens in a workspace, as the workspace stands now (not
 * as it stood when the event was written): it is a member, or the event is about its own
 * invitation and that invitation is still pending. An organisation that left or was removed,
 * or whose invitation was declined or revoked, hears nothing more, and its inbox stops showing
 * what it heard before. Private partners are never members: they follow `partnerNotification`.
 */
export const followsWorkspace = (
  orgId: string,
  ws: Workspace,
  subject: { type: string; id: string },
  invitation: Pick<Invitation, 'status'> | undefined,
): boolean =>
  ws.members.some((m) => m.orgId === orgId) || (subject.type === 'invitation' && subject.id === orgId && invitation?.status === 'pending');

/**
 * The recipients of one event and what each receives, decided against the current workspace,
 * membership, invitations and country policies that fan-out reads (the audience written with
 * the event is only the set of organisations it concerns). An agency must still follow the
 * workspace (`followsWorkspace`), and the one evaluator (action `notify`) must let it learn of
 * the event's subject; a recipient that may not receives nothing at all, not even that it
 * exists. An agency receives the event's data (which describes only the subject), the handling
 * label and the acting organisation; the marking's named recipients, REL TO list and the acting
 * person are not passed on. A private partner receives only events about a request addressed to
 * it, in the partner's form (`partnerNotification`). The full marking rides along as `access`
 * for the recipient's inbox, which asks again on every read; it is stripped from everything
 * sent (see `withoutAccess`).
 */
export const planNotifications = (
  event: DomainEvent,
  ctx: Omit<FanoutContext, 'published'>,
  now: Date,
): { notifications: Notification[]; withheld: Withheld[] } => {
  const ws = event.workspaceId ? ctx.workspaces.get(event.workspaceId) : undefined;
  const notifications: Notification[] = [];
  const withheld: Withheld[] = [];
  for (const orgId of [...new Set(event.audience)]) {
    const org = ctx.organisations.get(orgId);
    if (!org) {
      withheld.push({ orgId, reason: 'unknown_organisation' });
      continue;
    }
    const viewer = { orgId: org.id, orgKind: org.kind, country: org.country };
    if (org.kind === 'provider') {
      const n = partnerNotification(event, orgId);
      if (!n?.access || !ws) {
        withheld.push({ orgId, reason: 'not_addressee' });
        continue;
      }
      if (!canSee(viewer, ws, n.access.marking, ctx.policies, now, { action: 'notify', addressee: true })) {
        withheld.push({ orgId, reason: 'policy' });
        continue;
      }
      notifications.push(n);
      continue;
    }
    if (event.workspaceId) {
      if (!ws) {
        // A workspace event whose workspace is gone: nothing to vouch for it.
        withheld.push({ orgId, reason: 'policy' });
        continue;
      }
      const invitation = ctx.invitations.get(fanoutInvitationKey(ws.id, orgId));
      if (!followsWorkspace(orgId, ws, event.subject, invitation)) {
        withheld.push({ orgId, reason: 'not_member' });
        continue;
      }
    }
    if (event.marking && !canSee(viewer, ws, event.marking, ctx.policies, now, { action: 'notify' })) {
      withheld.push({ orgId, reason: 'policy' });
      continue;
    }
    notifications.push({
      id: notificationId(event.id, orgId),
      eventId: event.id,
      type: event.type,
      at: event.at,
      recipient: orgId,
      ...(event.workspaceId ? { workspaceId: event.workspaceId } : {}),
      subject: event.subject,
      actorOrgId: event.actor.orgId,
      ...(event.marking ? { tlp: event.marking.tlp, caveats: event.marking.caveats } : {}),
      data: event.data,
      ...(event.marking ? { access: { marking: event.marking, addressee: false } } : {}),
    });
  }
  return { notifications, withheld };
};
