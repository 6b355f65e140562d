import type { EventNames } from '../kernel/events';

/** The events of imported intelligence: one per stored chunk of a STIX bundle. */
export const INTEL_EVENTS = ['intel.imported'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof INTEL_EVENTS> {}
}
