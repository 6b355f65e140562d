/**
 * What grows with every call must stop growing before its record outgrows the store: the limits
 * answer 409 (or 413) with a reason, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

describe('growth limits', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
  });
  afterAll(() => t.rt.stop());

  it('a data request takes at most 10 rounds of clarification of 5,000 characters each', async () => {
    const lead = await t.tokenFor('vnm-a05', 'VNM');
    const bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    const ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Q', legalBasis: { code: 'UNCC', text: 'art. 40' } })).body.id;
    const request = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      providerOrgId: 'mekong-bank',
      type: 'production',
      legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
      description: 'Statements',
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    });
    const id = request.body.id as string;
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank)).status).toBe(200);
    const long = '€'.repeat(5000);
    for (let round = 0; round < 10; round++) {
      expect((await t.call('POST', `/v1/portal/requests/${id}/clarification`, bank, { question: long })).status).toBe(200);
      const answered = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/clarification-answer`, lead, { answer: long });
      expect(answered.status).toBe(200);
    }
    const eleventh = await t.call('POST', `/v1/portal/requests/${id}/clarification`, bank, { question: 'one more?' });
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.detail).toMatch(/at most 10 rounds/);
  });
});
