import type { Marking } from '../kernel/marking';
import { type RecordRef, refKey, type StoredRecord } from '../kernel/records';
import type { Loaded } from '../kernel/store';
import { type CountryPolicy, policySetOf } from './policy';

type LoadRequest = { refs: RecordRef[]; idempotencyScope?: string };
type PoliciesRef = Extract<RecordRef, { kind: 'policies' }>;

const isPoliciesRef = (r: RecordRef): r is PoliciesRef => r.kind === 'policies';

/**
 * The countries whose policies a loaded view needs: whose records may be judged against it.
 * - every country a loaded workspace has a member of: whatever such a command creates or
 *   notifies about is originated by a member, and a list of the workspace judges records its
 *   members originated;
 * - the originator's country of every loaded record that carries a marking;
 * - `also`: the countries a caller names, the originators of records it judges that the load
 *   did not read (a list page, audit entries, inbox items; see `policiesCovering`).
 * Nothing else: the viewer's own country's policy never governs what it sees, only the
 * originator's does.
 */
export const policyCountriesOf = (records: Iterable<StoredRecord>, also: Iterable<string> = []): string[] => {
  const countries = new Set(also);
  for (const r of records) {
    if (r.kind === 'workspace') for (const m of r.value.members) countries.add(m.country);
    const marking = (r.value as { marking?: Marking }).marking;
    if (marking?.originator?.country) countries.add(marking.originator.country);
  }
  return [...countries].sort();
};

/** The originators' countries of records judged outside a loaded view. */
export const originatorCountries = (markings: Iterable<Marking>): string[] => [...new Set([...markings].map((m) => m.originator.country))];

/**
 * A store's `load`, resolving a `{ kind: 'policies' }` reference: the other references (and the
 * idempotency record) are read first, then, in a second read, the `policy`
 * records of `policyCountriesOf` what came back plus the countries the reference names. The
 * result holds, under `{ kind: 'policies' }`, a `PolicySet` answering for exactly those
 * countries (a country without a policy has no rules). When the reference names every country
 * needed and nothing else is read, that is one read. Both stores load through this.
 */
export const loadResolvingPolicies = async (req: LoadRequest, read: (req: LoadRequest) => Promise<Loaded>): Promise<Loaded> => {
  const wanted = req.refs.filter(isPoliciesRef);
  if (wanted.length === 0) return read(req);
  const named = wanted.flatMap((r) => r.countries ?? []);
  const others = req.refs.filter((r) => !isPoliciesRef(r));
  const policyRefs = (countries: readonly string[]): RecordRef[] => countries.map((country) => ({ kind: 'policy', country }));

  let loaded: Loaded;
  let countries: string[];
  let policies: CountryPolicy[];
  if (others.length === 0) {
    countries = policyCountriesOf([], named);
    loaded = await read({ ...req, refs: policyRefs(countries) });
    policies = takePolicies(loaded);
  } else {
    loaded = await read({ ...req, refs: others });
    countries = policyCountriesOf(loaded.records.values(), named);
    policies = countries.length > 0 ? takePolicies(await read({ refs: policyRefs(countries) })) : [];
  }
  loaded.records.set(refKey({ kind: 'policies' }), { kind: 'policies', value: policySetOf(policies, countries) });
  return loaded;
};

const takePolicies = (loaded: Loaded): CountryPolicy[] => {
  const out: CountryPolicy[] = [];
  for (const [key, r] of loaded.records) {
    if (r.kind !== 'policy') continue;
    out.push(r.value);
    loaded.records.delete(key);
  }
  return out;
};
