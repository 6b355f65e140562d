import type { EventNames } from '../kernel/events';
import { defineRecord } from '../kernel/records';
import type { CountryPolicy, PolicySet } from './policy';

// The policy evaluator (policy.ts) is also served to the console on its own, so the record and
// its events are declared here rather than beside it.
declare module '../kernel/records' {
  interface RecordTypes {
    /** One country's policy: its own record, so no item is read by every request. */
    policy: { value: CountryPolicy; ref: { country: string } };
    /**
     * The policies a read needs, resolved by the store's `load` (never stored): after the other
     * references are read, the policies of `policyCountriesOf(what was read, countries)`.
     */
    policies: { value: PolicySet; ref: { countries?: readonly string[] } };
  }
}
defineRecord('policy', ['country'], (p) => ({ country: p.country }));
defineRecord('policies', [], () => ({}));

export const POLICY_EVENTS = ['policy.updated'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof POLICY_EVENTS> {}
}
