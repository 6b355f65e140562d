/**
 * A request type added in one file (packages/core/test/requests/throwaway-type.ts), through the
 * API over the in-memory store: the request-type enum takes it, an agency raises it over HTTP,
 * the partner finds it in its inbox, acknowledges it and answers it.
 */
import { describe, expect, it } from 'vitest';
// Registers the type: it goes first, core (and the app's schemas) load after it.
import '../../core/test/requests/throwaway-type';

const { createWorkspace, registerOrganisation, sha256Hex } = await import('@taskforce/core');
const { memoryDeps, principal } = await import('@taskforce/core/testing');
const { createApp, generateCursorKeys } = await import('../src');

const silent = { info() {}, warn() {}, error() {} };
const officer = principal('vnm-a05', 'VNM');
const responder = principal('mekong-tech', 'THA', ['responder'], 'provider');

const setUp = async () => {
  const deps = memoryDeps();
  const admin = { principal: principal('platform', 'ZZZ', ['admin'], 'international') };
  await registerOrganisation(deps, admin, { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' });
  await registerOrganisation(deps, admin, { id: 'mekong-tech', name: 'Mekong Tech', kind: 'provider', country: 'THA', sector: 'tech' });
  const ws = (await createWorkspace(deps, { principal: officer }, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'Art. 47' } }))
    .result;
  const tokens: Record<string, typeof officer> = { officer, responder };
  const app = createApp({
    deps,
    cursorKeys: generateCursorKeys(),
    auth: { verify: async (t) => ({ sub: tokens[t]!.sub, orgId: tokens[t]!.orgId, roles: [...tokens[t]!.roles] }) },
    logger: silent,
  });
  const call = async (who: string, method: string, path: string, body?: unknown, type = 'application/json') => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${who}`, ...(body !== undefined ? { 'content-type': type } : {}) },
      ...(body !== undefined ? { body: body instanceof Uint8Array ? body : JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the test reads untyped JSON
    return { status: res.status, body: (await res.json()) as any };
  };
  return { ws, call };
};

describe('a request type added in one file, over the API', () => {
  it('is created by an agency, seen in the partner inbox, acknowledged and answered', async () => {
    const { ws, call } = await setUp();
    const raised = await call('officer', 'POST', `/v1/workspaces/${ws.id}/requests`, {
      providerOrgId: 'mekong-tech',
      type: 'mla_request',
      legalBasis: { code: 'MLAT', text: 'VNM-THA treaty, art. 5' },
      description: 'Account records of the payee',
      selectors: [{ type: 'email', value: 'payee@example.com' }],
    });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ type: 'mla_request', status: 'sent', clock: { rule: 'mla' } });
    const id = raised.body.id as string;

    const inbox = await call('responder', 'GET', '/v1/portal/requests');
    expect(inbox.body.items.map((x: { id: string; type: string }) => [x.id, x.type])).toEqual([[id, 'mla_request']]);
    expect((await call('responder', 'POST', `/v1/portal/requests/${id}/acknowledge`)).status).toBe(200);

    const content = new TextEncoder().encode('records');
    const item = await call('responder', 'POST', `/v1/portal/requests/${id}/evidence`, {
      fileName: 'records.txt',
      size: content.byteLength,
      mediaType: 'text/plain',
      sha256: sha256Hex(content),
    });
    expect(item.status).toBe(201);
    const upload = await call(
      'responder',
      'PUT',
      `/v1/portal/requests/${id}/evidence/${item.body.id}/content`,
      content,
      'application/octet-stream',
    );
    expect(upload.status).toBeLessThan(300);
    const answered = await call('responder', 'POST', `/v1/portal/requests/${id}/response`, { outcome: 'fulfilled' });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('fulfilled');
    expect((await call('officer', 'GET', `/v1/workspaces/${ws.id}/requests/${id}`)).body.status).toBe('fulfilled');
  });

  it('refuses its input where its own checks do, naming the field', async () => {
    const { ws, call } = await setUp();
    const refused = await call('officer', 'POST', `/v1/workspaces/${ws.id}/requests`, {
      providerOrgId: 'mekong-tech',
      type: 'mla_request',
      legalBasis: { code: 'BUDAPEST', text: 'Art. 18' },
      description: 'Account records of the payee',
      selectors: [{ type: 'email', value: 'payee@example.com' }],
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/rests on a treaty \(MLAT\)/);
  });
});
