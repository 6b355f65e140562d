import { describe, expect, it } from 'vitest';
import {
  CreateRequestInput,
  cosignRequest,
  createRequest,
  DomainError,
  getInboxRequest,
  getRequest,
  listInbox,
  type Principal,
  sendRequest,
  setCosigners,
  setCountryContacts,
  sweepDue,
  withdrawRequest,
} from '../../src/index';
import { settledAudit } from '../../testing';
import { isNotFound, principal, taskforce, vnm, world } from '../world';

const HOUR = 3_600_000;
const bank = principal('mekong-bank', 'THA', ['responder'], 'provider');
/** A second officer of the sending agency, signed in with MFA. */
const second: Principal = { ...principal('vnm-a05', 'VNM'), sub: 'vnm-a05-second', mfa: true };
const supervisor: Principal = { ...second, sub: 'vnm-a05-supervisor', roles: ['officer', 'supervisor'] };
const fails = (code: string, text: RegExp) => (e: unknown) => e instanceof DomainError && e.code === code && text.test(e.message);

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['usa-fbi', 'USA'],
    ['mekong-bank', 'THA', 'bank'],
  ]);
  const fbi = principal('usa-fbi', 'USA');
  const ws = await taskforce(deps, vnm, [fbi]);
  const send = (extra: Record<string, unknown> = {}, by: Principal = vnm) =>
    createRequest(
      deps,
      { principal: by },
      ws.id,
      CreateRequestInput.parse({
        providerOrgId: 'mekong-bank',
        type: 'emergency_disclosure',
        urgency: 'emergency',
        legalBasis: { code: 'BUDAPEST', text: 'Art. 35' },
        description: 'Threat to life: the account holder announced an attack',
        selectors: [{ type: 'email', value: 'payee@example.com' }],
        ...extra,
      }),
    ).then((o) => o.result);
  const cosign = (p: Principal, id: string, decision: 'approve' | 'refuse' = 'approve') =>
    cosignRequest(deps, { principal: p }, ws.id, id, decision === 'approve' ? { decision } : { decision, reason: 'not verified' });
  return { deps, ws, fbi, send, cosign };
};

describe('two officers for an emergency request', () => {
  it('keeps an emergency request from the partner until a second officer with MFA approves it; its clock starts then', async () => {
    const { deps, ws, send, cosign } = await setUp();
    const r = await send();
    expect(r).toMatchObject({ status: 'awaiting_cosign', cosign: { status: 'awaiting' } });
    expect(r.sentAt).toBeUndefined();
    expect(r.clock).toBeUndefined();
    expect(new Date(r.cosign!.dueAt).getTime() - deps.clock.now().getTime()).toBe(8 * HOUR);
    expect((await listInbox(deps, bank, { limit: 10 })).items).toEqual([]);
    await expect(getInboxRequest(deps, bank, r.id)).rejects.toSatisfy(isNotFound);
    const events = await deps.store.listEvents(ws.id, { limit: 50 });
    const asked = events.items.find((e) => e.type === 'request.cosign_requested');
    expect(asked?.audience).toEqual(['vnm-a05']);
    expect(asked?.addressees).toEqual([]);

    deps.clock.advance(HOUR);
    const approved = (await cosign(second, r.id)).result;
    expect(approved).toMatchObject({
      status: 'sent',
      cosign: { status: 'approved', by: { sub: 'vnm-a05-second', orgId: 'vnm-a05', mfa: true } },
      clock: { rule: 'emergency', startedAt: deps.clock.now().toISOString() },
    });
    expect(approved.sentAt).toBe(deps.clock.now().toISOString());
    const seen = await getInboxRequest(deps, bank, r.id);
    expect(seen.confirmation).toMatchObject({ officers: 2, mfa: true, agency: { orgId: 'vnm-a05', name: 'VNM-A05', country: 'VNM' } });
    expect(JSON.stringify(seen)).not.toMatch(/vnm-a05-second|vnm-a05-user/);
    const { entries } = await settledAudit(deps, ws.id);
    const entry = entries.find((e) => e.action === 'request.cosigned');
    expect(entry).toMatchObject({
      actor: { sub: 'vnm-a05-second' },
      details: { sender: 'vnm-a05-user', cosigner: 'vnm-a05-second', mfa: true, outcome: 'approved' },
    });
  });

  it('gives the partner the requesting country’s 24/7 line to call back', async () => {
    const { deps, send, cosign } = await setUp();
    const duty = principal('vnm-a05', 'VNM', ['duty_contact']);
    await setCountryContacts(
      deps,
      { principal: duty },
      'VNM',
      {
        duty: { orgId: 'vnm-a05', people: [{ name: 'A05 duty desk', phone: '+84 24 3939 0000' }], channels: [] },
        backup: { orgId: 'vnm-a05', people: [], channels: [] },
        nationalLead: { orgId: 'vnm-a05', people: [], channels: [] },
      },
      undefined,
    );
    const r = await send();
    await cosign(second, r.id);
    expect((await getInboxRequest(deps, bank, r.id)).confirmation?.callback).toBe('+84 24 3939 0000');
  });

  it('refuses the sender co-signing their own request, and anyone of another agency', async () => {
    const { send, cosign, fbi } = await setUp();
    const r = await send();
    await expect(cosign({ ...vnm, mfa: true }, r.id)).rejects.toSatisfy(fails('forbidden', /you sent this request/));
    await expect(cosign({ ...fbi, mfa: true }, r.id)).rejects.toSatisfy(fails('forbidden', /agency that sent/));
  });

  it('refuses a second officer who signed in without MFA, saying why', async () => {
    const { send, cosign } = await setUp();
    const r = await send();
    await expect(cosign({ ...second, mfa: false }, r.id)).rejects.toSatisfy(fails('forbidden', /second factor \(MFA\)/));
  });

  it('asks for a supervisor when the agency says so', async () => {
    const { deps, send, cosign } = await setUp();
    const admin = principal('vnm-a05', 'VNM', ['policy_admin']);
    await setCosigners(deps, { principal: admin }, 'vnm-a05', 'supervisor');
    await expect(
      setCosigners(deps, { principal: principal('usa-fbi', 'USA', ['policy_admin']) }, 'vnm-a05', 'any_officer'),
    ).rejects.toSatisfy(fails('forbidden', /own administrators/));
    const r = await send();
    await expect(cosign(second, r.id)).rejects.toSatisfy(fails('forbidden', /supervisor/));
    expect((await cosign(supervisor, r.id)).result.status).toBe('sent');
  });

  it('lets a second officer refuse it: it is never sent', async () => {
    const { deps, ws, send, cosign } = await setUp();
    const r = await send();
    const refused = (await cosign(second, r.id, 'refuse')).result;
    expect(refused).toMatchObject({ status: 'cosign_refused', cosign: { status: 'refused', reason: 'not verified' } });
    await expect(cosign(supervisor, r.id)).rejects.toSatisfy(fails('conflict', /not waiting/));
    expect((await listInbox(deps, bank, { limit: 10 })).items).toEqual([]);
    const { entries } = await settledAudit(deps, ws.id);
    expect(entries.find((e) => e.action === 'request.cosign_refused')?.details).toMatchObject({
      sender: 'vnm-a05-user',
      cosigner: 'vnm-a05-second',
      outcome: 'refused',
    });
  });

  it('lapses when nobody co-signs within the emergency clock, not before', async () => {
    const { deps, ws, send, cosign } = await setUp();
    const r = await send();
    deps.clock.set(new Date(new Date(r.cosign!.dueAt).getTime() - 1));
    await sweepDue(deps);
    expect((await getRequest(deps, vnm, ws.id, r.id)).status).toBe('awaiting_cosign');
    deps.clock.set(r.cosign!.dueAt);
    expect((await sweepDue(deps)).fired.map((f) => f.kind)).toEqual(['request.cosign_lapse']);
    expect(await getRequest(deps, vnm, ws.id, r.id)).toMatchObject({ status: 'lapsed', cosign: { status: 'lapsed' } });
    await expect(cosign(second, r.id)).rejects.toSatisfy(fails('conflict', /not waiting/));
    expect((await listInbox(deps, bank, { limit: 10 })).items).toEqual([]);
  });

  it('puts an urgent asset freeze and a sent draft through the same; a standard freeze goes at once', async () => {
    const { deps, send, cosign, ws } = await setUp();
    const freeze = {
      type: 'asset_freeze',
      legalBasis: { code: 'PROVISIONAL-MEASURE', text: 'UNCC art. 31' },
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
      assets: [{ target: 0, asset: 'EUR', amount: '1000' }],
    };
    expect((await send({ ...freeze, urgency: 'emergency' })).status).toBe('awaiting_cosign');
    expect((await send({ ...freeze, urgency: 'standard' })).status).toBe('sent');
    const draft = await send({ send: false });
    const waiting = (await sendRequest(deps, { principal: vnm }, ws.id, draft.id)).result;
    expect(waiting.status).toBe('awaiting_cosign');
    const withdrawn = (await withdrawRequest(deps, { principal: vnm }, ws.id, draft.id, 'sent by mistake')).result;
    expect(withdrawn.status).toBe('withdrawn');
    deps.clock.set(waiting.cosign!.dueAt);
    await sweepDue(deps);
    expect((await getRequest(deps, vnm, ws.id, draft.id)).status).toBe('withdrawn');
    await expect(cosign(second, draft.id)).rejects.toSatisfy(fails('conflict', /not waiting/));
  });
});
