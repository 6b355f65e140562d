import { describe, expect, it } from 'vitest';
import { AnswerTargetsInput, CreateRequestInput, decisionCounts, deriveOutcome } from '../../src';

const a = (target: number, decision: string, reason?: string) =>
  ({ target, decision, ...(reason ? { reason } : {}) }) as Parameters<typeof deriveOutcome>[2][number];

describe('the outcome of a per-target answer', () => {
  it('is fulfilled when every target is produced, partial when some are, cannot comply when none', () => {
    expect(deriveOutcome('production', 2, [a(0, 'produce'), a(1, 'produce')])).toEqual({ status: 'fulfilled' });
    expect(deriveOutcome('traffic_data', 3, [a(0, 'produce'), a(1, 'do_not_produce', 'data_not_stored'), a(2, 'produce')])).toEqual({
      status: 'partially_fulfilled',
    });
    expect(deriveOutcome('content', 2, [a(0, 'do_not_produce', 'data_not_stored'), a(1, 'do_not_produce', 'data_not_stored')])).toEqual({
      status: 'cannot_comply',
      reason: 'data_not_stored',
    });
    expect(
      deriveOutcome('content', 2, [a(0, 'do_not_produce', 'data_not_stored'), a(1, 'do_not_produce', 'person_not_identified')]),
    ).toEqual({ status: 'cannot_comply', reason: 'other' });
  });

  it('freezes when any target is frozen; held nowhere is a partner that holds none of them', () => {
    expect(deriveOutcome('asset_freeze', 2, [a(0, 'frozen'), a(1, 'not_held')])).toEqual({ status: 'frozen' });
    expect(deriveOutcome('asset_freeze', 2, [a(0, 'not_held'), a(1, 'not_held')])).toEqual({
      status: 'cannot_comply',
      reason: 'person_not_identified',
    });
    expect(deriveOutcome('asset_freeze', 1, [a(0, 'cannot_comply', 'conflicting_obligations')])).toEqual({
      status: 'cannot_comply',
      reason: 'conflicting_obligations',
    });
  });

  it('refuses to close while a target has no answer, naming it', () => {
    expect(() => deriveOutcome('production', 3, [a(1, 'produce')])).toThrow(/targets 0, 2 have no answer yet/);
    expect(() => deriveOutcome('production', 2, [a(0, 'produce')])).toThrow(/target 1 has no answer yet/);
  });

  it('counts decisions without naming targets', () => {
    expect(decisionCounts([a(0, 'produce'), a(1, 'produce'), a(2, 'do_not_produce')])).toEqual({ produce: 2, do_not_produce: 1 });
  });
});

describe('per-target and freeze input', () => {
  const base = {
    providerOrgId: 'mekong-bank',
    type: 'asset_freeze',
    legalBasis: { code: 'PROVISIONAL-MEASURE', text: 'Provisional measure, UNCC art. 31' },
    description: 'Freeze the mule account',
    selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    assets: [{ target: 0, asset: 'EUR', amount: '125000.00' }],
  };
  const fields = (v: unknown) => (CreateRequestInput.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.'));

  it('takes an asset freeze with an asset and amount per target', () => {
    expect(fields(base)).toEqual([]);
  });

  it('names the field of each mistake', () => {
    expect(fields({ ...base, assets: undefined })).toEqual(['assets']);
    expect(fields({ ...base, assets: [{ target: 1, asset: 'EUR', amount: '1' }] })).toEqual(['assets.0.target', 'assets']);
    expect(fields({ ...base, assets: [{ target: 0, asset: 'EUR', amount: '0.00' }] })).toEqual(['assets.0.amount']);
    expect(fields({ ...base, assets: [{ target: 0, asset: 'eur', amount: '1' }] })).toEqual(['assets.0.asset']);
    expect(fields({ ...base, selectors: [{ type: 'email', value: 'a@b.example' }] })).toEqual(['selectors.0.type']);
    expect(fields({ ...base, type: 'production' })).toEqual(['assets', 'legalBasis.code']);
  });

  it('refuses a step that answers nothing, or one target twice', () => {
    expect(AnswerTargetsInput.safeParse({}).success).toBe(false);
    expect(AnswerTargetsInput.safeParse({ close: true }).success).toBe(true);
    const twice = AnswerTargetsInput.safeParse({
      answers: [
        { target: 0, decision: 'produce' },
        { target: 0, decision: 'produce' },
      ],
    });
    expect(twice.error?.issues[0]?.path).toEqual(['answers', 1, 'target']);
    expect(AnswerTargetsInput.safeParse({ answers: [{ target: 0, decision: 'frozen', amount: '10', reference: 'FRZ-1' }] }).success).toBe(
      true,
    );
    expect(AnswerTargetsInput.safeParse({ answers: [{ target: 0, decision: 'do_not_produce' }] }).success).toBe(false);
  });
});
