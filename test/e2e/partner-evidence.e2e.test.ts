import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { productionRequest, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const production = productionRequest('Statements of the mule account');
const content = Buffer.from('date,amount\n2026-02-01,9800\n');
const sha256 = createHash('sha256').update(content).digest('hex');

describe('partner evidence: every check before a byte is stored', () => {
  let t: TestRuntime;
  let lead: string;
  let policyAdmin: string;
  let bank: string;
  let ws: string;
  let put: MockInstance;

  const upload = async (requestId: string, evidenceId: string, body: Uint8Array = content) => {
    const res = await fetch(`${t.rt.url}/v1/portal/requests/${requestId}/evidence/${evidenceId}/content`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${bank}`, 'content-type': 'application/octet-stream' },
      body,
    });
    return { status: res.status, body: (await res.json()) as { type?: string; detail?: string; content?: string } };
  };
  /** A request sent to the bank, acknowledged, with one evidence item registered (content pending). */
  const withPendingItem = async () => {
    const r = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, production)).body;
    expect((await t.call('POST', `/v1/portal/requests/${r.id}/acknowledge`, bank)).status).toBe(200);
    const e = await t.call('POST', `/v1/portal/requests/${r.id}/evidence`, bank, {
      fileName: 'statement.csv',
      size: content.length,
      mediaType: 'text/csv',
      sha256,
    });
    expect(e.status).toBe(201);
    return { requestId: r.id as string, evidenceId: e.body.id as string };
  };

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    policyAdmin = await t.tokenFor('vnm-a05', 'VNM', ['policy_admin']);
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    put = vi.spyOn(t.rt.deps.content!, 'put');
  });
  beforeEach(() => {
    put.mockClear();
  });
  afterAll(() => t.rt.stop());

  it('stores an upload that passes every check, once', async () => {
    const { requestId, evidenceId } = await withPendingItem();
    const stored = await upload(requestId, evidenceId);
    expect(stored.status).toBe(200);
    expect(stored.body.content).toBe('stored');
    expect(put).toHaveBeenCalledTimes(1);
    // Its content is there already: a second upload is refused before anything is stored.
    const again = await upload(requestId, evidenceId);
    expect(again.status).toBe(409);
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('takes uploads only while the request is acknowledged, and stores nothing otherwise', async () => {
    // A clarification is outstanding: no evidence until the agency answers.
    const asked = await withPendingItem();
    expect((await t.call('POST', `/v1/portal/requests/${asked.requestId}/clarification`, bank, { question: 'Which one?' })).status).toBe(
      200,
    );
    const paused = await upload(asked.requestId, asked.evidenceId);
    expect(paused.status).toBe(409);
    expect(paused.body.detail).toContain('clarification requested');

    // Withdrawn: never again.
    const withdrawn = await withPendingItem();
    expect(
      (await t.call('POST', `/v1/workspaces/${ws}/requests/${withdrawn.requestId}/withdraw`, lead, { reason: 'Charged' })).status,
    ).toBe(200);
    expect((await upload(withdrawn.requestId, withdrawn.evidenceId)).status).toBe(409);
    expect((await upload(withdrawn.requestId, withdrawn.evidenceId, Buffer.from('x'))).status).toBe(409);

    // Answered (cannot comply, with an item never uploaded): closed to evidence.
    const answered = await withPendingItem();
    const cc = await t.call('POST', `/v1/portal/requests/${answered.requestId}/response`, bank, {
      outcome: 'cannot_comply',
      reason: 'data_not_stored',
    });
    expect(cc.status).toBe(200);
    expect((await upload(answered.requestId, answered.evidenceId)).status).toBe(409);
    expect(put).not.toHaveBeenCalled();

    // Once the agency answers the clarification, the first can be uploaded.
    expect(
      (await t.call('POST', `/v1/workspaces/${ws}/requests/${asked.requestId}/clarification-answer`, lead, { answer: 'The second' }))
        .status,
    ).toBe(200);
    expect((await upload(asked.requestId, asked.evidenceId)).status).toBe(200);
    expect(put).toHaveBeenCalledTimes(1);
  });

  it('answers 404 for an item that is not the caller’s, and stores nothing', async () => {
    const { requestId } = await withPendingItem();
    expect((await upload(requestId, '01kjm6jm007j196yx7rzzx4yfp')).status).toBe(404);
    expect(put).not.toHaveBeenCalled();
  });

  it('answers 404 to the list and to uploads once the request is no longer visible, and stores nothing', async () => {
    const { requestId, evidenceId } = await withPendingItem();
    expect((await t.call('GET', `/v1/portal/requests/${requestId}/evidence`, bank)).status).toBe(200);
    // Viet Nam now keeps what it originates from the private sector.
    const policy = await t.call('PUT', '/v1/policies/VNM', policyAdmin, { rules: [{ type: 'no_private_sector', atOrAbove: 'CLEAR' }] });
    expect(policy.status).toBe(201);
    expect((await t.call('GET', `/v1/portal/requests/${requestId}`, bank)).status).toBe(404);

    const list = await t.call('GET', `/v1/portal/requests/${requestId}/evidence`, bank);
    expect(list.status).toBe(404);
    expect(JSON.stringify(list.body)).not.toContain('statement.csv');
    expect(JSON.stringify(list.body)).not.toContain(ws);
    // Right bytes or wrong ones, the answer is the request's 404, and the content store is never called.
    expect((await upload(requestId, evidenceId)).status).toBe(404);
    const wrongSize = await upload(requestId, evidenceId, Buffer.from('x'));
    expect(wrongSize.status).toBe(404);
    expect(wrongSize.body.detail).not.toContain('bytes');
    expect(put).not.toHaveBeenCalled();

    // The policy lifted, the item is as it was: still pending, and it can be uploaded.
    expect((await t.call('PUT', '/v1/policies/VNM', policyAdmin, { rules: [] }, { 'if-match': '"1"' })).status).toBe(200);
    const items = (await t.call('GET', `/v1/portal/requests/${requestId}/evidence`, bank)).body.items;
    expect(items.map((e: { content: string }) => e.content)).toEqual(['pending']);
    expect((await upload(requestId, evidenceId)).status).toBe(200);
    expect(put).toHaveBeenCalledTimes(1);
  });
});
