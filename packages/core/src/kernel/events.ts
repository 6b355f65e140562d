import type { Actor } from './audit';
import type { Marking } from './marking';

/**
 * The registry of event types. Each feature lists its events and adds them here beside its
 * schema, so adding an event touches only its feature:
 *
 *     export const TASK_EVENTS = ['task.assigned', ...] as const;
 *     declare module '../kernel/events' { interface EventTypes extends EventNames<typeof TASK_EVENTS> {} }
 *
 * @public (features extend it by declaration merging)
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature (declaration merging)
export interface EventTypes {}
export type EventType = keyof EventTypes & string;
/** The registry entries of a feature's list of event types. */
export type EventNames<T extends readonly string[]> = Record<T[number], true>;

/**
 * A domain event, written to the outbox in the same transaction as the change it reports.
 * `audience` names the organisations the event concerns; the fan-out step decides, per
 * recipient, what each may receive.
 */
export interface DomainEvent {
  id: string;
  type: EventType;
  at: string;
  chainId: string;
  workspaceId?: string;
  subject: { type: string; id: string };
  actor: Actor;
  audience: string[];
  /**
   * The marking of the record the event reports. Fan-out asks the policy evaluator, per
   * recipient, whether it may learn of that record; an unmarked event goes to its audience.
   */
  marking?: Marking;
  /** Private partners the subject is addressed to (e.g. a data request's provider): the evaluator lets only them in. */
  addressees?: string[];
  data: Record<string, unknown>;
}

export type EventDraft = Omit<DomainEvent, 'id' | 'at' | 'chainId' | 'actor'>;
