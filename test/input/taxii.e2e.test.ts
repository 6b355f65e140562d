/**
 * Hostile input to the TAXII 2.1 server: what a client (or a script) may send is a 400 TAXII
 * error naming the parameter, a 406 for an Accept it cannot answer, or a 404 for what the caller
 * may not see; never a 500, never problem+json (TAXII clients read TAXII error messages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const TAXII = 'application/taxii+json;version=2.1';

describe('hostile input to the TAXII server', () => {
  let t: TestRuntime;
  let lead: string;
  let ccib: string;
  let bank: string;
  let base: string;

  /** `token` null: no Authorization header at all. */
  const get = async (path: string, token: string | null = lead, accept: string | undefined = TAXII) => {
    const res = await fetch(t.rt.url + path, {
      headers: { ...(accept !== undefined ? { accept } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const text = await res.text();
    let body: ReturnType<typeof JSON.parse>;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', body };
  };
  const fields = (body: { details?: { errors?: { field: string }[] } }) => (body?.details?.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    ccib = await t.tokenFor('tha-ccib', 'THA');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    const ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Sen', legalBasis: { code: 'UNCC', text: 'art. 40' } })).body.id;
    await joinAll(t, lead, ws, [['tha-ccib', ccib]]);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(1000);
      const made = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
        title: `Trace ${i}`,
        assigneeOrgId: 'tha-ccib',
        dueAt: '2026-04-01T00:00:00Z',
        selectors: [{ type: 'email', value: `m${i}@example.com` }],
      });
      expect(made.status).toBe(201);
    }
    const cols = await get('/taxii2/api/collections/');
    base = `/taxii2/api/collections/${cols.body.collections[0].id}/`;
  }, 120_000);
  afterAll(() => t.rt.stop());

  it.each([
    ['limit', 'limit=abc'],
    ['limit', 'limit=0'],
    ['limit', 'limit=-1'],
    ['limit', 'limit=1.5'],
    ['limit', 'limit=1e3'],
    ['limit', `limit=${'9'.repeat(400)}`],
    ['limit', 'limit=1&limit=2'],
    ['added_after', 'added_after=yesterday'],
    ['added_after', 'added_after=2026-13-01T00:00:00Z'],
    ['added_after', 'added_after=2026-03-01'],
    ['added_after', `added_after=${'2'.repeat(10_000)}`],
    ['added_after', 'added_after='],
    ['match[id]', 'match[id]=not-an-id'],
    ['match[id]', `match[id]=${encodeURIComponent('note--../../etc')}`],
    ['match[type]', 'match[type]=NOTE'],
    ['match[type]', `match[type]=${'a,'.repeat(200)}a`],
    ['match[version]', 'match[version]=newest'],
    ['match[spec_version]', 'match[spec_version]=two'],
    ['next', 'next=not-a-token'],
    ['next', `next=${'A'.repeat(5000)}`],
    ['next', 'next=%00%FF'],
  ])('refuses a bad %s with a TAXII 400 naming it (%s)', async (name, query) => {
    for (const path of [`${base}objects/`, `${base}manifest/`]) {
      const r = await get(`${path}?${query}`);
      expect(r.status, `${path}?${query}`).toBe(400);
      expect(r.type).toBe(TAXII);
      expect(r.body.http_status).toBe('400');
      expect(fields(r.body)).toContain(`query.${name}`);
    }
  });

  it("refuses another caller's next, and another list's, as not valid for this list", async () => {
    const first = await get(`${base}objects/?limit=1`);
    expect(first.body.more).toBe(true);
    const next = encodeURIComponent(first.body.next);
    expect((await get(`${base}objects/?limit=1&next=${next}`)).status).toBe(200);
    for (const [what, r] of [
      ['another caller', await get(`${base}objects/?limit=1&next=${next}`, ccib)],
      ['another list', await get(`${base}manifest/?limit=1&next=${next}`)],
      ['other filters', await get(`${base}objects/?limit=1&match[type]=note&next=${next}`)],
    ] as const) {
      expect(r.status, what).toBe(400);
      expect(fields(r.body), what).toEqual(['query.next']);
    }
  });

  it.each([
    ['application/json', '/taxii2/'],
    ['text/html', '/taxii2/api/'],
    ['application/taxii+json;version=2.0', '/taxii2/api/collections/'],
    ['application/stix+json;version=2.1', '/taxii2/api/collections/'],
    ['application/taxii+json;version=2.1;q=0', '/taxii2/'],
    ['application/xml, text/plain', 'objects/'],
  ])('answers Accept: %s with a TAXII 406 (%s)', async (accept, path) => {
    const r = await get(path.startsWith('/') ? path : `${base}${path}`, lead, accept);
    expect(r.status).toBe(406);
    expect(r.type).toBe(TAXII);
    expect(r.body).toMatchObject({ title: 'Not acceptable', http_status: '406' });
  });

  it('takes the media types a TAXII client sends, and no Accept at all', async () => {
    for (const accept of [TAXII, 'application/taxii+json', '*/*', 'application/*', undefined])
      expect((await get('/taxii2/', lead, accept)).status, String(accept)).toBe(200);
    const stix = await get(`${base}objects/`, lead, 'application/stix+json;version=2.1');
    expect(stix.status).toBe(200);
    expect(stix.type).toBe('application/stix+json;version=2.1');
  });

  it('answers ids that name nothing with a TAXII 404, and a malformed object id with a 400', async () => {
    for (const path of [
      '/taxii2/api/collections/not-a-uuid/',
      '/taxii2/api/collections/00000000-0000-4000-8000-000000000000/objects/',
      `${base}objects/note--00000000-0000-4000-8000-000000000000/`,
      `${base}objects/note--00000000-0000-4000-8000-000000000000/versions/`,
      '/taxii2/api/nothing/',
      '/taxii2/api/collections/%2e%2e%2f/',
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(404);
      expect(r.type, path).toBe(TAXII);
    }
    const r = await get(`${base}objects/${encodeURIComponent('<script>')}/`);
    expect(r.status).toBe(400);
    expect(fields(r.body)).toEqual(['path.objectId']);
  });

  it('gives a private partner nothing: 404 on every TAXII path, whatever it sends', async () => {
    for (const path of ['/taxii2/', '/taxii2/api/', '/taxii2/api/collections/', base, `${base}objects/`, `${base}manifest/?limit=abc`]) {
      const r = await get(path, bank);
      expect(r.status, path).toBe(404);
      expect(r.type).toBe(TAXII);
    }
  });

  it('refuses a missing or broken token with a TAXII 401', async () => {
    for (const token of [null, 'garbage', 'a.b.c']) {
      const r = await get('/taxii2/api/collections/', token);
      expect(r.status).toBe(401);
      expect(r.type).toBe(TAXII);
    }
  });
});
