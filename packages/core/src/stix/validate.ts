import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { STIX_SCHEMAS } from './schemas';
import { STIX_SCOS, STIX_SDOS, STIX_SROS } from './types';

/**
 * Validation against the official OASIS STIX 2.1 JSON schemas (draft 2020-12, vendored in
 * stix-schemas/). Ajv compiles them once per process, on first use, so nothing pays for it
 * until a STIX object is actually checked. Reached through `@taskforce/core/stix` only: the
 * API function never bundles ajv or the schemas.
 */

const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

/** The schema each STIX type is checked against; a type the schemas do not name is a custom object. */
const schemaOf = (type: string, obj: Record<string, unknown>): string => {
  if (STIX_SDOS.includes(type)) return `${BASE}sdos/${type}.json`;
  if (STIX_SCOS.includes(type)) return `${BASE}observables/${type}.json`;
  if (STIX_SROS.includes(type)) return `${BASE}sros/${type}.json`;
  if (type === 'marking-definition' || type === 'extension-definition' || type === 'language-content') return `${BASE}common/${type}.json`;
  // Custom objects: an SDO/SRO carries `created`; an SCO (spec 2.1 §6) does not.
  return 'created' in obj ? `${BASE}common/core.json` : `${BASE}common/cyber-observable-core.json`;
};

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

const validatorFor = (schemaId: string): ValidateFunction => {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false, schemas: [...STIX_SCHEMAS] });
    addFormats(ajv);
    // RFC 5890 host names: ajv-formats has no idn-hostname; the schema only uses it on domain-name.
    ajv.addFormat('idn-hostname', /^(?=.{1,253}$)[^\s./:@]{1,63}(\.[^\s./:@]{1,63})*\.?$/u);
  }
  let fn = compiled.get(schemaId);
  if (!fn) {
    fn = ajv.getSchema(schemaId);
    if (!fn) throw new Error(`no STIX schema ${schemaId}`);
    compiled.set(schemaId, fn);
  }
  return fn;
};

export type StixProblem = { path: string; message: string };

/** `at` and a JSON pointer joined without the leading slash: `objects/3/created`, or `(object)` for the whole. */
const join = (at: string, pointer: string): string => [at, pointer.replace(/^\//, '')].filter(Boolean).join('/') || '(object)';

const problemsOf = (errors: ErrorObject[] | null | undefined, at: string): StixProblem[] => {
  const seen = new Set<string>();
  const out: StixProblem[] = [];
  for (const e of errors ?? []) {
    const path = join(at, e.instancePath);
    const message = e.message ?? e.keyword;
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const check = (obj: unknown, at: string): StixProblem[] => {
  if (!isRecord(obj)) return [{ path: join(at, ''), message: 'must be a JSON object' }];
  if (typeof obj.type !== 'string') return [{ path: join(at, 'type'), message: 'must be a string' }];
  const validate = validatorFor(schemaOf(obj.type, obj));
  return validate(obj) ? [] : problemsOf(validate.errors, at);
};

/** The problems of one STIX object against the OASIS schemas, empty when it is valid. */
export const validateStixObject = (obj: unknown): StixProblem[] => check(obj, '');

/** A bundle: its envelope, then every object in it on its own (so a custom object is judged by its kind). */
export const validateStixBundle = (bundle: unknown): StixProblem[] => {
  if (!isRecord(bundle)) return [{ path: '(object)', message: 'must be a JSON object' }];
  const problems: StixProblem[] = [];
  if (bundle.type !== 'bundle') problems.push({ path: 'type', message: 'must be "bundle"' });
  if (
    typeof bundle.id !== 'string' ||
    !/^bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(bundle.id)
  )
    problems.push({ path: 'id', message: 'must be a bundle identifier' });
  if (bundle.objects === undefined) return problems;
  if (!Array.isArray(bundle.objects)) return [...problems, { path: 'objects', message: 'must be an array' }];
  for (const [i, o] of bundle.objects.entries()) problems.push(...check(o, `objects/${i}`));
  return problems;
};
