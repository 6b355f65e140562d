import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateDevKey } from '@taskforce/local';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

/**
 * Who the caller is: the token names the subject, its organisation and its roles; the registry
 * says what the organisation is; the permission table says what the roles allow; and a replayed
 * Idempotency-Key is answered only to a caller who may still do what it did.
 */
describe('trust: tokens, the registry, the permission table and replays', () => {
  let t: TestRuntime;
  let admin: string;
  let lead: string;
  let fbi: string;
  let bank: string;
  let ws: string;
  const START = new Date('2026-03-01T08:00:00.000Z');

  const sign = async (claims: Record<string, unknown>, opts: { iat?: number; exp?: number | null; sub?: string } = {}) => {
    const { privateJwk } = await loadOrCreateDevKey();
    const now = Math.floor(Date.now() / 1000);
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid! })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(opts.sub ?? 'someone')
      .setIssuedAt(opts.iat ?? now);
    if (opts.exp !== null) jwt = jwt.setExpirationTime(opts.exp ?? now + 3600);
    return jwt.sign(await importJWK(privateJwk, 'ES256'));
  };

  beforeAll(async () => {
    t = await testRuntime(START.toISOString());
    await seedOrgs(t);
    admin = await t.tokenFor('platform', 'ZZZ', ['admin'], 'international');
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi)).status).toBe(200);
  });
  afterAll(() => t.rt.stop());

  describe('tokens', () => {
    it('require exp, refuse iat in the future and lifetimes over twelve hours', async () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { org: 'vnm-a05', roles: ['officer'] };
      expect((await t.call('GET', '/v1/me', await sign(claims))).status).toBe(200);
      for (const bad of [
        await sign(claims, { exp: null }),
        await sign(claims, { iat: now + 3600, exp: now + 7200 }),
        await sign(claims, { iat: now - 60, exp: now + 13 * 3600 }),
        await sign(claims, { iat: now - 7200, exp: now - 3600 }),
      ]) {
        const r = await t.call('GET', '/v1/me', bad);
        expect(r.status).toBe(401);
        expect(r.headers.get('content-type')).toBe('application/problem+json');
      }
    });

    it('take roles as a list; a comma string only where Cognito puts one (custom attributes)', async () => {
      expect((await t.call('GET', '/v1/me', await sign({ org: 'vnm-a05', roles: 'officer,admin' }))).status).toBe(401);
      const cognito = await sign({ 'custom:org': 'vnm-a05', 'custom:roles': 'officer, auditor' });
      expect((await t.call('GET', '/v1/me', cognito)).body).toMatchObject({ orgId: 'vnm-a05', roles: ['officer', 'auditor'] });
    });
  });

  describe('the registry, not the token, says what an organisation is', () => {
    it('a provider whose token says agency and VNM is still a provider of THA', async () => {
      const liar = await sign({ org: 'mekong-bank', org_kind: 'agency', country: 'VNM', roles: ['officer', 'responder'] });
      expect((await t.call('GET', '/v1/me', liar)).body).toMatchObject({ orgId: 'mekong-bank', orgKind: 'provider', country: 'THA' });
      expect((await t.call('POST', '/v1/workspaces', liar, { title: 'x', legalBasis: { code: 'MLAT', text: 'y' } })).status).toBe(404);
    });

    it("a token naming another country does not open that country's REL TO records", async () => {
      const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'For Viet Nam and the USA only',
        assigneeOrgId: 'usa-fbi',
        dueAt: new Date(START.getTime() + 86_400_000).toISOString(),
        marking: { tlp: 'AMBER', releasableTo: ['VNM', 'USA'], caveats: [] },
      });
      expect(task.status).toBe(201);
      // tha-ccib is a member here; its token claims to be American.
      const ccib = await t.tokenFor('tha-ccib', 'THA');
      expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'tha-ccib' })).status).toBe(201);
      expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/tha-ccib/accept`, ccib)).status).toBe(200);
      const posing = await sign({ org: 'tha-ccib', country: 'USA', org_kind: 'agency', roles: ['officer'] });
      expect((await t.call('GET', `/v1/workspaces/${ws}/tasks/${task.body.id}`, posing)).status).toBe(404);
      expect((await t.call('GET', `/v1/workspaces/${ws}/tasks/${task.body.id}`, fbi)).status).toBe(200);
    });

    it('an unregistered organisation is refused everywhere: no policy, no webhook, no ladders', async () => {
      const stranger = await sign({ org: 'nowhere-police', roles: ['officer', 'policy_admin', 'duty_contact'] });
      // A path that names a record (here a country's policy) is a 404 to it; one that names none, a 403.
      const named = await t.call('PUT', '/v1/policies/VNM', stranger, { rules: [] });
      expect(named.status).toBe(404);
      expect(named.body.type).toMatch(/not-found$/);
      const attempts = [
        await t.call('PUT', '/v1/notifications/webhook', stranger, { url: 'https://example.org/hook' }),
        await t.call('GET', '/v1/contacts', stranger),
        await t.call('GET', '/v1/workspaces', stranger),
        await t.call('GET', '/v1/me', stranger),
      ];
      for (const r of attempts) {
        expect(r.status).toBe(403);
        expect(r.body.type).toMatch(/forbidden$/);
      }
    });

    it('a suspended organisation is refused; reinstated, it is let back in', async () => {
      const nca = await t.tokenFor('gbr-nca', 'GBR');
      expect((await t.call('GET', '/v1/workspaces', nca)).status).toBe(200);
      expect((await t.call('PATCH', '/v1/organisations/gbr-nca', lead, { status: 'suspended' })).status).toBe(403);
      expect((await t.call('PATCH', '/v1/organisations/gbr-nca', admin, { status: 'suspended' })).body.status).toBe('suspended');
      // The runtime's registry cache is the production default (a minute): step past it.
      const fresh = await testRuntimeSharing(t);
      expect((await fresh.call('GET', '/v1/workspaces', nca)).status).toBe(403);
      expect((await t.call('PATCH', '/v1/organisations/gbr-nca', admin, { status: 'active' })).body.status).toBe('active');
      expect((await testRuntimeSharing(t).then((r) => r.call('GET', '/v1/workspaces', nca))).status).toBe(200);
    });

    it("only the platform organisation's administrators administer the platform; an organisation's admin, its own users", async () => {
      // An organisation's `admin` is kept (it was stripped before organisations had their own administrators)…
      const orgAdmin = await sign({ org: 'vnm-a05', roles: ['officer', 'admin'] });
      expect((await t.call('GET', '/v1/me', orgAdmin)).body.roles).toEqual(['officer', 'admin']);
      // …but nothing of the platform's: no organisations registered or suspended, no re-index.
      expect(
        (await t.call('POST', '/v1/organisations', orgAdmin, { id: 'fake-org', name: 'Fake', kind: 'agency', country: 'VNM' })).status,
      ).toBe(403);
      expect((await t.call('PATCH', '/v1/organisations/gbr-nca', orgAdmin, { status: 'suspended' })).status).toBe(403);
      expect((await t.call('POST', '/v1/admin/matching/reindex?limit=1', orgAdmin)).status).toBe(403);
      // Its own users only: another organisation's list is empty, inviting there is refused, and admin is never granted.
      const own = await t.call('POST', '/v1/admin/users', orgAdmin, {
        email: 'new@a05.example',
        name: 'New',
        orgId: 'vnm-a05',
        roles: ['officer'],
      });
      expect(own.status).toBe(201);
      const other = await t.call('POST', '/v1/admin/users', admin, {
        email: 'new@nca.example',
        name: 'Other',
        orgId: 'gbr-nca',
        roles: ['officer'],
      });
      expect(other.status).toBe(201);
      const mine = await t.call('GET', '/v1/admin/users?limit=100', orgAdmin);
      expect(mine.status).toBe(200);
      expect(new Set(mine.body.items.map((u: { orgId: string }) => u.orgId))).toEqual(new Set(['vnm-a05']));
      expect((await t.call('GET', '/v1/admin/users?orgId=gbr-nca', orgAdmin)).body.items).toEqual([]);
      expect((await t.call('GET', `/v1/admin/users/${other.body.sub}`, orgAdmin)).status).toBe(404);
      expect((await t.call('PUT', `/v1/admin/users/${other.body.sub}/status`, orgAdmin, { status: 'disabled' })).status).toBe(404);
      expect(
        (await t.call('POST', '/v1/admin/users', orgAdmin, { email: 'x@nca.example', name: 'X', orgId: 'gbr-nca', roles: ['officer'] }))
          .status,
      ).toBe(400);
      expect((await t.call('PUT', `/v1/admin/users/${own.body.sub}/roles`, orgAdmin, { roles: ['officer', 'admin'] })).status).toBe(403);
      expect((await t.call('PUT', `/v1/admin/users/${own.body.sub}/roles`, orgAdmin, { roles: ['officer', 'auditor'] })).status).toBe(200);
      // An organisation's admin without a reader's role reads nothing of the workspaces.
      const adminOnly = await sign({ org: 'vnm-a05', roles: ['admin'] });
      expect((await t.call('GET', '/v1/workspaces', adminOnly)).status).toBe(403);
      // A private partner learns of no other organisation.
      expect((await t.call('GET', '/v1/organisations', bank)).body.items.map((o: { id: string }) => o.id)).toEqual(['mekong-bank']);
      expect((await t.call('GET', '/v1/organisations/vnm-a05', bank)).status).toBe(404);
      expect((await t.call('GET', '/v1/organisations/mekong-bank', bank)).status).toBe(200);
    });
  });

  describe('roles, through the one table', () => {
    it('refuses what the review found: role-less and auditor-only commands, partners without responder, observers on incidents', async () => {
      const roleless = await t.tokenFor('vnm-a05', 'VNM', []);
      const auditor = await t.tokenFor('vnm-a05', 'VNM', ['auditor']);
      const request = {
        providerOrgId: 'mekong-bank',
        type: 'subscriber_info',
        legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
        description: 'Subscriber of the account',
        selectors: [{ type: 'email', value: 'mule@example.com' }],
      };
      expect((await t.call('POST', `/v1/workspaces/${ws}/requests`, roleless, request)).status).toBe(403);
      expect((await t.call('POST', `/v1/workspaces/${ws}/requests`, auditor, request)).status).toBe(403);
      const due = new Date(START.getTime() + 86_400_000).toISOString();
      expect(
        (await t.call('POST', `/v1/workspaces/${ws}/tasks`, auditor, { title: 'x', assigneeOrgId: 'usa-fbi', dueAt: due })).status,
      ).toBe(403);
      expect((await t.call('GET', `/v1/workspaces/${ws}`, roleless)).status).toBe(403);

      const sent = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, request);
      expect(sent.status).toBe(201);
      const bankClerk = await t.tokenFor('mekong-bank', 'THA', ['officer'], 'provider');
      expect((await t.call('POST', `/v1/portal/requests/${sent.body.id}/acknowledge`, bankClerk)).status).toBe(403);
      expect((await t.call('POST', `/v1/portal/requests/${sent.body.id}/acknowledge`, bank)).status).toBe(200);

      // An international organisation sits in a country but sets no country's policy.
      expect(
        (await t.call('POST', '/v1/organisations', admin, { id: 'int-interpol', name: 'INTERPOL', kind: 'international', country: 'FRA' }))
          .status,
      ).toBe(201);
      const interpol = await t.tokenFor('int-interpol', 'FRA', ['policy_admin']);
      expect((await t.call('PUT', '/v1/policies/FRA', interpol, { rules: [] })).status).toBe(404);
    });
  });

  describe('replays of an Idempotency-Key', () => {
    it('are answered only to a caller who may still do it: a policy tightened after the first call makes the replay a 404', async () => {
      const sent = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
        providerOrgId: 'mekong-bank',
        type: 'production',
        legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
        description: 'Statements of the mule account',
        selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
      });
      expect(sent.status).toBe(201);
      const key = { 'idempotency-key': 'bank-ack-0001-replay' };
      const first = await t.call('POST', `/v1/portal/requests/${sent.body.id}/acknowledge`, bank, undefined, key);
      expect(first.status).toBe(200);
      expect((await t.call('POST', `/v1/portal/requests/${sent.body.id}/acknowledge`, bank, undefined, key)).status).toBe(200);

      const vnmAdmin = await t.tokenFor('vnm-a05', 'VNM', ['policy_admin']);
      const policy = await t.call('PUT', '/v1/policies/VNM', vnmAdmin, { rules: [{ type: 'no_private_sector', atOrAbove: 'CLEAR' }] });
      expect(policy.status).toBe(201);
      const replay = await t.call('POST', `/v1/portal/requests/${sent.body.id}/acknowledge`, bank, undefined, key);
      expect(replay.status).toBe(404);
      expect(JSON.stringify(replay.body)).not.toContain('mule');
      await t.call('PUT', '/v1/policies/VNM', vnmAdmin, { rules: [] }, { 'if-match': `"${policy.body.version}"` });
    });

    it('are refused to an organisation that left the workspace', async () => {
      const key = { 'idempotency-key': 'fbi-task-accept-0001' };
      const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: 'Trace the wallet',
        assigneeOrgId: 'usa-fbi',
        dueAt: new Date(START.getTime() + 86_400_000).toISOString(),
      });
      const accept = () =>
        t.call('PATCH', `/v1/workspaces/${ws}/tasks/${task.body.id}`, fbi, { status: 'accepted' }, { 'if-match': '"1"', ...key });
      expect((await accept()).status).toBe(200);
      expect((await accept()).status).toBe(200);
      expect((await t.call('DELETE', `/v1/workspaces/${ws}/members/usa-fbi`, fbi)).status).toBe(200);
      const replay = await accept();
      expect(replay.status).toBe(404);
      expect(JSON.stringify(replay.body)).not.toContain('Trace the wallet');
    });
  });
});

/** A second runtime on the same table: a fresh process, so a fresh registry cache. */
const testRuntimeSharing = async (t: TestRuntime) => {
  const other = await testRuntime(START_OF(t), { tableName: t.rt.store.tableName, workers: false });
  runtimes.push(other);
  return other;
};
const runtimes: TestRuntime[] = [];
const START_OF = (t: TestRuntime) => t.clock.now().toISOString();
afterAll(async () => {
  await Promise.all(runtimes.map((r) => r.rt.stop()));
});
