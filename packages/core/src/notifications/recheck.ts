import type { Principal } from '../kernel/principal';
import type { RecordKind, RecordRef, RecordValue } from '../kernel/records';
import { originatorCountries } from '../policies/load';
import { EMPTY_POLICY_SET, type PolicyAction } from '../policies/policy';
import { canSee } from '../policies/visibility';
import { followsWorkspace } from './fanout';
import { type InboxNotification, type InboxNotificationView, withoutAccess, workspaceOfNotification } from './model';
import { partnerInboxView } from './partner';

/** Records read for the re-check, by reference (a LoadedView, or anything that answers the same). */
export interface RecordLookup {
  get<K extends RecordKind>(ref: RecordRef & { kind: K }): RecordValue<K> | undefined;
}

/** What `notificationAsSeenNow` reads besides the policies: the workspace, and the recipient's own invitation to it. */
export const notificationRefs = (orgId: string, n: InboxNotification): RecordRef[] => {
  const workspaceId = workspaceOfNotification(n);
  if (!workspaceId) return [];
  return [
    { kind: 'workspace', id: workspaceId },
    ...(n.subject.type === 'invitation' && n.subject.id === orgId ? [{ kind: 'invitation' as const, workspaceId, orgId }] : []),
  ];
};

/**
 * The originators' countries of the markings inbox items keep for their re-check: with the
 * workspaces' members', the policies a re-check loads (`{ kind: 'policies', countries }`).
 */
export const accessCountries = (items: readonly InboxNotification[]): string[] =>
  originatorCountries(items.flatMap((n) => (n.access ? [n.access.marking] : [])));

/** An inbox item as its recipient reads it: a private partner's through the partner presenter, an agency's without `access`. */
export const presentTo = (p: Pick<Principal, 'orgKind'>, n: InboxNotification): InboxNotificationView | undefined =>
  p.orgKind === 'provider' ? partnerInboxView(n) : withoutAccess(n);

/**
 * A notification as its recipient may see it now, or undefined: asks again, as things stand, what
 * fan-out asked when it sent it. Every inbox read and every webhook post asks this, so a policy
 * tightened, or a membership ended, after fan-out hides what it now forbids:
 * - an agency must still follow the workspace (a member, or invited and not yet answered), and
 *   the evaluator must still let it see the subject, with the marking kept at fan-out;
 * - a private partner sees only items about requests addressed to it, as the portal decides
 *   (the evaluator, as the request's addressee), in the partner's form.
 */
export const notificationAsSeenNow = (
  p: Pick<Principal, 'orgId' | 'orgKind' | 'country'>,
  n: InboxNotification,
  records: RecordLookup,
  now: Date,
  action: PolicyAction,
): InboxNotificationView | undefined => {
  const policies = records.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
  const workspaceId = workspaceOfNotification(n);
  const ws = workspaceId ? records.get({ kind: 'workspace', id: workspaceId }) : undefined;
  if (workspaceId && !ws) return undefined;
  if (p.orgKind === 'provider') {
    const shown = presentTo(p, n);
    return shown && n.access && ws && canSee(p, ws, n.access.marking, policies, now, { action, addressee: true }) ? shown : undefined;
  }
  if (ws && workspaceId && !followsWorkspace(p.orgId, ws, n.subject, records.get({ kind: 'invitation', workspaceId, orgId: p.orgId })))
    return undefined;
  if (n.access && !canSee(p, ws, n.access.marking, policies, now, { action, addressee: n.access.addressee })) return undefined;
  return presentTo(p, n);
};
