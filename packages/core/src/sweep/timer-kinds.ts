import type { TimerHandler } from '../kernel/timers';
import type { Workspace } from '../workspaces/model';

/**
 * The registry of timer kinds, as `RecordTypes` (kernel/records.ts) is of record kinds. Each
 * feature adds its kinds beside their handlers:
 *
 *     declare module '../sweep/timer-kinds' {
 *       interface TimerKinds { 'task.reminder': true; 'task.overdue': true }
 *     }
 *     export const taskTimerHandlers: TimerHandlers<'task.reminder' | 'task.overdue'> = { … };
 *
 * and the sweep's table of handlers (timer-handlers.ts) must hold a handler for every kind
 * declared: a kind declared without one, or a handler under a kind nobody declared, fails
 * typecheck. A timer whose kind has no handler at run time (written by a newer version, or by
 * hand) is not dropped: the sweep reports it and leaves it due.
 *
 * @public (features extend it by declaration merging)
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each feature (declaration merging)
export interface TimerKinds {}

/** A timer kind some feature declared. */
type TimerKind = keyof TimerKinds & string;

/** What each of these kinds of timer does when it comes due. */
export type TimerHandlers<K extends TimerKind = TimerKind> = { readonly [P in K]: TimerHandler<Workspace> };
