import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createApp, createRoute, generateCursorKeys, OpenAPIHono } from '../src';

const silent = { info() {}, warn() {}, error() {} };
const app = createApp({
  deps: {} as never,
  auth: { verify: () => Promise.reject(new Error('no')) },
  cursorKeys: generateCursorKeys(),
  logger: silent,
});
// biome-ignore lint/suspicious/noExplicitAny: the test walks an untyped JSON document
type Json = any;
const documentOf = async (): Promise<Json> => (await app.request('/openapi.json')).json();

const refsIn = (x: unknown): string[] =>
  Array.isArray(x)
    ? x.flatMap(refsIn)
    : x && typeof x === 'object'
      ? Object.entries(x).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [v] : refsIn(v)))
      : [];

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(await documentOf());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('resolves every $ref to a component, and declares every path parameter', async () => {
    const doc = await documentOf();
    for (const ref of refsIn(doc)) expect(doc.components.schemas).toHaveProperty([ref.replace('#/components/schemas/', '')]);
    const operations = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>);
    expect(operations.length).toBeGreaterThan(40);
    for (const [path, methods] of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const op of Object.values(methods)) {
        expect((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)).toEqual(inPath);
      }
    }
  });

  it('describes a body as it is sent (defaults optional) and a response as it is returned', async () => {
    const doc = await documentOf();
    const createTask = doc.components.schemas.CreateTask;
    expect(createTask.required).not.toContain('priority');
    expect(createTask.properties.priority.default).toBe('normal');
    const limit = doc.paths['/v1/tasks'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit).toMatchObject({ in: 'query', required: false, description: expect.stringContaining('Page size') });
    expect(doc.components.schemas.Task.properties.dueAt).toEqual({ type: 'string', format: 'date-time', maxLength: 40 });
  });

  it('declares nothing of the workspace in what private partners receive', async () => {
    const doc = await documentOf();
    const schemas = doc.components.schemas as Record<string, Json>;
    /** Every property name a schema declares, following $refs. */
    const propertiesOf = (x: Json, seen = new Set<string>()): string[] => {
      if (Array.isArray(x)) return x.flatMap((v) => propertiesOf(v, seen));
      if (!x || typeof x !== 'object') return [];
      if (typeof x.$ref === 'string') {
        const name = x.$ref.replace('#/components/schemas/', '');
        if (seen.has(name)) return [];
        seen.add(name);
        return propertiesOf(schemas[name], seen);
      }
      return [...Object.keys(x.properties ?? {}), ...Object.values(x).flatMap((v) => propertiesOf(v, seen))];
    };
    const workspaceFields = ['workspaceId', 'workspaceTitle', 'members', 'leadOrgId', 'actorOrgId', 'requestedBy', 'uploadedBy', 'askedBy'];
    const portal = Object.entries(doc.paths as Record<string, Record<string, Json>>).filter(([path]) => path.startsWith('/v1/portal/'));
    expect(portal.length).toBeGreaterThanOrEqual(7);
    for (const [path, methods] of portal)
      for (const [method, op] of Object.entries(methods)) {
        const declared = propertiesOf(op.responses?.['200'] ?? op.responses?.['201']);
        expect(declared.length, `${method} ${path}`).toBeGreaterThan(0);
        expect(
          declared.filter((f) => workspaceFields.includes(f)),
          `${method} ${path}`,
        ).toEqual([]);
      }
    // The inbox serves agencies and partners: a partner's items have a form of their own.
    expect(doc.paths['/v1/notifications/{notificationId}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Notification',
    });
    expect(schemas.Notification.anyOf).toContainEqual({ $ref: '#/components/schemas/PartnerNotification' });
    expect(propertiesOf(schemas.PartnerNotification)).toContain('requestingAgency');
    expect(propertiesOf(schemas.PartnerNotification).filter((f) => workspaceFields.includes(f))).toEqual([]);
  });
});

describe('openapi() routes', () => {
  const invalid: unknown[] = [];
  const api = new OpenAPIHono({
    onInvalid: (target, issues, c) => {
      invalid.push({ target, paths: issues.map((i) => i.path.join('.')) });
      return c.json({ invalid: target }, 400);
    },
  });
  api.openapi(
    createRoute({
      method: 'post',
      path: '/things/{thingId}',
      request: {
        params: z.object({ thingId: z.string().check(z.regex(/^t\d+$/)) }),
        query: z.object({ n: z._default(z.coerce.number().check(z.int()), 1) }),
        body: { content: { 'application/json': { schema: z.strictObject({ name: z.string().check(z.minLength(1)) }) } }, required: true },
      },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => c.json({ ...c.req.valid('param'), ...c.req.valid('query'), ...c.req.valid('json') }, 200),
  );
  const post = (path: string, body: unknown) =>
    api.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('hands the handler parsed, defaulted values', async () => {
    const res = await post('/things/t1?n=3', { name: 'x' });
    expect(await res.json()).toEqual({ thingId: 't1', n: 3, name: 'x' });
    expect(await (await post('/things/t2', { name: 'y' })).json()).toEqual({ thingId: 't2', n: 1, name: 'y' });
  });

  it('stops at the first invalid part and names it', async () => {
    expect((await post('/things/x1', { name: 'x' })).status).toBe(400);
    expect((await post('/things/t1?n=1.5', { name: 'x' })).status).toBe(400);
    expect((await post('/things/t1', { name: '', extra: 1 })).status).toBe(400);
    expect(invalid).toEqual([
      { target: 'param', paths: ['thingId'] },
      { target: 'query', paths: ['n'] },
      { target: 'json', paths: ['name', ''] },
    ]);
  });
});
