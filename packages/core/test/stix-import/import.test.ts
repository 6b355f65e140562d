import { describe, expect, it } from 'vitest';
import { C2_IP, IBAN, indicatorBundle, MULE_EMAIL, MULE_LOGIN, realLookingBundle, TLP, WALLET } from '../../../../test/support/stix-bundle';
import { checkSelectors, type DomainError, type Marking, type MarkingInput } from '../../src/index';
import { TASKFORCE_HANDLING_EXTENSION_ID, validateStixObject } from '../../src/stix';
import {
  BundleRefused,
  commitStixImport,
  type ImportPreview,
  importedMarking,
  listIntel,
  MAX_BUNDLE_OBJECTS,
  patternSelectors,
  planImport,
  previewStixImport,
  readBundle,
} from '../../src/stix-import';
import { principal, taskforce, world } from '../world';

const vnm = principal('vnm-a05', 'VNM');
const tha = principal('tha-ccib', 'THA');
const gbr = principal('gbr-nca', 'GBR');
const NOW = new Date('2026-03-01T08:00:00.000Z');
const importer = { orgId: vnm.orgId, country: vnm.country };
const AMBER_MEMBERS: MarkingInput = { tlp: 'AMBER', releasableTo: 'members', caveats: [] };

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BundleRefused);
    return e as BundleRefused;
  }
  throw new Error('not refused');
};

describe('mapping a STIX bundle to records', () => {
  const plan = planImport(readBundle(JSON.stringify(realLookingBundle())), { importer, defaultMarking: AMBER_MEMBERS, now: NOW });
  const byType = (t: string) => plan.records.filter((r) => r.stixType === t);

  it('makes one record per indicator, observed-data (with its observables), standalone observable and note', () => {
    expect(plan.problems).toEqual([]);
    expect(plan.records.map((r) => r.stixType).sort()).toEqual(
      ['bank-account', 'cryptocurrency-wallet', 'email-addr', 'indicator', 'indicator', 'note', 'observed-data'].sort(),
    );
    expect(plan.notStored).toEqual({ identity: 1, relationship: 1 });
  });

  it('takes selectors from simple patterns (import time for an IP) and none from compound ones', () => {
    const [simple, compound] = byType('indicator');
    expect(simple!.selectors).toEqual([
      { type: 'email', value: MULE_EMAIL },
      { type: 'ip_address', value: C2_IP, observedAt: NOW.toISOString(), timeZone: 'UTC' },
    ]);
    expect(simple!.createdByRef).toMatch(/^identity--/);
    expect(compound!.selectors).toEqual([]);
  });

  it('dates an observed IP by its observed-data, keeps an account with its service, reads custom observables', () => {
    expect(byType('observed-data')[0]!.selectors).toEqual([
      { type: 'ip_address', value: C2_IP, observedAt: '2026-02-18T03:15:00.000Z', timeZone: 'UTC' },
      { type: 'account_id', value: MULE_LOGIN, service: 'telegram' },
    ]);
    expect(byType('cryptocurrency-wallet')[0]!.selectors).toEqual([{ type: 'wallet_address', chain: 'ethereum', value: WALLET }]);
    expect(byType('bank-account')[0]!.selectors).toEqual([{ type: 'iban', value: IBAN }]);
  });

  it('maps TLP 2.0 and 1.0 references; an unmarked object takes the default; the importer is always the originator', () => {
    expect(byType('indicator')[0]!.marking).toEqual({ tlp: 'AMBER+STRICT', releasableTo: 'members', caveats: [], originator: importer });
    expect(byType('indicator')[0]!.markingFrom).toBe('object');
    // TLP 1.0 RED: RED to the importer's organisation alone.
    expect(byType('cryptocurrency-wallet')[0]!.marking).toMatchObject({ tlp: 'RED', recipients: [vnm.orgId], originator: importer });
    expect(byType('bank-account')[0]!).toMatchObject({ markingFrom: 'default', marking: { ...AMBER_MEMBERS, originator: importer } });
  });

  it('never widens: restrictions on CLEAR make it GREEN, an unknown REL TO narrows to the importer, the source originator is ignored', () => {
    const src = (m: Partial<Marking>): Marking => ({
      tlp: 'GREEN',
      releasableTo: 'members',
      caveats: [],
      originator: { orgId: 'other', country: 'USA' },
      ...m,
    });
    expect(importedMarking(src({ tlp: 'CLEAR', releasableTo: ['THA'] }), AMBER_MEMBERS, importer).marking).toMatchObject({
      tlp: 'GREEN',
      releasableTo: ['VNM', 'THA'],
    });
    expect(importedMarking(src({ releasableTo: ['TH'] }), AMBER_MEMBERS, importer).marking).toMatchObject({ releasableTo: ['VNM'] });
    expect(importedMarking(src({ tlp: 'RED', recipients: ['someone-else'] }), AMBER_MEMBERS, importer).marking).toMatchObject({
      tlp: 'RED',
      recipients: [vnm.orgId],
      originator: importer,
    });
    expect(importedMarking(src({ caveats: ['ORCON'] }), AMBER_MEMBERS, importer).marking.caveats).toEqual(['ORCON']);
  });

  it('reads REL TO and caveats from the platform handling extension', () => {
    const b = realLookingBundle();
    const ind = b.objects[1] as Record<string, unknown>;
    ind.object_marking_refs = [TLP.GREEN];
    ind.extensions = {
      [TASKFORCE_HANDLING_EXTENSION_ID]: {
        extension_type: 'property-extension',
        releasable_to: ['THA'],
        caveats: ['NO-PRIVATE-SECTOR'],
        originator_org: 'x',
        originator_country: 'USA',
      },
    };
    const p = planImport(readBundle(JSON.stringify(b)), { importer, defaultMarking: AMBER_MEMBERS, now: NOW });
    expect(p.records.find((r) => r.stixId === ind.id)!.marking).toEqual({
      tlp: 'GREEN',
      releasableTo: ['VNM', 'THA'],
      caveats: ['NO-PRIVATE-SECTOR'],
      originator: importer,
    });
  });

  it('refuses unknown types and marking references to nothing, naming the object', () => {
    const b = realLookingBundle();
    b.objects.push({ type: 'x-weird', id: 'x-weird--6ba7b810-9dad-41d1-80b4-00c04fd430c8' } as never);
    (b.objects[2] as Record<string, unknown>).object_marking_refs = ['marking-definition--6ba7b810-9dad-41d1-80b4-00c04fd430c8'];
    const p = planImport(readBundle(JSON.stringify(b)), { importer, defaultMarking: AMBER_MEMBERS, now: NOW });
    expect(p.problems).toEqual([
      expect.objectContaining({ index: 2, field: 'objects/2/object_marking_refs/0' }),
      expect.objectContaining({ index: 11, field: 'objects/11/type' }),
    ]);
  });

  it('reads only simple equality patterns', () => {
    expect(
      patternSelectors("[email-addr:value = 'a@example.com'] FOLLOWEDBY [email-addr:value = 'b@example.com']", NOW.toISOString()).selectors,
    ).toEqual([]);
    expect(patternSelectors("[email-addr:value = 'not an e-mail']", NOW.toISOString()).skipped).toHaveLength(1);
  });
});

describe('hostile bundles are refused before costly work', () => {
  it('caps nesting, string length, object count, prototype keys, and wants JSON', () => {
    const deep = `{"type":"bundle","id":"bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8","objects":[${'['.repeat(5000)}${']'.repeat(5000)}]}`;
    expect(refusal(() => readBundle(deep)).problems[0]).toMatchObject({ field: 'body', message: expect.stringContaining('nesting') });
    const huge = JSON.stringify({
      ...indicatorBundle(1),
      objects: [{ ...indicatorBundle(1).objects[0], description: 'x'.repeat(70_000) }],
    });
    expect(refusal(() => readBundle(huge)).problems[0]!.message).toContain('string');
    const many = indicatorBundle(1);
    many.objects = Array.from({ length: MAX_BUNDLE_OBJECTS + 1 }, () => many.objects[0]!);
    expect(refusal(() => readBundle(JSON.stringify(many))).problems[0]).toMatchObject({ field: 'objects' });
    const proto = '{"type":"bundle","id":"bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8","objects":[{"type":"note","__proto__":{"x":1}}]}';
    expect(refusal(() => readBundle(proto)).problems[0]).toMatchObject({ field: 'objects/0/__proto__' });
    expect(refusal(() => readBundle('not json')).problems[0]).toMatchObject({ field: 'body' });
    expect(refusal(() => readBundle('x'.repeat(10), 9 * 1024 * 1024)).tooLarge).toBe(true);
  });
});

describe('preview and import', () => {
  const setUp = async () => {
    const deps = await world([
      ['vnm-a05', 'VNM'],
      ['tha-ccib', 'THA'],
      ['gbr-nca', 'GBR'],
    ]);
    const ws = await taskforce(deps, vnm, [tha]);
    return { deps, ws };
  };
  const text = JSON.stringify(realLookingBundle());

  it('previews, refuses a different digest, imports in transactions, and a second import creates nothing', async () => {
    const { deps, ws } = await setUp();
    const preview: ImportPreview = await previewStixImport(deps, vnm, ws.id, text, { validate: validateStixObject });
    expect(preview).toMatchObject({ objects: 11, new: 7, duplicates: 0 });
    const wrong = await commitStixImport(deps, { principal: vnm }, ws.id, text, {
      digest: '0'.repeat(64),
      validate: validateStixObject,
    }).catch((e: DomainError) => e);
    expect(wrong).toMatchObject({ code: 'validation', field: 'digest' });
    const done = await commitStixImport(deps, { principal: vnm }, ws.id, text, { digest: preview.digest, validate: validateStixObject });
    expect(done).toMatchObject({ created: 7, duplicates: 0 });
    expect(done.transactions).toBeGreaterThan(1); // one per marking at least
    const again = await commitStixImport(deps, { principal: vnm }, ws.id, text, { digest: preview.digest, validate: validateStixObject });
    expect(again).toMatchObject({ created: 0, duplicates: 7, transactions: 0 });
    expect(
      (await previewStixImport(deps, vnm, ws.id, text, { validate: validateStixObject })).records.every((r) => r.status === 'duplicate'),
    ).toBe(true);
  });

  it('enters the selectors in the hit/no-hit index; RED stays with the importer', async () => {
    const { deps, ws } = await setUp();
    const { digest } = await previewStixImport(deps, vnm, ws.id, text, { validate: validateStixObject });
    await commitStixImport(deps, { principal: vnm }, ws.id, text, { digest, validate: validateStixObject });
    const check = await checkSelectors(deps, { principal: gbr }, [
      { type: 'email', value: MULE_EMAIL },
      { type: 'email', value: 'nobody@example.com' },
    ]);
    expect(check.results.map((r) => r.hit)).toEqual([true, false]);
    expect(check.results[0]!.contacts[0]).toMatchObject({ orgId: vnm.orgId });
    const seen = await listIntel(deps, tha, ws.id, { limit: 100 });
    expect(seen.items.map((r) => r.stixType).sort()).not.toContain('cryptocurrency-wallet');
    expect((await listIntel(deps, vnm, ws.id, { limit: 100 })).items).toHaveLength(7);
  });

  it('chunks a large import into transactions of at most 100 items', async () => {
    const { deps, ws } = await setUp();
    const sizes: number[] = [];
    const commit = deps.store.commit.bind(deps.store);
    deps.store.commit = async (c) => {
      sizes.push(1 + c.events.length + c.writes.length);
      return commit(c);
    };
    const bulk = JSON.stringify(indicatorBundle(500));
    const { digest } = await previewStixImport(deps, vnm, ws.id, bulk, { validate: validateStixObject });
    const done = await commitStixImport(deps, { principal: vnm }, ws.id, bulk, { digest, validate: validateStixObject });
    expect(done).toMatchObject({ created: 500, selectorsIndexed: 500 });
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
  });

  it('refuses schema-invalid objects naming each one', async () => {
    const { deps, ws } = await setUp();
    const b = realLookingBundle();
    delete (b.objects[1] as Record<string, unknown>).pattern;
    (b.objects[3] as Record<string, unknown>).number_observed = 'three';
    const err = await previewStixImport(deps, vnm, ws.id, JSON.stringify(b), { validate: validateStixObject }).catch((e) => e);
    expect(err).toBeInstanceOf(BundleRefused);
    const fields = (err as BundleRefused).problems.map((p) => [p.index, p.id?.split('--')[0]]);
    expect(fields).toContainEqual([1, 'indicator']);
    expect(fields).toContainEqual([3, 'observed-data']);
  });
});
