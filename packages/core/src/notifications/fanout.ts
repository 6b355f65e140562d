import type { DomainEvent } from '../events';
import { partnerNotification } from '../present/partner';
import { canSee } from '../visibility';
import { type FanoutContext, type Notification, notificationId } from './model';

/** Why an audience member receives nothing: for logs and tests, never sent anywhere. */
export type Withheld = { orgId: string; reason: 'unknown_organisation' | 'policy' | 'not_addressee' };

/**
 * The recipients of one event and what each receives. Each organisation in the event's
 * audience is asked of the one evaluator (action `notify`) against the marking of the event's
 * subject, the workspace and the country policies; a recipient that may not see the record
 * receives nothing at all, not even that it exists. An agency receives the event's data (which describes only the subject), the handling
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
    if (event.workspaceId && !ws) {
      // A workspace event whose workspace is gone: nothing to vouch for it.
      withheld.push({ orgId, reason: 'policy' });
      continue;
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
