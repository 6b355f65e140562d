import { describe, expect, it } from 'vitest';
import { BUILT_IN_REQUEST_TYPES, CLOCK_RULES, clockRuleFor, type DataRequest, requestTypeIds, startClockOn } from '../../src';

type Subject = Pick<DataRequest, 'type' | 'urgency' | 'legalBasis'>;

/** The table as it was written before the request types carried their rows: the oracle of which rule a request gets. */
const BEFORE: [id: string, matches: (r: Subject) => boolean, startsWhenFrozen?: true][] = [
  ['takedown-eu-tco', (r) => r.type === 'takedown' && r.legalBasis.code === 'EU-TCO'],
  // An EPOC-PR has no emergency period (types/epoc-pr.ts).
  ['emergency', (r) => (r.urgency === 'emergency' && r.type !== 'epoc_pr') || r.type === 'emergency_disclosure'],
  ['eu-preservation', (r) => (r.type === 'preservation' || r.type === 'epoc_pr') && r.legalBasis.code === 'EU-EEVIDENCE'],
  ['us-2703f-preservation', (r) => r.type === 'preservation' && r.legalBasis.code === 'US-2703F'],
  ['preservation', (r) => r.type === 'preservation'],
  ['eu-production-notified', (r) => r.legalBasis.code === 'EU-EEVIDENCE' && (r.type === 'traffic_data' || r.type === 'content')],
  // An EPOC notifies the enforcing State only as its certificate says (types/epoc.ts): without one, the production clock.
  ['production', (r) => ['production', 'subscriber_info', 'traffic_data', 'content', 'epoc'].includes(r.type)],
  ['asset-freeze', (r) => r.type === 'asset_freeze'],
  ['takedown-eu-dsa', (r) => r.type === 'takedown' && r.legalBasis.code === 'EU-DSA'],
  ['takedown', (r) => r.type === 'takedown'],
  ['provisional-freeze', (r) => r.type === 'asset_freeze' && r.legalBasis.code === 'PROVISIONAL-MEASURE', true],
  ['freeze', (r) => r.type === 'asset_freeze', true],
];
const BASES = ['EU-EEVIDENCE', 'US-2703F', 'BUDAPEST', 'UNCC', 'MLAT', 'NATIONAL', 'PROVISIONAL-MEASURE', 'EU-TCO', 'EU-DSA'] as const;

describe('the request-type registry', () => {
  it('lists each type once, in the order of the request-type enum', () => {
    expect(requestTypeIds()).toEqual([
      'preservation',
      'production',
      'emergency_disclosure',
      'subscriber_info',
      'traffic_data',
      'content',
      'asset_freeze',
      'takedown',
      'epoc',
      'epoc_pr',
    ]);
    expect(new Set(BUILT_IN_REQUEST_TYPES.map((d) => d.id)).size).toBe(BUILT_IN_REQUEST_TYPES.length);
  });

  it('resolves every type, urgency and basis to the clock the table gave before, on sending and on freezing', () => {
    const at = new Date('2026-03-01T08:00:00.000Z');
    for (const type of requestTypeIds())
      for (const code of BASES)
        for (const urgency of ['standard', 'emergency'] as const) {
          const r: Subject = { type, urgency, legalBasis: { code, text: 'x' } };
          const sent = BEFORE.find(([, m, frozen]) => !frozen && m(r))?.[0];
          // No row at all (an EPOC-PR under another basis, which its checks refuse): the table says so.
          if (sent) expect(clockRuleFor(r).id, `${type} ${code} ${urgency}`).toBe(sent);
          else expect(() => clockRuleFor(r), `${type} ${code} ${urgency}`).toThrow(/no legal clock/);
          const frozen = BEFORE.find(([, m, f]) => f && m(r))?.[0];
          if (frozen) expect(startClockOn('frozen', r, at).rule).toBe(frozen);
          else expect(() => startClockOn('frozen', r, at)).toThrow(/no frozen clock/);
        }
    expect(CLOCK_RULES.map((c) => c.id).sort()).toEqual(BEFORE.map(([id]) => id).sort());
  });
});
