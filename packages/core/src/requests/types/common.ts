import type { ClockRow, PerTargetAnswer, RequestTypeDescriptor, WholeAnswer } from './descriptor';

// What several request types share: clock rows, the production answer, the decisions.

/** The decisions on a production-type request's targets, and on an asset freeze's (answers/model.ts). */
export const PRODUCE_DECISIONS = ['produce', 'do_not_produce'] as const;
export const FREEZE_DECISIONS = ['frozen', 'not_held', 'cannot_comply'] as const;

/**
 * Emergency: 8 hours (e-Evidence Regulation (EU) 2023/1543, Art. 10(4)), for an urgent request of
 * any type, and for a type urgent by nature whatever its input said.
 */
export const EMERGENCY_CLOCK: ClockRow = {
  id: 'emergency',
  summary: 'Emergency: answer within 8 hours',
  when: (r, type) => r.urgency === 'emergency' || type.urgency === 'emergency',
  period: 'PT8H',
  reminders: ['PT2H', 'PT30M'],
  remind: 'provider',
};

/** Enforcing-state objection window for EU traffic and content data: 96 hours (Art. 8, Art. 12). */
export const EU_PRODUCTION_NOTIFIED_CLOCK: ClockRow = {
  id: 'eu-production-notified',
  summary: 'EU production of traffic or content data: 10 days, after a 96-hour enforcing-state objection window',
  // An EPOC notifies the enforcing State only where Art. 8 says so (types/epoc.ts).
  when: (r, type) => r.legalBasis.code === 'EU-EEVIDENCE' && (!type.order || (!!r.certificate && type.order.notifies(r.certificate))),
  period: 'P10D',
  reminders: ['P3D', 'P1D'],
  remind: 'provider',
  objectionWindow: 'PT96H',
};

/** Production of subscriber, traffic or content data: 10 days (Art. 10(2)). */
export const PRODUCTION_CLOCK: ClockRow = {
  id: 'production',
  summary: 'Production: answer within 10 days',
  period: 'P10D',
  reminders: ['P3D', 'P1D'],
  remind: 'provider',
};

/** Handing data over: fulfilled, partly, or cannot comply; never `preserved`. */
export const PRODUCTION_ANSWER: WholeAnswer = {
  outcomes: ['fulfilled', 'partially_fulfilled', 'cannot_comply'],
  refusal: () => 'only a preservation request is answered with preserved',
};

export const PRODUCE_PER_TARGET: PerTargetAnswer = {
  decisions: PRODUCE_DECISIONS,
  positive: 'produce',
  outcome: (given, of) => (given === of ? 'fulfilled' : 'partially_fulfilled'),
};

/** A type that hands data over, answered whole or per target, with evidence. */
export const productionType = <Id extends string>(
  id: Id,
  clocks: readonly ClockRow[],
  extra: Partial<RequestTypeDescriptor<Id>> = {},
): RequestTypeDescriptor<Id> => ({
  id,
  partners: {},
  create: {},
  respond: PRODUCTION_ANSWER,
  targets: PRODUCE_PER_TARGET,
  evidence: true,
  clocks,
  form: { newRequest: true },
  ...extra,
});
