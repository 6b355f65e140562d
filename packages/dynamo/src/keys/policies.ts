import type { RecordShapes } from './shared';

/** Every country's policy, in the lookup index (read by the policy list, never per request). */
export const POLICIES_LOOKUP = 'POLICIES';

export const policyRecords: RecordShapes<'policy' | 'policies'> = {
  /** One country's policy: its own partition, so no item is read by every request. */
  policy: {
    key: (ref) => ({ pk: `POLICY#${ref.country}`, sk: 'POLICY' }),
    index: (p) => ({ gsi1pk: POLICIES_LOOKUP, gsi1sk: p.country }),
  },
  policies: {
    key: () => {
      throw new Error('the policies a read needs are resolved by load (one item per country), never stored whole');
    },
  },
};
