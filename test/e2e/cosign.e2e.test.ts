import { settledAudit } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const HOUR = 3_600_000;

const emergency = {
  providerOrgId: 'mekong-bank',
  type: 'emergency_disclosure',
  urgency: 'emergency',
  legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 35', reference: 'VNM-A05/2026/200' },
  description: 'Threat to life: the holder of this account announced an attack tonight',
  selectors: [{ type: 'email', value: 'holder@example.com' }],
};

describe('two officers for an emergency request, through the API', () => {
  let t: TestRuntime;
  let lead: string;
  let secondNoMfa: string;
  let second: string;
  let fbi: string;
  let bank: string;
  let ws: string;

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    // The same agency's second officer: once signed in with a password only, once with a one-time code too.
    second = await t.rt.token({ orgId: 'vnm-a05', roles: ['officer'], sub: 'vnm-a05-second', amr: ['pwd', 'otp'] });
    secondNoMfa = await t.rt.token({ orgId: 'vnm-a05', roles: ['officer'], sub: 'vnm-a05-second', amr: ['pwd'] });
    fbi = await t.rt.token({ orgId: 'usa-fbi', roles: ['officer'], amr: ['mfa'] });
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi)).status).toBe(200);
    const duty = await t.tokenFor('vnm-a05', 'VNM', ['duty_contact']);
    const rung = { orgId: 'vnm-a05', people: [], channels: [{ kind: 'phone', address: '+84 24 3939 1111' }] };
    expect((await t.call('PUT', '/v1/contacts/VNM', duty, { duty: rung, backup: rung, nationalLead: rung })).status).toBe(201);
  });
  afterAll(() => t.rt.stop());

  it('holds the request from the partner until a second officer with MFA approves it; the partner sees the confirmation and the 24/7 line', async () => {
    const created = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, emergency);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'awaiting_cosign', cosign: { status: 'awaiting' } });
    expect(created.body.clock).toBeUndefined();
    const id = created.body.id;
    expect((await t.call('GET', '/v1/portal/requests', bank)).body.items).toEqual([]);
    expect((await t.call('GET', `/v1/portal/requests/${id}`, bank)).status).toBe(404);
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank)).status).toBe(404);

    const own = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/cosign`, lead, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/you sent this request/);
    const noMfa = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/cosign`, secondNoMfa, { decision: 'approve' });
    expect(noMfa.status).toBe(403);
    expect(noMfa.headers.get('content-type')).toMatch(/problem\+json/);
    expect(noMfa.body.detail).toMatch(/second factor \(MFA\)/);
    const foreign = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/cosign`, fbi, { decision: 'approve' });
    expect(foreign.status).toBe(403);

    t.clock.advance(HOUR);
    const approved = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/cosign`, second, { decision: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'sent',
      cosign: { status: 'approved', by: { sub: 'vnm-a05-second', mfa: true } },
      clock: { rule: 'emergency', startedAt: t.clock.now().toISOString() },
    });

    const seen = await t.call('GET', `/v1/portal/requests/${id}`, bank);
    expect(seen.status).toBe(200);
    expect(seen.body.confirmation).toEqual({
      officers: 2,
      mfa: true,
      agency: { orgId: 'vnm-a05', name: 'A05', country: 'VNM' },
      confirmedAt: t.clock.now().toISOString(),
      callback: '+84 24 3939 1111',
    });
    expect(JSON.stringify(seen.body)).not.toMatch(/vnm-a05-second|vnm-a05-officer/);
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank)).status).toBe(200);

    const { entries } = await settledAudit(t.rt.deps, ws);
    expect(
      entries
        .filter((e) => e.target.id === id)
        .map((e) => e.action)
        .filter((a) => a !== 'request.read'),
    ).toEqual(['request.cosign_requested', 'request.cosigned', 'request.acknowledged']);
    expect(entries.find((e) => e.action === 'request.cosigned')).toMatchObject({
      actor: { sub: 'vnm-a05-second' },
      details: { sender: 'vnm-a05-officer', cosigner: 'vnm-a05-second', mfa: true, outcome: 'approved' },
    });
  });

  it('lets a second officer refuse it, and lapses one nobody co-signs within the emergency clock', async () => {
    const refused = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, emergency)).body.id;
    const out = await t.call('POST', `/v1/workspaces/${ws}/requests/${refused}/cosign`, second, {
      decision: 'refuse',
      reason: 'not verified',
    });
    expect(out.body).toMatchObject({ status: 'cosign_refused', cosign: { status: 'refused', reason: 'not verified' } });

    const waiting = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, emergency)).body;
    t.clock.advance(8 * HOUR);
    expect((await t.rt.sweep()).fired.map((f) => f.kind)).toContain('request.cosign_lapse');
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${waiting.id}`, lead)).body).toMatchObject({
      status: 'lapsed',
      cosign: { status: 'lapsed' },
    });
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${waiting.id}/cosign`, second, { decision: 'approve' })).status).toBe(409);
    expect((await t.call('GET', '/v1/portal/requests', bank)).body.items.map((r: { id: string }) => r.id)).not.toContain(waiting.id);
  });

  it("follows the agency's rule: its policy_admin may ask for a supervisor", async () => {
    const admin = await t.tokenFor('vnm-a05', 'VNM', ['policy_admin']);
    const set = await t.call('PUT', '/v1/organisations/vnm-a05/request-cosigners', admin, { cosigners: 'supervisor' });
    expect(set.status).toBe(200);
    expect(set.body.cosigners).toBe('supervisor');
    expect((await t.call('PUT', '/v1/organisations/vnm-a05/request-cosigners', lead, { cosigners: 'any_officer' })).status).toBe(403);
    const bad = await t.call('PUT', '/v1/organisations/vnm-a05/request-cosigners', admin, { cosigners: 'anyone' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.cosigners');

    const id = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, emergency)).body.id;
    const officer = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/cosign`, second, { decision: 'approve' });
    expect(officer.status).toBe(403);
    expect(officer.body.detail).toMatch(/supervisor/);
    const supervisor = await t.rt.token({ orgId: 'vnm-a05', roles: ['officer', 'supervisor'], sub: 'vnm-a05-chief', amr: ['otp'] });
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/cosign`, supervisor, { decision: 'approve' })).body.status).toBe(
      'sent',
    );
    expect((await t.call('PUT', '/v1/organisations/vnm-a05/request-cosigners', admin, { cosigners: 'any_officer' })).status).toBe(200);
  });

  it('names the field of a malformed decision', async () => {
    const id = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, emergency)).body.id;
    const bad = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/cosign`, second, { decision: 'refuse' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.reason');
  });
});
