import { EMERGENCY_CLOCK, FREEZE_DECISIONS } from './common';
import type { CreateIssue, RequestTypeDescriptor } from './descriptor';

/** The sectors an asset freeze may go to. */
const FREEZE_SECTORS: readonly string[] = ['bank', 'crypto'];
/** The selectors an asset freeze may target: an account or a wallet. */
const FREEZE_TARGET_TYPES: readonly string[] = ['iban', 'account_id', 'wallet_address'];

/**
 * Asset freeze, to banks and crypto exchanges: freeze the accounts and wallets named, each with
 * the asset and amount (freezes/). Answered per target (frozen, not held, cannot comply) within
 * 24 hours; once frozen, a second clock starts: the freeze period, renewable a set number of
 * times, with reminders to the requesting agency before it lapses. A provisional measure pending
 * a court order (UNCC arts. 31 and 44, Directive 2014/42/EU art. 7) holds 30 days, renewable
 * twice; a freeze on another basis (an order received through MLA, a national order) 90 days,
 * renewable three times. One sent urgent (the emergency clock) is co-signed by a second officer first.
 */
export const assetFreeze: RequestTypeDescriptor<'asset_freeze'> = {
  id: 'asset_freeze',
  cosign: 'when_urgent',
  selectors: FREEZE_TARGET_TYPES,
  partners: {
    sectors: FREEZE_SECTORS,
    outsideSectors: (partner) => `${partner} is not a bank or a crypto exchange; an asset freeze goes to one`,
  },
  create: {
    permission: 'request.freeze',
    issues: (v) => {
      const issues: CreateIssue[] = [];
      v.selectors.forEach((s, i) => {
        if (!FREEZE_TARGET_TYPES.includes(s.type))
          issues.push({ path: ['selectors', i, 'type'], message: 'an asset freeze targets an iban, an account_id or a wallet_address' });
      });
      if (!v.assets) return [...issues, { path: ['assets'], message: 'an asset freeze names the asset and amount of each target' }];
      const named = new Set<number>();
      v.assets.forEach((a, i) => {
        if (a.target >= v.selectors.length)
          issues.push({ path: ['assets', i, 'target'], message: `there is no selector ${a.target} (0 to ${v.selectors.length - 1})` });
        else if (named.has(a.target)) issues.push({ path: ['assets', i, 'target'], message: `selector ${a.target} is named twice` });
        named.add(a.target);
      });
      const missing = v.selectors.map((_, i) => i).filter((i) => !named.has(i));
      if (missing.length) issues.push({ path: ['assets'], message: `name the asset and amount of selector ${missing.join(', ')}` });
      return issues;
    },
    reserved: (v) => [
      ...(v.assets ? [{ path: ['assets'], message: 'only an asset-freeze request names assets and amounts' }] : []),
      ...(v.legalBasis.code === 'PROVISIONAL-MEASURE'
        ? [{ path: ['legalBasis', 'code'], message: 'a provisional measure pending a court order grounds an asset freeze only' }]
        : []),
    ],
    record: (input) => ({ freeze: { assets: input.assets ?? [], renewals: 0 } }),
  },
  respond: { refused: 'an asset freeze is answered per target (frozen, not held or cannot comply): POST its targets', error: 'invalid' },
  targets: { decisions: FREEZE_DECISIONS, positive: 'frozen', outcome: () => 'frozen' },
  evidence: true,
  // What the freeze asks and when it took hold: the partner was sent it, and gave it.
  partnerView: (r) => (r.freeze ? { freeze: r.freeze } : {}),
  clocks: [
    EMERGENCY_CLOCK,
    {
      id: 'asset-freeze',
      summary: 'Asset freeze: answer within 24 hours',
      period: 'PT24H',
      reminders: ['PT6H', 'PT1H'],
      remind: 'provider',
    },
    {
      id: 'provisional-freeze',
      summary:
        'Provisional freeze pending a court order: 30 days from freezing, renewable twice by 30 days; the agency is reminded 3 days, 1 day and 12 hours before it lapses',
      when: (r) => r.legalBasis.code === 'PROVISIONAL-MEASURE',
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
      startsWhen: 'frozen',
      period: 'P90D',
      reminders: ['P7D', 'P1D', 'PT12H'],
      remind: 'requester',
      extension: { by: 'P90D', times: 3 },
    },
  ],
  form: { newRequest: true, assets: true },
};
