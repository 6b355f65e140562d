import { describe, expect, it } from 'vitest';
import type { Marking } from '../../src/kernel/marking';
import {
  type HandlingExtension,
  markingOfStix,
  recordStixId,
  SCO_ID_PROPERTIES,
  STIX_SCO_NAMESPACE,
  type StixMarkingDefinition,
  type StixProblem,
  scoId,
  stixIdParts,
  stixMarkingOf,
  TASKFORCE_HANDLING_EXTENSION,
  TASKFORCE_HANDLING_EXTENSION_ID,
  TASKFORCE_IDENTITY,
  TASKFORCE_STIX_NAMESPACE,
  TLP_MARKING_DEFINITIONS,
  TLP2_EXTENSION_ID,
  tlpMarkingId,
  tlpOfMarkingRef,
  uuidV5,
  validateStixBundle,
  validateStixObject,
} from '../../src/stix';

describe('STIX ids', () => {
  it('computes SCO ids per STIX 2.1 §2.9 (UUIDv5 of the canonical id-contributing properties)', () => {
    // Cross-checked with Python's uuid.uuid5 over the same canonical JSON.
    expect(scoId('email-addr', { value: 'john@example.com' })).toBe('email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934');
    expect(scoId('ipv4-addr', { value: '198.51.100.3', resolves_to_refs: [] })).toBe('ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4');
  });

  it('gives a record the same SDO id every time, distinct per type and record', () => {
    expect(recordStixId('incident', 'ws_1/inc_1')).toBe(recordStixId('incident', 'ws_1/inc_1'));
    expect(recordStixId('incident', 'ws_1/inc_1')).not.toBe(recordStixId('incident', 'ws_1/inc_2'));
    expect(recordStixId('note', 'ws_1/inc_1')).not.toBe(recordStixId('incident', 'ws_1/inc_1').replace('incident', 'note'));
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('STIX markings', () => {
  it('publishes the five OASIS TLP 2.0 marking definitions, each valid against the OASIS schema', () => {
    expect(TLP_MARKING_DEFINITIONS.map((m) => m.name)).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']);
    expect(tlpMarkingId('CLEAR')).toBe('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    expect(tlpMarkingId('RED')).toBe('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1');
    for (const m of TLP_MARKING_DEFINITIONS) {
      expect(validateStixObject(m)).toEqual([]);
      expect(tlpOfMarkingRef(m.id)).toBe(m.name.slice(4));
    }
    expect(tlpOfMarkingRef('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9')).toBe('CLEAR');
    expect(tlpOfMarkingRef('marking-definition--00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('validates the platform identity and its handling extension definition', () => {
    expect(validateStixObject(TASKFORCE_IDENTITY)).toEqual([]);
    expect(validateStixObject(TASKFORCE_HANDLING_EXTENSION)).toEqual([]);
  });

  it('turns a marking into object_marking_refs + extension and back', () => {
    const m: Marking = {
      tlp: 'AMBER+STRICT',
      releasableTo: ['VN', 'TH'],
      recipients: ['org_a'],
      caveats: ['ORCON'],
      embargoUntil: '2027-01-01T00:00:00.000Z',
      originator: { orgId: 'org_a', country: 'VN' },
    };
    const stix = stixMarkingOf(m);
    expect(stix.object_marking_refs).toEqual(['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003']);
    expect(markingOfStix(stix, { orgId: 'org_x', country: 'TH' })).toEqual(m);
    expect(markingOfStix({ object_marking_refs: [tlpMarkingId('GREEN'), tlpMarkingId('RED')] }, { orgId: 'o', country: 'TH' })).toEqual({
      tlp: 'RED',
      releasableTo: 'members',
      caveats: [],
      originator: { orgId: 'o', country: 'TH' },
    });
    expect(markingOfStix({}, { orgId: 'o', country: 'TH' })).toBeUndefined();
  });
});

describe('validateStixObject', () => {
  it('names the failing field of an invalid object', () => {
    const problems = validateStixObject({ type: 'incident', spec_version: '2.1', id: 'incident--nope', created: 'yesterday' });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['id', 'created']));
    expect(validateStixObject('x')).toEqual([{ path: '(object)', message: 'must be a JSON object' }]);
    expect(validateStixObject({})).toEqual([{ path: 'type', message: 'must be a string' }]);
  });

  it('checks a bundle object by object', () => {
    expect(
      validateStixBundle({ type: 'bundle', id: 'bundle--2ed6657d-e927-568b-95e1-2665a8aea6a2', objects: [...TLP_MARKING_DEFINITIONS] }),
    ).toEqual([]);
    const bad = validateStixBundle({ type: 'bundle', id: 'bundle--x', objects: [{ type: 'email-addr', id: 'email-addr--x' }] });
    expect(bad.map((p) => p.path)).toEqual(expect.arrayContaining(['id', 'objects/0/id']));
  });
});

describe('the foundation constants', () => {
  it('names the STIX and platform namespaces, the id-contributing properties and the extension ids', () => {
    expect(STIX_SCO_NAMESPACE).toBe('00abedb4-aa42-466c-9c01-fed23315a9b7');
    expect(recordStixId('note', 'k')).toBe(`note--${uuidV5(TASKFORCE_STIX_NAMESPACE, 'note:k')}`);
    expect(SCO_ID_PROPERTIES['user-account']).toEqual(['account_type', 'user_id', 'account_login']);
    expect(stixIdParts('note--2ed6657d-e927-568b-95e1-2665a8aea6a2')).toEqual({
      type: 'note',
      uuid: '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    });
    expect(stixIdParts('note--nope')).toBeUndefined();
    const tlp: StixMarkingDefinition = TLP_MARKING_DEFINITIONS[0]!;
    expect(Object.keys(tlp.extensions)).toEqual([TLP2_EXTENSION_ID]);
    const ext: HandlingExtension = stixMarkingOf({
      tlp: 'GREEN',
      releasableTo: 'members',
      caveats: [],
      originator: { orgId: 'o', country: 'VNM' },
    }).extensions[TASKFORCE_HANDLING_EXTENSION_ID]!;
    expect(ext).toEqual({ extension_type: 'property-extension', releasable_to: 'members', originator_org: 'o', originator_country: 'VNM' });
    const none: StixProblem[] = validateStixObject(tlp);
    expect(none).toEqual([]);
  });
});
