import { addDuration } from '../kernel/duration';
import { conflict } from '../kernel/errors';
import { type DeadlineKinds, deadlineTimerIds, deadlineTimers, dueTimerId, type Timer } from '../kernel/timers';
import type { DataRequest, RequestClock } from './request';
import { type ClockRow, type RequestTypeDescriptor, requestTypes } from './types/index';

/**
 * THE table of legal clocks. A request's due time, its reminders, whether it can be
 * extended and whether an enforcing state may object all follow from its type, urgency and
 * legal basis; the first rule that matches applies. Handlers never compute a deadline.
 *
 * The rows are the request types' (types/, each type's file says its clocks and their law): the
 * table is the union of their lists, one row for a row several types share (the emergency clock,
 * the production clocks), in an order that keeps each type's own order, so each type's requests
 * meet its rows in the order it lists them.
 */
export interface ClockRule extends Omit<ClockRow, 'when'> {
  matches(r: Pick<DataRequest, 'type' | 'urgency' | 'legalBasis'>): boolean;
}

/** The types' rows in one list that keeps each type's order (a row goes before the first of its type's later rows already placed). */
const tableOf = (types: readonly RequestTypeDescriptor[]): ClockRule[] => {
  const rows: ClockRow[] = [];
  for (const d of types)
    d.clocks.forEach((row, i) => {
      if (rows.includes(row)) return;
      const later = d.clocks
        .slice(i + 1)
        .map((x) => rows.indexOf(x))
        .filter((k) => k >= 0);
      rows.splice(later.length ? Math.min(...later) : rows.length, 0, row);
    });
  for (const d of types) {
    const at = d.clocks.map((x) => rows.indexOf(x));
    if (at.some((k, i) => i > 0 && k < (at[i - 1] as number)))
      throw new Error(`the clock rows of ${d.id} are listed in an order another type contradicts`);
  }
  if (new Set(rows.map((x) => x.id)).size !== rows.length) throw new Error('two clock rows share an id');
  return rows.map(({ when, ...row }) => {
    const owners = new Map(types.filter((d) => d.clocks.some((x) => x.id === row.id)).map((d) => [d.id, d]));
    return {
      ...row,
      matches: (r) => {
        const owner = owners.get(r.type);
        return owner !== undefined && (!when || when(r, owner));
      },
    };
  });
};

export const CLOCK_RULES: readonly ClockRule[] = tableOf(requestTypes());

export const clockRuleFor = (r: Pick<DataRequest, 'type' | 'urgency' | 'legalBasis'>): ClockRule => {
  const rule = CLOCK_RULES.find((c) => !c.startsWhen && c.matches(r));
  if (!rule) throw new Error(`no legal clock for a ${r.urgency} ${r.type} request under ${r.legalBasis.code}`);
  return rule;
};

export const ruleById = (id: string): ClockRule => {
  const rule = CLOCK_RULES.find((c) => c.id === id);
  if (!rule) throw new Error(`unknown clock rule ${id}`);
  return rule;
};

/** The clock a request gets when it is sent. */
export const startClock = (r: Pick<DataRequest, 'type' | 'urgency' | 'legalBasis'>, sentAt: Date): RequestClock => {
  const rule = clockRuleFor(r);
  return {
    rule: rule.id,
    startedAt: sentAt.toISOString(),
    dueAt: addDuration(sentAt, rule.period).toISOString(),
    reminders: [...rule.reminders],
    extensionsUsed: 0,
    ...(rule.objectionWindow ? { objectionWindowEndsAt: addDuration(sentAt, rule.objectionWindow).toISOString() } : {}),
  };
};

/** The clock that starts when a request reaches `status` (an asset freeze's period), from `now`. */
export const startClockOn = (
  status: NonNullable<ClockRule['startsWhen']>,
  r: Pick<DataRequest, 'type' | 'urgency' | 'legalBasis'>,
  now: Date,
): RequestClock => {
  const rule = CLOCK_RULES.find((c) => c.startsWhen === status && c.matches(r));
  if (!rule) throw new Error(`no ${status} clock for a ${r.type} request under ${r.legalBasis.code}`);
  return {
    rule: rule.id,
    startedAt: now.toISOString(),
    dueAt: addDuration(now, rule.period).toISOString(),
    reminders: [...rule.reminders],
    extensionsUsed: 0,
  };
};

/** One more period, if the rule allows another. */
export const extendClock = (clock: RequestClock): RequestClock => {
  const rule = ruleById(clock.rule);
  if (!rule.extension) throw conflict(`a request under the ${rule.id} clock cannot be extended`);
  if (clock.extensionsUsed >= rule.extension.times)
    throw conflict(
      `the ${rule.id} clock may be extended ${rule.extension.times === 1 ? 'once' : `${rule.extension.times} times`}; it already was`,
    );
  return { ...clock, dueAt: addDuration(new Date(clock.dueAt), rule.extension.by).toISOString(), extensionsUsed: clock.extensionsUsed + 1 };
};

/** A clarification stops the clock; the time it waited is added back when it is answered. */
export const pauseClock = (clock: RequestClock, now: Date): RequestClock => ({ ...clock, pausedAt: now.toISOString() });
export const resumeClock = (clock: RequestClock, now: Date): RequestClock => {
  if (!clock.pausedAt) return clock;
  const waited = Math.max(0, now.getTime() - new Date(clock.pausedAt).getTime());
  const { pausedAt: _, ...rest } = clock;
  return { ...rest, dueAt: new Date(new Date(clock.dueAt).getTime() + waited).toISOString() };
};

/** Until then a non-emergency production may not be handed over. */
export const productionBlockedUntil = (r: Pick<DataRequest, 'clock' | 'urgency'>, now: Date): string | undefined => {
  const end = r.clock?.objectionWindowEndsAt;
  return end && r.urgency !== 'emergency' && now.getTime() < new Date(end).getTime() ? end : undefined;
};

const REQUEST_TIMER_KINDS: DeadlineKinds = { reminder: 'request.reminder', due: 'request.expiry', dueSuffix: 'expiry' };
const objectionTimerId = (requestId: string) => dueTimerId(requestId, 'objection');

/** The timers a request's clock needs from `now` on (none while paused). */
export const requestTimers = (r: DataRequest, now: Date): Timer[] => {
  if (!r.clock || r.clock.pausedAt) return [];
  const timers = deadlineTimers(
    { workspaceId: r.workspaceId, subjectId: r.id, dueAt: r.clock.dueAt, reminders: r.clock.reminders },
    now,
    REQUEST_TIMER_KINDS,
  );
  const end = r.clock.objectionWindowEndsAt;
  if (end && new Date(end).getTime() > now.getTime())
    timers.push({ workspaceId: r.workspaceId, id: objectionTimerId(r.id), kind: 'request.objection', subjectId: r.id, dueAt: end });
  return timers;
};

export const allRequestTimerIds = (r: DataRequest): string[] =>
  r.clock ? [...deadlineTimerIds({ subjectId: r.id, reminders: r.clock.reminders }, REQUEST_TIMER_KINDS), objectionTimerId(r.id)] : [];
