import type { CommandContext } from '../../kernel/context';
import { conflict, invalid } from '../../kernel/errors';
import type { EventDraft } from '../../kernel/events';
import type { Write } from '../../kernel/store';
import { productionBlockedUntil, startClockOn } from '../clocks';
import type { RequestDeps } from '../ports';
import { CANNOT_COMPLY_REASONS } from '../reasons';
import type { DataRequest, RespondInput } from '../request';
import { clearTimers, move, partnerCommand, replanTimers, requestEvent } from '../shared';
import type { AnswerTargetsInput, TargetAnswer, TargetDecisionInput } from './model';
import { decisionCounts, deriveOutcome, perTarget } from './outcome';

// ---------------------------------------------------------------------------------------
// Per-target answers: the partner decides on each selector of a request, in as many steps as
// it likes while the request is acknowledged, then closes; the outcome follows from them.
// ---------------------------------------------------------------------------------------

const answerOf = (a: TargetDecisionInput, at: string, evidence: number): TargetAnswer => ({
  target: a.target,
  decision: a.decision,
  ...('reason' in a ? { reason: a.reason } : {}),
  ...(a.detail ? { detail: a.detail } : {}),
  ...('amount' in a ? { amount: a.amount, reference: a.reference } : {}),
  at,
  evidence,
});

/** The request's answers with this step's merged in, in target order. Checks each against the request. */
const merged = (r: DataRequest, input: readonly TargetDecisionInput[], now: Date): TargetAnswer[] => {
  const allowed = perTarget(r.type).decisions;
  const byTarget = new Map((r.targets ?? []).map((a) => [a.target, a]));
  input.forEach((a, i) => {
    if (a.target >= r.selectors.length)
      throw invalid(`answers.${i}.target`, `the request has ${r.selectors.length} target(s), 0 to ${r.selectors.length - 1}`);
    if (!allowed.includes(a.decision))
      throw invalid(`answers.${i}.decision`, `a ${r.type.replaceAll('_', ' ')} request's targets are answered ${allowed.join(', ')}`);
    const before = byTarget.get(a.target);
    if (before && before.evidence > 0 && before.decision !== a.decision)
      throw conflict(`target ${a.target} has evidence registered against its ${before.decision} answer; it cannot change`);
    byTarget.set(a.target, answerOf(a, now.toISOString(), before?.evidence ?? 0));
  });
  return [...byTarget.values()].sort((x, y) => x.target - y.target);
};

/** Handing over data waits out the objection window, and needs its evidence in. */
const requireHandOver = (r: DataRequest, now: Date) => {
  const blocked = productionBlockedUntil(r, now);
  if (blocked) throw conflict(`the enforcing state may object until ${blocked}; hand over the data after that`);
  if (r.evidence.stored === 0) throw invalid('close', 'register and upload the evidence before answering that targets are produced');
  if (r.evidence.stored < r.evidence.registered)
    throw invalid('close', 'an evidence item is registered but its content has not been uploaded');
};

export const answerTargets = (deps: RequestDeps, ctx: CommandContext, id: string, input: AnswerTargetsInput) =>
  partnerCommand(
    deps,
    ctx,
    id,
    () => [],
    ({ ws, r, now }) => {
      perTarget(r.type);
      if (r.status !== 'acknowledged')
        throw conflict(`targets are answered while a request is acknowledged; this one is ${r.status.replaceAll('_', ' ')}`);
      const targets = merged(r, input.answers, now);
      const at = now.toISOString();
      const events: EventDraft[] = [];
      let next: DataRequest = { ...r, targets, updatedAt: at, version: r.version + 1 };
      let writes: Write[] = [];
      let outcome: ReturnType<typeof deriveOutcome> | undefined;
      if (input.close) {
        outcome = deriveOutcome(r.type, r.selectors.length, targets);
        if (outcome.status === 'fulfilled' || outcome.status === 'partially_fulfilled') requireHandOver(r, now);
        next = {
          ...move(r, outcome.status, now),
          targets,
          outcome: { at, ...(outcome.reason ? { reason: outcome.reason } : {}), ...(input.detail ? { detail: input.detail } : {}) },
        };
        if (outcome.status === 'frozen') {
          // The answer clock is done; the freeze period's clock (the one table's `startsWhen: frozen` rule) starts now.
          next = { ...next, clock: startClockOn('frozen', r, now), ...(r.freeze ? { freeze: { ...r.freeze, frozenAt: at } } : {}) };
          writes = replanTimers(r, next, now);
        } else writes = clearTimers(r);
      }
      const counts = decisionCounts(targets);
      const step = { answered: input.answers.map((a) => a.target), of: r.selectors.length, decisions: counts };
      events.push(
        requestEvent(next, ws, 'request.targets_answered', { answered: targets.length, of: r.selectors.length, decisions: counts }),
      );
      if (outcome)
        events.push(
          requestEvent(next, ws, 'request.responded', {
            outcome: outcome.status,
            perTarget: true,
            ...(outcome.reason ? { reason: outcome.reason, reasonText: CANNOT_COMPLY_REASONS[outcome.reason] } : {}),
          }),
        );
      return {
        next,
        writes,
        audit: outcome
          ? {
              action: 'request.responded',
              details: { outcome: outcome.status, ...(outcome.reason ? { reason: outcome.reason } : {}), ...step },
            }
          : { action: 'request.targets_answered', details: step },
        events,
      };
    },
  );

/**
 * The whole-request answer decides every target the same way: fulfilled produces each,
 * cannot comply refuses each with the one reason. A partial answer says nothing per target.
 */
export const wholeRequestTargets = (r: DataRequest, input: RespondInput, now: Date): TargetAnswer[] | undefined => {
  if (r.targets?.length) throw conflict('this request is being answered per target; close that answer instead');
  const at = now.toISOString();
  if (input.outcome === 'fulfilled') return r.selectors.map((_, target) => ({ target, decision: 'produce', at, evidence: 0 }));
  if (input.outcome === 'cannot_comply')
    return r.selectors.map((_, target) => ({ target, decision: 'do_not_produce', reason: input.reason, at, evidence: 0 }));
  return undefined;
};

/**
 * Links an evidence item to the targets it answers: each must exist and be answered produce
 * (an asset freeze: frozen). Returns the request's answers with the targets' evidence counted.
 */
export const linkEvidence = (r: DataRequest, targets: readonly number[] | undefined): TargetAnswer[] | undefined => {
  if (!targets) return r.targets;
  const { positive } = perTarget(r.type);
  const seen = new Set<number>();
  targets.forEach((t, i) => {
    if (t >= r.selectors.length)
      throw invalid(`targets.${i}`, `the request has ${r.selectors.length} target(s), 0 to ${r.selectors.length - 1}`);
    if (seen.has(t)) throw invalid(`targets.${i}`, `target ${t} is named twice`);
    seen.add(t);
    const answer = r.targets?.find((a) => a.target === t);
    if (answer?.decision !== positive) throw invalid(`targets.${i}`, `answer target ${t} ${positive} before registering evidence for it`);
  });
  return (r.targets ?? []).map((a) => (seen.has(a.target) ? { ...a, evidence: a.evidence + 1 } : a));
};
