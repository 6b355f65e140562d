import type { Marking } from '../kernel/marking';
import { evaluate, type PolicySet } from '../policies/policy';
import type { Workspace } from '../policies/workspace';
import type { Transfer } from './model';
import { uniq } from './shared';

// What a release does to a record's marking, and whether the originating country's policy lets
// the destination have it: asked at the request and again at the approval (commands.ts).

/** A marking may name at most this many REL TO countries and named recipients (as `MarkingInput`). */
export const MAX_MARKING_ENTRIES = 50;

export type Release = { releasableTo: 'members' | string[]; recipients?: string[] | undefined };

/**
 * What a record's REL TO and named recipients become when released to `destination`, or
 * `already` when the marking already lets it go there. A record releasable to "all members" is
 * releasable to the countries of the current members; released further, it becomes REL TO those
 * countries and the destination (a country that joins later then needs a release of its own).
 * An organisation is added to the named recipients (which TLP:RED requires) and its country to REL TO.
 */
export const releaseTo = (m: Marking, destination: Transfer['destination'], memberCountries: readonly string[]): Release | 'already' => {
  if (m.tlp === 'CLEAR') return 'already';
  const countryOk =
    m.releasableTo === 'members' ? memberCountries.includes(destination.country) : m.releasableTo.includes(destination.country);
  const orgOk = destination.orgId === undefined || m.tlp !== 'RED' || (m.recipients ?? []).includes(destination.orgId);
  if (countryOk && orgOk) return 'already';
  const releasableTo = countryOk
    ? m.releasableTo
    : uniq([...(m.releasableTo === 'members' ? memberCountries : m.releasableTo), destination.country]);
  const recipients = destination.orgId ? uniq([...(m.recipients ?? []), destination.orgId]) : m.recipients;
  return { releasableTo, ...(recipients ? { recipients } : {}) };
};

/**
 * Would the originating country's policy (and the marking as released) let the destination see
 * the record? Asked of THE evaluator for the destination as if it were a member: an approval can
 * only add the destination to the marking; it can never lift a country policy's forbid. An
 * embargo is not a reason to refuse a release (it ends by itself).
 */
export const destinationRefusals = (
  ws: Workspace,
  released: Marking,
  destination: Transfer['destination'],
  destinationKind: 'agency' | 'international',
  policies: PolicySet,
  now: Date,
): string[] => {
  const decision = evaluate(
    {
      orgId: destination.orgId ?? `country-${destination.country.toLowerCase()}`,
      orgKind: destinationKind,
      country: destination.country,
      workspaceRole: 'member',
    },
    'read',
    { marking: released, workspaceStatus: ws.status, workspaceClosedAt: ws.closedAt, legalBasisCode: ws.legalBasis.code },
    policies,
    now,
  );
  return decision.allow ? [] : decision.reasons.filter((r) => r !== 'embargo');
};

export const refusalMessage = (t: Pick<Transfer, 'originator' | 'destination'>, reasons: string[]) =>
  `the policy of ${t.originator.country} or the record's marking does not allow it to go to ${t.destination.orgId ?? t.destination.country} (${reasons.join(', ')}); an approval cannot override a country policy's forbid`;

export const markingWith = (m: Marking, r: Release): Marking => {
  const next: Marking = { ...m, releasableTo: r.releasableTo };
  if (r.recipients) next.recipients = r.recipients;
  return next;
};
