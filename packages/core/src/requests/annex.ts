import type { AnnexCertificate } from './order-model';
import type { DataRequest } from './request';
import { requestType } from './types/index';

/**
 * An e-Evidence order's certificate laid out as its annex (Annex I for an EPOC, Annex II for an
 * EPOC-PR): the sections in the annex's order with their letters, each with its fields. The
 * partner reads it so (partner-view.ts), and the certificate file is written from it (XML, below):
 * one layout, in the type's descriptor (types/epoc.ts, types/epoc-pr.ts).
 */
export const annexOf = (r: DataRequest): AnnexCertificate | undefined => {
  const order = requestType(r.type).order;
  const c = r.certificate;
  if (!order || !c) return undefined;
  const v = r.validation?.status === 'validated' ? r.validation : undefined;
  const one = (x: string | undefined) => (x === undefined ? [] : [x]);
  const fields: Record<string, { values: string[]; enum?: string }> = {
    issuingState: { values: [c.issuingState] },
    addresseeName: { values: [c.addressee.name] },
    addresseeKind: { values: [c.addressee.kind], enum: 'addresseeKind' },
    addresseeMemberState: { values: [c.addressee.memberState] },
    fileReference: { values: one(c.fileReference) },
    urgency: { values: [r.urgency], enum: 'urgency' },
    dueAt: { values: one(r.clock?.dueAt) },
    emergencyJustification: { values: one(c.emergencyJustification) },
    categories: { values: [...c.categories], enum: 'dataCategory' },
    targets: { values: r.selectors.map((s) => `${s.type}: ${s.value}`) },
    period: { values: r.period ? [r.period.from, r.period.to] : [] },
    dataRequested: { values: [c.dataRequested] },
    preservationReference: { values: one(c.preservationReference) },
    userInformation: { values: [c.userInformation.delay ? 'delayed' : 'informed'], enum: 'userInformation' },
    userInformationReason: { values: one(c.userInformation.reason) },
    personResidesInIssuingState: { values: [c.personResidesInIssuingState ? 'yes' : 'no'], enum: 'yesNo' },
    enforcingAuthority: { values: one(c.enforcingAuthority) },
    offenceDescription: { values: [c.offence.description] },
    legalProvision: { values: [c.offence.legalProvision] },
    maxPenalty: { values: one(c.offence.maxPenalty) },
    issuingAuthorityKind: { values: [c.issuingAuthority.kind], enum: 'authorityKind' },
    issuingAuthorityName: { values: [c.issuingAuthority.name] },
    issuingAuthorityContact: { values: [c.issuingAuthority.contact] },
    validatingAuthorityKind: { values: one(v?.authority?.kind), enum: 'authorityKind' },
    validatingAuthorityName: { values: one(v?.authority?.name) },
    validatedAt: { values: one(v?.at) },
    subsequentRequest: { values: one(c.subsequentRequest), enum: 'subsequentRequest' },
    contactAuthority: { values: one(c.contactAuthority) },
    additionalInformation: { values: one(c.additionalInformation) },
    issuedAt: { values: [r.createdAt] },
  };
  return {
    form: order.form,
    annex: order.annex,
    sections: order.sections.map((s) => ({
      letter: s.letter,
      id: s.id,
      fields: s.fields.map((id) => ({ id, values: fields[id]?.values ?? [], ...(fields[id]?.enum ? { enum: fields[id].enum } : {}) })),
    })),
  };
};

// Characters XML 1.0 cannot carry at all (controls other than tab and line ends, lone surrogates, U+FFFE/FFFF).
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text or an attribute value, escaped for XML; characters XML cannot carry become U+FFFD. */
export const xmlEscape = (s: string): string => s.replace(NOT_XML, '\uFFFD').replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);

/** The namespace of the certificate file: the platform's own, one element per annex section and field (docs/e-evidence.md). */
const CERTIFICATE_NS = 'urn:taskforce:e-evidence:certificate:1';

/** The certificate as an XML document: the annex layout above, for the e-Evidence decentralised IT system's connector. */
export const certificateXml = (r: DataRequest, a: AnnexCertificate): string => {
  const attrs = (o: Record<string, string>) =>
    Object.entries(o)
      .map(([k, v]) => ` ${k}="${xmlEscape(v)}"`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<certificate xmlns="${CERTIFICATE_NS}"${attrs({ form: a.form, annex: a.annex, regulation: '(EU) 2023/1543', request: r.id, status: r.status })}>`,
    ...a.sections.flatMap((s) => [
      `  <section${attrs({ letter: s.letter, id: s.id })}>`,
      ...s.fields.map(
        (f) =>
          `    <field${attrs({ id: f.id, ...(f.enum ? { enum: f.enum } : {}) })}>${f.values.map((x) => `<value>${xmlEscape(x)}</value>`).join('')}</field>`,
      ),
      '  </section>',
    ]),
    '</certificate>',
    '',
  ];
  return lines.join('\n');
};
