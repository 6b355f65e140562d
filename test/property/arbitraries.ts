import type { CountryPolicy, Marking, PolicyRule, PolicySet, Viewer } from '@taskforce/core';
import fc from 'fast-check';

export const COUNTRIES = ['VNM', 'USA', 'THA', 'GBR', 'SGP'] as const;
const ORG_IDS = ['org-a', 'org-b', 'org-c', 'org-d', 'org-e', 'org-f'] as const;
export const NOW = new Date('2026-03-10T00:00:00.000Z');
const TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

const country = fc.constantFrom(...COUNTRIES);
const someCountries = fc.uniqueArray(country, { minLength: 1, maxLength: 3 });
const someOrgs = fc.uniqueArray(fc.constantFrom(...ORG_IDS), { minLength: 1, maxLength: 3 });
const instant = fc.integer({ min: -20, max: 20 }).map((d) => new Date(NOW.getTime() + d * 86_400_000).toISOString());

/** Markings as callers may make them (no contradictions), with an originator. */
export const markingInput = fc
  .record({
    tlp: fc.constantFrom(...TLPS),
    releasableTo: fc.oneof(fc.constant('members' as const), someCountries),
    recipients: fc.option(someOrgs, { nil: undefined }),
    caveats: fc.uniqueArray(fc.constantFrom('NO-PRIVATE-SECTOR' as const, 'ORCON' as const), { maxLength: 2 }),
    embargoUntil: fc.option(instant, { nil: undefined }),
  })
  .map((m) => {
    if (m.tlp === 'RED' && !m.recipients) return { ...m, recipients: ['org-a'] };
    if (m.tlp === 'CLEAR')
      return { tlp: m.tlp, releasableTo: 'members' as const, caveats: [], ...(m.embargoUntil ? { embargoUntil: m.embargoUntil } : {}) };
    return m;
  });

export const marking: fc.Arbitrary<Marking> = fc
  .record({ input: markingInput, orgId: fc.constantFrom(...ORG_IDS), country })
  .map(({ input, orgId, country }) => ({ ...input, originator: { orgId, country } }) as Marking);

export const rule: fc.Arbitrary<PolicyRule> = fc.oneof(
  someCountries.map((countries) => ({ type: 'only_countries' as const, countries })),
  someCountries.map((countries) => ({ type: 'never_countries' as const, countries })),
  fc
    .record({ instrument: fc.constantFrom('UNCC' as const, 'BUDAPEST' as const), parties: someCountries })
    .map((r) => ({ type: 'instrument_parties' as const, ...r })),
  fc.constantFrom(...TLPS).map((atOrAbove) => ({ type: 'no_private_sector' as const, atOrAbove })),
  someOrgs.map((orgIds) => ({ type: 'red_only_to' as const, orgIds })),
  fc.integer({ min: 0, max: 30 }).map((days) => ({ type: 'purge_after_close' as const, days })),
);

export const policySet: fc.Arbitrary<PolicySet> = fc
  .dictionary(country, fc.array(rule, { maxLength: 3 }), { maxKeys: 4 })
  .map((byCountry) => ({
    version: 1,
    countries: Object.fromEntries(
      Object.entries(byCountry).map(([c, rules]): [string, CountryPolicy] => [
        c,
        { country: c, rules, version: 1, updatedAt: NOW.toISOString(), updatedBy: { sub: 'x', orgId: 'org-a' } },
      ]),
    ),
  }));

export const viewer: fc.Arbitrary<Viewer> = fc.record({
  orgId: fc.constantFrom(...ORG_IDS),
  orgKind: fc.constantFrom('agency' as const, 'provider' as const, 'international' as const),
  country,
  workspaceRole: fc.option(fc.constantFrom('lead' as const, 'member' as const, 'observer' as const), { nil: undefined }),
  addressee: fc.boolean(),
});

export const LEGAL_BASES = ['UNCC', 'BUDAPEST', 'MLAT'] as const;

/** A workspace's state and legal basis, or no workspace at hand (no status, no basis). */
export const workspaceState = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...LEGAL_BASES).map((legalBasisCode) => ({ workspaceStatus: 'open' as const, legalBasisCode })),
  fc
    .record({ closedAt: instant, legalBasisCode: fc.constantFrom(...LEGAL_BASES) })
    .map(({ closedAt, legalBasisCode }) => ({ workspaceStatus: 'closed' as const, workspaceClosedAt: closedAt, legalBasisCode })),
);
