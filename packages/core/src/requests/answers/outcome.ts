import { conflict, invalid } from '../../kernel/errors';
import type { CannotComplyReason } from '../reasons';
import type { RequestStatus } from '../request';
import { isRefused, type PerTargetAnswer, requestType } from '../types/index';
import type { TargetAnswer } from './model';

/** How a type's targets are answered; a type that has no per-target answer refuses it. */
export const perTarget = (type: string): PerTargetAnswer => {
  const rules = requestType(type).targets;
  if (isRefused(rules)) throw rules.error === 'conflict' ? conflict(rules.refused) : invalid('answers', rules.refused);
  return rules;
};

/**
 * The request's outcome when the partner closes a per-target answer, from its decisions alone:
 * some targets got the type's positive decision → the type's outcome for them (types/: production
 * types fulfilled or partially_fulfilled, an asset freeze frozen); none → cannot_comply.
 * A refusal's reason is the one every refused target gave, or `other` when they differ; an
 * asset freeze none of whose accounts the partner holds is `person_not_identified` (not a user of the service).
 */
export const deriveOutcome = (
  type: string,
  targets: number,
  answers: readonly Pick<TargetAnswer, 'target' | 'decision' | 'reason'>[],
): { status: RequestStatus; reason?: CannotComplyReason } => {
  const decided = new Set(answers.map((a) => a.target));
  const missing = Array.from({ length: targets }, (_, i) => i).filter((i) => !decided.has(i));
  if (missing.length)
    throw invalid(
      'close',
      `target${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ha${missing.length > 1 ? 've' : 's'} no answer yet`,
    );
  const given = answers.filter((a) => a.target < targets);
  const rules = perTarget(type);
  const yes = given.filter((a) => a.decision === rules.positive).length;
  if (yes > 0) return { status: rules.outcome(yes, given.length) };
  const reasons = [...new Set(given.map((a) => a.reason ?? (a.decision === 'not_held' ? 'person_not_identified' : 'other')))];
  return { status: 'cannot_comply', reason: reasons.length === 1 ? reasons[0] : 'other' };
};

/** How many targets got each decision: what events and audit entries carry (never a selector or an amount). */
export const decisionCounts = (answers: readonly Pick<TargetAnswer, 'decision'>[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.decision] = (counts[a.decision] ?? 0) + 1;
  return counts;
};
