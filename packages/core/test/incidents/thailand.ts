import { raiseIncident, setCountryContacts } from '../../src/index';
import { principal, taskforce, world } from '../world';

export const MIN = 60_000;
export const lead = principal('vnm-a05', 'VNM');

/** A workspace led by vnm-a05 with Thailand's three ladder agencies as members, its ladder registered, and a critical incident raised to Thailand. */
export const thailandIncident = async (summary: string) => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['tha-ccib', 'THA'],
    ['tha-dsi', 'THA'],
    ['tha-rtp', 'THA'],
  ]);
  await setCountryContacts(
    deps,
    { principal: principal('tha-ccib', 'THA', ['officer', 'duty_contact']) },
    'THA',
    {
      duty: { orgId: 'tha-ccib', people: [], channels: [] },
      backup: { orgId: 'tha-dsi', people: [], channels: [] },
      nationalLead: { orgId: 'tha-rtp', people: [], channels: [] },
    },
    undefined,
  );
  const ws = await taskforce(
    deps,
    lead,
    ['tha-ccib', 'tha-dsi', 'tha-rtp'].map((orgId) => principal(orgId, 'THA')),
    { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } },
  );
  const inc = (
    await raiseIncident(deps, { principal: lead }, ws.id, { severity: 'critical', type: 'ransomware', summary, countries: ['THA'] })
  ).result;
  return { deps, ws, inc, t0: new Date(inc.raisedAt).getTime() };
};
