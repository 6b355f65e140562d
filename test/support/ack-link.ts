import { request } from 'node:http';
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

/**
 * One request as sent, path untouched (fetch would normalise it), from a loopback address of the
 * caller's choosing (127.0.0.0/8 is all this machine): the acknowledge link's rate limit counts per
 * client address, so a suite that sends many requests spreads them over addresses.
 */
export const rawRequest = (
  url: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: string; from?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request(
      { host: hostname, port, method, path, headers: opts.headers ?? {}, ...(opts.from ? { localAddress: opts.from } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
