import type { Marking, Tlp } from '../kernel/marking';

/**
 * Data markings in STIX 2.1.
 *
 * TLP 2.0 is carried by the five marking-definition objects OASIS publishes with the `tlp-2.0`
 * property extension (cti-stix-common-objects, extension-definition-specifications/tlp-2.0): fixed
 * ids, referenced from `object_marking_refs`. What TLP cannot say — REL TO, named recipients,
 * caveats, the originator and an embargo — travels in the platform's own property extension
 * (`TASKFORCE_HANDLING_EXTENSION_ID`) on every object, so a marking survives a round trip.
 */

/** The OASIS TLP 2.0 extension-definition. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const TLP2_IDS: Readonly<Record<Tlp, string>> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** STIX 1.0-era TLP markings (STIX 2.1 §7.2.1.4): read on import, never written. WHITE is CLEAR. */
const TLP1_IDS: Readonly<Record<string, Tlp>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};

export type StixMarkingDefinition = {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: string }>;
};

/** The five TLP 2.0 marking definitions exactly as OASIS publishes them. */
export const TLP_MARKING_DEFINITIONS: readonly StixMarkingDefinition[] = (Object.keys(TLP2_IDS) as Tlp[]).map((tlp) => ({
  type: 'marking-definition',
  spec_version: '2.1',
  id: TLP2_IDS[tlp],
  created: '2022-10-01T00:00:00.000Z',
  name: `TLP:${tlp}`,
  extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
}));

export const tlpMarkingId = (tlp: Tlp): string => TLP2_IDS[tlp];

/** The TLP level a marking reference stands for (TLP 2.0, or the 1.0 ids read as their 2.0 level), else undefined. */
export const tlpOfMarkingRef = (ref: string): Tlp | undefined =>
  (Object.keys(TLP2_IDS) as Tlp[]).find((t) => TLP2_IDS[t] === ref) ?? TLP1_IDS[ref];

/** The identity that publishes the platform's extension definitions. Fixed. */
export const TASKFORCE_IDENTITY = {
  type: 'identity',
  spec_version: '2.1',
  id: 'identity--5e042a87-3901-494c-9831-5a4f38d23af5',
  created: '2026-12-07T00:00:00.000Z',
  modified: '2026-12-07T00:00:00.000Z',
  name: 'Taskforce platform',
  identity_class: 'system',
} as const;

/** The platform's handling extension: REL TO, recipients, caveats, originator, embargo. Fixed id. */
export const TASKFORCE_HANDLING_EXTENSION_ID = 'extension-definition--ed8c706b-7b4d-4507-a097-eabe2cee2d6f';

export const TASKFORCE_HANDLING_EXTENSION = {
  type: 'extension-definition',
  spec_version: '2.1',
  id: TASKFORCE_HANDLING_EXTENSION_ID,
  created_by_ref: TASKFORCE_IDENTITY.id,
  created: '2026-12-07T00:00:00.000Z',
  modified: '2026-12-07T00:00:00.000Z',
  name: 'Taskforce handling',
  description:
    'Handling restrictions beyond TLP: releasable_to (ISO 3166-1 alpha-3 countries, or "members" for every member of the workspace), recipients (organisation ids), caveats (NO-PRIVATE-SECTOR, ORCON), the originating organisation and country, and an embargo time.',
  schema: 'https://github.com/taskforce/taskforce/blob/main/docs/stix-taxii.md#the-handling-extension',
  version: '1.0.0',
  extension_types: ['property-extension'],
} as const;

export type HandlingExtension = {
  extension_type: 'property-extension';
  releasable_to: 'members' | string[];
  recipients?: string[];
  caveats?: string[];
  originator_org: string;
  originator_country: string;
  embargo_until?: string;
};

/** A platform marking as the `object_marking_refs` and `extensions` entries of a STIX object. */
export const stixMarkingOf = (m: Marking): { object_marking_refs: string[]; extensions: Record<string, HandlingExtension> } => {
  const ext: HandlingExtension = {
    extension_type: 'property-extension',
    releasable_to: m.releasableTo === 'members' ? 'members' : [...m.releasableTo],
    originator_org: m.originator.orgId,
    originator_country: m.originator.country,
  };
  if (m.recipients?.length) ext.recipients = [...m.recipients];
  if (m.caveats.length) ext.caveats = [...m.caveats];
  if (m.embargoUntil) ext.embargo_until = m.embargoUntil;
  return { object_marking_refs: [tlpMarkingId(m.tlp)], extensions: { [TASKFORCE_HANDLING_EXTENSION_ID]: ext } };
};

const CAVEATS = ['NO-PRIVATE-SECTOR', 'ORCON'] as const;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * The platform marking a STIX object carries, or undefined when it names no TLP. Of several TLP
 * refs the most restrictive wins. Without the handling extension the originator is `fallback`
 * (the importing organisation) and REL TO is every member.
 */
export const markingOfStix = (
  obj: { object_marking_refs?: unknown; extensions?: unknown },
  fallback: { orgId: string; country: string },
): Marking | undefined => {
  const order: Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
  const refs = isStrings(obj.object_marking_refs) ? obj.object_marking_refs : [];
  const levels = refs.map(tlpOfMarkingRef).filter((t): t is Tlp => t !== undefined);
  if (!levels.length) return undefined;
  const tlp = levels.reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a));
  const exts = obj.extensions && typeof obj.extensions === 'object' ? (obj.extensions as Record<string, unknown>) : {};
  const raw = exts[TASKFORCE_HANDLING_EXTENSION_ID] as Partial<Record<keyof HandlingExtension, unknown>> | undefined;
  const marking: Marking = {
    tlp,
    releasableTo: 'members',
    caveats: [],
    originator: { orgId: fallback.orgId, country: fallback.country },
  };
  if (!raw || typeof raw !== 'object') return marking;
  if (isStrings(raw.releasable_to) && raw.releasable_to.length) marking.releasableTo = [...raw.releasable_to];
  if (isStrings(raw.recipients) && raw.recipients.length) marking.recipients = [...raw.recipients];
  if (isStrings(raw.caveats))
    marking.caveats = raw.caveats.filter((c): c is (typeof CAVEATS)[number] => (CAVEATS as readonly string[]).includes(c));
  if (typeof raw.originator_org === 'string' && typeof raw.originator_country === 'string')
    marking.originator = { orgId: raw.originator_org, country: raw.originator_country };
  if (typeof raw.embargo_until === 'string') marking.embargoUntil = raw.embargo_until;
  return marking;
};
