import { invalid } from '../../kernel/errors';
import type { CannotComplyReason } from '../reasons';
import type { RequestStatus } from '../request';
import type { TargetAnswer } from './model';

/**
 * The request's outcome when the partner closes a per-target answer, from its decisions alone:
 * - production types: every target produced → fulfilled; some → partially_fulfilled; none → cannot_comply;
 * - asset freeze: any target frozen → frozen (the freeze period starts); none → cannot_comply.
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
  const positive = type === 'asset_freeze' ? 'frozen' : 'produce';
  const yes = given.filter((a) => a.decision === positive).length;
  if (yes > 0) {
    if (type === 'asset_freeze') return { status: 'frozen' };
    return { status: yes === given.length ? 'fulfilled' : 'partially_fulfilled' };
  }
  const reasons = [...new Set(given.map((a) => a.reason ?? (a.decision === 'not_held' ? 'person_not_identified' : 'other')))];
  return { status: 'cannot_comply', reason: reasons.length === 1 ? reasons[0] : 'other' };
};

/** How many targets got each decision: what events and audit entries carry (never a selector or an amount). */
export const decisionCounts = (answers: readonly Pick<TargetAnswer, 'decision'>[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.decision] = (counts[a.decision] ?? 0) + 1;
  return counts;
};
