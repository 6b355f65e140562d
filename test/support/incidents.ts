import { createWorkspace, invite, type Principal, registerOrganisation, respondToInvitation, setCountryContacts } from '@taskforce/core';
import { DynamoAlertStore } from '@taskforce/dynamo';
import { freshTable } from './dynamo';
import { admin, principal, testDeps } from './world';

/** Agencies of the 24/7 network used across the incident suites. */
const AGENCIES = [
  ['vnm-a05', 'VNM'],
  ['vnm-c50', 'VNM'],
  ['vnm-mps', 'VNM'],
  ['tha-ccib', 'THA'],
  ['tha-dsi', 'THA'],
  ['tha-rtp', 'THA'],
  ['usa-fbi', 'USA'],
  ['usa-ic3', 'USA'],
  ['usa-doj', 'USA'],
  ['gbr-nca', 'GBR'],
] as const;

const LADDERS: Record<string, [string, string, string]> = {
  VNM: ['vnm-a05', 'vnm-c50', 'vnm-mps'],
  THA: ['tha-ccib', 'tha-dsi', 'tha-rtp'],
  USA: ['usa-fbi', 'usa-ic3', 'usa-doj'],
};

export const officer = (orgId: string, country: string, roles: Principal['roles'] = ['officer']) => principal(orgId, country, roles);

/**
 * A fresh table with the agencies registered, each country's ladder registered, and a workspace
 * led by vnm-a05 whose members are every agency of `members`.
 */
export const incidentWorld = async (opts: { members?: string[] } = {}) => {
  const t = await freshTable();
  const deps = { ...testDeps(t.store), alerts: new DynamoAlertStore(t.doc, t.tableName) };
  for (const [id, country] of AGENCIES) {
    await registerOrganisation(deps, { principal: admin }, { id, name: id.toUpperCase(), kind: 'agency', country });
  }
  await registerOrganisation(
    deps,
    { principal: admin },
    { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
  );
  for (const [country, [duty, backup, lead]] of Object.entries(LADDERS)) {
    await setCountryContacts(
      deps,
      { principal: officer(duty, country, ['duty_contact']) },
      country,
      {
        duty: { orgId: duty, people: [{ name: `${country} duty officer`, phone: '+66 2 123 4567' }], channels: [] },
        backup: { orgId: backup, people: [], channels: [] },
        nationalLead: { orgId: lead, people: [], channels: [] },
      },
      undefined,
    );
  }
  const lead = officer('vnm-a05', 'VNM');
  const ws = (await createWorkspace(deps, { principal: lead }, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } }))
    .result;
  const members = opts.members ?? AGENCIES.map(([id]) => id).filter((id) => id !== 'vnm-a05' && id !== 'gbr-nca');
  for (const orgId of members) {
    const country = AGENCIES.find(([id]) => id === orgId)![1];
    await invite(deps, { principal: lead }, ws.id, { orgId, role: 'member' });
    await respondToInvitation(deps, { principal: officer(orgId, country) }, ws.id, orgId, 'accepted');
  }
  return { t, deps, ws, lead };
};
