/**
 * User administration over HTTP with the in-memory directory: a platform administrator lists by
 * organisation with sealed cursors, invites, changes roles, disables and resets MFA; everyone
 * else is refused; a deployment without a directory answers a clear 503.
 */
import { MemoryUserAdmin, registerOrganisation } from '@taskforce/core';
import { memoryDeps, principal } from '@taskforce/core/testing';
import { describe, expect, it } from 'vitest';
import { createApp, generateCursorKeys } from '../src';

const silent = { info() {}, warn() {}, error() {} };
const admin = principal('platform', 'ZZZ', ['admin'], 'international');
const officer = principal('vnm-a05', 'VNM');

const setUp = async (withDirectory = true) => {
  const deps = memoryDeps();
  await registerOrganisation(deps, { principal: admin }, { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' });
  await registerOrganisation(deps, { principal: admin }, { id: 'gbr-nca', name: 'NCA', kind: 'agency', country: 'GBR' });
  if (withDirectory) deps.users = new MemoryUserAdmin();
  const tokens: Record<string, typeof officer> = { admin, officer };
  const app = createApp({
    deps,
    cursorKeys: generateCursorKeys(),
    auth: { verify: async (t) => ({ sub: tokens[t]!.sub, orgId: tokens[t]!.orgId, roles: [...tokens[t]!.roles] }) },
    logger: silent,
  });
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${who}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the test reads untyped JSON
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
  };
  return { deps, call };
};

describe('/v1/admin/users', () => {
  it('invites, pages by organisation, changes roles, disables, enables and resets MFA', async () => {
    const { call } = await setUp();
    for (const who of ['c', 'a', 'b'])
      expect(
        (await call('admin', 'POST', '/v1/admin/users', { email: `${who}@police.vn`, name: who, orgId: 'vnm-a05', roles: ['officer'] }))
          .status,
      ).toBe(201);
    await call('admin', 'POST', '/v1/admin/users', { email: 'z@nca.gov.uk', name: 'z', orgId: 'gbr-nca', roles: ['officer'] });
    const first = await call('admin', 'GET', '/v1/admin/users?orgId=vnm-a05&limit=2');
    expect(first.body.items.map((u: { email: string }) => u.email)).toEqual(['a@police.vn', 'b@police.vn']);
    const second = await call('admin', 'GET', `/v1/admin/users?orgId=vnm-a05&limit=2&cursor=${encodeURIComponent(first.body.next)}`);
    expect(second.body.items.map((u: { email: string }) => u.email)).toEqual(['c@police.vn']);
    expect(second.body.next).toBeUndefined();
    // A cursor opens for the same list only.
    expect((await call('admin', 'GET', `/v1/admin/users?orgId=gbr-nca&cursor=${encodeURIComponent(first.body.next)}`)).status).toBe(400);

    const sub = first.body.items[0].sub;
    expect((await call('admin', 'PUT', `/v1/admin/users/${sub}/roles`, { roles: ['officer', 'duty_contact'] })).body.roles).toEqual([
      'officer',
      'duty_contact',
    ]);
    expect((await call('admin', 'PUT', `/v1/admin/users/${sub}/status`, { status: 'disabled' })).body.status).toBe('disabled');
    expect((await call('admin', 'PUT', `/v1/admin/users/${sub}/status`, { status: 'active' })).body.status).toBe('active');
    expect((await call('admin', 'POST', `/v1/admin/users/${sub}/mfa-reset`)).body.mfa).toBe(false);
    expect((await call('admin', 'GET', `/v1/admin/users/${sub}`)).body.email).toBe('a@police.vn');
    expect((await call('admin', 'GET', '/v1/admin/users/nobody-here')).status).toBe(404);
    // The same address twice: a conflict.
    expect((await call('admin', 'POST', '/v1/admin/users', { email: 'A@police.vn', name: 'a', orgId: 'vnm-a05', roles: [] })).status).toBe(
      409,
    );
  });

  it('names the field of bad input, and refuses callers without the admin role', async () => {
    const { call } = await setUp();
    const bad = await call('admin', 'POST', '/v1/admin/users', { email: 'not-an-address', name: 'x', orgId: 'vnm-a05', roles: ['king'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.email', 'body.roles.0']);
    expect(
      (await call('admin', 'POST', '/v1/admin/users', { email: 'x@y.org', name: 'x', orgId: 'nowhere', roles: [] })).body.errors,
    ).toEqual([{ field: 'body.orgId', message: 'no organisation is registered under this id' }]);
    expect((await call('officer', 'GET', '/v1/admin/users')).status).toBe(403);
  });

  it('answers 503 "not configured" where no directory is wired, after the permission check', async () => {
    const { call } = await setUp(false);
    const r = await call('admin', 'GET', '/v1/admin/users');
    expect(r.status).toBe(503);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.detail).toBe('user administration is not configured here');
    expect((await call('officer', 'GET', '/v1/admin/users')).status).toBe(403);
  });
});
