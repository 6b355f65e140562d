import { evaluate, type PolicyRule, type PolicySet } from '@taskforce/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEGAL_BASES, marking, NOW, policySet, viewer, workspaceState } from './arbitraries';
import { oracle } from './oracle';

const EVALUATOR_RUNS = 10_000;

/** The policy set with one more rule in the country's policy (a new version of it, or its first). */
const withCountryRule = (policies: PolicySet, country: string, rule: PolicyRule): PolicySet => ({
  ...policies,
  countries: {
    ...policies.countries,
    [country]: {
      country,
      version: 2,
      updatedAt: NOW.toISOString(),
      updatedBy: { sub: 'x', orgId: 'org-a' },
      rules: [...(policies.countries[country]?.rules ?? []), rule],
    },
  },
});

describe('the policy evaluator', () => {
  it(`agrees with the independent oracle on ${EVALUATOR_RUNS} generated cases`, () => {
    fc.assert(
      fc.property(
        viewer,
        fc.constantFrom('read' as const, 'list' as const, 'notify' as const, 'export' as const),
        marking,
        workspaceState,
        policySet,
        (v, action, m, ws, policies) => {
          const decision = evaluate(v, action, { marking: m, ...ws }, policies, NOW);
          expect(decision.allow).toBe(oracle(v, action, { marking: m, ...ws }, policies, NOW));
        },
      ),
      { numRuns: EVALUATOR_RUNS },
    );
  });

  it('never lets a permit override a forbid: adding a rule can only take access away', () => {
    fc.assert(
      fc.property(
        viewer,
        marking,
        workspaceState,
        policySet,
        fc.array(fc.constantFrom(...['VNM', 'USA', 'THA', 'GBR', 'SGP']), { minLength: 1, maxLength: 2 }),
        (v, m, ws, policies, never) => {
          const before = evaluate(v, 'read', { marking: m, ...ws }, policies, NOW).allow;
          const country = m.originator.country;
          const stricter = withCountryRule(policies, country, { type: 'never_countries', countries: never });
          const after = evaluate(v, 'read', { marking: m, ...ws }, stricter, NOW).allow;
          expect(!before && after).toBe(false);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('leaves workspaces under another legal basis alone when a country restricts one instrument to its parties', () => {
    fc.assert(
      fc.property(
        viewer,
        marking,
        fc.constantFrom(...LEGAL_BASES),
        policySet,
        fc.constantFrom('UNCC' as const, 'BUDAPEST' as const),
        fc.uniqueArray(fc.constantFrom<string>('VNM', 'USA', 'THA', 'GBR', 'SGP'), { minLength: 1, maxLength: 2 }),
        (v, m, legalBasisCode, policies, instrument, parties) => {
          const country = m.originator.country;
          const withRule = withCountryRule(policies, country, { type: 'instrument_parties', instrument, parties });
          const res = { marking: m, workspaceStatus: 'open' as const, legalBasisCode };
          const before = evaluate(v, 'read', res, policies, NOW).allow;
          const after = evaluate(v, 'read', res, withRule, NOW).allow;
          if (legalBasisCode !== instrument) expect(after).toBe(before);
          else expect(after).toBe(before && (v.orgId === m.originator.orgId || parties.includes(v.country)));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
