/**
 * Reading a STIX bundle someone posts, before anything costly is done with it: the body's size,
 * then one linear pass over the text for nesting depth and string lengths, then JSON.parse, then
 * the shape of the bundle, the number of objects and the keys no object may carry. Each refusal
 * names the field at fault.
 */

/** The largest bundle taken: 8 MiB of UTF-8 (a 10,000-object export of indicators is about 5 MiB). */
export const MAX_BUNDLE_BYTES = 8 * 1024 * 1024;
/** The deepest nesting of arrays and objects: a STIX object with extensions is 6 deep inside a bundle. */
const MAX_JSON_DEPTH = 20;
/** The longest string, in characters: descriptions and patterns of real exports stay far below. */
const MAX_STRING_LENGTH = 65_536;
/** The most objects one bundle brings. */
export const MAX_BUNDLE_OBJECTS = 10_000;
/** Keys that would reach an object's prototype if the value were ever merged into another. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface BundleProblem {
  /** The field at fault: `body`, or `objects/<index>` and the path inside it. */
  field: string;
  message: string;
  /** The object's position in `objects` and its STIX id, when one object is at fault. */
  index?: number;
  id?: string;
}

/** A bundle refused, with every problem found (413 when it is too large, else 400). */
export class BundleRefused extends Error {
  constructor(
    readonly problems: BundleProblem[],
    readonly tooLarge = false,
  ) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'BundleRefused';
  }
}

const refuse = (field: string, message: string, tooLarge = false): never => {
  throw new BundleRefused([{ field, message }], tooLarge);
};

/** One pass over the text: nesting depth outside strings and each string's length, without parsing. */
const scanJsonText = (text: string): void => {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22) break;
      }
      if (i - start - 1 > MAX_STRING_LENGTH) refuse('body', `a string is longer than ${MAX_STRING_LENGTH} characters`);
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > MAX_JSON_DEPTH) refuse('body', `nesting is deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      depth--;
    }
  }
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first forbidden key in a value (depth is bounded by the scan), as a path. */
const forbiddenKeyIn = (v: unknown, at: string): string | undefined => {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const found = forbiddenKeyIn(v[i], `${at}/${i}`);
      if (found) return found;
    }
  } else if (isRecord(v)) {
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return `${at}/${k}`;
      const found = forbiddenKeyIn(v[k], `${at}/${k}`);
      if (found) return found;
    }
  }
  return undefined;
};

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: Record<string, unknown>[];
}

/** The bundle in a body of `bytes` bytes, or a `BundleRefused` naming what is wrong. */
export const readBundle = (text: string, bytes = Buffer.byteLength(text, 'utf8')): StixBundle => {
  if (bytes > MAX_BUNDLE_BYTES) refuse('body', `must be at most ${MAX_BUNDLE_BYTES} bytes`, true);
  scanJsonText(text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuse('body', 'is not well-formed JSON');
  }
  if (!isRecord(value)) return refuse('body', 'must be a STIX bundle (a JSON object)');
  if (value.type !== 'bundle') refuse('type', 'must be "bundle"');
  if (typeof value.id !== 'string' || !/^bundle--[0-9a-fA-F-]{36}$/.test(value.id))
    refuse('id', 'must be a bundle identifier (bundle--<UUID>)');
  if (!Array.isArray(value.objects)) return refuse('objects', 'must be an array of STIX objects');
  if (value.objects.length === 0) refuse('objects', 'must hold at least one object');
  if (value.objects.length > MAX_BUNDLE_OBJECTS) refuse('objects', `must hold at most ${MAX_BUNDLE_OBJECTS} objects`);
  const bad = forbiddenKeyIn(value, '');
  if (bad) refuse(bad.slice(1), 'is a key no STIX object may carry');
  const problems: BundleProblem[] = [];
  value.objects.forEach((o, index) => {
    if (!isRecord(o)) problems.push({ field: `objects/${index}`, message: 'must be a JSON object', index });
  });
  if (problems.length) throw new BundleRefused(problems);
  return value as unknown as StixBundle;
};
