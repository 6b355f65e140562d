import { auditExportTimerHandlers } from '../audit/export-redrive';
import { incidentTimerHandlers } from '../incidents/timers';
import type { TimerHandler, TimerHandlers } from '../kernel/timers';
import { requestTimerHandlers } from '../requests/timers';
import { taskTimerHandlers } from '../tasks/timers';
import type { Workspace } from '../workspaces/model';

export type { TimerKind } from '../kernel/timers';

/**
 * Every feature's table of handlers, keyed by the kinds it declared in `TimerKinds`
 * (kernel/timers.ts): a kind declared without a handler here does not compile. A timer whose
 * kind is none of them at run time (written by a newer version, or by hand) is reported by the
 * sweep and left due, never dropped in silence.
 */
const timerHandlers = {
  ...taskTimerHandlers,
  ...requestTimerHandlers,
  ...incidentTimerHandlers,
  ...auditExportTimerHandlers,
} satisfies TimerHandlers<Workspace>;

/** The handler of a timer's kind, or undefined if no feature registered that kind. */
export const timerHandlerOf = (kind: string): TimerHandler<Workspace> | undefined =>
  Object.hasOwn(timerHandlers, kind) ? (timerHandlers as Record<string, TimerHandler<Workspace>>)[kind] : undefined;
