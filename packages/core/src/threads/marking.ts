import { invalid } from '../kernel/errors';
import { type Marking, type MarkingInput, markingFrom } from '../kernel/marking';

const TLP_RANK: Record<Marking['tlp'], number> = { CLEAR: 0, GREEN: 1, AMBER: 2, 'AMBER+STRICT': 3, RED: 4 };

/**
 * Where a message's marking is wider than its thread's, each offending field with why (empty:
 * it is as narrow or narrower). Narrower means: a TLP level at least as high, REL TO a subset
 * of the thread's countries, every caveat of the thread kept, named recipients among the
 * thread's, and an embargo at least as long.
 */
const wideningsOf = (parent: Marking, m: Marking): { field: string; message: string }[] => {
  const out: { field: string; message: string }[] = [];
  if (TLP_RANK[m.tlp] < TLP_RANK[parent.tlp])
    out.push({ field: 'tlp', message: `TLP:${m.tlp} is wider than the thread's TLP:${parent.tlp}` });
  if (Array.isArray(parent.releasableTo)) {
    const allowed = new Set(parent.releasableTo);
    if (m.releasableTo === 'members' || m.releasableTo.some((c) => !allowed.has(c)))
      out.push({ field: 'releasableTo', message: `the thread is releasable only to ${parent.releasableTo.join(', ')}` });
  }
  const missing = parent.caveats.filter((c) => !m.caveats.includes(c));
  if (missing.length) out.push({ field: 'caveats', message: `the thread's caveats must be kept: ${missing.join(', ')}` });
  if (parent.recipients?.length) {
    const allowed = new Set(parent.recipients);
    if (!m.recipients?.length || m.recipients.some((r) => !allowed.has(r)))
      out.push({ field: 'recipients', message: "the named recipients must be among the thread's" });
  }
  if (parent.embargoUntil && (!m.embargoUntil || m.embargoUntil < parent.embargoUntil))
    out.push({ field: 'embargoUntil', message: `the thread is embargoed until ${parent.embargoUntil}` });
  return out;
};

/**
 * The marking of a new message: the thread's (`parent`) as its author originates it, or the
 * narrower one the author asks for; a wider one is refused, naming `body.marking.<field>`.
 */
export const messageMarking = (parent: Marking, input: MarkingInput | undefined, author: { orgId: string; country: string }): Marking => {
  if (!input) {
    const { originator: _o, ...rest } = parent;
    return { ...rest, originator: { orgId: author.orgId, country: author.country } };
  }
  const m = markingFrom(input, author);
  const [first] = wideningsOf(parent, m);
  if (first) throw invalid(`body.marking.${first.field}`, `a message may narrow its thread's marking, never widen it: ${first.message}`);
  return m;
};
