import { settledAudit } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGS, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const DAY = 86_400_000;
const CERTIFICATE = {
  issuingState: 'VNM',
  addressee: { name: 'Mekong Bank EU legal representative', kind: 'legal_representative', memberState: 'IRL' },
  categories: ['subscriber'],
  dataRequested: 'Name, address and date of registration of the holder of the account',
  userInformation: { delay: true, reason: 'Telling the user would warn the ring' },
  personResidesInIssuingState: true,
  offence: { description: 'Computer fraud by an organised group', legalProvision: 'Penal Code art. 290' },
  issuingAuthority: { kind: 'other_competent_authority', name: 'A05 Cybercrime Department', contact: 'a05@police.example' },
};
const epoc = {
  providerOrgId: 'mekong-bank',
  type: 'epoc',
  legalBasis: { code: 'EU-EEVIDENCE', text: 'Regulation (EU) 2023/1543, art. 5' },
  description: 'Holder of the payee account <Lotus & co>',
  selectors: [{ type: 'email', value: 'payee@example.com' }],
  period: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
  certificate: CERTIFICATE,
};

describe('e-Evidence orders through the API: issue, validate, send, answer', () => {
  let t: TestRuntime;
  let lead: string;
  let prosecutor: string;
  let fbiProsecutor: string;
  let bank: string;
  let exchange: string;
  let ws: string;

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t, [...ORGS, { id: 'coin-x', name: 'CoinX', kind: 'provider', country: 'SGP', sector: 'crypto' }]);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    prosecutor = await t.rt.token({ orgId: 'vnm-a05', roles: ['officer', 'validating_authority'], sub: 'vnm-a05-prosecutor' });
    const fbi = await t.tokenFor('usa-fbi', 'USA');
    fbiProsecutor = await t.rt.token({ orgId: 'usa-fbi', roles: ['officer', 'validating_authority'], sub: 'usa-fbi-prosecutor' });
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    exchange = await t.tokenFor('coin-x', 'SGP', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body.id;
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations`, lead, { orgId: 'usa-fbi' })).status).toBe(201);
    expect((await t.call('POST', `/v1/workspaces/${ws}/invitations/usa-fbi/accept`, fbi)).status).toBe(200);
  });
  afterAll(() => t.rt.stop());

  it('refuses an incomplete certificate with a 400 naming the field', async () => {
    const bad = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...epoc,
      certificate: { ...CERTIFICATE, categories: ['content'], userInformation: { delay: true } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['body.certificate.offence.maxPenalty', 'body.certificate.userInformation.reason']);
  });

  it('holds the order from the partner until a validating authority of the agency validates it; then the officer sends it and the partner answers', async () => {
    const issued = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, epoc);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ status: 'awaiting_validation', validation: { status: 'awaiting' } });
    const id = issued.body.id;
    expect((await t.call('GET', `/v1/portal/requests/${id}`, bank)).status).toBe(404);
    const decide = (token: string, body: unknown) => t.call('POST', `/v1/workspaces/${ws}/requests/${id}/validate`, token, body);
    const validate = { decision: 'validate', authority: { kind: 'prosecutor', name: 'Hanoi People’s Procuracy' } };

    // The issuer holds no validating role (403 from the table); with it, still not their own order (403).
    expect((await decide(lead, validate)).status).toBe(403);
    const issuerAsValidator = await t.rt.token({
      orgId: 'vnm-a05',
      roles: ['officer', 'validating_authority'],
      sub: issued.body.requestedBy.sub,
    });
    const own = await decide(issuerAsValidator, validate);
    expect(own.status).toBe(403);
    expect(own.body.detail).toMatch(/you issued this order/);
    // Another agency's validating authority: not its order (403 from the check beside the step).
    expect((await decide(fbiProsecutor, validate)).status).toBe(403);
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/send`, lead)).status).toBe(409);

    const validated = await decide(prosecutor, validate);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ status: 'validated', validation: { status: 'validated', by: { sub: 'vnm-a05-prosecutor' } } });
    expect((await decide(prosecutor, validate)).status).toBe(409);

    const sent = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/send`, lead);
    expect(sent.status).toBe(200);
    expect(new Date(sent.body.clock.dueAt).getTime() - new Date(sent.body.sentAt).getTime()).toBe(10 * DAY);

    // The addressed partner reads the certificate in Annex I's layout; another partner finds nothing.
    const seen = await t.call('GET', `/v1/portal/requests/${id}`, bank);
    expect(seen.status).toBe(200);
    expect(seen.body.certificate.form).toBe('EPOC');
    expect(seen.body.certificate.sections.map((s: { letter: string }) => s.letter).join('')).toBe('ABCDEFGHIJKLM');
    expect(JSON.stringify(seen.body)).not.toMatch(new RegExp(`${ws}|Op Lotus|usa-fbi|vnm-a05-prosecutor`));
    expect((await t.call('GET', `/v1/portal/requests/${id}`, exchange)).status).toBe(404);

    expect((await t.call('POST', `/v1/portal/requests/${id}/acknowledge`, bank)).status).toBe(200);
    const answered = await t.call('POST', `/v1/portal/requests/${id}/targets`, bank, {
      answers: [{ target: 0, decision: 'do_not_produce', reason: 'data_not_stored' }],
      close: true,
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.status).toBe('cannot_comply');

    // The certificate file: XML, sections in annex order, what it carries escaped.
    const res = await fetch(`${t.rt.url}/v1/workspaces/${ws}/requests/${id}/certificate`, { headers: { authorization: `Bearer ${lead}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="EPOC-${id}.xml"`);
    const xml = await res.text();
    expect(xml).toContain('form="EPOC" annex="I"');
    expect(xml).toContain('<field id="validatingAuthorityName"><value>Hanoi People’s Procuracy</value></field>');
    const audit = await settledAudit(t.rt.deps, ws);
    expect(audit.entries.filter((e) => e.target?.id === id).map((e) => e.action)).toEqual(
      expect.arrayContaining(['request.validation_requested', 'request.validated', 'request.sent']),
    );
  });

  it('answers a refused order with its reason, never sent; a request that is no order has no certificate (409)', async () => {
    const issued = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, epoc);
    const id = issued.body.id;
    const refused = await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/validate`, prosecutor, {
      decision: 'refuse',
      reason: 'no grounds',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'validation_refused', validation: { status: 'refused', reason: 'no grounds' } });
    expect((await t.call('POST', `/v1/workspaces/${ws}/requests/${id}/send`, lead)).status).toBe(409);
    const plain = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      ...epoc,
      type: 'production',
      certificate: undefined,
      legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
    });
    expect(plain.status).toBe(201);
    expect((await t.call('GET', `/v1/workspaces/${ws}/requests/${plain.body.id}/certificate`, lead)).status).toBe(409);
  });
});
