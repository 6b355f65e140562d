import { seedPage } from '@taskforce/core/testing';
import { joinAll, LADDER_ORGS, ladderMembers, seedOrgs, type TestRuntime } from './runtime';

/**
 * The acknowledge link's world: Thailand's ladder (CCIB on duty), a workspace with it, a critical
 * incident raised to Thailand, CCIB's duty officer in the local directory, and `page()` writing a
 * page to them with a link, as the pager does once it sent a message.
 */
export const ackWorld = async (t: TestRuntime) => {
  await seedOrgs(t, LADDER_ORGS);
  const lead = await t.tokenFor('vnm-a05', 'VNM');
  const ccib = await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']);
  const ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } })).body
    .id as string;
  await joinAll(t, lead, ws, await ladderMembers(t));
  const contacts = await t.call('PUT', '/v1/contacts/THA', ccib, {
    duty: { orgId: 'tha-ccib' },
    backup: { orgId: 'tha-dsi' },
    nationalLead: { orgId: 'tha-rtp' },
  });
  if (contacts.status !== 201) throw new Error(`contacts: ${contacts.status} ${JSON.stringify(contacts.body)}`);
  const duty = await t.rt.users.create({
    email: 'duty@ccib.example',
    name: 'Anong Srisuk',
    orgId: 'tha-ccib',
    roles: ['officer', 'duty_contact'],
  });
  const raise = async (summary = 'Provincial hospital encrypted; ransom note names a BTC wallet') => {
    const r = await t.call('POST', `/v1/workspaces/${ws}/incidents`, lead, {
      severity: 'critical',
      type: 'ransomware',
      summary,
      countries: ['THA'],
    });
    if (r.status !== 201) throw new Error(`raise: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { id: string; raisedAt: string };
  };
  const page = async (incidentId: string, over: { sub?: string; expiresAt?: string } = {}) =>
    seedPage(t.rt.deps, {
      workspaceId: ws,
      incidentId,
      sub: over.sub ?? duty.sub,
      orgId: 'tha-ccib',
      country: 'THA',
      expiresAt: over.expiresAt ?? new Date(t.clock.now().getTime() + 15 * 60_000).toISOString(),
    });
  return { lead, ccib, ws, duty, raise, page };
};
