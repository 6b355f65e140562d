import { describe, expect, it } from 'vitest';
import {
  acknowledgeRequest,
  CreateRequestInput,
  certificateXml,
  createRequest,
  DomainError,
  extendRequest,
  getCertificate,
  getInboxRequest,
  type Principal,
  respondToRequest,
  sendRequest,
  validateOrder,
  xmlEscape,
} from '../../src/index';
import { validationRuleOf } from '../../src/requests/types/index';
import { settledAudit } from '../../testing';
import { isNotFound, principal, taskforce, vnm, world } from '../world';

const DAY = 86_400_000;
const bank = principal('mekong-bank', 'THA', ['responder'], 'provider');
/** A prosecutor of the issuing agency, who validates its orders. */
const prosecutor: Principal = { ...principal('vnm-a05', 'VNM', ['officer', 'validating_authority']), sub: 'vnm-a05-prosecutor' };
const fails = (code: string, text: RegExp) => (e: unknown) => e instanceof DomainError && e.code === code && text.test(e.message);

const CERTIFICATE = {
  issuingState: 'VNM',
  addressee: { name: 'Mekong Bank EU legal representative', kind: 'legal_representative', memberState: 'IRL' },
  categories: ['subscriber'],
  dataRequested: 'Name, address and date of registration of the account holder',
  userInformation: { delay: false },
  personResidesInIssuingState: true,
  offence: { description: 'Computer fraud', legalProvision: 'Penal Code art. 290' },
  issuingAuthority: { kind: 'other_competent_authority', name: 'A05 Cybercrime Department', contact: '+84 24 0000 0000' },
};
const order = (type: 'epoc' | 'epoc_pr', certificate: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  providerOrgId: 'mekong-bank',
  type,
  legalBasis: { code: 'EU-EEVIDENCE', text: 'Regulation (EU) 2023/1543' },
  description: 'Fraud ring',
  selectors: [{ type: 'email', value: 'payee@example.com' }],
  period: { from: '2025-01-01T00:00:00.000Z', to: '2025-06-01T00:00:00.000Z' },
  certificate: { ...CERTIFICATE, ...(type === 'epoc_pr' ? { subsequentRequest: 'epoc' } : {}), ...certificate },
  ...extra,
});
/** The paths the input refuses, joined with dots. */
const refused = (input: unknown) => {
  const out = CreateRequestInput.safeParse(input);
  return out.success ? [] : out.error.issues.map((i) => i.path.join('.'));
};

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['usa-fbi', 'USA'],
    ['mekong-bank', 'THA', 'bank'],
  ]);
  const ws = await taskforce(deps, vnm, [principal('usa-fbi', 'USA')]);
  const issue = (input: Record<string, unknown>) =>
    createRequest(deps, { principal: vnm }, ws.id, CreateRequestInput.parse(input)).then((o) => o.result);
  const validate = (p: Principal, id: string, kind = 'prosecutor') =>
    validateOrder(deps, { principal: p }, ws.id, id, {
      decision: 'validate',
      authority: { kind, name: 'Hanoi People’s Procuracy' },
    } as never);
  return { deps, ws, issue, validate };
};

describe('e-Evidence orders: who must validate (Art. 4)', () => {
  const rule = (type: string, kind: string, categories: string[]) =>
    validationRuleOf({ type, certificate: { ...CERTIFICATE, categories, issuingAuthority: { kind } } as never })?.validators;
  it('lets a judge, court or investigating judge issue any order alone, and a prosecutor subscriber and identification data and preservation', () => {
    expect(rule('epoc', 'judge', ['content'])).toBeUndefined();
    expect(rule('epoc', 'investigating_judge', ['traffic'])).toBeUndefined();
    expect(rule('epoc', 'prosecutor', ['subscriber', 'identification'])).toBeUndefined();
    expect(rule('epoc_pr', 'prosecutor', ['content'])).toBeUndefined();
  });
  it('has a prosecutor’s order for traffic or content data validated by a judge, and another authority’s by a judge or prosecutor', () => {
    expect(rule('epoc', 'prosecutor', ['subscriber', 'traffic'])).toEqual(['judge', 'court', 'investigating_judge']);
    expect(rule('epoc', 'other_competent_authority', ['content'])).toEqual(['judge', 'court', 'investigating_judge']);
    expect(rule('epoc', 'other_competent_authority', ['subscriber'])).toEqual(['judge', 'court', 'investigating_judge', 'prosecutor']);
    expect(rule('epoc_pr', 'other_competent_authority', ['content'])).toEqual(['judge', 'court', 'investigating_judge', 'prosecutor']);
    expect(rule('production', 'other_competent_authority', ['content'])).toBeUndefined();
  });
});

describe('e-Evidence orders: the annex’s fields', () => {
  it('takes a complete certificate', () => {
    expect(refused(order('epoc'))).toEqual([]);
    expect(refused(order('epoc_pr'))).toEqual([]);
  });
  it('names each missing or wrong field of the certificate', () => {
    expect(refused(order('epoc', { categories: ['content'] }))).toEqual(['certificate.offence.maxPenalty']);
    expect(
      refused(
        order('epoc', {
          categories: ['traffic'],
          personResidesInIssuingState: false,
          offence: { ...CERTIFICATE.offence, maxPenalty: '7 years' },
        }),
      ),
    ).toEqual(['certificate.enforcingAuthority']);
    expect(refused(order('epoc', {}, { urgency: 'emergency' }))).toEqual(['certificate.emergencyJustification']);
    expect(refused(order('epoc', { userInformation: { delay: true } }))).toEqual(['certificate.userInformation.reason']);
    expect(refused(order('epoc', { categories: [] }))).toEqual(['certificate.categories']);
    expect(refused(order('epoc', { issuingAuthority: { ...CERTIFICATE.issuingAuthority, kind: 'sheriff' } }))).toEqual([
      'certificate.issuingAuthority.kind',
    ]);
    expect(refused(order('epoc_pr', { subsequentRequest: undefined }))).toEqual(['certificate.subsequentRequest']);
    expect(refused(order('epoc_pr', {}, { urgency: 'emergency' }))).toEqual(['urgency']);
  });
  it('asks an order for its legal basis, time range and certificate, and keeps the certificate to orders', () => {
    expect(refused({ ...order('epoc'), legalBasis: { code: 'MLAT', text: 'x' } })).toEqual(['legalBasis.code']);
    const { period: _, ...noPeriod } = order('epoc');
    expect(refused(noPeriod)).toEqual(['period']);
    const { certificate: __, ...bare } = order('epoc');
    expect(refused(bare)).toEqual(['certificate']);
    expect(refused({ ...order('epoc'), type: 'production', legalBasis: { code: 'BUDAPEST', text: 'x' } })).toEqual(['certificate']);
  });
});

describe('e-Evidence orders: issue, validate, send, answer', () => {
  it('keeps an order that needs validation from the partner until a validating authority validates it and the officer sends it', async () => {
    const { deps, issue, validate, ws } = await setUp();
    const r = await issue(order('epoc'));
    expect(r).toMatchObject({ status: 'awaiting_validation', validation: { status: 'awaiting' } });
    expect(r.clock).toBeUndefined();
    await expect(getInboxRequest(deps, bank, r.id)).rejects.toSatisfy(isNotFound);
    // The issuer may not validate their own order, even holding the role (403); nor a validator of another agency.
    await expect(validate({ ...vnm, roles: ['officer', 'validating_authority'] }, r.id)).rejects.toSatisfy(
      fails('forbidden', /you issued/),
    );
    await expect(sendRequest(deps, { principal: vnm }, ws.id, r.id)).rejects.toSatisfy(fails('conflict', /awaiting validation/));
    // A validating authority of a kind the rule does not allow is named at the field.
    const out = await validate(prosecutor, r.id, 'prosecutor');
    expect(out.result).toMatchObject({ status: 'validated', validation: { status: 'validated', authority: { kind: 'prosecutor' } } });
    await expect(validate(prosecutor, r.id)).rejects.toSatisfy(fails('conflict', /not waiting/));
    const sent = (await sendRequest(deps, { principal: vnm }, ws.id, r.id)).result;
    expect(sent.status).toBe('sent');
    expect(new Date(sent.clock!.dueAt).getTime() - new Date(sent.sentAt!).getTime()).toBe(10 * DAY);
    expect(sent.clock?.objectionWindowEndsAt).toBeUndefined();
    // The partner reads the certificate as Annex I lays it out, and nothing of the workspace.
    const seen = await getInboxRequest(deps, bank, r.id);
    expect(seen.certificate?.sections.map((s) => s.letter).join('')).toBe('ABCDEFGHIJKLM');
    const field = (id: string) => seen.certificate?.sections.flatMap((s) => s.fields).find((f) => f.id === id);
    expect(field('validatingAuthorityName')?.values).toEqual(['Hanoi People’s Procuracy']);
    expect(field('categories')).toEqual({ id: 'categories', values: ['subscriber'], enum: 'dataCategory' });
    expect(JSON.stringify(seen)).not.toContain(ws.id);
    expect(JSON.stringify(seen)).not.toContain(prosecutor.sub);
    await acknowledgeRequest(deps, { principal: bank }, r.id);
    const answered = await respondToRequest(deps, { principal: bank }, r.id, { outcome: 'cannot_comply', reason: 'data_not_stored' });
    expect(answered.result.status).toBe('cannot_comply');
    const audit = await settledAudit(deps, ws.id);
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['request.validation_requested', 'request.validated', 'request.sent']),
    );
  });

  it('wants a judge for a prosecutor’s order of content data, and a refused order never reaches the partner', async () => {
    const { deps, issue, validate, ws } = await setUp();
    const r = await issue(
      order('epoc', {
        categories: ['content'],
        offence: { ...CERTIFICATE.offence, maxPenalty: '7 years' },
        issuingAuthority: { ...CERTIFICATE.issuingAuthority, kind: 'prosecutor' },
      }),
    );
    expect(r.validation?.validators).toEqual(['judge', 'court', 'investigating_judge']);
    await expect(validate(prosecutor, r.id, 'prosecutor')).rejects.toSatisfy(
      (e: unknown) => e instanceof DomainError && e.code === 'validation' && e.field === 'authority.kind',
    );
    const out = await validateOrder(deps, { principal: prosecutor }, ws.id, r.id, { decision: 'refuse', reason: 'no grounds shown' });
    expect(out.result).toMatchObject({ status: 'validation_refused', validation: { status: 'refused', reason: 'no grounds shown' } });
    await expect(sendRequest(deps, { principal: vnm }, ws.id, r.id)).rejects.toSatisfy(fails('conflict', /validation refused/));
    await expect(getInboxRequest(deps, bank, r.id)).rejects.toSatisfy(isNotFound);
  });

  it('sends a judge’s order at once; notifies the enforcing State of a non-resident’s traffic data (its objection window)', async () => {
    const { issue } = await setUp();
    const r = await issue(
      order('epoc', {
        categories: ['traffic'],
        personResidesInIssuingState: false,
        enforcingAuthority: 'An Garda Síochána',
        offence: { ...CERTIFICATE.offence, maxPenalty: '7 years' },
        issuingAuthority: { ...CERTIFICATE.issuingAuthority, kind: 'judge' },
      }),
    );
    expect(r.status).toBe('sent');
    expect(r.clock).toMatchObject({ rule: 'eu-production-notified' });
    expect(r.clock?.objectionWindowEndsAt).toBeDefined();
  });

  it('preserves an EPOC-PR 60 days, extendable once by 30 (the EU preservation row)', async () => {
    const { deps, issue, ws } = await setUp();
    const r = await issue(order('epoc_pr', { issuingAuthority: { ...CERTIFICATE.issuingAuthority, kind: 'prosecutor' } }));
    expect(r.clock).toMatchObject({ rule: 'eu-preservation' });
    const seen = await getInboxRequest(deps, bank, r.id);
    expect(seen.certificate).toMatchObject({ form: 'EPOC-PR', annex: 'II' });
    expect(seen.certificate?.sections.map((s) => s.letter).join('')).toBe('ABCDEFGHIJ');
    const extended = (await extendRequest(deps, { principal: vnm }, ws.id, r.id)).result;
    expect(new Date(extended.clock!.dueAt).getTime() - new Date(r.sentAt!).getTime()).toBe(90 * DAY);
  });
});

describe('the certificate file', () => {
  it('escapes what XML cannot carry as text', () => {
    expect(xmlEscape(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(xmlEscape('a\u0000b\u0007c\tok\uFFFF')).toBe('a\uFFFDb\uFFFDc\tok\uFFFD');
    expect(xmlEscape('Thái 😀')).toBe('Thái 😀');
  });
  it('writes the sections in annex order, escaped; a request that is no order has none (409)', async () => {
    const { deps, issue, ws } = await setUp();
    const r = await issue(
      order('epoc', { issuingAuthority: { ...CERTIFICATE.issuingAuthority, kind: 'judge' }, dataRequested: 'Logs <all> & "more"' }),
    );
    const file = await getCertificate(deps, vnm, ws.id, r.id);
    expect(file.fileName).toBe(`EPOC-${r.id}.xml`);
    expect(file.xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<certificate xmlns="urn:taskforce:e-evidence:certificate:1" form="EPOC" annex="I"/,
    );
    expect(file.xml).toContain('<field id="dataRequested"><value>Logs &lt;all&gt; &amp; &quot;more&quot;</value></field>');
    expect([...file.xml.matchAll(/<section letter="([A-Z])"/g)].map((m) => m[1]).join('')).toBe('ABCDEFGHIJKLM');
    expect(certificateXml).toBeTypeOf('function');
    const plain = await createRequest(
      deps,
      { principal: vnm },
      ws.id,
      CreateRequestInput.parse({
        ...order('epoc'),
        type: 'production',
        certificate: undefined,
        legalBasis: { code: 'BUDAPEST', text: 'x' },
      }),
    );
    await expect(getCertificate(deps, vnm, ws.id, plain.result.id)).rejects.toSatisfy(fails('conflict', /no e-Evidence order/));
    await expect(getCertificate(deps, bank, ws.id, r.id)).rejects.toSatisfy((e: unknown) => e instanceof DomainError);
  });
});
