/**
 * A TAXII 2.1 client following the specification, against the local runtime: discovery → API
 * root → collections → objects paged with `limit` and `next` until `more` is false → manifest →
 * an object and its versions, with a member's token. What it gets is what the REST lists show the
 * same member: a record marked REL TO another country is absent (its SDO, its relationships and
 * an observable only it holds), and every object validates against the OASIS STIX 2.1 schemas.
 */
import { recordStixId, validateStixBundle, validateStixObject } from '@taskforce/core/stix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, LADDER_ORGS, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const TAXII = 'application/taxii+json;version=2.1';
// biome-ignore lint/suspicious/noExplicitAny: STIX objects are read ad hoc
type Obj = any;

describe('TAXII 2.1 server', () => {
  let t: TestRuntime;
  let lead: string;
  let ccib: string;
  let nca: string;
  let bank: string;
  let ws: string;
  const hiddenPhone = '+84987654321';

  const taxii = async (url: string, token: string | undefined, accept = TAXII) => {
    const res = await fetch(url.startsWith('http') ? url : t.rt.url + url, {
      headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    await seedOrgs(t, LADDER_ORGS);
    lead = await t.tokenFor('vnm-a05', 'VNM', ['officer', 'duty_contact']);
    ccib = await t.tokenFor('tha-ccib', 'THA', ['officer', 'duty_contact']);
    nca = await t.tokenFor('gbr-nca', 'GBR');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    await joinAll(t, lead, ws, [['tha-ccib', ccib]]);
    const ladder = {
      duty: { orgId: 'tha-ccib', people: [{ name: 'Duty officer', phone: '+66 2 142 3555' }] },
      backup: { orgId: 'tha-dsi' },
      nationalLead: { orgId: 'tha-rtp' },
    };
    expect((await t.call('PUT', '/v1/contacts/THA', ccib, ladder)).status).toBe(201);
    const made = async (path: string, body: unknown) => {
      t.clock.advance(1000);
      const r = await t.call('POST', `/v1/workspaces/${ws}/${path}`, lead, body);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    };
    for (let i = 0; i < 4; i++)
      await made('tasks', {
        title: `Trace wallet ${i}`,
        assigneeOrgId: 'tha-ccib',
        dueAt: '2026-04-01T00:00:00Z',
        selectors: [
          { type: 'email', value: `mule${i}@example.com` },
          { type: 'ip_address', value: `203.0.113.${i + 1}`, observedAt: '2026-02-28T21:00:00+07:00', timeZone: 'Asia/Ho_Chi_Minh' },
          { type: 'wallet_address', chain: 'ethereum', value: '0x52908400098527886E0F7030069857D2E4169EE7' },
        ],
      });
    // REL TO Vietnam only: Thailand may not see it, nor the phone number only it holds.
    await made('tasks', {
      title: 'Vietnam only',
      assigneeOrgId: 'vnm-a05',
      dueAt: '2026-04-01T00:00:00Z',
      marking: { tlp: 'AMBER', releasableTo: ['VNM'] },
      selectors: [
        { type: 'phone', value: hiddenPhone },
        { type: 'email', value: 'mule0@example.com' },
      ],
    });
    await made('incidents', { severity: 'high', type: 'ransomware', summary: 'Clinic encrypted', countries: ['THA'] });
    await made('requests', {
      providerOrgId: 'mekong-bank',
      type: 'subscriber_info',
      legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
      description: 'Who holds the IBAN',
      selectors: [{ type: 'iban', value: 'GB82WEST12345698765432' }],
    });
  }, 120_000);
  afterAll(() => t.rt.stop());

  /** The records a member's REST lists show, as the STIX ids of their SDOs. */
  const restView = async (token: string) => {
    const ids: string[] = [];
    for (const [path, type, kind] of [
      ['tasks', 'note', 'task'],
      ['incidents', 'incident', 'incident'],
      ['requests', 'note', 'request'],
    ] as const) {
      const r = await t.call('GET', `/v1/workspaces/${ws}/${path}?limit=100`, token);
      expect(r.status).toBe(200);
      ids.push(...r.body.items.map((i: { id: string }) => recordStixId(type, `${ws}/${kind}/${i.id}`)));
    }
    return ids.sort();
  };

  const walk = async (token: string) => {
    const discovery = await taxii('/taxii2/', token);
    expect(discovery.status).toBe(200);
    expect(discovery.headers.get('content-type')).toBe(TAXII);
    expect(discovery.body.api_roots).toHaveLength(1);
    const root = discovery.body.api_roots[0] as string;
    const info = await taxii(root, token);
    expect(info.body.versions).toEqual([TAXII]);
    const cols = await taxii(`${root}collections/`, token);
    expect(cols.status).toBe(200);
    expect(cols.body.collections).toHaveLength(1);
    const col = cols.body.collections[0];
    expect(col).toMatchObject({ title: 'Op Lotus', can_read: true, can_write: false });
    const base = `${root}collections/${col.id}/`;
    expect((await taxii(base, token)).body.id).toBe(col.id);
    const objects: Obj[] = [];
    let url = `${base}objects/?limit=5`;
    let pages = 0;
    for (;;) {
      const page = await taxii(url, token);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      pages++;
      objects.push(...(page.body.objects ?? []));
      expect(page.headers.get('x-taxii-date-added-first')).toBeTruthy();
      if (!page.body.more) break;
      url = `${base}objects/?limit=5&next=${encodeURIComponent(page.body.next)}`;
    }
    return { base, objects, pages };
  };

  it('a member discovers, pages and fetches exactly what the REST lists show it', { timeout: 60_000 }, async () => {
    const { base, objects, pages } = await walk(ccib);
    expect(pages).toBeGreaterThan(2);
    expect(new Set(objects.map((o) => o.id)).size).toBe(objects.length);
    const sdos = objects.filter((o) => o.type === 'note' || o.type === 'incident').map((o) => o.id);
    const rest = await restView(ccib);
    expect(rest).toHaveLength(6);
    expect(sdos.sort()).toEqual(rest);
    // The hidden task's observable, and everything that points at the hidden task, are absent.
    expect(objects.some((o) => o.type === 'phone-number')).toBe(false);
    expect(JSON.stringify(objects)).not.toContain(hiddenPhone);
    expect(JSON.stringify(objects)).not.toContain('Vietnam only');
    // Every object valid against the OASIS schemas, alone and as a bundle.
    for (const o of objects) expect({ id: o.id, problems: validateStixObject(o) }).toEqual({ id: o.id, problems: [] });
    expect(validateStixBundle({ type: 'bundle', id: 'bundle--2ed6657d-e927-568b-95e1-2665a8aea6a2', objects })).toEqual([]);
    // Every reference resolves inside the collection (markings and extension definitions included).
    const ids = new Set(objects.map((o) => o.id));
    for (const o of objects)
      for (const ref of [...(o.object_refs ?? []), ...(o.object_marking_refs ?? []), o.created_by_ref, o.source_ref, o.target_ref].filter(
        Boolean,
      ))
        expect(ids.has(ref), `${o.id} → ${ref}`).toBe(true);

    // The manifest lists the same objects; an object has one version, fetched by id and listed in versions/.
    const manifest: Obj[] = [];
    let url = `${base}manifest/?limit=7`;
    for (;;) {
      const page = await taxii(url, ccib);
      expect(page.status).toBe(200);
      manifest.push(...(page.body.objects ?? []));
      if (!page.body.more) break;
      url = `${base}manifest/?limit=7&next=${encodeURIComponent(page.body.next)}`;
    }
    expect(manifest.map((m) => m.id).sort()).toEqual(objects.map((o) => o.id).sort());
    expect(manifest.every((m) => m.media_type === 'application/stix+json;version=2.1')).toBe(true);
    const note = objects.find((o) => o.type === 'note')!;
    const one = await taxii(`${base}objects/${note.id}/`, ccib);
    expect(one.body.objects).toEqual([note]);
    const versions = await taxii(`${base}objects/${note.id}/versions/`, ccib);
    expect(versions.body).toEqual({ more: false, versions: [note.modified] });
    expect((await taxii(`${base}objects/?match[type]=incident`, ccib)).body.objects.map((o: Obj) => o.type)).toEqual(['incident']);
    const last = manifest.at(-1)!.date_added;
    expect((await taxii(`${base}objects/?added_after=${encodeURIComponent(last)}`, ccib)).body).toEqual({ more: false });
  });

  it('the lead sees the REL TO Vietnam task too; Thailand gets 404 for its SDO', async () => {
    const { base, objects } = await walk(lead);
    const sdos = objects.filter((o) => o.type === 'note' || o.type === 'incident').map((o) => o.id);
    const rest = await restView(lead);
    expect(rest).toHaveLength(7);
    expect(sdos.sort()).toEqual(rest);
    const hidden = objects.find((o) => o.type === 'note' && o.content.includes('Vietnam only'))!;
    expect(hidden.extensions['extension-definition--ed8c706b-7b4d-4507-a097-eabe2cee2d6f'].releasable_to).toEqual(['VNM']);
    const phone = objects.find((o) => o.type === 'phone-number')!;
    for (const path of [`objects/${hidden.id}/`, `objects/${hidden.id}/versions/`, `objects/${phone.id}/`]) {
      const r = await taxii(`${base}${path}`, ccib);
      expect(r.status, path).toBe(404);
      expect(r.headers.get('content-type')).toBe(TAXII);
      expect(r.body.http_status).toBe('404');
    }
  });

  it('a non-member has no collection, a partner finds no TAXII server, an unauthenticated caller a TAXII 401', async () => {
    expect((await taxii('/taxii2/api/collections/', nca)).body).toEqual({});
    const { base } = await walk(ccib);
    const col = base.split('/collections/')[1]!;
    expect((await taxii(`/taxii2/api/collections/${col}`, nca)).status).toBe(404);
    expect((await taxii(`/taxii2/api/collections/${col}objects/`, nca)).status).toBe(404);
    for (const path of ['/taxii2/', '/taxii2/api/', '/taxii2/api/collections/', `/taxii2/api/collections/${col}objects/`])
      expect((await taxii(path, bank)).status, path).toBe(404);
    const anon = await taxii('/taxii2/', undefined);
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toBe(TAXII);
    expect(anon.body).toMatchObject({ title: 'Authentication required', http_status: '401' });
  });
});
