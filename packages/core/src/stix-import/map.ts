import { createHash } from 'node:crypto';
import type { Marking, MarkingInput, Tlp } from '../kernel/marking';
import { MAX_RECORD_SELECTORS, Selector } from '../matching/selectors';
import { markingOfStix, tlpMarkingId, tlpOfMarkingRef } from '../stix/markings';
import { STIX_SCOS, STIX_SDOS } from '../stix/types';
import type { BundleProblem, StixBundle } from './bundle';
import { importedMarking, TLP_ORDER } from './marking';
import type { IntelKind } from './model';

/**
 * What a STIX 2.1 bundle becomes here: one record per indicator, observed-data (with the
 * observables it names), observable not named by any observed-data, note, report and other
 * SDO; selectors taken from the observables and from simple indicator patterns; each record
 * marked from its object's marking references, never wider than the importer may mark.
 * Relationships, sightings, identities, marking and extension definitions are read, not stored.
 */

/** The object types of STIX 2.1 (SDOs, SCOs, SROs, meta objects) and the custom observables read here. */
const SDOS = new Set(STIX_SDOS);
const SCOS = new Set(STIX_SCOS);
/** The platform's custom observables (wallets, IBANs, phones, IMEIs), named as OpenCTI names them (see stix/custom.ts). */
const CUSTOM_OBSERVABLES = new Set(['cryptocurrency-wallet', 'bank-account', 'phone-number', 'imei']);
const NOT_STORED = new Set(['relationship', 'sighting', 'identity', 'marking-definition', 'extension-definition', 'language-content']);

const isKnownType = (t: string): boolean => SDOS.has(t) || SCOS.has(t) || CUSTOM_OBSERVABLES.has(t) || NOT_STORED.has(t);
const isObservable = (t: string): boolean => SCOS.has(t) || CUSTOM_OBSERVABLES.has(t);

type StixObject = Record<string, unknown> & { type: string; id: string };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** A candidate selector that did not pass the platform's checks: shown in the preview, not stored. */
export interface SkippedSelector {
  from: string;
  reason: string;
}

const WALLET_GUESSES = ['ethereum', 'tron', 'bitcoin', 'litecoin'] as const;

/** The selector a STIX observable property stands for (before the platform's checks). */
const candidate = (type: string, prop: string, value: string, observedAt: string, chain?: string): unknown[] => {
  if (type === 'email-addr' && prop === 'value') return [{ type: 'email', value }];
  if ((type === 'ipv4-addr' || type === 'ipv6-addr') && prop === 'value')
    return [{ type: 'ip_address', value: value.replace(/\/(32|128)$/, ''), observedAt, timeZone: 'UTC' }];
  if (type === 'user-account' && (prop === 'account_login' || prop === 'user_id')) return [{ type: 'account_id', value }];
  if (type === 'phone-number' && prop === 'value') return [{ type: 'phone', value: value.replace(/[\s()-]/g, '') }];
  if (type === 'bank-account' && prop === 'iban') return [{ type: 'iban', value: value.replace(/\s+/g, '').toUpperCase() }];
  if (type === 'imei' && prop === 'value') return [{ type: 'imei', value }];
  if (type === 'cryptocurrency-wallet' && prop === 'value')
    return (chain ? [chain.toLowerCase()] : WALLET_GUESSES).map((c) => ({ type: 'wallet_address', chain: c, value }));
  return [];
};

/** The first candidate that passes the selector checks, or the reason the first one failed. */
const check = (cands: unknown[], from: string): { selector?: Selector; skipped?: SkippedSelector } => {
  let reason: string | undefined;
  for (const c of cands) {
    const r = Selector.safeParse(c);
    if (r.success) return { selector: r.data };
    reason ??= r.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ');
  }
  return cands.length ? { skipped: { from, reason: reason ?? 'not a selector' } } : {};
};

/** The property of an observable that holds its selector. */
const OBSERVABLE_PROPS: Record<string, string[]> = {
  'email-addr': ['value'],
  'ipv4-addr': ['value'],
  'ipv6-addr': ['value'],
  'user-account': ['account_login', 'user_id'],
  'phone-number': ['value'],
  'bank-account': ['iban'],
  'cryptocurrency-wallet': ['value'],
  imei: ['value'],
};

const observableSelectors = (o: StixObject, observedAt: string) => {
  for (const prop of OBSERVABLE_PROPS[o.type] ?? []) {
    const value = str(o[prop]);
    if (value !== undefined) {
      const out = check(candidate(o.type, prop, value, observedAt, str(o.chain)), `${o.type}:${prop}`);
      if (out.selector?.type === 'account_id' && str(o.account_type))
        out.selector = { ...out.selector, service: str(o.account_type)!.slice(0, 100) };
      return out;
    }
  }
  return {};
};

/**
 * The selectors of a simple STIX pattern: comparisons `[type:prop = 'value']` of the types above,
 * joined by OR. A pattern with AND, NOT, LIKE, MATCHES, FOLLOWEDBY or qualifiers says more than
 * "this value": it yields none.
 */
export const patternSelectors = (pattern: string, observedAt: string) => {
  const selectors: Selector[] = [];
  const skipped: SkippedSelector[] = [];
  const outside = pattern.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  if (/\b(AND|NOT|LIKE|MATCHES|FOLLOWEDBY|WITHIN|REPEATS|START|STOP|ISSUBSET|ISSUPERSET|IN)\b|!=|<|>/.test(outside))
    return { selectors, skipped };
  for (const m of pattern.matchAll(/([a-z0-9-]+):([a-z_]+)\s*=\s*'((?:[^'\\]|\\.)*)'/g)) {
    const [, type, prop, raw] = m as unknown as [string, string, string, string];
    const value = raw.replace(/\\(.)/g, '$1');
    const out = check(candidate(type, prop, value, observedAt), `${type}:${prop}`);
    if (out.selector) selectors.push(out.selector);
    if (out.skipped) skipped.push(out.skipped);
  }
  return { selectors, skipped };
};

const KIND_OF: Record<string, IntelKind> = { indicator: 'indicator', 'observed-data': 'observed-data', note: 'note', report: 'report' };

/** One record the bundle would create. */
export interface PlannedIntel {
  index: number;
  stixId: string;
  stixType: string;
  kind: IntelKind;
  name: string;
  description: string;
  createdByRef?: string;
  objectRefs?: string[];
  selectors: Selector[];
  skippedSelectors: SkippedSelector[];
  marking: Marking;
  /** Whether the marking came from the object's own marking references or from the form's default. */
  markingFrom: 'object' | 'default';
}

export interface ImportPlan {
  records: PlannedIntel[];
  /** Objects read but not stored as records (relationships, identities, marking definitions…), by type. */
  notStored: Record<string, number>;
  problems: BundleProblem[];
}

/** The record id of a STIX object in a workspace: the same object imported twice is one record. */
export const intelIdOf = (workspaceId: string, stixId: string): string =>
  `x${createHash('sha256').update(`${workspaceId}\u0000${stixId}`).digest('hex').slice(0, 40)}`;

const clip = (s: string | undefined, max: number): string => (s ?? '').slice(0, max);

const nameOf = (o: StixObject): string => {
  const prop = (OBSERVABLE_PROPS[o.type] ?? []).map((p) => str(o[p])).find(Boolean);
  return clip(str(o.name) ?? str(o.abstract) ?? prop ?? str(o.pattern) ?? str(o.content) ?? o.type, 200);
};

/**
 * Plans the import of a validated bundle: problems per object (unknown types, marking references
 * to nothing, too many selectors), else the records it would create.
 */
export const planImport = (
  bundle: StixBundle,
  opts: { importer: { orgId: string; country: string }; defaultMarking: MarkingInput; now: Date },
): ImportPlan => {
  const objects = bundle.objects as StixObject[];
  const problems: BundleProblem[] = [];
  const byId = new Map<string, StixObject>();
  for (const o of objects) byId.set(o.id, o);

  // Marking definitions of the bundle that stand for a TLP level (STIX 2.0 `definition.tlp`, or the TLP 2.0 extension).
  const bundleTlp = new Map<string, Tlp>();
  for (const o of objects) {
    if (o.type !== 'marking-definition') continue;
    const def = o.definition as { tlp?: unknown } | undefined;
    const ext = Object.values((o.extensions as Record<string, { tlp_2_0?: unknown }>) ?? {}).find((e) => typeof e?.tlp_2_0 === 'string');
    const level = str(def?.tlp) ?? str(ext?.tlp_2_0);
    const tlp = level
      ? TLP_ORDER.find((t) => t.toLowerCase() === (level.toLowerCase() === 'white' ? 'clear' : level.toLowerCase()))
      : undefined;
    if (tlp) bundleTlp.set(o.id, tlp);
  }

  // The observed-data naming each observable: its first observation is when the observable was seen.
  const seenBy = new Map<string, StixObject>();
  for (const o of objects)
    if (o.type === 'observed-data') for (const ref of strings(o.object_refs)) if (!seenBy.has(ref)) seenBy.set(ref, o);

  const records: PlannedIntel[] = [];
  const notStored: Record<string, number> = {};
  const importedAt = opts.now.toISOString();
  objects.forEach((o, index) => {
    const at = (field: string) => ({ index, id: o.id, field: `objects/${index}${field ? `/${field}` : ''}` });
    if (!isKnownType(o.type)) {
      problems.push({ ...at('type'), message: `${String(o.type).slice(0, 100)} is not a STIX 2.1 type this platform reads` });
      return;
    }
    const refs = strings(o.object_marking_refs);
    refs.forEach((ref, i) => {
      if (!tlpOfMarkingRef(ref) && !byId.has(ref))
        problems.push({ ...at(`object_marking_refs/${i}`), message: 'names a marking definition that is neither TLP nor in the bundle' });
    });
    if (NOT_STORED.has(o.type)) {
      notStored[o.type] = (notStored[o.type] ?? 0) + 1;
      return;
    }
    if (isObservable(o.type) && seenBy.has(o.id)) return; // stored with the observed-data that names it

    const selectors: Selector[] = [];
    const skippedSelectors: SkippedSelector[] = [];
    const add = (out: { selector?: Selector; skipped?: SkippedSelector } | { selectors: Selector[]; skipped: SkippedSelector[] }) => {
      if ('selectors' in out) {
        selectors.push(...out.selectors);
        skippedSelectors.push(...out.skipped);
      } else {
        if (out.selector) selectors.push(out.selector);
        if (out.skipped) skippedSelectors.push(out.skipped);
      }
    };
    let objectRefs: string[] | undefined;
    if (o.type === 'indicator' && str(o.pattern) && (str(o.pattern_type) ?? 'stix') === 'stix')
      add(patternSelectors(str(o.pattern)!, importedAt));
    if (o.type === 'observed-data') {
      objectRefs = strings(o.object_refs);
      const observedAt = str(o.first_observed) ?? importedAt;
      for (const ref of objectRefs) {
        const sco = byId.get(ref);
        if (sco && isObservable(sco.type)) add(observableSelectors(sco, new Date(observedAt).toISOString()));
      }
    }
    if (isObservable(o.type)) add(observableSelectors(o, importedAt));
    const distinct = [...new Map(selectors.map((s) => [JSON.stringify(s), s])).values()];
    if (distinct.length > MAX_RECORD_SELECTORS) {
      problems.push({
        ...at('object_refs'),
        message: `yields ${distinct.length} selectors; a record holds at most ${MAX_RECORD_SELECTORS}`,
      });
      return;
    }

    // A marking reference to a TLP definition in the bundle counts as that TLP.
    const mapped = refs.map((r) => tlpOfMarkingRef(r) ?? bundleTlp.get(r)).filter((t): t is Tlp => t !== undefined);
    const sourceMarking = markingOfStix({ ...o, object_marking_refs: mapped.map(tlpMarkingId) }, opts.importer);
    const { marking, from } = importedMarking(sourceMarking, opts.defaultMarking, opts.importer);
    records.push({
      index,
      stixId: o.id,
      stixType: o.type,
      kind: KIND_OF[o.type] ?? (isObservable(o.type) ? 'observable' : 'other'),
      name: nameOf(o),
      description: clip(str(o.description) ?? str(o.content), 10_000),
      ...(str(o.created_by_ref) ? { createdByRef: str(o.created_by_ref)! } : {}),
      ...(objectRefs ? { objectRefs } : {}),
      selectors: distinct,
      skippedSelectors,
      marking,
      markingFrom: from,
    });
  });
  return { records, notStored, problems };
};
