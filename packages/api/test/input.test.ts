/**
 * The input mechanisms of the app, on its own (no store: anything that got past validation would
 * fail loudly): bounded path parameters, the Idempotency-Key check on every route, bounded
 * request schemas, capped error lists, and the media type, size and syntax of bodies.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createApp, createRoute, generateCursorKeys, JSON_BODY_LIMIT, OpenAPIHono } from '../src';

const silent = { info() {}, warn() {}, error() {} };
const principal = { sub: 'u', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer', 'policy_admin'] } as const;
/** Only the registry is reached before validation: it finds the caller's organisation. */
const deps = {
  store: {
    get: async () => ({ id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM', createdAt: '2026-01-01T00:00:00.000Z', version: 1 }),
  },
} as never;
const app = createApp({
  deps,
  cursorKeys: generateCursorKeys(),
  auth: { verify: async () => ({ ...principal, roles: [...principal.roles] }) },
  logger: silent,
});
const send = (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) =>
  app.request(path, {
    method,
    headers: { authorization: 'Bearer t', ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
const sendJson = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(method, path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

// biome-ignore lint/suspicious/noExplicitAny: the test walks an untyped JSON document
type Json = any;
const documentOf = async (): Promise<Json> => (await app.request('/openapi.json')).json();
const operationsOf = (doc: Json): { method: string; path: string; op: Json }[] =>
  Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method, path, op })),
  );

describe('path parameters', () => {
  it('are each a bounded format in the document', async () => {
    for (const { method, path, op } of operationsOf(await documentOf())) {
      for (const p of (op.parameters ?? []).filter((x: Json) => x.in === 'path')) {
        expect(p.schema, `${method} ${path} ${p.name}`).toMatchObject({ maxLength: expect.any(Number), pattern: expect.any(String) });
      }
    }
  });

  it('refuse an over-long or malformed value on every route, naming path.<name>, before any store is asked', async () => {
    let checked = 0;
    for (const { method, path, op } of operationsOf(await documentOf())) {
      const names = (op.parameters ?? []).filter((x: Json) => x.in === 'path').map((x: Json) => x.name as string);
      for (const name of names) {
        for (const bad of ['x'.repeat(2000), 'UPPER-CASE', 'a%2Fb']) {
          const url = path.replace(/\{(\w+)\}/g, (_m, n: string) => (n === name ? bad : n === 'country' ? 'THA' : 'abc-123'));
          const res = await send(method.toUpperCase(), url);
          expect(res.status, `${method} ${url.slice(0, 80)}`).toBe(400);
          expect(((await res.json()) as Json).errors.map((e: Json) => e.field)).toContain(`path.${name}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('Idempotency-Key', () => {
  it('is checked on routes added by the runtime too', async () => {
    const extended = createApp({
      deps,
      cursorKeys: generateCursorKeys(),
      auth: { verify: () => Promise.reject(new Error('no')) },
      logger: silent,
      extend: (a) => a.post('/v1/dev/thing', (c) => c.json({ ok: true }, 200)),
    });
    const res = await extended.request('/v1/dev/thing', { method: 'POST', headers: { 'idempotency-key': 'bad key' } });
    expect(res.status).toBe(400);
  });

  it('is checked on every route, also those that do not declare it', async () => {
    for (const [method, path] of [
      ['PUT', '/v1/contacts/THA'],
      ['GET', '/v1/workspaces'],
      ['DELETE', '/v1/notifications/webhook'],
    ]) {
      for (const key of ['k'.repeat(5000), 'short', 'has spaces in it', '']) {
        const res = await send(method!, path!, { headers: { 'idempotency-key': key } });
        expect(res.status, `${method} ${path} ${key.length}`).toBe(400);
        expect(((await res.json()) as Json).errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
      }
    }
  });
});

describe('request schemas', () => {
  it('bound every string, array and number a caller can send', async () => {
    const doc = await documentOf();
    const unbounded: string[] = [];
    let strings = 0;
    const walk = (s: Json, at: string, seen: Set<string>): void => {
      if (!s || typeof s !== 'object') return;
      if (s.$ref) {
        const name = s.$ref.replace('#/components/schemas/', '');
        if (!seen.has(name)) walk(doc.components.schemas[name], at, new Set([...seen, name]));
        return;
      }
      for (const k of ['anyOf', 'oneOf', 'allOf'] as const) for (const x of s[k] ?? []) walk(x, at, seen);
      const types = [s.type].flat();
      if (types.includes('string')) strings++;
      if (types.includes('string') && s.maxLength === undefined && s.enum === undefined && s.const === undefined) unbounded.push(at);
      if (types.includes('array')) {
        if (s.maxItems === undefined) unbounded.push(at);
        walk(s.items, `${at}[]`, seen);
      }
      if ((types.includes('number') || types.includes('integer')) && s.maximum === undefined && s.exclusiveMaximum === undefined)
        unbounded.push(at);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${at}.${k}`, seen);
      if (s.additionalProperties && typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${at}.*`, seen);
    };
    for (const { method, path, op } of operationsOf(doc)) {
      for (const p of op.parameters ?? []) walk(p.schema, `${method} ${path} ${p.in}.${p.name}`, new Set());
      const json = op.requestBody?.content?.['application/json']?.schema;
      if (json) walk(json, `${method} ${path} body`, new Set());
    }
    expect(unbounded).toEqual([]);
    expect(strings).toBeGreaterThan(200);
  });

  it('list at most 20 offending fields, and say how many more there were', async () => {
    const res = await sendJson('PUT', '/v1/policies/VNM', { rules: Array.from({ length: 50 }, () => 1) });
    expect(res.status).toBe(400);
    const body: Json = await res.json();
    expect(body.errors).toHaveLength(20);
    expect(body.errors[19].field).toBe('body.rules.19');
    expect(body.errorsOmitted).toBe(30);
    expect(body.detail).toMatch(/^body\.rules\.0: .* \(and 49 more\)$/);
  });

  it('answer 100,000 invalid items with one short problem', async () => {
    const res = await sendJson('PUT', '/v1/policies/VNM', { rules: Array.from({ length: 100_000 }, () => 1) });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text.length).toBeLessThan(2_000);
    expect(JSON.parse(text).errors.map((e: Json) => e.field)).toEqual(['body.rules']);
  });

  it('name the field inside a union value that fits no branch, and an unknown field by its name', async () => {
    const ws = '/v1/workspaces/ws-123/tasks';
    const body = { title: 't', assigneeOrgId: 'usa-fbi', dueAt: '2026-06-01T00:00:00Z' };
    const union = await sendJson('POST', ws, { ...body, marking: { tlp: 'AMBER', releasableTo: ['THA', 'not a country'] } });
    expect(((await union.json()) as Json).errors.map((e: Json) => e.field)).toEqual(['body.marking.releasableTo.1']);
    const unknown = await sendJson('POST', ws, { ...body, marking: { tlp: 'AMBER', colour: 'red' } });
    expect(((await unknown.json()) as Json).errors).toEqual([{ field: 'body.marking.colour', message: 'is not a field of this request' }]);
  });

  it('refuse a 200,000-country policy rule by its bound', async () => {
    const countries = Array.from({ length: 300 }, () => 'THA');
    const res = await sendJson('PUT', '/v1/policies/VNM', { rules: [{ type: 'never_countries', countries }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Json).errors.map((e: Json) => e.field)).toContain('body.rules.0.countries');
  });
});

describe('bodies', () => {
  const resolve = '/v1/workspaces/ws-123/incidents/inc-123/resolve';

  it('must say they are JSON where the route takes JSON: 415 naming Content-Type', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'multipart/form-data; boundary=x',
      undefined,
    ]) {
      const res = await send('POST', resolve, { body: '{}', headers: type ? { 'content-type': type } : {} });
      expect(res.status, String(type)).toBe(415);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(((await res.json()) as Json).errors).toEqual([{ field: 'Content-Type', message: expect.any(String) }]);
    }
  });

  it('over the limit are refused with 413 naming body', async () => {
    const res = await sendJson('POST', '/v1/workspaces', { title: 'x'.repeat(JSON_BODY_LIMIT), legalBasis: { code: 'UNCC', text: 'y' } });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as Json).errors[0].field).toBe('body');
  });

  it('that are malformed JSON name body', async () => {
    for (const body of ['{"title":', 'null x', '\u00ef\u00bb\u00bf{}', "{'a':1}"]) {
      const res = await send('POST', '/v1/workspaces', { body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).errors).toEqual([{ field: 'body', message: 'is not well-formed JSON' }]);
    }
  });

  it('that are required and absent name body', async () => {
    for (const headers of [{}, { 'content-type': 'application/json' }] as Record<string, string>[]) {
      const res = await send('POST', resolve, { headers });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Json).errors).toEqual([{ field: 'body', message: 'a JSON body is required' }]);
    }
  });

  it('in the document: 413 on every route that takes a body, 415 on those whose body is JSON', async () => {
    for (const { method, path, op } of operationsOf(await documentOf())) {
      if (!op.requestBody) continue;
      expect(op.responses, `${method} ${path}`).toHaveProperty('413');
      if (op.requestBody.content['application/json']) expect(op.responses, `${method} ${path}`).toHaveProperty('415');
    }
  });
});

describe('openapi() bodies', () => {
  const api = new OpenAPIHono({ onInvalid: (target, issues, c) => c.json({ target, paths: issues.map((i) => i.path.join('.')) }, 400) });
  const Body = z.strictObject({ n: z._default(z.int(), 7) });
  api.openapi(
    createRoute({
      method: 'post',
      path: '/optional',
      request: { body: { content: { 'application/json': { schema: Body } }, required: false } },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => c.json({ got: c.req.valid('json') ?? null }, 200),
  );
  api.openapi(
    createRoute({
      method: 'put',
      path: '/file',
      request: { body: { content: { 'application/octet-stream': { schema: z.string() } }, required: true, maxBytes: 1024 } },
      responses: { 200: { description: 'ok' } },
    }),
    async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength, type: c.req.header('content-type') }, 200),
  );

  it('an optional JSON body may be absent, and is validated when sent', async () => {
    expect(await (await api.request('/optional', { method: 'POST' })).json()).toEqual({ got: null });
    const sent = await api.request('/optional', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(await sent.json()).toEqual({ got: { n: 7 } });
    const plus = await api.request('/optional', {
      method: 'POST',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: '{"n":1}',
    });
    expect(await plus.json()).toEqual({ got: { n: 1 } });
    const text = await api.request('/optional', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"n":1}' });
    expect(text.status).toBe(415);
  });

  it('a route reading another media type keeps it, within its own limit', async () => {
    const ok = await api.request('/file', {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(1024),
    });
    expect(await ok.json()).toEqual({ bytes: 1024, type: 'application/octet-stream' });
    const big = await api.request('/file', {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(1025),
    });
    expect(big.status).toBe(413);
  });

  it('refuses a route that does not declare its path parameters', () => {
    expect(() =>
      api.openapi(createRoute({ method: 'get', path: '/things/{thingId}', responses: { 200: { description: 'ok' } } }), (c) =>
        c.json({}, 200),
      ),
    ).toThrow(/declare a schema for each path parameter/);
  });
});
