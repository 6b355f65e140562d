/**
 * Hostile STIX bundles, beyond what the schema-driven suite derives: deep nesting, huge strings,
 * 10,001 objects, an unknown type, a marking reference to nothing, a prototype key, another
 * digest, a body that is not JSON and one of another media type. Each is a 400, 413 or 415
 * naming the field, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';
import { indicatorBundle, realLookingBundle } from '../support/stix-bundle';

const STIX = 'application/stix+json;version=2.1';

describe('hostile STIX bundles', () => {
  let t: TestRuntime;
  let lead: string;
  let W: string;
  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    W = `/v1/workspaces/${(await t.call('POST', '/v1/workspaces', lead, { title: 'Op S', legalBasis: { code: 'UNCC', text: 'art. 40' } })).body.id}`;
  }, 120_000);
  afterAll(() => t?.rt.stop());

  const raw = async (path: string, body: string | Uint8Array, type = STIX) => {
    const res = await fetch(t.rt.url + path, { method: 'POST', headers: { authorization: `Bearer ${lead}`, 'content-type': type }, body });
    const text = await res.text();
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body_ = JSON.parse(text) as { errors: { field: string; index?: number; id?: string }[] };
    return { status: res.status, fields: body_.errors.map((e) => e.field), errors: body_.errors };
  };
  const preview = (body: string | Uint8Array, type = STIX) => raw(`${W}/stix-imports/preview`, body, type);

  it('refuses deep nesting, huge strings, prototype keys and 10,001 objects before validating anything', async () => {
    const envelope = (objects: string) => `{"type":"bundle","id":"bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8","objects":${objects}}`;
    expect(await preview(envelope(`[${'['.repeat(100_000)}${']'.repeat(100_000)}]`))).toMatchObject({ status: 400, fields: ['body'] });
    const one = indicatorBundle(1);
    const huge = { ...one, objects: [{ ...one.objects[0], description: 'x'.repeat(1_000_000) }] };
    expect(await preview(JSON.stringify(huge))).toMatchObject({ status: 400, fields: ['body'] });
    expect(await preview(envelope('[{"type":"note","__proto__":{"polluted":true}}]'))).toMatchObject({
      status: 400,
      fields: ['objects/0/__proto__'],
    });
    expect(await preview(JSON.stringify({ ...one, objects: Array.from({ length: 10_001 }, () => one.objects[0]) }))).toMatchObject({
      status: 400,
      fields: ['objects'],
    });
  });

  it('refuses an unknown type and a marking reference to nothing, naming the object', async () => {
    const b = realLookingBundle();
    b.objects.push({ type: 'x-made-up', spec_version: '2.1', id: 'x-made-up--6ba7b810-9dad-41d1-80b4-00c04fd430c8' } as never);
    (b.objects[2] as Record<string, unknown>).object_marking_refs = ['marking-definition--6ba7b810-9dad-41d1-80b4-00c04fd430c8'];
    const r = await preview(JSON.stringify(b));
    expect(r.status).toBe(400);
    expect(r.fields).toEqual(['objects/2/object_marking_refs/0', 'objects/11/type']);
    expect(r.errors[0]).toMatchObject({ index: 2, id: b.objects[2]!.id });
  });

  it('refuses another digest, no digest, and a default marking that does not hold together', async () => {
    const b = JSON.stringify(realLookingBundle());
    expect(await raw(`${W}/stix-imports?digest=${'0'.repeat(64)}`, b)).toMatchObject({ status: 400, fields: ['digest'] });
    expect(await raw(`${W}/stix-imports`, b)).toMatchObject({ status: 400, fields: ['digest'] });
    expect(await raw(`${W}/stix-imports/preview?tlp=RED`, b)).toMatchObject({ status: 400, fields: ['query.recipients'] });
    expect(await raw(`${W}/stix-imports/preview?tlp=PURPLE`, b)).toMatchObject({ status: 400, fields: ['query.tlp'] });
  });

  it('refuses what is not JSON, another media type or STIX version, and more than 8 MiB', async () => {
    expect(await preview('this is not json')).toMatchObject({ status: 400, fields: ['body'] });
    expect(await preview(JSON.stringify(realLookingBundle()), 'text/plain')).toMatchObject({ status: 415, fields: ['Content-Type'] });
    expect(await preview(JSON.stringify(realLookingBundle()), 'application/stix+json;version=2.0')).toMatchObject({
      status: 415,
      fields: ['Content-Type'],
    });
    expect(await preview(new Uint8Array(8 * 1024 * 1024 + 1))).toMatchObject({ status: 413, fields: ['body'] });
    expect(await preview(JSON.stringify([1, 2, 3]))).toMatchObject({ status: 400, fields: ['body'] });
  });
});
