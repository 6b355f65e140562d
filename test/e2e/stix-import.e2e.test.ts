/**
 * A STIX 2.1 bundle as an OpenCTI export writes one, imported over HTTP: previewed, stored, found
 * again by a hit/no-hit check of another agency, and listed only to members its marking admits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinAll, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';
import { C2_IP, MULE_EMAIL, MULE_LOGIN, realLookingBundle, TLP } from '../support/stix-bundle';

const STIX = { 'content-type': 'application/stix+json;version=2.1' };

describe('STIX 2.1 import, on the local engines', () => {
  let t: TestRuntime;
  let vnm: string;
  let tha: string;
  let gbr: string;
  let ws: string;
  const bundle = realLookingBundle();
  // One object REL TO Viet Nam only (the platform's handling extension): Thailand, a member, must not see it.
  const vnmOnly = bundle.objects[4] as Record<string, unknown>;
  vnmOnly.object_marking_refs = [TLP.GREEN];
  vnmOnly.extensions = {
    'extension-definition--ed8c706b-7b4d-4507-a097-eabe2cee2d6f': {
      extension_type: 'property-extension',
      releasable_to: ['VNM'],
      originator_org: 'elsewhere',
      originator_country: 'VNM',
    },
  };

  beforeAll(async () => {
    t = await testRuntime('2026-03-01T08:00:00.000Z', { workers: false });
    await seedOrgs(t);
    vnm = await t.tokenFor('vnm-a05', 'VNM');
    tha = await t.tokenFor('tha-ccib', 'THA');
    gbr = await t.tokenFor('gbr-nca', 'GBR');
    ws = (await t.call('POST', '/v1/workspaces', vnm, { title: 'Op Jade Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body
      .id;
    await joinAll(t, vnm, ws, [['tha-ccib', tha]]);
  });
  afterAll(async () => {
    await t?.rt.stop();
  });

  it('previews what would be created, imports exactly that, and a second import creates nothing', async () => {
    const preview = await t.call('POST', `/v1/workspaces/${ws}/stix-imports/preview?tlp=AMBER`, vnm, bundle, STIX);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ objects: 11, new: 7, duplicates: 0, notStored: { identity: 1, relationship: 1 } });
    const indicator = preview.body.records.find(
      (r: { stixType: string; selectors: unknown[] }) => r.stixType === 'indicator' && r.selectors.length,
    );
    expect(indicator).toMatchObject({ marking: { tlp: 'AMBER+STRICT', originator: { orgId: 'vnm-a05', country: 'VNM' } }, status: 'new' });
    expect(indicator.selectors.map((s: { value: string }) => s.value)).toEqual([MULE_EMAIL, C2_IP]);

    const changed = { ...bundle, objects: bundle.objects.slice(0, 5) };
    const refused = await t.call('POST', `/v1/workspaces/${ws}/stix-imports?tlp=AMBER&digest=${preview.body.digest}`, vnm, changed, STIX);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'digest' })]);

    const done = await t.call('POST', `/v1/workspaces/${ws}/stix-imports?tlp=AMBER&digest=${preview.body.digest}`, vnm, bundle, STIX);
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ created: 7, duplicates: 0 });
    const again = await t.call('POST', `/v1/workspaces/${ws}/stix-imports?tlp=AMBER&digest=${preview.body.digest}`, vnm, bundle, STIX);
    expect(again.body).toMatchObject({ created: 0, duplicates: 7 });
    const second = await t.call('POST', `/v1/workspaces/${ws}/stix-imports/preview?tlp=AMBER`, vnm, bundle, STIX);
    expect(second.body).toMatchObject({ new: 0, duplicates: 7 });
  });

  it('a hit/no-hit check of another agency finds an imported selector', async () => {
    const check = await t.call('POST', '/v1/matching/checks', gbr, {
      selectors: [
        { type: 'account_id', value: MULE_LOGIN, service: 'telegram' },
        { type: 'email', value: 'nobody@example.com' },
      ],
    });
    expect(check.status).toBe(200);
    expect(check.body.results.map((r: { hit: boolean }) => r.hit)).toEqual([true, false]);
    expect(check.body.results[0].contacts[0]).toMatchObject({ orgId: 'vnm-a05', tlp: 'GREEN' });
  });

  it('lists imported records through the evaluator: a member the marking excludes sees neither the list item nor the record', async () => {
    const mine = await t.call('GET', `/v1/workspaces/${ws}/stix-imports/records?limit=100`, vnm);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(7);
    const hidden = mine.body.items.find((r: { stixId: string }) => r.stixId === vnmOnly.id);
    expect(hidden.marking.releasableTo).toEqual(['VNM']);
    const theirs = await t.call('GET', `/v1/workspaces/${ws}/stix-imports/records?limit=100`, tha);
    // Thailand sees neither Viet Nam's REL TO VNM record nor the RED wallet (RED to the importer alone).
    expect(theirs.body.items.map((r: { stixType: string }) => r.stixType).sort()).toEqual(
      ['bank-account', 'indicator', 'indicator', 'note', 'observed-data'].sort(),
    );
    expect((await t.call('GET', `/v1/workspaces/${ws}/stix-imports/records/${hidden.id}`, tha)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/stix-imports/records/${hidden.id}`, vnm)).status).toBe(200);
    expect((await t.call('GET', `/v1/workspaces/${ws}/stix-imports/records?limit=100`, gbr)).status).toBe(404);
  });

  it('names each bad object and field', async () => {
    const bad = realLookingBundle();
    delete (bad.objects[1] as Record<string, unknown>).pattern;
    bad.objects.push({
      type: 'x-unknown-thing',
      spec_version: '2.1',
      id: 'x-unknown-thing--6ba7b810-9dad-41d1-80b4-00c04fd430c8',
    } as never);
    const r = await t.call('POST', `/v1/workspaces/${ws}/stix-imports/preview`, vnm, bad, STIX);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    expect(r.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, id: bad.objects[1]!.id, field: expect.stringMatching(/^objects\/1/) }),
        expect.objectContaining({ index: 11, field: 'objects/11/type' }),
      ]),
    );
  });
});
