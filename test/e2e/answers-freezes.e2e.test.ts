import { createHash } from 'node:crypto';
import { settledAudit } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const IBAN = 'GB82 WEST 1234 5698 7654 32';
const WALLET = '0x52908400098527886E0F7030069857D2E4169EE7';

const ORGS = [
  { id: 'vnm-a05', name: 'A05', kind: 'agency', country: 'VNM' },
  { id: 'usa-fbi', name: 'FBI', kind: 'agency', country: 'USA' },
  { id: 'mekong-bank', name: 'Mekong Bank', kind: 'provider', country: 'THA', sector: 'bank' },
  { id: 'lotus-exchange', name: 'Lotus Exchange', kind: 'provider', country: 'SGP', sector: 'crypto' },
  { id: 'chatwave', name: 'ChatWave', kind: 'provider', country: 'SGP', sector: 'tech' },
] as const;

const production = {
  providerOrgId: 'mekong-bank',
  type: 'production',
  legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18' },
  description: 'KYC files and statements of three accounts',
  selectors: [
    { type: 'iban', value: IBAN },
    { type: 'account_id', value: 'MB-5519-0042', service: 'Mekong online banking' },
    { type: 'email', value: 'mule@example.org' },
  ],
};

const freeze = {
  providerOrgId: 'lotus-exchange',
  type: 'asset_freeze',
  legalBasis: { code: 'PROVISIONAL-MEASURE', text: 'Provisional measure pending a court order, UNCC art. 31', reference: 'VNM-A05/F/7' },
  description: 'Proceeds of the pig-butchering scheme: freeze pending the order of the Hanoi court',
  selectors: [
    { type: 'wallet_address', chain: 'ethereum', value: WALLET },
    { type: 'account_id', value: 'LX-88412', service: 'Lotus spot' },
  ],
  assets: [
    { target: 0, asset: 'USDT', amount: '250000' },
    { target: 1, asset: 'USD', amount: '125000.50' },
  ],
};

describe('per-target answers and asset freezes, end to end', () => {
  let t: TestRuntime;
  let lead: string;
  let fbi: string;
  let bank: string;
  let exchange: string;
  let chatwave: string;
  let ws: string;

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t, ORGS);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    exchange = await t.tokenFor('lotus-exchange', 'SGP', ['responder'], 'provider');
    chatwave = await t.tokenFor('chatwave', 'SGP', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Kraken', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi)).status).toBe(200);
  });
  afterAll(() => t.rt.stop());

  const upload = async (token: string, location: string, body: Uint8Array) =>
    fetch(`${t.rt.url}${location}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
    });

  it('answers each target in steps, links evidence to the produced ones, and derives the outcome on closing', async () => {
    const id = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, production)).body.id;
    const targets = `/v1/portal/requests/${id}/targets`;
    // Only the addressee answers; before acknowledging, nothing.
    expect((await t.call('POST', targets, chatwave, { answers: [{ target: 0, decision: 'produce' }] })).status).toBe(404);
    expect((await t.call('POST', targets, bank, { answers: [{ target: 0, decision: 'produce' }] })).status).toBe(409);
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank)).status).toBe(200);

    const noSuch = await t.call('POST', targets, bank, { answers: [{ target: 3, decision: 'produce' }] });
    expect(noSuch.status).toBe(400);
    expect(noSuch.body.errors[0].field).toBe('answers.0.target');
    const freezeWord = await t.call('POST', targets, bank, { answers: [{ target: 0, decision: 'not_held' }] });
    expect(freezeWord.status).toBe(400);
    expect(freezeWord.body.errors[0].field).toBe('answers.0.decision');
    const noReason = await t.call('POST', targets, bank, { answers: [{ target: 1, decision: 'do_not_produce' }] });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body.answers.0.reason');

    const step1 = await t.call('POST', targets, bank, {
      answers: [
        { target: 0, decision: 'produce' },
        { target: 1, decision: 'do_not_produce', reason: 'data_not_stored', detail: 'Closed in 2023; records purged' },
      ],
    });
    expect(step1.status).toBe(200);
    expect(step1.body.status).toBe('acknowledged');
    expect(step1.body.targets.map((a: { target: number; decision: string }) => [a.target, a.decision])).toEqual([
      [0, 'produce'],
      [1, 'do_not_produce'],
    ]);

    // Evidence names the targets it answers: each must exist and be answered produce.
    const content = Buffer.from('date,amount\n2026-02-01,9800\n');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const item = { fileName: 'statement.csv', size: content.length, mediaType: 'text/csv', sha256 };
    const refusedTarget = await t.call('POST', `/v1/portal/requests/${id}/evidence`, bank, { ...item, targets: [1] });
    expect(refusedTarget.status).toBe(400);
    expect(refusedTarget.body.errors[0].field).toBe('targets.0');
    expect((await t.call('POST', `/v1/portal/requests/${id}/evidence`, bank, { ...item, targets: [7] })).body.errors[0].field).toBe(
      'targets.0',
    );
    const registered = await t.call('POST', `/v1/portal/requests/${id}/evidence`, bank, { ...item, targets: [0] });
    expect(registered.status).toBe(201);
    expect(registered.body.targets).toEqual([0]);
    expect((await upload(bank, registered.headers.get('location')!, content)).status).toBe(200);

    // A produced target with evidence keeps its answer; closing needs every target decided.
    expect((await t.call('POST', targets, bank, { answers: [{ target: 0, decision: 'do_not_produce', reason: 'other' }] })).status).toBe(
      409,
    );
    const early = await t.call('POST', targets, bank, { close: true });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'close', message: expect.stringContaining('target 2') });
    // The whole-request answer is not for a request answered per target.
    expect((await t.call('POST', `/v1/portal/requests/${id}/response`, bank, { outcome: 'fulfilled' })).status).toBe(409);

    const closed = await t.call('POST', targets, bank, { answers: [{ target: 2, decision: 'produce' }], close: true });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('partially_fulfilled');
    expect((await t.call('POST', targets, bank, { answers: [{ target: 2, decision: 'produce' }] })).status).toBe(409);

    // The agencies see each decision and the evidence per target.
    const seen = (await t.call('GET', `/v1/workspaces/${ws}/requests/${id}`, fbi)).body;
    expect(seen.status).toBe('partially_fulfilled');
    expect(seen.targets).toMatchObject([
      { target: 0, decision: 'produce', evidence: 1 },
      { target: 1, decision: 'do_not_produce', reason: 'data_not_stored', detail: 'Closed in 2023; records purged', evidence: 0 },
      { target: 2, decision: 'produce', evidence: 0 },
    ]);
    const evidence = (await t.call('GET', `/v1/workspaces/${ws}/requests/${id}/evidence`, fbi)).body.items;
    expect(evidence.map((e: { targets?: number[] }) => e.targets)).toEqual([[0]]);
    const portal = (await t.call('GET', `/v1/portal/requests/${id}`, bank)).body;
    expect(portal.targets).toHaveLength(3);
    expect((await t.call('GET', `/v1/portal/requests/${id}/evidence`, bank)).body.items[0].targets).toEqual([0]);
  });

  it('answers every target the same way through the whole-request answer', async () => {
    const id = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, { ...production, type: 'subscriber_info' })).body.id;
    await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank);
    const cc = await t.call('POST', `/v1/portal/requests/${id}/response`, bank, {
      outcome: 'cannot_comply',
      reason: 'person_not_identified',
    });
    expect(cc.body.status).toBe('cannot_comply');
    expect(cc.body.targets.map((a: { decision: string; reason: string }) => [a.decision, a.reason])).toEqual([
      ['do_not_produce', 'person_not_identified'],
      ['do_not_produce', 'person_not_identified'],
      ['do_not_produce', 'person_not_identified'],
    ]);
  });

  it('sends an asset freeze only to a bank or an exchange, for accounts and wallets with an asset and amount each', async () => {
    const tech = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, { ...freeze, providerOrgId: 'chatwave' });
    expect(tech.status).toBe(400);
    expect(tech.body.errors[0].field).toBe('providerOrgId');
    const email = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...freeze,
      selectors: [{ type: 'email', value: 'mule@example.org' }, freeze.selectors[1]],
    });
    expect(email.status).toBe(400);
    expect(email.body.errors[0].field).toBe('body.selectors.0.type');
    const noAmount = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, { ...freeze, assets: [freeze.assets[0]] });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.errors[0]).toMatchObject({ field: 'body.assets', message: expect.stringContaining('selector 1') });
    const provisionalProduction = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...production,
      legalBasis: freeze.legalBasis,
    });
    expect(provisionalProduction.body.errors[0].field).toBe('body.legalBasis.code');
  });

  const frozenRequest = async () => {
    const created = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, freeze);
    expect(created.status).toBe(201);
    expect(created.body.clock.rule).toBe('asset-freeze');
    expect(new Date(created.body.clock.dueAt).getTime() - t.clock.now().getTime()).toBe(DAY);
    const id = created.body.id as string;
    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, exchange)).status).toBe(200);
    const frozen = await t.call('POST', `/v1/portal/requests/${id}/targets`, exchange, {
      answers: [
        { target: 0, decision: 'frozen', amount: '198000', reference: 'LX-FRZ-2026-0117' },
        { target: 1, decision: 'not_held' },
      ],
      close: true,
    });
    expect(frozen.status).toBe(200);
    return { id, frozen: frozen.body, frozenAt: t.clock.now().getTime() };
  };

  it('freezes, reminds the agency before the freeze lapses, renews as often as the rule allows, and releases', async () => {
    const created = (await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, freeze)).body;
    // Another partner neither sees nor answers it; the whole-request answer does not apply.
    expect((await t.call('GET', `/v1/portal/requests/${created.id}`, chatwave)).status).toBe(404);
    expect((await t.call('GET', `/v1/portal/requests/${created.id}`, bank)).status).toBe(404);
    expect((await t.call('POST', `/v1/portal/requests/${created.id}/targets`, bank, { close: true })).status).toBe(404);
    await t.call('POST', `/v1/portal/requests/${created.id}/acknowledge`, exchange);
    const whole = await t.call('POST', `/v1/portal/requests/${created.id}/response`, exchange, { outcome: 'fulfilled' });
    expect(whole.status).toBe(400);
    expect(whole.body.errors[0].field).toBe('outcome');
    const produce = await t.call('POST', `/v1/portal/requests/${created.id}/targets`, exchange, {
      answers: [{ target: 0, decision: 'produce' }],
    });
    expect(produce.body.errors[0].field).toBe('answers.0.decision');
    await t.call('POST', `/v1/workspaces/${ws}/requests/${created.id}/withdraw`, lead, { reason: 'Duplicate' });

    const { id, frozen, frozenAt } = await frozenRequest();
    expect(frozen).toMatchObject({
      status: 'frozen',
      clock: { rule: 'provisional-freeze', summary: expect.stringContaining('30 days') },
      targets: [
        { target: 0, decision: 'frozen', amount: '198000', reference: 'LX-FRZ-2026-0117' },
        { target: 1, decision: 'not_held' },
      ],
      freeze: { assets: freeze.assets, renewals: 0 },
    });
    expect(new Date(frozen.clock.dueAt).getTime() - frozenAt).toBe(30 * DAY);

    // 3 days before the freeze lapses, the requesting agency is reminded (not the partner).
    t.clock.advance(27 * DAY);
    expect((await t.rt.sweep()).fired.map((f) => f.kind)).toEqual(['request.reminder']);
    const events = await t.rt.store.listEvents(ws, { limit: 200 });
    const reminder = events.items.filter((e) => e.type === 'request.reminder' && e.subject.id === id);
    expect(reminder.map((e) => [e.audience, e.data.before])).toEqual([[['vnm-a05'], 'P3D']]);

    // A freeze is renewed (counted, and under request.freeze), never extended.
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/extend`, lead)).status).toBe(409);
    // Only the requesting agency or the lead renews; the table's request.freeze is for agencies' officers.
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/renew`, fbi)).status).toBe(403);
    const renewed = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/renew`, lead);
    expect(renewed.status).toBe(200);
    expect(renewed.body.freeze.renewals).toBe(1);
    expect(new Date(renewed.body.clock.dueAt).getTime() - frozenAt).toBe(60 * DAY);
    // The old period's end passes without a lapse.
    t.clock.advance(3 * DAY);
    expect((await t.rt.sweep()).fired.map((f) => f.kind)).toEqual([]);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}`, lead)).body.status).toBe('frozen');
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/renew`, lead)).status).toBe(200);
    const third = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/renew`, lead);
    expect(third.status).toBe(409);
    expect(third.body.detail).toContain('2 times');

    const released = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/release`, lead);
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('released');
    expect((await t.call('GET', `/v1/portal/requests/${id}`, exchange)).body.status).toBe('released');
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/release`, lead)).status).toBe(409);
    t.clock.advance(90 * DAY);
    expect((await t.rt.sweep()).fired).toEqual([]);
  });

  it('lets a freeze that is not renewed lapse, telling the partner and the agency', async () => {
    const { id, frozen } = await frozenRequest();
    const dueAt = new Date(frozen.clock.dueAt).getTime();
    const befores: string[] = [];
    for (const offset of [3 * DAY, DAY, 12 * HOUR]) {
      t.clock.set(new Date(dueAt - offset));
      const swept = await t.rt.sweep();
      expect(swept.fired.map((f) => f.kind)).toEqual(['request.reminder']);
      befores.push(offset === 12 * HOUR ? 'PT12H' : `P${offset / DAY}D`);
    }
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}`, lead)).body.status).toBe('frozen');
    t.clock.set(new Date(dueAt));
    expect((await t.rt.sweep()).fired.map((f) => f.kind)).toEqual(['request.expiry']);

    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${id}`, lead)).body.status).toBe('lapsed');
    expect((await t.call('GET', `/v1/portal/requests/${id}`, exchange)).body.status).toBe('lapsed');
    // Renewing after the lapse is too late.
    const late = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/renew`, lead);
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('lapsed');

    const events = (await t.rt.store.listEvents(ws, { limit: 500 })).items.filter((e) => e.subject.id === id);
    expect(events.filter((e) => e.type === 'request.reminder').map((e) => e.data.before)).toEqual(befores);
    const lapsed = events.find((e) => e.type === 'request.lapsed');
    expect(lapsed?.audience.sort()).toEqual(['lotus-exchange', 'vnm-a05']);
    expect(lapsed?.addressees).toEqual(['lotus-exchange']);
    expect((await t.rt.sweep()).fired).toEqual([]);

    // Audited, with no selector value and no amount in any entry.
    const entries = (await settledAudit(t.rt.deps, ws)).entries.filter((e) => e.target?.id === id);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['request.sent', 'request.responded', 'request.lapsed']));
    expect(entries.find((e) => e.action === 'request.lapsed')?.details).toMatchObject({ from: 'frozen', rule: 'provisional-freeze' });
  });

  it('keeps selector values and amounts out of every audit entry', async () => {
    const text = JSON.stringify((await settledAudit(t.rt.deps, ws)).entries.map((e) => e.details ?? {}));
    for (const secret of [WALLET, 'LX-88412', 'MB-5519-0042', 'GB82', '250000', '125000.50', '198000', 'LX-FRZ-2026-0117'])
      expect(text).not.toContain(secret);
  });
});
