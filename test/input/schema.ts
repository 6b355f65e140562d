/**
 * Reading the API's own OpenAPI document: its operations, the JSON Schemas of their inputs, a
 * plausible valid value for a schema (a base to break one field of at a time), and every place
 * in a body a malformed value can go.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema as the document spells it
export type Schema = Record<string, any>;
// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document
export type Document = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** OpenAPI style, `/v1/workspaces/{workspaceId}`. */
  path: string;
  id: string;
  parameters: Parameter[];
  body?: { required: boolean; mediaTypes: string[]; json?: Schema };
}

export const operationsOf = (doc: Document): Operation[] =>
  Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      id: `${method.toUpperCase()} ${path}`,
      parameters: (op.parameters ?? []) as Parameter[],
      ...(op.requestBody
        ? {
            body: {
              required: Boolean(op.requestBody.required),
              mediaTypes: Object.keys(op.requestBody.content),
              json: op.requestBody.content['application/json']?.schema,
            },
          }
        : {}),
    })),
  );

export const resolver = (doc: Document) => {
  const resolve = (s: Schema | undefined): Schema => {
    let out = s ?? {};
    for (let i = 0; out.$ref && i < 20; i++) out = doc.components.schemas[String(out.$ref).replace('#/components/schemas/', '')];
    return out;
  };
  return resolve;
};

/** The JSON types a schema accepts (`integer` counts as a number), across its branches. */
export const typesOf = (s: Schema, resolve: (s: Schema) => Schema): Set<string> => {
  const r = resolve(s);
  const branches = (r.anyOf ?? r.oneOf) as Schema[] | undefined;
  if (branches) return new Set(branches.flatMap((b) => [...typesOf(b, resolve)]));
  if (r.const !== undefined) return new Set([r.const === null ? 'null' : Array.isArray(r.const) ? 'array' : typeof r.const]);
  if (r.enum) return new Set((r.enum as unknown[]).map((v) => (v === null ? 'null' : typeof v)));
  const t = [r.type].flat().filter(Boolean) as string[];
  if (t.length === 0) return new Set(['string', 'number', 'boolean', 'object', 'array', 'null']);
  return new Set(t.map((x) => (x === 'integer' ? 'number' : x)));
};

/**
 * A valid value for each pattern the request schemas use, so a base body passes what a pattern
 * can say; the suite fails when a pattern appears that is not listed, so the table keeps up.
 */
export const PATTERN_VALUES: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]{2,63}$': 'usa-fbi',
  '^[A-Z]{3}$': 'THA',
  '^[0-9a-f]{64}$': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '^\\+[0-9 ]{6,20}$': '+66 2 142 3555',
  '^\\+[1-9][0-9]{6,14}$': '+66812345678',
  '^[A-Za-z]+\\/[A-Za-z0-9.+-]+$': 'text/csv',
  '^P(?=\\d|T\\d)(?:\\d{1,6}D)?(?:T(?=\\d)(?:\\d{1,6}H)?(?:\\d{1,6}M)?(?:\\d{1,6}S)?)?$': 'PT1H',
  '^[A-Za-z0-9_.:-]{8,128}$': 'key-00000001',
  '^(?:W\\/)?"?(\\d{1,12})"?$': '"1"',
  '^([a-z0-9]{10,64}):([a-z0-9][a-z0-9-]{2,63})$': '0000000000:vnm-a05',
  '^(?=.*[1-9])\\d{1,20}(\\.\\d{1,18})?$': '125000.50',
  '^[A-Z0-9]{2,12}$': 'USDT',
  '^([01]\\d|2[0-3]):[0-5]\\d$': '09:00',
  '^\\d{4}-\\d{2}-\\d{2}$': '2026-03-01',
  '^[+0-9 ()./-]+$': '+66 81 234 5678',
  '^[A-Za-z0-9_-]{80,100}$': `B${'A'.repeat(86)}`,
  '^[A-Za-z0-9_-]{16,32}$': 'AAAAAAAAAAAAAAAAAAAAAA',
  '^[0-9]{6}$': '123456',
  '^[A-Z]{2}$': 'TH',
  '^[A-Za-z0-9_-]{43}\\.ics$': `${'A'.repeat(43)}.ics`,
};
/** Where a field's name says more than its schema (a value that would pass a refinement). */
const NAMED_VALUES: Record<string, unknown> = {
  providerOrgId: 'mekong-bank',
  timeZone: 'Asia/Bangkok',
};
const FORMAT_VALUES: Record<string, string> = {
  'date-time': '2026-06-01T00:00:00Z',
  email: 'duty@example.org',
  uri: 'https://example.org/hooks/taskforce',
};

export const unknownPatterns = new Set<string>();

/** A plausible valid value: required properties only, first branches, smallest lengths. */
export const validValue = (s: Schema, resolve: (s: Schema) => Schema, name = '', depth = 0): unknown => {
  const r = resolve(s);
  if (depth > 12) return undefined;
  if (name in NAMED_VALUES) return NAMED_VALUES[name];
  if (r.const !== undefined) return r.const;
  if (r.enum) return r.enum[0];
  const branches = (r.anyOf ?? r.oneOf) as Schema[] | undefined;
  if (branches) return validValue(branches[0]!, resolve, name, depth + 1);
  const type = [r.type].flat()[0];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const k of (r.required ?? []) as string[]) out[k] = validValue(r.properties?.[k] ?? {}, resolve, k, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: r.minItems ?? 0 }, () => validValue(r.items ?? {}, resolve, name, depth + 1));
    case 'integer':
    case 'number':
      return Math.min(Math.max(r.minimum ?? 1, 1), r.maximum ?? 1);
    case 'boolean':
      return true;
    case 'string': {
      if (r.format && FORMAT_VALUES[r.format]) return FORMAT_VALUES[r.format];
      if (r.pattern) {
        if (PATTERN_VALUES[r.pattern] === undefined) unknownPatterns.add(r.pattern);
        return PATTERN_VALUES[r.pattern] ?? 'x';
      }
      return 'v'.repeat(Math.max(r.minLength ?? 1, 1));
    }
    default:
      return null;
  }
};

/** One place in a body: its path from the body's top, its schema, and how to put a value there. */
export interface Location {
  path: (string | number)[];
  schema: Schema;
  /** The whole body with `v` at this place (and valid values on the way down). */
  put: (v: unknown) => unknown;
  /** The object this place is a property of requires it. */
  required: boolean;
  /** One branch of a union at this place: only fields it does not have are tried here. */
  branch?: boolean;
}

/** Every place in a body, each branch of each union included. */
export const locationsOf = (root: Schema, resolve: (s: Schema) => Schema): Location[] => {
  const out: Location[] = [];
  const walk = (s: Schema, value: unknown, path: (string | number)[], put: (v: unknown) => unknown, required: boolean, depth: number) => {
    if (depth > 10) return;
    const r = resolve(s);
    out.push({ path, schema: s, put, required });
    const branches = (r.anyOf ?? r.oneOf) as Schema[] | undefined;
    if (branches) {
      // The union itself is a location; each branch is walked from a value valid for that branch.
      for (const b of branches) {
        const rb = resolve(b);
        if (rb.type === 'object' || rb.type === 'array') {
          const v = validValue(b, resolve, String(path.at(-1) ?? ''), depth);
          if (rb.type === 'object') out.push({ path, schema: b, put, required, branch: true });
          walkInner(rb, v, path, put, depth);
        }
      }
      return;
    }
    walkInner(r, value, path, put, depth);
  };
  const walkInner = (r: Schema, value: unknown, path: (string | number)[], put: (v: unknown) => unknown, depth: number) => {
    if (r.type === 'object' && r.properties) {
      const obj = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
      for (const [k, ps] of Object.entries(r.properties as Record<string, Schema>)) {
        const v = k in obj ? obj[k] : validValue(ps, resolve, k, depth + 1);
        walk(ps, v, [...path, k], (nv) => put({ ...obj, [k]: nv }), ((r.required ?? []) as string[]).includes(k), depth + 1);
      }
    } else if (r.type === 'array' && r.items) {
      const arr = Array.isArray(value) ? value : [];
      const first = arr.length > 0 ? arr[0] : validValue(r.items, resolve, String(path.at(-1) ?? ''), depth + 1);
      walk(r.items, first, [...path, 0], (nv) => put([nv, ...arr.slice(1)]), false, depth + 1);
    }
  };
  walk(root, validValue(root, resolve), [], (v) => v, true, 0);
  return out;
};

/** The `i`th of many distinct values a pattern takes (for arrays whose items must differ), as long as it allows. */
const DISTINCT: Record<string, (i: number, max: number) => string> = {
  '^[a-z0-9][a-z0-9-]{2,63}$': (i, max) => `org-${i}-`.padEnd(max, 'x'),
  '^[A-Z]{3}$': (i) => String.fromCharCode(65 + (Math.floor(i / 676) % 26), 65 + (Math.floor(i / 26) % 26), 65 + (i % 26)),
};

/**
 * The largest value a schema allows, as far as it can say: every property, every array at its
 * longest (items distinct where a pattern lets them be), every free-text string at its longest
 * in `fill` characters, every number at its maximum.
 */
export const largestValue = (s: Schema, resolve: (s: Schema) => Schema, fill: string, name = '', i = 0, depth = 0): unknown => {
  const r = resolve(s);
  if (depth > 12) return undefined;
  if (name in NAMED_VALUES) return NAMED_VALUES[name];
  if (r.const !== undefined) return r.const;
  if (r.enum) return r.enum[i % r.enum.length];
  const branches = (r.anyOf ?? r.oneOf) as Schema[] | undefined;
  if (branches) {
    const all = branches.map((b) => largestValue(b, resolve, fill, name, i, depth + 1));
    return all.reduce((a, b) => ((JSON.stringify(b) ?? '').length > (JSON.stringify(a) ?? '').length ? b : a));
  }
  switch ([r.type].flat()[0]) {
    case 'object':
      return Object.fromEntries(
        Object.entries((r.properties ?? {}) as Record<string, Schema>).map(([k, ps]) => [
          k,
          largestValue(ps, resolve, fill, k, i, depth + 1),
        ]),
      );
    case 'array':
      return Array.from({ length: Math.min(r.maxItems ?? 3, 500) }, (_, j) =>
        largestValue(r.items ?? {}, resolve, fill, name, j, depth + 1),
      );
    case 'integer':
    case 'number':
      return r.maximum ?? 1;
    case 'boolean':
      return true;
    case 'string': {
      if (r.format && FORMAT_VALUES[r.format]) return FORMAT_VALUES[r.format];
      if (r.pattern) return DISTINCT[r.pattern]?.(i, r.maxLength ?? 64) ?? PATTERN_VALUES[r.pattern] ?? 'x';
      return fill.repeat(r.maxLength ?? 100);
    }
    default:
      return null;
  }
};
