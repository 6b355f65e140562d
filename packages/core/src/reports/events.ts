import type { EventNames } from '../kernel/events';

/** A document job's event: on AWS it reaches the export worker through the outbox (messaging's fan-out); nobody is notified. */
export const DOCUMENT_EVENTS = ['document.requested'] as const;
declare module '../kernel/events' {
  interface EventTypes extends EventNames<typeof DOCUMENT_EVENTS> {}
}
