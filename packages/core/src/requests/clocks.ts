import { addDuration } from '../kernel/duration';
import { conflict } from '../kernel/errors';
import { type DeadlineKinds, deadlineTimerIds, deadlineTimers, dueTimerId, type Timer } from '../kernel/timers';
import type { DataRequest, RequestClock } from './request';

/**
 * THE table of legal clocks. A request's due time, its reminders, whether it can be
 * extended and whether an enforcing state may object all follow from its type, urgency and
 * legal basis; the first rule that matches applies. Handlers never compute a deadline.
 *
 * - Emergency disclosure: 8 hours (e-Evidence Regulation (EU) 2023/1543, Art. 10(4)).
 * - EU preservation: 60 days, extendable once by 30 (Art. 11(1)).
 * - US 18 U.S.C. §2703(f) preservation: 90 days, renewable once by 90.
 * - Other preservation (Budapest Art. 29, national law): 60 days, extendable once by 30.
 * - Production of subscriber, traffic or content data: 10 days (Art. 10(2)).
 * - Enforcing-state objection window for EU traffic and content data: 96 hours, during
 *   which a non-emergency production may not be handed over (Art. 8, Art. 12).
 * - Asset freeze: answer within 24 hours. Once frozen, a second clock starts (`startsWhen`):
 *   the freeze period, renewable a set number of times, with reminders to the requesting
 *   agency before it lapses. A provisional measure pending a court order (UNCC arts. 31 and 44,
 *   Directive 2014/42/EU art. 7) holds 30 days, renewable twice; a freeze on another basis
 *   (an order received through MLA, a national order) 90 days, renewable three times.
 * - Takedown under a removal order of Regulation (EU) 2021/784 (terrorist content online):
 *   1 hour (Art. 3(3)); first in the table, as it is shorter than the emergency clock.
 * - Takedown under an order of Regulation (EU) 2022/2065 (DSA) Art. 9: the Act says "without
 *   undue delay" and sets no figure; this platform asks for an answer within 72 hours.
 * - Takedown under a national order: 24 hours (as e.g. Viet Nam's Decree 147/2024/ND-CP and
 *   Thailand's Computer Crime Act orders are worked), unless urgent (the emergency clock).
 */
export interface ClockRule {
  id: string;
  summary: string;
  matches(r: Pick<DataRequest, 'type' | 'urgency' | 'legalBasis'>): boolean;
  /** From sending to the deadline. */
  period: string;
  /** Offsets before the deadline at which a reminder goes out. */
  reminders: readonly string[];
  /** Who is reminded: the partner who must answer, or the agency that must renew. */
  remind: 'provider' | 'requester';
  extension?: { by: string; times: number };
  objectionWindow?: string;
  /**
   * The status whose reaching starts this clock in place of the one the request was sent
   * with (an asset freeze's period starts when it is frozen); absent: the clock starts on sending.
   */
  startsWhen?: 'frozen';
}

const PRODUCTION_TYPES = new Set(['production', 'subscriber_info', 'traffic_data', 'content']);

export const CLOCK_RULES: readonly ClockRule[] = [
  // Takedowns: the TCO removal order's hour beats every other clock, so it comes first.
  {
    id: 'takedown-eu-tco',
    summary: 'EU TCO Regulation 2021/784 removal order: remove or disable within 1 hour (Art. 3(3))',
    matches: (r) => r.type === 'takedown' && r.legalBasis.code === 'EU-TCO',
    period: 'PT1H',
    reminders: ['PT30M', 'PT10M'],
    remind: 'provider',
  },
  {
    id: 'emergency',
    summary: 'Emergency: answer within 8 hours',
    matches: (r) => r.urgency === 'emergency' || r.type === 'emergency_disclosure',
    period: 'PT8H',
    reminders: ['PT2H', 'PT30M'],
    remind: 'provider',
  },
  {
    id: 'eu-preservation',
    summary: 'EU preservation: 60 days, extendable once by 30 days',
    matches: (r) => r.type === 'preservation' && r.legalBasis.code === 'EU-EEVIDENCE',
    period: 'P60D',
    reminders: ['P7D', 'P1D'],
    remind: 'requester',
    extension: { by: 'P30D', times: 1 },
  },
  {
    id: 'us-2703f-preservation',
    summary: 'US 18 U.S.C. §2703(f) preservation: 90 days, renewable once by 90 days',
    matches: (r) => r.type === 'preservation' && r.legalBasis.code === 'US-2703F',
    period: 'P90D',
    reminders: ['P14D', 'P1D'],
    remind: 'requester',
    extension: { by: 'P90D', times: 1 },
  },
  {
    id: 'preservation',
    summary: 'Preservation: 60 days, extendable once by 30 days',
    matches: (r) => r.type === 'preservation',
    period: 'P60D',
    reminders: ['P7D', 'P1D'],
    remind: 'requester',
    extension: { by: 'P30D', times: 1 },
  },
  {
    id: 'eu-production-notified',
    summary: 'EU production of traffic or content data: 10 days, after a 96-hour enforcing-state objection window',
    matches: (r) => r.legalBasis.code === 'EU-EEVIDENCE' && (r.type === 'traffic_data' || r.type === 'content'),
    period: 'P10D',
    reminders: ['P3D', 'P1D'],
    remind: 'provider',
    objectionWindow: 'PT96H',
  },
  {
    id: 'production',
    summary: 'Production: answer within 10 days',
    matches: (r) => PRODUCTION_TYPES.has(r.type),
    period: 'P10D',
    reminders: ['P3D', 'P1D'],
    remind: 'provider',
  },
  {
    id: 'asset-freeze',
    summary: 'Asset freeze: answer within 24 hours',
    matches: (r) => r.type === 'asset_freeze',
    period: 'PT24H',
    reminders: ['PT6H', 'PT1H'],
    remind: 'provider',
  },
  // Takedowns (after the emergency rule: an urgent takedown gets its 8 hours).
  {
    id: 'takedown-eu-dsa',
    summary: 'EU DSA Art. 9 order: act without undue delay; answer within 72 hours',
    matches: (r) => r.type === 'takedown' && r.legalBasis.code === 'EU-DSA',
    period: 'PT72H',
    reminders: ['PT24H', 'PT4H'],
    remind: 'provider',
  },
  {
    id: 'takedown',
    summary: 'National takedown order: answer within 24 hours',
    matches: (r) => r.type === 'takedown',
    period: 'PT24H',
    reminders: ['PT6H', 'PT1H'],
    remind: 'provider',
  },
  {
    id: 'provisional-freeze',
    summary:
      'Provisional freeze pending a court order: 30 days from freezing, renewable twice by 30 days; the agency is reminded 3 days, 1 day and 12 hours before it lapses',
    matches: (r) => r.type === 'asset_freeze' && r.legalBasis.code === 'PROVISIONAL-MEASURE',
    startsWhen: 'frozen',
    period: 'P30D',
    reminders: ['P3D', 'P1D', 'PT12H'],
    remind: 'requester',
    extension: { by: 'P30D', times: 2 },
  },
  {
    id: 'freeze',
    summary:
      'Asset freeze under an order: 90 days from freezing, renewable 3 times by 90 days; the agency is reminded 7 days, 1 day and 12 hours before it lapses',
    matches: (r) => r.type === 'asset_freeze',
    startsWhen: 'frozen',
    period: 'P90D',
    reminders: ['P7D', 'P1D', 'PT12H'],
    remind: 'requester',
    extension: { by: 'P90D', times: 3 },
  },
];

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
