import * as z from 'zod/mini';
import { IsoDateTime, nonNegativeInt, textUpTo, trimmed } from '../../kernel/primitives';
import { Amount } from '../freezes/model';
import { CannotComplyReason } from '../reasons';
import { FREEZE_DECISIONS, PRODUCE_DECISIONS } from '../types/common';

/**
 * Per-target answers: for each selector of a request (a target, named by its position in
 * `selectors`, which never changes once the request exists), the partner's decision. A
 * production-type request's targets are produced or not (with an Annex III reason); an asset
 * freeze's are frozen (the amount actually frozen and the partner's reference), not held, or
 * cannot be complied with (a reason).
 */

/** A target: the 0-based position of a selector in the request (at most 50 selectors). */
export const TargetIndex = z.int().check(z.gte(0), z.lt(50));

const TargetDecision = z.enum([...PRODUCE_DECISIONS, ...FREEZE_DECISIONS]);

/** One target's answer as the request record keeps it. */
export const TargetAnswer = z.object({
  target: nonNegativeInt(),
  decision: TargetDecision,
  reason: z.optional(CannotComplyReason),
  detail: z.optional(z.string()),
  /** Frozen: the amount actually frozen, in the asset the request named, and the partner's reference. */
  amount: z.optional(z.string()),
  reference: z.optional(z.string()),
  at: IsoDateTime,
  /** Evidence items registered against this target. */
  evidence: nonNegativeInt(),
});
export type TargetAnswer = z.infer<typeof TargetAnswer>;

const Detail = z.optional(textUpTo(2000));
export const TargetDecisionInput = z.discriminatedUnion('decision', [
  z.strictObject({ target: TargetIndex, decision: z.literal('produce'), detail: Detail }),
  z.strictObject({ target: TargetIndex, decision: z.literal('do_not_produce'), reason: CannotComplyReason, detail: Detail }),
  z.strictObject({ target: TargetIndex, decision: z.literal('frozen'), amount: Amount, reference: trimmed(1, 200), detail: Detail }),
  z.strictObject({ target: TargetIndex, decision: z.literal('not_held'), detail: Detail }),
  z.strictObject({ target: TargetIndex, decision: z.literal('cannot_comply'), reason: CannotComplyReason, detail: Detail }),
]);
export type TargetDecisionInput = z.infer<typeof TargetDecisionInput>;

/** A step of the partner's answer: some targets decided (again, until it closes), and perhaps the close. */
export const AnswerTargetsInput = z
  .strictObject({
    answers: z._default(z.array(TargetDecisionInput).check(z.maxLength(50)), []),
    /** Close the answer: every target must be decided; the request's outcome follows from them. */
    close: z._default(z.boolean(), false),
    detail: z.optional(textUpTo(5000)),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.answers.length === 0 && !v.close)
        ctx.addIssue({ code: 'custom', path: ['answers'], message: 'answer at least one target, or close the answer' });
      const seen = new Set<number>();
      v.answers.forEach((a, i) => {
        if (seen.has(a.target))
          ctx.addIssue({ code: 'custom', path: ['answers', i, 'target'], message: 'each target is answered once per step' });
        seen.add(a.target);
      });
    }),
  );
export type AnswerTargetsInput = z.infer<typeof AnswerTargetsInput>;
