import * as z from 'zod/mini';
import { CountryCode, Id, IsoDateTime } from './primitives';

/** TLP 2.0 levels, least to most restrictive. */
const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export const Tlp = z.enum(TLP_LEVELS);
export type Tlp = z.infer<typeof Tlp>;
const Caveat = z.enum(['NO-PRIVATE-SECTOR', 'ORCON']);
type Caveat = z.infer<typeof Caveat>;

const markingShape = {
  tlp: Tlp,
  /** REL TO: the countries that may receive it, or every member of the workspace. */
  releasableTo: z._default(z.union([z.literal('members'), z.array(CountryCode).check(z.minLength(1), z.maxLength(50))]), 'members'),
  /** Named recipient organisations: required for RED. */
  recipients: z.optional(z.array(Id).check(z.maxLength(50))),
  caveats: z._default(z.array(Caveat).check(z.maxLength(2)), []),
  /** Until then only the originator sees it. */
  embargoUntil: z.optional(IsoDateTime),
};

type MarkingFields = {
  tlp: Tlp;
  releasableTo: 'members' | string[];
  recipients?: string[] | undefined;
  caveats: Caveat[];
  embargoUntil?: string | undefined;
};

/** Contradictory markings are refused with the reason and the offending field. */
const markingContradictions = (m: MarkingFields): { path: string; message: string }[] => {
  const problems: { path: string; message: string }[] = [];
  if (m.tlp === 'RED' && !m.recipients?.length)
    problems.push({ path: 'recipients', message: 'TLP:RED must name its recipient organisations' });
  if (m.tlp === 'CLEAR') {
    if (m.releasableTo !== 'members') problems.push({ path: 'releasableTo', message: 'TLP:CLEAR is unrestricted; it cannot carry REL TO' });
    if (m.caveats.length) problems.push({ path: 'caveats', message: 'TLP:CLEAR is unrestricted; it cannot carry caveats' });
    if (m.recipients?.length) problems.push({ path: 'recipients', message: 'TLP:CLEAR is unrestricted; it has no named recipients' });
  }
  if (new Set(m.caveats).size !== m.caveats.length) problems.push({ path: 'caveats', message: 'a caveat is repeated' });
  if (Array.isArray(m.releasableTo) && new Set(m.releasableTo).size !== m.releasableTo.length)
    problems.push({ path: 'releasableTo', message: 'a country is repeated' });
  return problems;
};

/** A marking as a caller sends it; the originator comes from the caller's token. */
export const MarkingInput = z.strictObject(markingShape).check(
  z.superRefine((m, ctx) => {
    for (const p of markingContradictions(m)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  }),
);
export type MarkingInput = z.infer<typeof MarkingInput>;

export const Marking = z.object({
  ...markingShape,
  originator: z.object({ orgId: Id, country: CountryCode }),
});
export type Marking = z.infer<typeof Marking>;

const DEFAULT_MARKING: MarkingInput = { tlp: 'AMBER', releasableTo: 'members', caveats: [] };

/** Stamps the originator, and keeps the originator's country releasable. */
export const markingFrom = (input: MarkingInput | undefined, originator: { orgId: string; country: string }): Marking => {
  const m = input ?? DEFAULT_MARKING;
  const releasableTo = m.releasableTo === 'members' ? 'members' : [...new Set([originator.country, ...m.releasableTo])];
  return { ...m, releasableTo, originator: { orgId: originator.orgId, country: originator.country } };
};
