import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createRoute, OpenAPIHono } from '../src';
import { openApiDocument } from '../src/document';

/** A feature's sub-app, declared as the route files declare theirs: no hooks of its own. */
const things = () => {
  const app = new OpenAPIHono();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/things/{thingId}',
      request: {
        params: z.object({ thingId: z.string().check(z.regex(/^t\d+$/)) }),
        body: { content: { 'application/json': { schema: z.object({ name: z.string() }) } }, required: true, maxBytes: 64 },
      },
      responses: { 201: { description: 'made' } },
    }),
    (c) => c.json({ ...c.req.valid('param'), ...c.req.valid('json') }, 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/things',
      request: { query: z.object({ cursor: z.optional(z.string()), colour: z.optional(z.string()) }) },
      responses: { 200: { description: 'a page' } },
    }),
    (c) => c.json({ items: [], next: `after:${c.req.valid('query').cursor ?? ''}` }, 200),
  );
  return app;
};

/** A root app with every hook, recording what reached them. */
const root = () => {
  const seen: { invalid: string[]; rejected: number[]; lists: string[] } = { invalid: [], rejected: [], lists: [] };
  const app = new OpenAPIHono({
    onInvalid: (target, _issues, c) => {
      seen.invalid.push(target);
      return c.json({ from: 'root', target }, 400);
    },
    onReject: (r, c) => {
      seen.rejected.push(r.status);
      return c.json({ from: 'root', status: r.status }, r.status);
    },
    cursors: {
      seal: (_c, list, next) => {
        seen.lists.push(list);
        return `sealed(${next})`;
      },
      open: (_c, list, cursor) => {
        seen.lists.push(list);
        return cursor.startsWith('sealed(') ? cursor.slice(7, -1) : undefined;
      },
    },
    bodyResponses: { any: { 413: { description: 'too large' } } },
  });
  return { app, seen };
};

const post = (app: OpenAPIHono, path: string, body: string, type = 'application/json') =>
  app.request(path, { method: 'POST', headers: { 'content-type': type }, body });

describe('a sub-app mounted with route()', () => {
  it('answers its invalid input and refused bodies with the hooks of the app it is mounted in', async () => {
    const { app, seen } = root();
    app.route('/', things());
    const made = await post(app, '/things/t1', '{"name":"x"}');
    expect(made.status).toBe(201);
    expect(await made.json()).toEqual({ thingId: 't1', name: 'x' });
    expect(await (await post(app, '/things/x1', '{"name":"x"}')).json()).toEqual({ from: 'root', target: 'param' });
    expect(await (await post(app, '/things/t1', '{"name":1}')).json()).toEqual({ from: 'root', target: 'json' });
    expect(await (await post(app, '/things/t1', 'name=x', 'text/plain')).json()).toEqual({ from: 'root', status: 415 });
    expect(await (await post(app, '/things/t1', JSON.stringify({ name: 'x'.repeat(100) }))).json()).toEqual({ from: 'root', status: 413 });
    expect(seen.invalid).toEqual(['param', 'json']);
    expect(seen.rejected).toEqual([415, 413]);
  });

  it("opens and seals its cursors with the root's hook, for a list named by the path it is served at", async () => {
    const { app, seen } = root();
    app.route('/v1/depot', things());
    const first = await app.request('/v1/depot/things?colour=red');
    expect(await first.json()).toEqual({ items: [], next: 'sealed(after:)' });
    const second = await app.request('/v1/depot/things?colour=red&cursor=sealed(abc)');
    expect(await second.json()).toEqual({ items: [], next: 'sealed(after:abc)' });
    // A cursor that does not open is refused as invalid input, by the root's hook.
    expect((await app.request('/v1/depot/things?cursor=forged')).status).toBe(400);
    expect(seen.invalid).toEqual(['query']);
    expect(new Set(seen.lists)).toEqual(
      new Set([JSON.stringify(['get', '/v1/depot/things', {}, { colour: 'red' }]), JSON.stringify(['get', '/v1/depot/things', {}, {}])]),
    );
  });

  it("joins the root's OpenAPI document under its base path, with the root's body responses", () => {
    const { app } = root();
    app.route('/v1/depot/:depotId', things());
    const doc = openApiDocument(app, { openapi: '3.1.0', info: { title: 't', version: '1' } }) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/depot/{depotId}/things', '/v1/depot/{depotId}/things/{thingId}']);
    expect(Object.keys(doc.paths['/v1/depot/{depotId}/things/{thingId}']!.post!.responses).sort()).toEqual(['201', '413']);
  });

  it('nests: a sub-app of a sub-app answers with the root hooks and appears in the root document', async () => {
    const { app, seen } = root();
    const feature = new OpenAPIHono();
    feature.route('/', things());
    app.route('/v1', feature);
    expect((await post(app, '/v1/things/x1', '{"name":"x"}')).status).toBe(400);
    expect(seen.invalid).toEqual(['param']);
    const doc = openApiDocument(app, { openapi: '3.1.0', info: { title: 't', version: '1' } }) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/things', '/v1/things/{thingId}']);
  });

  it('is mounted once', () => {
    const sub = things();
    root().app.route('/', sub);
    expect(() => root().app.route('/', sub)).toThrow(/mounted once/);
  });
});
