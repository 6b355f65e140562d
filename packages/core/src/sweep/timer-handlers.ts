import { incidentTimerHandlers } from '../incidents/timers';
import type { TimerHandler } from '../kernel/timers';
import { requestTimerHandlers } from '../requests/timers';
import { taskTimerHandlers } from '../tasks/timers';
import type { Workspace } from '../workspaces/model';
import type { TimerHandlers } from './timer-kinds';

// The request clocks' kinds. They belong beside `requestTimerHandlers` (requests/timers.ts), as
// the tasks' and incidents' are beside theirs; until they move there, they are declared here.
declare module './timer-kinds' {
  interface TimerKinds {
    'request.reminder': true;
    'request.expiry': true;
    'request.objection': true;
  }
}
type RequestTimerKind = 'request.reminder' | 'request.expiry' | 'request.objection';

/** Every timer kind the platform knows, by kind: a declared kind left out of this table fails typecheck. */
const timerHandlers: TimerHandlers = {
  ...taskTimerHandlers,
  ...(requestTimerHandlers as TimerHandlers<RequestTimerKind>),
  ...incidentTimerHandlers,
};

/** The handler of a timer's kind, or undefined if no feature registered that kind. */
export const timerHandlerOf = (kind: string): TimerHandler<Workspace> | undefined =>
  Object.hasOwn(timerHandlers, kind) ? timerHandlers[kind as keyof TimerHandlers] : undefined;
