/**
 * Malformed input, derived from the API's own OpenAPI document, sent to every operation of the
 * app running on the real local engines (the demo world, one persona per operation).
 *
 * For each operation: bad, over-long and odd path parameters; bad query values; bad
 * Idempotency-Key and If-Match headers; and for JSON bodies, at every place in the body, wrong
 * types, nulls, missing required fields, unknown fields, over-long strings and arrays, values
 * outside a pattern, enum or range, huge numbers and deep nesting; then wrong or missing
 * Content-Type, malformed JSON, a missing body and one over the size limit. Random values come
 * from fast-check with a fixed seed (INPUT_SEED to change it), so a run can be repeated.
 *
 * It fails on any 5xx, any 2xx or 3xx for invalid input, any error that is not
 * application/problem+json, and any 400 whose `errors` do not name the offending field. Odd but
 * valid strings (control characters, lone surrogates, markup) may succeed, never 5xx. Well-formed
 * ids of records that do not exist answer 404.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realLookingBundle } from '../support/stix-bundle';
import {
  type Document,
  type Location,
  largestValue,
  locationsOf,
  type Operation,
  operationsOf,
  PATTERN_VALUES,
  resolver,
  type Schema,
  typesOf,
  unknownPatterns,
  validValue,
} from './schema';
import { DUTY_USER, personaFor, startWorld, type World } from './world';

const SEED = Number(process.env.INPUT_SEED ?? 20_260_301);
const JSON_LIMIT = 256 * 1024;
/** Routes that declare a larger body than JSON_LIMIT (a takedown carries up to 5,000 items). */
const BODY_LIMITS: Record<string, number> = {
  '/v1/workspaces/{workspaceId}/takedowns': 4 * 1024 * 1024,
  '/v1/portal/requests/{requestId}/takedown/answers': 512 * 1024,
  // STIX bundles (application/stix+json): up to 8 MiB.
  '/v1/workspaces/{workspaceId}/stix-imports/preview': 8 * 1024 * 1024,
  '/v1/workspaces/{workspaceId}/stix-imports': 8 * 1024 * 1024,
};
const CONCURRENCY = 8;

/**
 * What a case must answer: a 400 naming a field, another status (naming a field), anything but a
 * 5xx, or a 2xx whose body passes `check` (valid input read as it should be).
 */
type Expect =
  | { status: 400 | 401 | 404 | 413 | 415; field?: string }
  | { status: 'not-5xx' }
  // biome-ignore lint/suspicious/noExplicitAny: a reply read ad hoc
  | { status: 'ok'; check: (body: any) => string | undefined };
interface Case {
  op: Operation;
  kind: string;
  what: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  expect: Expect;
}
interface Outcome {
  status: number;
  contentType: string;
  text: string;
}

let world: World;
let doc: Document;
let resolve: (s: Schema) => Schema;

beforeAll(async () => {
  world = await startWorld();
  doc = (await (await fetch(`${world.t.rt.url}/openapi.json`)).json()) as Document;
  resolve = resolver(doc);
}, 120_000);
afterAll(() => world?.t.rt.stop());

/** Random values, reproducible from the seed: each call draws the next `n` of a fresh, seeded stream. */
let draws = 0;
const sample = <T>(arb: fc.Arbitrary<T>, n: number): T[] => fc.sample(arb, { seed: SEED + draws++, numRuns: n });

const truncate = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);
const describeValue = (v: unknown) => truncate(typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)), 60);

/** Nested `depth` levels deep: arrays, or objects under key `a`. */
const nested = (depth: number, kind: 'array' | 'object'): unknown => {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
};

const pathParams = (op: Operation) => op.parameters.filter((p) => p.in === 'path');
const urlOf = (op: Operation, values: Record<string, string>, query = '') =>
  op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name]!)) + (query ? `?${query}` : '');

/** Headers and URL of a well-formed request to `op`, as its persona. */
const baseRequest = (op: Operation) => {
  const values = world.pathValues(op.path);
  const token = world.tokens[personaFor(op.method, op.path)];
  // A required query parameter (search's `q`) gets a valid value, so each case breaks only what it means to.
  const query = op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(validValue(p.schema, resolve, p.name)))}`)
    .join('&');
  return { values, url: urlOf(op, values, query), headers: { authorization: `Bearer ${token}` } as Record<string, string> };
};

/** The headers and a well-formed body for `op`, for cases that break something else. */
const withBody = (op: Operation, headers: Record<string, string>): Pick<Case, 'headers' | 'body'> => {
  if (op.body?.json && op.body.required)
    return { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(baseBody(op)) };
  if (op.body?.required) return { headers: { ...headers, 'content-type': op.body.mediaTypes[0]! }, body: new Uint8Array(12) };
  return { headers };
};

/** Strings a pattern refuses, within its length (so the pattern, not the length, is what fails). */
const offPattern = (s: Schema, n: number): string[] => {
  if (!s.pattern) return [];
  const re = new RegExp(s.pattern, 'u');
  const max = Math.min(s.maxLength ?? 40, 40);
  return sample(
    fc.string({ unit: 'binary', minLength: 1, maxLength: max }).filter((x) => !re.test(x)),
    n,
  );
};

// ---------------------------------------------------------------------------------------------
// Generated cases
// ---------------------------------------------------------------------------------------------

const pathCases = (op: Operation): Case[] =>
  pathParams(op).flatMap((p) => {
    const { values, headers } = baseRequest(op);
    const s = resolve(p.schema);
    const bad = [
      'a'.repeat((s.maxLength ?? 64) + 1),
      'a'.repeat(4000),
      'UPPER-CASE-ID',
      'has space',
      '\u0000',
      '\u202eevil',
      '💥💥💥',
      "'; DROP TABLE--",
      ...offPattern(s, 6),
    ].filter((v) => !new RegExp(s.pattern ?? '^$').test(v) && v !== '.' && v !== '..');
    return bad.map((v) => ({
      op,
      kind: 'path',
      what: `path.${p.name} = ${describeValue(v)}`,
      url: urlOf(op, { ...values, [p.name]: v }),
      ...withBody(op, headers),
      expect: { status: 400, field: `path.${p.name}` },
    }));
  });

const queryCases = (op: Operation): Case[] =>
  op.parameters
    .filter((p) => p.in === 'query')
    .flatMap((p) => {
      const { url, headers } = baseRequest(op);
      const s = resolve(p.schema);
      const types = typesOf(s, resolve);
      const bad: string[][] = [];
      if (s.enum) {
        const first = String(s.enum[0]);
        const other = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
        bad.push(['not-an-option'], [first, first], ...(s.enum.includes(other) ? [] : [[other]]));
      }
      if (types.has('number')) {
        if (s.maximum !== undefined) bad.push([String(s.maximum + 1)]);
        if (s.minimum !== undefined) bad.push([String(s.minimum - 1)]);
        bad.push(['1.5'], ['abc'], ['1e400'], ['-1e400'], [''], ['1', '2'], ['9'.repeat(400)]);
      }
      if (types.has('string') && !s.enum) {
        if (s.maxLength !== undefined) bad.push(['a'.repeat(s.maxLength + 1)]);
        bad.push(['x', 'y']);
        // A cursor of no list at all: the list refuses it by name.
        if (p.name === 'cursor') bad.push(['not-a-cursor'], [Buffer.from('{"pk":"WS#other","sk":"x"}').toString('base64url')]);
      }
      return bad
        .filter((vs) => !(vs.length === 1 && new RegExp(s.pattern ?? '^\\b$').test(vs[0]!)))
        .map((vs) => ({
          op,
          kind: 'query',
          what: `query ${vs.map((v) => `${p.name}=${truncate(v, 40)}`).join('&')}`,
          url: `${url}${url.includes('?') ? '&' : '?'}${vs.map((v) => `${p.name}=${encodeURIComponent(v)}`).join('&')}`,
          ...withBody(op, headers),
          expect: { status: 400, field: `query.${p.name}` },
        }));
    });

const IDEMPOTENCY_KEYS = ['short', 'k'.repeat(129), 'k'.repeat(4096), 'has spaces in it', 'clé-clé-clé', '', 'key/with/slashes'];
const IF_MATCHES = ['abc', '"-1"', '"1.5"', 'W/', '*', '"'.repeat(70), `"${'9'.repeat(13)}"`, 'x'.repeat(5000)];

const headerCases = (op: Operation): Case[] => {
  const { url, headers } = baseRequest(op);
  const declaresIfMatch = op.parameters.some((p) => p.in === 'header' && p.name === 'if-match');
  return [
    ...IDEMPOTENCY_KEYS.map((k) => ({ name: 'Idempotency-Key', value: k })),
    ...(declaresIfMatch ? IF_MATCHES.map((v) => ({ name: 'If-Match', value: v })) : []),
  ].map(({ name, value }) => ({
    op,
    kind: 'header',
    what: `${name}: ${truncate(JSON.stringify(value), 40)}`,
    url,
    ...withBody(op, { ...headers, [name]: value }),
    expect: { status: 400, field: name },
  }));
};

/** The base body of a JSON operation: valid as far as the schema can say. */
const baseBody = (op: Operation): unknown => (op.body?.json ? validValue(op.body.json, resolve) : undefined);

const jsonTypeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

interface Breaker {
  what: string;
  value: unknown;
  /** Take the field out instead. */
  remove?: boolean;
  /** Add this field, which the object does not have. */
  extra?: string;
}

/** Values that break one place of a body, each with what it is. */
const breakersAt = (loc: Location): Breaker[] => {
  const s = resolve(loc.schema);
  const types = typesOf(loc.schema, resolve);
  const union = Boolean(s.anyOf ?? s.oneOf);
  const out: Breaker[] = [];
  if (loc.branch) return unknownFields(s);
  for (const v of [12_345, 'not-this-type', true, { unexpected: 1 }, [1, 2, 3]]) {
    if (!types.has(jsonTypeOf(v))) out.push({ what: `wrong type ${describeValue(v)}`, value: v });
  }
  if (!types.has('null')) out.push({ what: 'null', value: null });
  if (loc.required && typeof loc.path.at(-1) === 'string') out.push({ what: 'missing', value: undefined, remove: true });
  if (!types.has('array')) out.push({ what: 'nested 2,000 arrays deep', value: nested(2000, 'array') });
  if (!types.has('object')) out.push({ what: 'nested 2,000 objects deep', value: nested(2000, 'object') });
  if (union) return out;

  if (types.has('string') && types.size === 1) {
    if (s.enum) {
      out.push({ what: 'not an option', value: 'not-an-option' });
      const changed = (s.enum as unknown[]).map(String).map((v) => (v === v.toUpperCase() ? v.toLowerCase() : v.toUpperCase()));
      for (const v of changed.filter((v) => !s.enum.includes(v)).slice(0, 1)) out.push({ what: `option in another case ${v}`, value: v });
    }
    if (s.maxLength !== undefined) {
      out.push({ what: `${s.maxLength + 1} characters`, value: 'a'.repeat(s.maxLength + 1) });
      // Random text past the bound, where the bound leaves room for it under 60,000 characters.
      if (s.maxLength < 60_000) {
        const long = sample(
          fc.string({ unit: 'grapheme', minLength: s.maxLength + 1, maxLength: Math.min(s.maxLength * 3 + 1, 60_000) }),
          1,
        );
        for (const v of long) if (v.length > s.maxLength) out.push({ what: `${v.length} random characters`, value: v });
      }
    }
    if (s.minLength) out.push({ what: 'empty', value: '' });
    for (const v of offPattern(s, 3)) out.push({ what: `off pattern ${describeValue(v)}`, value: v });
    if (s.format === 'date-time')
      for (const v of ['2026-02-30T00:00:00Z', '2026-03-01T25:00:00Z', 'yesterday']) out.push({ what: `bad time ${v}`, value: v });
    if (s.format === 'email') out.push({ what: 'not an e-mail', value: 'not-an-email' });
    if (s.format === 'uri') out.push({ what: 'not a URL', value: 'not a url' }, { what: 'ftp URL', value: 'ftp://example.org/x' });
  }
  if (types.has('number') && types.size === 1) {
    const integer = [s.type].flat().includes('integer');
    const candidates = [
      1e308,
      -1e308,
      2 ** 53 + 2,
      ...(s.maximum !== undefined ? [s.maximum + 1] : []),
      ...(s.minimum !== undefined ? [s.minimum - 1] : []),
    ];
    if (integer) candidates.push(1.5);
    for (const v of candidates) {
      const inRange = (s.maximum === undefined || v <= s.maximum) && (s.minimum === undefined || v >= s.minimum);
      if (!inRange || (integer && !Number.isInteger(v))) out.push({ what: `number ${v}`, value: v });
    }
  }
  if (types.has('array') && types.size === 1) {
    const item = validValue(s.items ?? {}, resolve, String(loc.path.at(-1) ?? ''));
    if (s.maxItems !== undefined) {
      out.push({ what: `${s.maxItems + 1} items`, value: Array.from({ length: s.maxItems + 1 }, () => item) });
      out.push({ what: '20,000 items', value: Array.from({ length: 20_000 }, () => 0) });
    }
    if (s.minItems) out.push({ what: `${s.minItems - 1} items`, value: Array.from({ length: s.minItems - 1 }, () => item) });
  }
  if (types.has('object') && types.size === 1) out.push(...unknownFields(s));
  return out;
};

/** Fields a strict object does not have (JSON's own `__proto__` among them). */
const unknownFields = (s: Schema): Breaker[] => {
  if (s.additionalProperties !== false) return [];
  const known = new Set(Object.keys(s.properties ?? {}));
  const keys = ['__proto__', 'constructor', ...sample(fc.stringMatching(/^[a-zA-Z_$][a-zA-Z0-9_$]{0,15}$/), 2)];
  return keys.filter((k) => !known.has(k)).map((k) => ({ what: `unknown field ${JSON.stringify(k)}`, value: 1, extra: k }));
};

const bodyCases = (op: Operation): Case[] => {
  if (!op.body?.json) return [];
  const { url, headers } = baseRequest(op);
  const json = { ...headers, 'content-type': 'application/json' };
  const base = baseBody(op);
  const cases: Case[] = [];
  const at = (path: (string | number)[]) => ['body', ...path.map(String)].join('.');
  for (const loc of locationsOf(op.body.json, resolve)) {
    for (const b of breakersAt(loc)) {
      let body: unknown;
      let field = at(loc.path);
      if (b.extra !== undefined) {
        // The object at this place, with one field it does not have (defined, so `__proto__` is a field too).
        const withExtra = { ...(validValue(loc.schema, resolve, String(loc.path.at(-1) ?? '')) as object) };
        Object.defineProperty(withExtra, b.extra, { value: b.value, enumerable: true, configurable: true, writable: true });
        body = loc.put(withExtra);
        field = at([...loc.path, b.extra]);
      } else if (b.remove) {
        body = loc.put(undefined);
      } else {
        body = loc.put(b.value);
      }
      const text = JSON.stringify(body);
      if (text === undefined || text.length > JSON_LIMIT - 1024) continue;
      cases.push({ op, kind: 'body', what: `${field}: ${b.what}`, url, headers: json, body: text, expect: { status: 400, field } });
    }
  }
  // The body as a whole.
  const baseText = JSON.stringify(base);
  const whole = (what: string, body: string | Uint8Array, expect: Expect, h: Record<string, string> = json): Case => ({
    op,
    kind: 'body',
    what,
    url,
    headers: h,
    body,
    expect,
  });
  for (const text of ['[]', '"text"', '12345', 'null', 'true', `${'['.repeat(20_000)}${']'.repeat(20_000)}`]) {
    cases.push(whole(`body ${truncate(text, 20)}`, text, { status: 400, field: 'body' }));
  }
  const malformed = [
    '{',
    '{"a":}',
    "{'a':1}",
    '{"a":1,}',
    'NaN',
    // (No byte order mark before the JSON: RFC 8259 lets a parser ignore one, and this one does.)
    `${baseText}{}`,
    baseText.slice(0, Math.max(1, baseText.length - 1)),
    ...sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }), 4),
  ].filter((t) => {
    try {
      JSON.parse(t);
      return false;
    } catch {
      return true;
    }
  });
  for (const text of malformed) cases.push(whole(`malformed JSON ${describeValue(text)}`, text, { status: 400, field: 'body' }));
  cases.push(whole('bytes that are not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), { status: 400, field: 'body' }));
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    'text/json',
    'json',
    undefined,
  ]) {
    const h = { ...headers, ...(type ? { 'content-type': type } : {}) };
    cases.push(whole(`Content-Type ${type ?? '(none)'}`, baseText, { status: 415, field: 'Content-Type' }, h));
  }
  if (op.body.required) {
    cases.push(whole('no body', '', { status: 400, field: 'body' }));
    cases.push(whole('no body, no Content-Type', '', { status: 400, field: 'body' }, headers));
  }
  const padded = JSON.stringify({ ...(base as object), pad: 'x'.repeat(BODY_LIMITS[op.path] ?? JSON_LIMIT) });
  cases.push(whole(`${padded.length} bytes`, padded, { status: 413, field: 'body' }));
  return cases;
};

/** Routes reading another media type keep it, and their own limit. */
const rawBodyCases = (op: Operation): Case[] => {
  if (!op.body || op.body.json) return [];
  const { url, headers } = baseRequest(op);
  const h = { ...headers, 'content-type': op.body.mediaTypes[0]! };
  return [
    {
      op,
      kind: 'body',
      what: `over ${(BODY_LIMITS[op.path] ?? 4 * 1024 * 1024) / 1024 / 1024} MiB`,
      url,
      headers: h,
      body: new Uint8Array((BODY_LIMITS[op.path] ?? 4 * 1024 * 1024) + 1),
      expect: { status: 413, field: 'body' },
    },
  ];
};

const UNKNOWN: Record<string, string> = {
  country: 'ZZX',
  notificationId: '00000000000000000000000000:vnm-a05',
  seq: '999999999999999',
  feed: `${'Z'.repeat(43)}.ics`,
};
/** A well-formed id of nothing, in place of each path parameter in turn, where no body is needed: 404. */
const unknownIdCases = (op: Operation): Case[] => {
  if (op.body?.required) return [];
  return pathParams(op).map((p) => {
    const { values, headers } = baseRequest(op);
    const v = UNKNOWN[p.name] ?? 'zzzzzzzzzzzzzzzzzzzzzzzzzz';
    return {
      op,
      kind: 'unknown-id',
      what: `path.${p.name} = ${v}`,
      url: urlOf(op, { ...values, [p.name]: v }),
      headers,
      expect: { status: 404 },
    };
  });
};

const ODD = [
  '\u0000\u0007\u001b[31m',
  '\ud800 lone surrogate',
  '𝕏😀👩‍👩‍👧',
  'e\u0301\u0301\u0301',
  '\u202eevil\u202c',
  '<script>alert(1)</script>',
  "'; DROP TABLE x; --",
  '%s%n{0}$' + '{x}',
];
/** Valid bodies whose free-text strings are odd: these may succeed, never 5xx. */
const oddCases = (op: Operation): Case[] => {
  if (!op.body?.json) return [];
  const { url, headers } = baseRequest(op);
  const free = locationsOf(op.body.json, resolve).filter((l) => {
    const s = resolve(l.schema);
    return s.type === 'string' && !s.pattern && !s.format && !s.enum && l.required && l.path.every((x) => typeof x === 'string');
  });
  if (free.length === 0) return [];
  return ODD.map((odd) => {
    let body = baseBody(op);
    for (const l of free) {
      const max = resolve(l.schema).maxLength ?? 100;
      const set = (root: unknown, path: (string | number)[], v: unknown): unknown =>
        path.length === 0
          ? v
          : { ...(root as object), [path[0]!]: set((root as Record<string, unknown>)?.[path[0] as string], path.slice(1), v) };
      body = set(body, l.path, odd.slice(0, max));
    }
    return {
      op,
      kind: 'odd',
      what: `free text ${describeValue(odd)}`,
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      expect: { status: 'not-5xx' },
    };
  });
};

/**
 * The largest valid bodies, as far as the schema can say (three-byte characters, then one-byte
 * ones, whichever fits the body limit): bounds must also keep what is stored within the store's
 * item size. These may succeed, never 5xx.
 */
const largestCases = (op: Operation): Case[] => {
  if (!op.body?.json) return [];
  const { url, headers } = baseRequest(op);
  for (const fill of ['€', 'x']) {
    const text = JSON.stringify(largestValue(op.body.json, resolve, fill));
    if (text.length < JSON_LIMIT / 3 || Buffer.byteLength(text) <= JSON_LIMIT) {
      const what = `largest body (${Buffer.byteLength(text)} bytes of ${fill === 'x' ? 'ASCII' : 'three-byte characters'})`;
      return [
        {
          op,
          kind: 'largest',
          what,
          url,
          headers: { ...headers, 'content-type': 'application/json' },
          body: text,
          expect: { status: 'not-5xx' },
        },
      ];
    }
  }
  return [];
};

const TOKENS = ['', 'Bearer', 'Bearer ', 'Bearer x.y.z', `Bearer ${'a'.repeat(8000)}`, 'Basic dXNlcjpwYXNz', 'bearer\tx'];
/** Every operation behind authentication refuses a missing or malformed bearer token with 401. */
const authCases = (op: Operation): Case[] => {
  // The dev login and a secret calendar address read no token.
  if (!op.path.startsWith('/v1/') || op.path.startsWith('/v1/dev/') || op.path.startsWith('/v1/calendar/')) return [];
  const { url, headers } = baseRequest(op);
  const { authorization: _, ...rest } = headers;
  return TOKENS.map((v) => ({
    op,
    kind: 'auth',
    what: `Authorization: ${truncate(JSON.stringify(v), 30)}`,
    url,
    ...withBody(op, v ? { ...rest, authorization: v } : rest),
    expect: { status: 401 },
  }));
};

/** A method a path does not have is a 404 problem, like any route that is not there. */
const methodCases = (ops: Operation[]): Case[] => {
  const byPath = new Map<string, Set<string>>();
  for (const op of ops) byPath.set(op.path, (byPath.get(op.path) ?? new Set()).add(op.method));
  return [...byPath].flatMap(([path, methods]) => {
    const op = ops.find((o) => o.path === path)!;
    const { url, headers } = baseRequest(op);
    return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
      .filter((m) => !methods.has(m))
      .map((m) => ({ op: { ...op, method: m }, kind: 'method', what: `${m} ${path}`, url, headers, expect: { status: 404 as const } }));
  });
};

// ---------------------------------------------------------------------------------------------
// CSV bodies, values only the records can judge, and well-formed requests (what is reached)
// ---------------------------------------------------------------------------------------------

/** Cells a spreadsheet would run as formulas (CSV injection). */
const FORMULA_CELLS = [`=cmd|' /C calc'!A0`, '+1+1', '-2+3', '@SUM(1+1)', '=HYPERLINK("https://evil.example","x")'];
/** A homoglyph (Cyrillic Е, а; full-width digits) inside a selector that is otherwise well formed. */
const HOMOGLYPHS: { type: string; value: string }[] = [
  { type: 'iban', value: 'GB82 W\u0415ST 1234 5698 7654 32' },
  { type: 'phone', value: '+\uff16\uff16812345678' },
  { type: 'email', value: 'mule@ex\u0430mple.com' },
  { type: 'imei', value: '35693803564380\uff19' },
];
const TWENTY_ONE_DIGITS = '1'.repeat(21);

type CsvSpec = {
  /** A valid header and `n` distinct valid rows. */
  header: string;
  row: (i: number) => string;
  /** A row whose value is `v` (kind or type fixed). */
  withValue: (v: string) => string;
  /** A row whose value must be a URL (or an e-mail): a formula there is refused. */
  strictValue: (v: string) => string;
  /** The field a malformed line or row is named under. */
  field: string;
  // biome-ignore lint/suspicious/noExplicitAny: a reply read ad hoc
  count: (body: any) => number | undefined;
  /** Sent as the `csv` field of a JSON body rather than as the body. */
  inJson?: (csv: string) => unknown;
};
const TAKEDOWN_CSV: Omit<CsvSpec, 'field' | 'count' | 'inJson'> = {
  header: 'kind,service,value,note',
  row: (i) => `account,chatwave,@recruiter_${i}`,
  withValue: (v) => `account,chatwave,"${v.replaceAll('"', '""')}","${v.replaceAll('"', '""')}"`,
  strictValue: (v) => `url,web,"${v.replaceAll('"', '""')}"`,
};
/** Every operation that reads CSV (as its body, or as a field of its JSON body), and how it names what is wrong. */
const CSV_OPS: Record<string, CsvSpec> = {
  'POST /v1/workspaces/{workspaceId}/takedowns/preview': { ...TAKEDOWN_CSV, field: 'csv', count: (b) => b?.received },
  'POST /v1/workspaces/{workspaceId}/takedowns': {
    ...TAKEDOWN_CSV,
    field: 'body.csv',
    count: (b) => b?.intake?.received,
    inJson: (csv) => ({ providerOrgId: 'chatwave', legalBasis: { code: 'NATIONAL', text: 'Order' }, description: 'Ads', csv }),
  },
  'POST /v1/matching/checks': {
    header: 'type,value',
    row: (i) => `email,mule${i}@example.com`,
    withValue: (v) => `email,"${v.replaceAll('"', '""')}"`,
    strictValue: (v) => `email,"${v.replaceAll('"', '""')}"`,
    field: 'body',
    count: (b) => b?.results?.length,
  },
};

const csvCases = (op: Operation): Case[] => {
  const spec = CSV_OPS[op.id];
  if (!spec) return [];
  const { url, headers } = baseRequest(op);
  const asBody = (csv: string | Uint8Array, type = 'text/csv'): Pick<Case, 'headers' | 'body'> =>
    spec.inJson && typeof csv === 'string'
      ? { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(spec.inJson(csv)) }
      : { headers: { ...headers, 'content-type': type }, body: csv };
  const matching = op.id === 'POST /v1/matching/checks';
  const header = matching ? `${spec.header},service` : spec.header;
  const rows = (n: number) => Array.from({ length: n }, (_, i) => spec.row(i + 1));
  const cases: Case[] = [];
  const bad = (what: string, csv: string | Uint8Array, field = spec.field) =>
    cases.push({ op, kind: 'csv', what, url, ...asBody(csv), expect: { status: 400, field } });
  const good = (what: string, csv: string, n: number, type?: string) =>
    cases.push({
      op,
      kind: 'csv',
      what,
      url,
      ...asBody(csv, type),
      expect: { status: 'ok', check: (b) => (spec.count(b) === n ? undefined : `read ${spec.count(b)} rows, not ${n}`) },
    });
  // Malformed: an unclosed quote, text after a closing quote, too many fields, nothing, a header alone, not UTF-8.
  bad('an unclosed quote', `${header}\n${spec.row(1)}\n${spec.row(2).replace(',', ',"')}\n${spec.row(3)}`);
  bad('text after a closing quote', `${header}\n"${spec.row(1).replace(',', '"x,')}`);
  bad('too many fields', `${header}\n${spec.row(1)},a,b,c,d,e`);
  bad('a header alone', `${header}\r\n`);
  bad('nothing but a byte order mark', '\uFEFF');
  if (!spec.inJson)
    bad('bytes that are not UTF-8', new Uint8Array([...Buffer.from(`${header}\n${spec.row(1).slice(0, -1)}`), 0xff, 0xfe]), 'body');
  for (const f of FORMULA_CELLS) bad(`a formula where a ${matching ? 'selector' : 'URL'} goes: ${f}`, `${header}\n${spec.strictValue(f)}`);
  // Homoglyphs in a CSV of selectors.
  if (matching) for (const h of HOMOGLYPHS) bad(`a homoglyph ${h.type}`, `${header}\n${h.type},"${h.value}"`);
  // Valid, however odd: a byte order mark, CRLF, LF and CR mixed, quoted separators, tabs and line breaks.
  good('a byte order mark and CRLF', `\uFEFF${header}\r\n${rows(3).join('\r\n')}\r\n`, 3);
  good(
    'CRLF, LF and CR mixed',
    `${header}\r\n${rows(4)
      .join('\n')
      .replace(/\n(?=[^\n]*$)/, '\r')}\n`,
    4,
  );
  good('text/csv with a charset', `${header}\n${rows(2).join('\n')}`, 2, 'text/csv; charset=utf-8');
  if (!matching) {
    for (const inner of ['\t', '\r', '\n', '\r\n', ',', ';', '""'])
      good(`a quoted ${JSON.stringify(inner)} in a note`, `${header}\n${spec.row(1)},"one${inner}two"\n${spec.row(2)}`, 2);
    // Formula cells where any text may go are kept as text (whoever exports them must neutralise them); never a 5xx.
    for (const f of FORMULA_CELLS)
      cases.push({
        op,
        kind: 'csv',
        what: `a formula cell ${f}`,
        url,
        ...asBody(`${header}\n${spec.withValue(f)}`),
        expect: { status: 'not-5xx' },
      });
  }
  return cases;
};

/**
 * Values only the records can judge, at the places the schema cannot bound: item and target
 * numbers past the record's end, amounts of 21 digits, homoglyph selectors. Each is a 400 naming the field.
 */
const recordCases = (op: Operation): Case[] => {
  const { url, headers } = baseRequest(op);
  const json = { ...headers, 'content-type': 'application/json' };
  const items = world.takedownItems;
  const targets = world.requestTargets;
  const request = (over: object) => ({
    providerOrgId: 'mekong-bank',
    type: 'production',
    legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
    description: 'Statements',
    selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    ...over,
  });
  const freeze = (over: object) =>
    request({
      type: 'asset_freeze',
      legalBasis: { code: 'PROVISIONAL-MEASURE', text: 'UNCC art. 31' },
      assets: [{ target: 0, asset: 'EUR', amount: '125000.00' }],
      ...over,
    });
  const table: Record<string, [string, unknown, string][]> = {
    'POST /v1/portal/requests/{requestId}/takedown/answers': [
      [`item ${items + 1} of ${items}`, { answers: [{ n: items + 1, status: 'removed' }] }, 'body.answers.0.n'],
      ['item 5,000 of 3', { answers: [{ n: 5000, status: 'removed' }] }, 'body.answers.0.n'],
      [
        'one item twice',
        {
          answers: [
            { n: 1, status: 'removed' },
            { n: 1, status: 'not_found' },
          ],
        },
        'body.answers.1.n',
      ],
    ],
    'POST /v1/portal/requests/{requestId}/targets': [
      [`target ${targets} of ${targets}`, { answers: [{ target: targets, decision: 'produce' }] }, 'body.answers.0.target'],
      ['target 49', { answers: [{ target: 49, decision: 'produce' }] }, 'body.answers.0.target'],
      [
        'a 21-digit amount frozen',
        { answers: [{ target: 0, decision: 'frozen', amount: TWENTY_ONE_DIGITS, reference: 'r-1' }] },
        'body.answers.0.amount',
      ],
    ],
    'POST /v1/portal/requests/{requestId}/evidence': [
      [
        `evidence for target ${targets}`,
        {
          fileName: 'a.csv',
          size: 12,
          mediaType: 'text/csv',
          sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
          targets: [targets],
        },
        'body.targets.0',
      ],
    ],
    'POST /v1/workspaces/{workspaceId}/requests': [
      ['an asset of a target that is not there', freeze({ assets: [{ target: 1, asset: 'EUR', amount: '1.00' }] }), 'body.assets.0.target'],
      ['a 21-digit amount', freeze({ assets: [{ target: 0, asset: 'EUR', amount: TWENTY_ONE_DIGITS }] }), 'body.assets.0.amount'],
      [
        'an amount with 19 decimals',
        freeze({ assets: [{ target: 0, asset: 'EUR', amount: `1.${'1'.repeat(19)}` }] }),
        'body.assets.0.amount',
      ],
      [
        'an amount in Arabic-Indic digits',
        freeze({ assets: [{ target: 0, asset: 'EUR', amount: '\u0661\u0662\u0663' }] }),
        'body.assets.0.amount',
      ],
      ...HOMOGLYPHS.map((h): [string, unknown, string] => [`a homoglyph ${h.type}`, request({ selectors: [h] }), 'body.selectors.0.value']),
    ],
    'POST /v1/matching/checks': HOMOGLYPHS.map((h): [string, unknown, string] => [
      `a homoglyph ${h.type}`,
      { selectors: [h] },
      'body.selectors.0.value',
    ]),
  };
  return (table[op.id] ?? []).map(([what, body, field]) => ({
    op,
    kind: 'record',
    what,
    url,
    headers: json,
    body: JSON.stringify(body),
    expect: { status: 400, field },
  }));
};

/** A well-formed body for the operations whose schema alone does not give one that passes. */
/** A roster of Thailand's duty contact, as the world's roster manager would send it. */
const ROSTER = {
  name: 'CCIB nights',
  timeZone: 'Asia/Bangkok',
  layers: [{ name: 'Nights', rotation: { kind: 'daily' }, start: '2026-03-01', handover: '20:00', members: [DUTY_USER.sub] }],
};
const WELL_FORMED: Record<string, () => unknown> = {
  'POST /v1/workspaces/{workspaceId}/takedowns': () =>
    CSV_OPS['POST /v1/workspaces/{workspaceId}/takedowns']!.inJson!('url,web,https://jobs.example/ad/9'),
  'POST /v1/matching/checks': () => ({ selectors: [{ type: 'email', value: 'mule@example.com' }] }),
  'POST /v1/portal/requests/{requestId}/takedown/answers': () => ({ answers: [{ n: 1, status: 'removed' }] }),
  'POST /v1/portal/requests/{requestId}/targets': () => ({ answers: [{ target: 0, decision: 'produce' }] }),
  'POST /v1/workspaces/{workspaceId}/transfers': () => ({
    record: { type: 'task', id: world.pathValues('').taskId },
    destination: { country: 'GBR' },
    purpose: 'The United Kingdom holds the account',
  }),
  'POST /v1/organisations/{orgId}/rosters': () => ROSTER,
  'PUT /v1/organisations/{orgId}/rosters/{rosterId}': () => ROSTER,
  'POST /v1/organisations/{orgId}/rosters/{rosterId}/overrides': () => ({
    sub: DUTY_USER.sub,
    from: '2026-03-04T00:00:00.000Z',
    to: '2026-03-05T00:00:00.000Z',
  }),
  'PATCH /v1/workspaces/{workspaceId}': () => ({ title: 'Operation Lotus, renamed' }),
  'POST /v1/workspaces/{workspaceId}/stix-imports/preview': () => realLookingBundle(),
  'POST /v1/workspaces/{workspaceId}/stix-imports': () => realLookingBundle(),
  'PATCH /v1/workspaces/{workspaceId}/tasks/{taskId}': () => ({ status: 'accepted' }),
};

/** The well-formed request of each operation: whether it gets past authentication and validation is what "reached" means. */
const wellFormedCase = (op: Operation): Case => {
  const { url, headers } = baseRequest(op);
  let body: Pick<Case, 'headers' | 'body'> = { headers };
  if (WELL_FORMED[op.id])
    body = { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(WELL_FORMED[op.id]!()) };
  else if (op.body?.json) body = { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(baseBody(op)) };
  else if (CSV_OPS[op.id])
    body = { headers: { ...headers, 'content-type': 'text/csv' }, body: `${CSV_OPS[op.id]!.header}\n${CSV_OPS[op.id]!.row(1)}` };
  else if (op.body) body = { headers: { ...headers, 'content-type': op.body.mediaTypes[0]! }, body: world.evidenceContent };
  return { op, kind: 'well-formed', what: 'a well-formed request', url, ...body, expect: { status: 'not-5xx' } };
};

const REFUSED_BEFORE_HANDLER = /^(path|query|body)(\.|$)|^(Idempotency-Key|If-Match|Content-Type|Authorization)$/;
/**
 * Whether an answer came from the route's handler, about the records the path names: not a 401,
 * 413 or 415, not a 404 (every path value names a record its persona may see), nor a 400 naming
 * the request's own parts.
 */
const reachedBy = (o: Outcome): boolean => {
  if (o.status >= 500 || [401, 404, 413, 415].includes(o.status)) return false;
  if (o.status !== 400) return true;
  try {
    const fields = ((JSON.parse(o.text) as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
    return fields.length > 0 && fields.every((f) => !REFUSED_BEFORE_HANDLER.test(f));
  } catch {
    return false;
  }
};

// ---------------------------------------------------------------------------------------------
// Sending and judging
// ---------------------------------------------------------------------------------------------

const send = async (c: Case): Promise<Outcome> => {
  const res = await fetch(world.t.rt.url + c.url, {
    method: c.op.method,
    headers: c.headers,
    ...(c.body !== undefined && c.op.method !== 'GET' ? { body: c.body } : {}),
  });
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
};

/**
 * A 400 names the broken place itself or a field inside it; a query value the store checks
 * (a list's cursor) may be named without its `query.` prefix.
 */
const names = (fields: string[], field: string) =>
  fields.some((f) => {
    // The core names a body's field from the body's top, without `body.` (`answers.0.n`, `csv[line 2].kind`).
    const inner = field.startsWith('body.') ? field.slice('body.'.length) : undefined;
    return (
      f === field ||
      f.startsWith(`${field}.`) ||
      f.startsWith(`${field}[`) ||
      (field.startsWith('query.') && f === field.slice('query.'.length)) ||
      (inner !== undefined && (f === inner || f.startsWith(`${inner}.`) || f.startsWith(`${inner}[`)))
    );
  });

/** Why an outcome is wrong for its case, or undefined. */
const judge = (c: Case, o: Outcome): string | undefined => {
  if (o.status >= 500) return `${o.status} ${truncate(o.text, 200)}`;
  if (c.expect.status === 'ok') {
    if (o.status >= 300) return `${o.status} for valid input: ${truncate(o.text, 200)}`;
    try {
      return c.expect.check(JSON.parse(o.text));
    } catch {
      return `${o.status} with a body that is not JSON`;
    }
  }
  if (o.status < 400) return c.expect.status === 'not-5xx' ? undefined : `${o.status} for invalid input`;
  if (!o.contentType.startsWith('application/problem+json')) return `${o.status} as ${o.contentType || 'no content type'}`;
  let problem: { type?: unknown; title?: unknown; status?: number; errors?: { field: string }[] };
  try {
    problem = JSON.parse(o.text);
  } catch {
    return `${o.status} with a body that is not JSON`;
  }
  if (problem.status !== o.status || typeof problem.type !== 'string' || typeof problem.title !== 'string') {
    return `${o.status} with a problem that is not RFC 9457: ${truncate(o.text, 200)}`;
  }
  if (c.expect.status === 'not-5xx') return undefined;
  if (o.status !== c.expect.status) return `${o.status} instead of ${c.expect.status}: ${truncate(o.text, 200)}`;
  const field = c.expect.field;
  if (
    field &&
    !names(
      (problem.errors ?? []).map((e) => e.field),
      field,
    )
  ) {
    return `${o.status} does not name ${field}: ${truncate(JSON.stringify(problem.errors ?? []), 200)}`;
  }
  return undefined;
};

const runAll = async (cases: Case[], onOutcome: (c: Case, o: Outcome) => void, concurrency = CONCURRENCY) => {
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      onOutcome(c, await send(c));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

describe('malformed input to every operation of the OpenAPI document', () => {
  it('never answers 5xx, never accepts it, and always names the field', async () => {
    const operations = operationsOf(doc);
    const malformed = operations.flatMap((op) => [
      ...pathCases(op),
      ...queryCases(op),
      ...headerCases(op),
      ...bodyCases(op),
      ...rawBodyCases(op),
      ...unknownIdCases(op),
      ...authCases(op),
      ...recordCases(op),
      ...csvCases(op).filter((c) => c.expect.status !== 'ok' && c.expect.status !== 'not-5xx'),
    ]);
    malformed.push(...methodCases(operations));
    const odd = operations.flatMap((op) => [
      ...oddCases(op),
      ...largestCases(op),
      ...csvCases(op).filter((c) => c.expect.status === 'ok' || c.expect.status === 'not-5xx'),
    ]);
    // Last of all, one at a time, reads before changes: the well-formed request of every operation.
    const rank = (m: string) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].indexOf(m);
    const wellFormed = operations.map(wellFormedCase).sort((a, b) => rank(a.op.method) - rank(b.op.method));

    const histogram = new Map<number, number>();
    const byKind = new Map<string, number>();
    const covered = new Set<string>();
    const failures: string[] = [];
    const record = (c: Case, o: Outcome) => {
      histogram.set(o.status, (histogram.get(o.status) ?? 0) + 1);
      byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
      covered.add(c.op.id);
      const why = judge(c, o);
      if (why) failures.push(`${c.op.id} [${c.kind}] ${c.what} → ${why}`);
    };
    await runAll(malformed, record);
    // Last, one at a time: these may change the world (they are valid), so they run in a fixed order after the others.
    await runAll(odd, record, 1);
    const reached = new Set<string>();
    const unreached: string[] = [];
    await runAll(
      wellFormed,
      (c, o) => {
        record(c, o);
        if (reachedBy(o)) reached.add(c.op.id);
        else unreached.push(`${c.op.id} → ${o.status} ${truncate(o.text, 160)}`);
      },
      1,
    );

    const sent = malformed.length + odd.length + wellFormed.length;
    const uncovered = operations.filter((op) => !covered.has(op.id)).map((op) => op.id);
    process.stdout.write(
      [
        '',
        `malformed input (seed ${SEED}): ${sent} requests, ${covered.size} of ${operations.length} operations covered, ${reached.size} of ${operations.length} reached past validation by a well-formed request`,
        ...unreached.map((u) => `    not reached: ${u}`),
        `  by kind: ${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}`,
        `  statuses: ${[...histogram]
          .sort((a, b) => a[0] - b[0])
          .map(([s, n]) => `${s} ×${n}`)
          .join(', ')}`,
        `  failures: ${failures.length}`,
        ...failures.slice(0, 40).map((f) => `    ${f}`),
        '',
      ].join('\n'),
    );
    expect([...unknownPatterns], 'patterns the generator has no valid value for (add them to PATTERN_VALUES)').toEqual([]);
    expect(uncovered).toEqual([]);
    expect(unreached, 'operations whose well-formed request does not get past validation').toEqual([]);
    expect(Object.keys(CSV_OPS).sort(), 'operations that read CSV').toEqual(
      operations
        .filter((op) => op.body?.mediaTypes.includes('text/csv') || (op.body?.json && resolve(op.body.json).properties?.csv))
        .map((op) => op.id)
        .sort(),
    );
    expect(failures.slice(0, 40)).toEqual([]);
    expect(Object.keys(PATTERN_VALUES).length).toBeGreaterThan(0);
  }, 240_000);
});
