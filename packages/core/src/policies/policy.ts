import * as z from 'zod/mini';
import { type Marking, Tlp } from '../kernel/marking';
import { CountryCode, Id, IsoDateTime, positiveInt } from '../kernel/primitives';
import type { OrgKind, WorkspaceRole } from '../kernel/principal';

/** A rule names at most every country there is, and at most this many organisations. */
const MAX_POLICY_COUNTRIES = 250;
const MAX_POLICY_ORGS = 100;

/**
 * Rules a member country sets over the records it originates. Every rule can only forbid;
 * permission comes from membership (or being the addressee of a request) and the marking.
 */
export const PolicyRule = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('only_countries'),
    countries: z.array(CountryCode).check(z.minLength(1), z.maxLength(MAX_POLICY_COUNTRIES)),
  }),
  z.strictObject({
    type: z.literal('never_countries'),
    countries: z.array(CountryCode).check(z.minLength(1), z.maxLength(MAX_POLICY_COUNTRIES)),
  }),
  z.strictObject({
    type: z.literal('instrument_parties'),
    instrument: z.enum(['UNCC', 'BUDAPEST']),
    parties: z.array(CountryCode).check(z.minLength(1), z.maxLength(MAX_POLICY_COUNTRIES)),
  }),
  z.strictObject({ type: z.literal('no_private_sector'), atOrAbove: z._default(Tlp, 'CLEAR') }),
  z.strictObject({ type: z.literal('red_only_to'), orgIds: z.array(Id).check(z.minLength(1), z.maxLength(MAX_POLICY_ORGS)) }),
  z.strictObject({ type: z.literal('purge_after_close'), days: z.int().check(z.gte(0), z.lte(3650)) }),
  // Hit/no-hit matching (matching/): keep this country's selectors out of every check, or out of
  // checks by the countries listed; and what its agencies are told of who matched their selector.
  z.strictObject({
    type: z.literal('no_matching'),
    towards: z.optional(z.array(CountryCode).check(z.minLength(1), z.maxLength(MAX_POLICY_COUNTRIES))),
  }),
  z.strictObject({ type: z.literal('match_notice'), tell: z.enum(['agency', 'country', 'nobody']) }),
]);
export type PolicyRule = z.infer<typeof PolicyRule>;

/** Countries and organisations named across all of one country's rules. */
const MAX_POLICY_ENTRIES = 500;
const entriesOf = (r: PolicyRule): number =>
  'countries' in r
    ? r.countries.length
    : 'parties' in r
      ? r.parties.length
      : 'orgIds' in r
        ? r.orgIds.length
        : 'towards' in r
          ? (r.towards?.length ?? 0)
          : 0;

export const CountryPolicyInput = z.strictObject({
  rules: z.array(PolicyRule).check(
    z.maxLength(50),
    z.refine(
      (rules) => rules.reduce((n, r) => n + entriesOf(r), 0) <= MAX_POLICY_ENTRIES,
      `the rules may name at most ${MAX_POLICY_ENTRIES} countries and organisations in all`,
    ),
  ),
});
export type CountryPolicyInput = z.infer<typeof CountryPolicyInput>;

export const CountryPolicy = z.extend(CountryPolicyInput, {
  country: CountryCode,
  version: positiveInt(),
  updatedAt: IsoDateTime,
  updatedBy: z.object({ sub: z.string(), orgId: Id }),
});
export type CountryPolicy = z.infer<typeof CountryPolicy>;

/**
 * The policies of some countries, as one read loaded them: each country's policy is its own
 * stored record (`policy`), and a read loads only those of the countries whose records may be
 * in view (`policyCountriesOf`). `covers` names the countries the set answers for, with or
 * without a policy (a country with no policy has no rules); the evaluator refuses to judge a
 * record of a country outside it rather than read a policy that was not loaded as "no rules".
 * Absent (a set built by hand, e.g. the console's preview), the set answers for every country.
 * `version` is the sum of the versions of the policies held: it changes whenever one does.
 */
export interface PolicySet {
  version: number;
  countries: Record<string, CountryPolicy>;
  covers?: readonly string[];
}
export const EMPTY_POLICY_SET: PolicySet = { version: 0, countries: {} };

/** The set holding `policies`, answering for `covers` (and for each policy's own country). */
export const policySetOf = (policies: readonly CountryPolicy[], covers: Iterable<string>): PolicySet => {
  const countries: Record<string, CountryPolicy> = {};
  for (const p of policies) countries[p.country] = p;
  return {
    version: policies.reduce((n, p) => n + p.version, 0),
    countries,
    covers: [...new Set([...covers, ...Object.keys(countries)])].sort(),
  };
};

/** A policy set that answers for the countries of both. */
export const mergePolicySets = (a: PolicySet, b: PolicySet): PolicySet =>
  a.covers && b.covers
    ? policySetOf(Object.values({ ...a.countries, ...b.countries }), [...a.covers, ...b.covers])
    : { version: a.version + b.version, countries: { ...a.countries, ...b.countries } };

/** Does the set answer for this country (its policy, or that it has none, was read)? */
export const coversCountry = (policies: PolicySet, country: string): boolean => !policies.covers || policies.covers.includes(country);

/** `match`: may a hit/no-hit check by the viewer answer "hit" with this record's owner (matching/check.ts)? */
export type PolicyAction = 'read' | 'list' | 'notify' | 'export' | 'match';

/** The party asking: an organisation, and how it relates to the workspace and the record. */
export interface Viewer {
  orgId: string;
  orgKind: OrgKind;
  country: string;
  /** The viewer's role in the record's workspace, if a member. */
  workspaceRole?: WorkspaceRole | undefined;
  /** The viewer is the private partner a data request is addressed to. */
  addressee?: boolean;
}

/** What the evaluator needs of a record and its context. */
export interface Resource {
  marking: Marking;
  workspaceStatus?: 'open' | 'suspended' | 'closed';
  workspaceClosedAt?: string | undefined;
  /**
   * The legal basis code of the record's workspace (`UNCC`, `BUDAPEST`, …): an
   * `instrument_parties` rule governs only workspaces run under its instrument. Unknown
   * (no workspace at hand), the rule applies: a forbid is never lost for want of context.
   */
  legalBasisCode?: string | undefined;
}

type DenyReason = 'not_member' | 'embargo' | 'private_sector' | 'rel_to' | 'red_recipients' | 'orcon' | `policy:${PolicyRule['type']}`;

export type PolicyDecision = { allow: true } | { allow: false; reasons: DenyReason[] };

const TLP_RANK: Record<Tlp, number> = { CLEAR: 0, GREEN: 1, AMBER: 2, 'AMBER+STRICT': 3, RED: 4 };

/**
 * THE policy evaluator: every read, list, notification recipient and export is decided
 * here. Each check can only forbid, a forbid beats any permit, and so the most restrictive
 * of the marking and the originating country's policy wins. The originator always sees its
 * own records (it may not export an ORCON record less than anyone: it is the approver).
 */
export const evaluate = (viewer: Viewer, action: PolicyAction, resource: Resource, policies: PolicySet, now: Date): PolicyDecision => {
  if (action === 'match') return evaluateMatch(viewer, resource, policies, now);
  const m = resource.marking;
  const isOriginator = viewer.orgId === m.originator.orgId;
  const reasons: DenyReason[] = [];
  const isPrivate = viewer.orgKind === 'provider';

  // Permit: a member of the workspace, or the private partner the record is addressed to.
  if (!isOriginator && !viewer.workspaceRole && !(isPrivate && viewer.addressee)) reasons.push('not_member');
  if (isPrivate && !viewer.addressee) reasons.push('not_member');

  // Marking.
  if (!isOriginator) {
    if (m.embargoUntil && now.getTime() < new Date(m.embargoUntil).getTime()) reasons.push('embargo');
    if (isPrivate && (m.caveats.includes('NO-PRIVATE-SECTOR') || m.tlp === 'AMBER+STRICT')) reasons.push('private_sector');
    if (Array.isArray(m.releasableTo) && !m.releasableTo.includes(viewer.country)) reasons.push('rel_to');
    if (m.tlp === 'RED' && !m.recipients?.includes(viewer.orgId)) reasons.push('red_recipients');
    if (action === 'export' && m.caveats.includes('ORCON')) reasons.push('orcon');
  }

  // The originating country's policy. A set that was not loaded for that country cannot say it
  // has no rules: judging it so would lose a forbid, so this is a fault, never an allow.
  if (!coversCountry(policies, m.originator.country)) {
    throw new Error(`the policy of ${m.originator.country} was not loaded for this read`);
  }
  const policy = policies.countries[m.originator.country];
  for (const rule of policy?.rules ?? []) {
    if (isOriginator && rule.type !== 'purge_after_close') continue;
    switch (rule.type) {
      case 'only_countries':
        if (!rule.countries.includes(viewer.country)) reasons.push('policy:only_countries');
        break;
      case 'never_countries':
        if (rule.countries.includes(viewer.country)) reasons.push('policy:never_countries');
        break;
      case 'instrument_parties':
        if (resource.legalBasisCode !== undefined && resource.legalBasisCode !== rule.instrument) break;
        if (!rule.parties.includes(viewer.country)) reasons.push('policy:instrument_parties');
        break;
      case 'no_private_sector':
        if (isPrivate && TLP_RANK[m.tlp] >= TLP_RANK[rule.atOrAbove]) reasons.push('policy:no_private_sector');
        break;
      case 'red_only_to':
        if (m.tlp === 'RED' && !rule.orgIds.includes(viewer.orgId)) reasons.push('policy:red_only_to');
        break;
      case 'no_matching':
      case 'match_notice':
        // Matching only: a check never reads the record (see evaluateMatch).
        break;
      case 'purge_after_close':
        if (
          resource.workspaceStatus === 'closed' &&
          resource.workspaceClosedAt &&
          now.getTime() >= new Date(resource.workspaceClosedAt).getTime() + rule.days * 86_400_000
        )
          reasons.push('policy:purge_after_close');
        break;
    }
  }
  return reasons.length === 0 ? { allow: true } : { allow: false, reasons: [...new Set(reasons)] };
};

export const allows = (viewer: Viewer, action: PolicyAction, resource: Resource, policies: PolicySet, now: Date): boolean =>
  evaluate(viewer, action, resource, policies, now).allow;

/**
 * A hit/no-hit check reveals no content, only that the originating agency holds a selector and
 * under what marking; no membership is needed, and the marking's own rules (REL TO, RED
 * recipients) govern reading, not this, but an embargo holds: until it ends, nobody else may know
 * the record exists. The originating country's policy decides: `no_matching`
 * (all, or towards the listed countries), and, most restrictive wins, its country rules
 * `only_countries` / `never_countries`: a country that shares nothing with X does not tell X it
 * holds the selector either. The originator always hears of its own holdings.
 */
const evaluateMatch = (viewer: Viewer, resource: Resource, policies: PolicySet, now: Date): PolicyDecision => {
  const m = resource.marking;
  if (viewer.orgId === m.originator.orgId) return { allow: true };
  if (!coversCountry(policies, m.originator.country)) {
    throw new Error(`the policy of ${m.originator.country} was not loaded for this check`);
  }
  const reasons: DenyReason[] = [];
  if (viewer.orgKind === 'provider') reasons.push('private_sector');
  // Under embargo only the originator may know of the record: not even that it exists.
  if (m.embargoUntil && now.getTime() < new Date(m.embargoUntil).getTime()) reasons.push('embargo');
  for (const rule of policies.countries[m.originator.country]?.rules ?? []) {
    if (rule.type === 'no_matching' && (!rule.towards || rule.towards.includes(viewer.country))) reasons.push('policy:no_matching');
    if (rule.type === 'only_countries' && !rule.countries.includes(viewer.country)) reasons.push('policy:only_countries');
    if (rule.type === 'never_countries' && rule.countries.includes(viewer.country)) reasons.push('policy:never_countries');
  }
  return reasons.length === 0 ? { allow: true } : { allow: false, reasons: [...new Set(reasons)] };
};

/**
 * What an owning agency is told of who matched its selector: by default the checking agency and
 * its country; its country's `match_notice` rule may say only the country, or nobody.
 */
export const matchNoticeOf = (policies: PolicySet, ownerCountry: string): 'agency' | 'country' | 'nobody' => {
  const rule = policies.countries[ownerCountry]?.rules.find((r) => r.type === 'match_notice');
  return rule?.type === 'match_notice' ? rule.tell : 'agency';
};
