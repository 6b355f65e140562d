/**
 * Findings of an outside review, each held here at the API: a refused organisation learns
 * nothing of any record; the published schema says what the server takes (media types in either
 * case, stored lower case); a period the wrong way round names both its ends.
 */
import { CreateRequestInput, RegisterEvidenceInput } from '@taskforce/core';
import { describe, expect, it } from 'vitest';
import { createApp, generateCursorKeys } from '../src';
import { appOver } from './stub-app';

const org = { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM', createdAt: '2026-01-01T00:00:00.000Z', version: 1 };

/** A store whose registry holds the caller's organisation as given (or not at all). */
const registryOf = (held: object | null) => ({
  get: async () => held,
  load: async () => {
    throw new Error('a refused caller reaches no command');
  },
  commit: async () => {
    throw new Error('a refused caller reaches no command');
  },
});

const call = (app: ReturnType<typeof appOver>, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: 'Bearer t', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('an organisation that is unregistered or suspended', () => {
  for (const [name, held] of [
    ['unregistered', null],
    ['suspended', { ...org, status: 'suspended' }],
  ] as const) {
    it(`(${name}) gets 404 on every path that names a record, 403 on those that name none, before any input is read`, async () => {
      const app = appOver(registryOf(held));
      const named: [string, string, unknown?][] = [
        ['GET', '/v1/workspaces/ws-1'],
        ['GET', '/v1/workspaces/ws-1/audit/exports/job-1'],
        ['GET', '/v1/workspaces/ws-1/audit/entries/1/proof'],
        ['GET', '/v1/portal/requests/req-1'],
        ['POST', '/v1/workspaces/ws-1/tasks', { not: 'valid' }],
        ['PATCH', '/v1/workspaces/NOT A VALID ID', {}],
        ['PUT', '/v1/policies/VNM', { rules: [] }],
        ['GET', '/v1/no-such-route/x'],
      ];
      for (const [method, path, body] of named) {
        const res = await call(app, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(404);
        const p = (await res.json()) as { type: string; detail: string };
        expect(p.type).toMatch(/not-found$/);
        expect(p.detail).toMatch(name === 'suspended' ? /suspended/ : /not registered/);
      }
      for (const [method, path, body] of [
        ['GET', '/v1/me'],
        ['GET', '/v1/workspaces'],
        ['POST', '/v1/workspaces', { not: 'valid' }],
        ['GET', '/v1/portal/requests'],
      ] as [string, string, unknown?][]) {
        const res = await call(app, method, path, body);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(((await res.json()) as { type: string }).type).toMatch(/forbidden$/);
      }
    });
  }
});

describe('an evidence item’s media type', () => {
  it('is taken in either case and stored lower case, as the published schema says', async () => {
    const parsed = RegisterEvidenceInput.parse({ fileName: 'a.csv', size: 3, mediaType: 'TEXT/CSV', sha256: 'a'.repeat(64) });
    expect(parsed.mediaType).toBe('text/csv');
    const app = createApp({
      deps: {} as never,
      auth: { verify: () => Promise.reject(new Error('no')) },
      cursorKeys: generateCursorKeys(),
      logger: { info() {}, warn() {}, error() {} },
    });
    // biome-ignore lint/suspicious/noExplicitAny: an untyped JSON document
    const doc = (await (await app.request('/openapi.json')).json()) as any;
    const schema = doc.components.schemas.RegisterEvidence.properties.mediaType;
    const pattern = new RegExp(schema.pattern);
    expect(pattern.test('TEXT/CSV')).toBe(true);
    expect(pattern.test('text/csv')).toBe(true);
    expect(pattern.test('text csv')).toBe(false);
    expect(schema.description).toMatch(/lower case/);
  });
});

describe('a period whose from is not before its to', () => {
  it('names both period.from and period.to', () => {
    const issues = CreateRequestInput.safeParse({
      providerOrgId: 'mekong-bank',
      type: 'production',
      legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
      description: 'Logs',
      selectors: [{ type: 'email', value: 'a@example.com' }],
      period: { from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' },
    }).error?.issues;
    expect(issues?.map((i) => i.path.join('.'))).toEqual(['period.from', 'period.to']);
  });
});

describe('a text body a route reads itself (text/csv)', () => {
  it('is refused as an invalid body when it is not UTF-8, before the route reads it', async () => {
    const app = appOver(registryOf(org));
    const res = await app.request('/v1/matching/checks', {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'text/csv' },
      body: new Uint8Array([...new TextEncoder().encode('type,value\nemail,a@example.com'), 0xff, 0xfe]),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual(['body']);
  });
});
