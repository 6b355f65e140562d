import type { Marking, PolicyAction, PolicySet, Viewer } from '@taskforce/core';

/**
 * An independent statement of who may see a marked record, written from the rules as the
 * agencies state them rather than from the evaluator's code: first who is entitled at all,
 * then what the marking withholds, then what the originating country's policy withholds.
 */
export const oracle = (
  v: Viewer,
  action: PolicyAction,
  res: { marking: Marking; workspaceStatus?: string; workspaceClosedAt?: string | undefined; legalBasisCode?: string | undefined },
  policies: PolicySet,
  now: Date,
): boolean => {
  const m = res.marking;
  const mine = v.orgId === m.originator.orgId;
  const partner = v.orgKind === 'provider';

  // Entitlement: a partner only ever through a request addressed to it; an agency as a member.
  if (partner && !v.addressee) return false;
  if (!mine && !partner && v.workspaceRole === undefined) return false;

  // The originator is bound by its marking only in so far as its country's retention applies.
  if (!mine) {
    const withheld =
      (m.embargoUntil !== undefined && now < new Date(m.embargoUntil)) ||
      (partner && (m.tlp === 'AMBER+STRICT' || m.caveats.includes('NO-PRIVATE-SECTOR'))) ||
      (m.releasableTo !== 'members' && !m.releasableTo.includes(v.country)) ||
      (m.tlp === 'RED' && !(m.recipients ?? []).includes(v.orgId)) ||
      (action === 'export' && m.caveats.includes('ORCON'));
    if (withheld) return false;
  }

  const order = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
  for (const rule of policies.countries[m.originator.country]?.rules ?? []) {
    if (rule.type === 'purge_after_close') {
      const closed = res.workspaceStatus === 'closed' && res.workspaceClosedAt !== undefined;
      if (closed && now.getTime() - new Date(res.workspaceClosedAt as string).getTime() >= rule.days * 86_400_000) return false;
      continue;
    }
    if (mine) continue;
    if (rule.type === 'only_countries' && !rule.countries.includes(v.country)) return false;
    if (rule.type === 'never_countries' && rule.countries.includes(v.country)) return false;
    // "Only to parties of this instrument" speaks of investigations under that instrument; where
    // the investigation's legal basis is not known, the country is taken at its word everywhere.
    if (rule.type === 'instrument_parties') {
      const underInstrument = res.legalBasisCode === undefined || res.legalBasisCode === rule.instrument;
      if (underInstrument && !rule.parties.includes(v.country)) return false;
    }
    if (rule.type === 'no_private_sector' && partner && order.indexOf(m.tlp) >= order.indexOf(rule.atOrAbove)) return false;
    if (rule.type === 'red_only_to' && m.tlp === 'RED' && !rule.orgIds.includes(v.orgId)) return false;
  }
  return true;
};
