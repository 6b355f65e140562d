/**
 * Authorisation of the TAXII server, persona by persona, against the REST API as the oracle: the
 * same token sees in TAXII exactly the records the REST lists show it (the one evaluator decides
 * both), gets the same refusal the REST list gives (403 for a role that reads nothing, 404 for a
 * private partner and for a workspace it is not a member of), and an unregistered organisation is
 * refused like everywhere else (403 where the path names no record, 404 where it does).
 */
import { recordStixId } from '@taskforce/core/stix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, LADDER_ORGS, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const TAXII = 'application/taxii+json;version=2.1';

describe('TAXII authorisation: every persona sees what its REST lists show, nothing more', () => {
  let t: TestRuntime;
  let ws: string;
  let collection = '';
  const personas: { name: string; token: string }[] = [];

  const taxii = async (path: string, token: string) => {
    const res = await fetch(t.rt.url + path, { headers: { accept: TAXII, authorization: `Bearer ${token}` } });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    await seedOrgs(t, [...LADDER_ORGS, { id: 'aus-afp', name: 'AFP', kind: 'agency', country: 'AUS' }]);
    const lead = await t.tokenFor('vnm-a05', 'VNM', ['officer', 'duty_contact']);
    const ccib = await t.tokenFor('tha-ccib', 'THA');
    const nca = await t.tokenFor('gbr-nca', 'GBR');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Mekong', legalBasis: { code: 'UNCC', text: 'art. 40' } })).body.id;
    await joinAll(t, lead, ws, [['tha-ccib', ccib]]);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'gbr-nca', role: 'observer' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/gbr-nca/accept`, nca)).status).toBe(200);
    const ladder = {
      duty: { orgId: 'tha-ccib', people: [{ name: 'Duty', phone: '+66 2 142 3555' }] },
      backup: { orgId: 'tha-dsi' },
      nationalLead: { orgId: 'tha-rtp' },
    };
    expect((await t.call('PUT', '/v1/contacts/THA', ccib, ladder)).status).toBe(201);
    const made = async (path: string, body: unknown) => {
      t.clock.advance(1000);
      const r = await t.call('POST', `/v1/workspaces/${ws}/${path}`, lead, body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    };
    const task = (title: string, marking?: unknown, assigneeOrgId = 'tha-ccib') => ({
      title,
      assigneeOrgId,
      dueAt: '2026-04-01T00:00:00Z',
      selectors: [{ type: 'email', value: `${title.toLowerCase().replace(/\W+/g, '-')}@example.com` }],
      ...(marking ? { marking } : {}),
    });
    await made('tasks', task('Green to all', { tlp: 'GREEN' }));
    await made('tasks', task('Amber to Vietnam and Britain', { tlp: 'AMBER', releasableTo: ['VNM', 'GBR'] }, 'vnm-a05'));
    await made('tasks', task('Red to CCIB', { tlp: 'RED', recipients: ['tha-ccib'] }));
    await made('tasks', task('Strict', { tlp: 'AMBER+STRICT' }));
    await made('incidents', { severity: 'critical', type: 'ransomware', summary: 'Clinic encrypted', countries: ['THA'] });
    await made('requests', {
      providerOrgId: 'mekong-bank',
      type: 'subscriber_info',
      legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
      description: 'Who holds it',
      selectors: [{ type: 'email', value: 'mule@example.com' }],
      marking: { tlp: 'AMBER', releasableTo: ['VNM', 'THA'] },
    });
    collection = (await taxii('/taxii2/api/collections/', lead)).body.collections[0].id;
    personas.push(
      { name: 'lead officer', token: lead },
      { name: 'lead auditor', token: await t.tokenFor('vnm-a05', 'VNM', ['auditor']) },
      { name: 'member officer (THA)', token: ccib },
      { name: 'member policy admin (THA)', token: await t.tokenFor('tha-ccib', 'THA', ['policy_admin']) },
      { name: 'member without a reading role', token: await t.tokenFor('tha-ccib', 'THA', ['admin']) },
      { name: 'observer (GBR)', token: nca },
      { name: 'not a member (USA)', token: await t.tokenFor('usa-fbi', 'USA') },
      { name: 'private partner', token: await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider') },
      { name: 'unregistered organisation', token: await t.tokenFor('nowhere-org', 'AUS') },
    );
  }, 180_000);
  afterAll(() => t.rt.stop());

  /** The REST oracle: the status of the workspace list and the workspace, and the SDO ids of every record the lists show. */
  const rest = async (token: string) => {
    const listStatus = (await t.call('GET', '/v1/workspaces', token)).status;
    const wsStatus = (await t.call('GET', `/v1/workspaces/${ws}`, token)).status;
    const ids: string[] = [];
    for (const [path, type, kind] of [
      ['tasks', 'note', 'task'],
      ['incidents', 'incident', 'incident'],
      ['requests', 'note', 'request'],
    ] as const) {
      const r = await t.call('GET', `/v1/workspaces/${ws}/${path}?limit=100`, token);
      if (r.status === 200) ids.push(...r.body.items.map((i: { id: string }) => recordStixId(type, `${ws}/${kind}/${i.id}`)));
    }
    return { listStatus, wsStatus, ids: ids.sort() };
  };

  it('matches the REST API for every persona on every TAXII endpoint', { timeout: 120_000 }, async () => {
    const base = `/taxii2/api/collections/${collection}/`;
    const seen: Record<string, number> = {};
    for (const p of personas) {
      const oracle = await rest(p.token);
      const unregistered = p.name === 'unregistered organisation';
      // Paths that name no record answer as GET /v1/workspaces does; the partner finds nothing (404) there.
      for (const path of ['/taxii2/', '/taxii2/api/', '/taxii2/api/collections/']) {
        const r = await taxii(path, p.token);
        expect(r.type, `${p.name} ${path}`).toBe(TAXII);
        expect(r.status, `${p.name} ${path}`).toBe(unregistered ? 403 : oracle.listStatus);
      }
      const cols = await taxii('/taxii2/api/collections/', p.token);
      const listed = cols.status === 200 && (cols.body.collections ?? []).some((c: { id: string }) => c.id === collection);
      expect(listed, p.name).toBe(oracle.wsStatus === 200);
      // Paths that name the collection: 404 for whoever may not see the workspace, the REST list's refusal otherwise.
      const want = oracle.wsStatus === 200 ? 200 : oracle.wsStatus === 403 ? 403 : 404;
      for (const path of [base, `${base}objects/`, `${base}manifest/`]) {
        const r = await taxii(path, p.token);
        expect(r.status, `${p.name} ${path}`).toBe(want);
      }
      if (want !== 200) continue;
      const objects = (await taxii(`${base}objects/?limit=100`, p.token)).body.objects ?? [];
      const sdos = objects
        .filter((o: { type: string }) => o.type === 'note' || o.type === 'incident')
        .map((o: { id: string }) => o.id)
        .sort();
      expect(sdos, p.name).toEqual(oracle.ids);
      const manifest = (await taxii(`${base}manifest/?limit=100`, p.token)).body.objects ?? [];
      expect(manifest.length, p.name).toBe(objects.length);
      // No observable without a visible record holding it: every one is the target of a relationship here.
      const targets = new Set(
        objects.filter((o: { type: string }) => o.type === 'relationship').map((o: { target_ref: string }) => o.target_ref),
      );
      for (const o of objects.filter((x: { type: string }) => x.type === 'email-addr'))
        expect(targets.has(o.id), `${p.name} ${o.value}`).toBe(true);
      seen[p.name] = sdos.length;
    }
    // The world is not trivial: personas see different sets.
    expect(new Set(Object.values(seen)).size).toBeGreaterThan(1);
    console.log('TAXII authorisation: records seen per persona', seen);
  });
});
