import { type Marking, MarkingInput, markingFrom, type Tlp } from '../kernel/marking';
import { CountryCode } from '../kernel/primitives';

export const TLP_ORDER: Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const narrower = (a: Tlp, b: Tlp): Tlp => (TLP_ORDER.indexOf(a) >= TLP_ORDER.indexOf(b) ? a : b);

/**
 * The marking an imported object is stored under: the importer is its originator; its TLP is the
 * most restrictive of its TLP references (TLP 1.0 read as 2.0); REL TO and caveats come from the
 * platform's handling extension; RED names only the importer's organisation; a REL TO naming no
 * country the platform knows becomes the importer's country alone. Never wider than the source said.
 */
export const importedMarking = (
  source: Marking | undefined,
  fallback: MarkingInput,
  importer: { orgId: string; country: string },
): { marking: Marking; from: 'object' | 'default' } => {
  if (!source) return { marking: markingFrom(fallback, importer), from: 'default' };
  const countries = Array.isArray(source.releasableTo) ? source.releasableTo.filter((c) => CountryCode.safeParse(c).success) : [];
  const releasableTo = source.releasableTo === 'members' ? 'members' : countries.length ? countries : [importer.country];
  let tlp = source.tlp;
  // TLP:CLEAR cannot carry restrictions: an object that says both is read as GREEN (the narrower reading).
  if (tlp === 'CLEAR' && (releasableTo !== 'members' || source.caveats.length || source.embargoUntil)) tlp = narrower(tlp, 'GREEN');
  const input = {
    tlp,
    releasableTo,
    caveats: [...new Set(source.caveats)],
    ...(tlp === 'RED' ? { recipients: [importer.orgId] } : {}),
    ...(source.embargoUntil && !Number.isNaN(Date.parse(source.embargoUntil))
      ? { embargoUntil: new Date(source.embargoUntil).toISOString() }
      : {}),
  };
  const parsed = MarkingInput.safeParse(input);
  // Whatever does not hold together is narrowed to the importer's own country.
  const valid = parsed.success
    ? parsed.data
    : MarkingInput.parse({
        tlp: narrower(tlp, 'GREEN'),
        releasableTo: [importer.country],
        caveats: [],
        ...(tlp === 'RED' ? { recipients: [importer.orgId] } : {}),
      });
  return { marking: markingFrom(valid, importer), from: 'object' };
};
