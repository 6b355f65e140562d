import { incidentTimerHandlers } from '../incidents/timers';
import type { TimerHandler } from '../kernel/timers';
import { requestTimerHandlers } from '../requests/timers';
import { taskTimerHandlers } from '../tasks/timers';
import type { Workspace } from '../workspaces/model';

/**
 * The request clocks' kinds. requests/timers.ts types its table as `Record<string, …>`, which
 * loses them; until it keeps its keys (`satisfies`, as the tasks' and incidents' tables do),
 * they are named here.
 */
type RequestTimerKind = 'request.reminder' | 'request.expiry' | 'request.objection';

/**
 * The registry of timer kinds: every feature's table of handlers, keyed by the kinds its timers
 * are made with (a feature adds its table here, as each adds its events to events.ts). A timer
 * kind is one of these keys; a timer whose kind is none of them at run time (written by a newer
 * version, or by hand) is reported by the sweep and left due, never dropped in silence.
 */
const timerHandlers = {
  ...taskTimerHandlers,
  ...(requestTimerHandlers as Record<RequestTimerKind, TimerHandler<Workspace>>),
  ...incidentTimerHandlers,
} satisfies Record<string, TimerHandler<Workspace>>;

/** A kind of timer some feature registered a handler for. */
export type TimerKind = keyof typeof timerHandlers;

/** The handler of a timer's kind, or undefined if no feature registered that kind. */
export const timerHandlerOf = (kind: string): TimerHandler<Workspace> | undefined =>
  Object.hasOwn(timerHandlers, kind) ? timerHandlers[kind as TimerKind] : undefined;
