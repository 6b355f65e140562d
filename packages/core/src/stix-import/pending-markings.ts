import type { Marking, Tlp } from '../kernel/marking';

// Stand-in for the shared STIX marking functions (stix/markings.ts) until they land on this branch.

const TLP2_IDS: Readonly<Record<Tlp, string>> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
const TLP1_IDS: Readonly<Record<string, Tlp>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};
export const TASKFORCE_HANDLING_EXTENSION_ID = 'extension-definition--ed8c706b-7b4d-4507-a097-eabe2cee2d6f';

export const tlpMarkingId = (tlp: Tlp): string => TLP2_IDS[tlp];
export const tlpOfMarkingRef = (ref: string): Tlp | undefined =>
  (Object.keys(TLP2_IDS) as Tlp[]).find((t) => TLP2_IDS[t] === ref) ?? TLP1_IDS[ref];

const CAVEATS = ['NO-PRIVATE-SECTOR', 'ORCON'] as const;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const ORDER: Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

export const markingOfStix = (
  obj: { object_marking_refs?: unknown; extensions?: unknown },
  fallback: { orgId: string; country: string },
): Marking | undefined => {
  const refs = isStrings(obj.object_marking_refs) ? obj.object_marking_refs : [];
  const levels = refs.map(tlpOfMarkingRef).filter((t): t is Tlp => t !== undefined);
  if (!levels.length) return undefined;
  const tlp = levels.reduce((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a));
  const exts = obj.extensions && typeof obj.extensions === 'object' ? (obj.extensions as Record<string, unknown>) : {};
  const raw = exts[TASKFORCE_HANDLING_EXTENSION_ID] as Record<string, unknown> | undefined;
  const marking: Marking = { tlp, releasableTo: 'members', caveats: [], originator: { orgId: fallback.orgId, country: fallback.country } };
  if (!raw || typeof raw !== 'object') return marking;
  if (isStrings(raw.releasable_to) && raw.releasable_to.length) marking.releasableTo = [...raw.releasable_to];
  if (isStrings(raw.recipients) && raw.recipients.length) marking.recipients = [...raw.recipients];
  if (isStrings(raw.caveats))
    marking.caveats = raw.caveats.filter((c): c is (typeof CAVEATS)[number] => (CAVEATS as readonly string[]).includes(c));
  if (typeof raw.embargo_until === 'string') marking.embargoUntil = raw.embargo_until;
  return marking;
};
