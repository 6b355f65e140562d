import type { EventNames } from '../kernel/events';
import { defineRecord } from '../kernel/records';
import type { PolicySet } from './policy';

// The policy evaluator (policy.ts) is also served to the console on its own, so the record and
// its events are declared here rather than beside it.
declare module '../kernel/records' {
  interface RecordTypes {
    policies: { value: PolicySet; ref: Record<never, never> };
  }
}
defineRecord('policies', [], () => ({}));

export const POLICY_EVENTS = ['policy.updated'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof POLICY_EVENTS> {}
}
