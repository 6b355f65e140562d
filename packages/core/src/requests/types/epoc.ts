import { EMERGENCY_CLOCK, EU_PRODUCTION_NOTIFIED_CLOCK, PRODUCTION_CLOCK, productionType } from './common';
import type { CertificateShape, CreateIssue, CreateSubject, OrderRules } from './descriptor';

/**
 * e-Evidence orders (Regulation (EU) 2023/1543, applicable from 18 August 2026): the European
 * Production Order Certificate (EPOC, Annex I) here, the European Preservation Order Certificate
 * (EPOC-PR, Annex II) in ./epoc-pr.ts. What both share is here too: the data categories, the
 * kinds of authority, the rule of Art. 4 on who issues and who must validate, and the checks of a
 * certificate that a schema alone cannot make (the record's schema is ../orders.ts).
 */

/** Art. 3(9)-(12): subscriber data, data requested solely to identify the user, traffic data, content data. */
export const DATA_CATEGORIES = ['subscriber', 'identification', 'traffic', 'content'] as const;
/** Who may issue an order (Art. 4): a judge, a court, an investigating judge, a prosecutor, or another competent authority. */
export const ISSUING_AUTHORITIES = ['judge', 'court', 'investigating_judge', 'prosecutor', 'other_competent_authority'] as const;
/** Who may validate one: the same, less the other competent authority. */
export const VALIDATING_AUTHORITIES = ['judge', 'court', 'investigating_judge', 'prosecutor'] as const;

const JUDICIAL = ['judge', 'court', 'investigating_judge'] as const;
/** Traffic data other than for identification, and content data: only a judge, a court or an investigating judge (Art. 4(2)). */
const isSensitive = (c: Pick<CertificateShape, 'categories'>) => c.categories.some((x) => x === 'traffic' || x === 'content');

/**
 * Art. 4: an EPOC for traffic or content data is issued by a judge, a court or an investigating
 * judge, or validated by one; any other order (EPOC for subscriber or identification data, any
 * EPOC-PR) by one of those or a prosecutor, or validated by one of them. `sensitive` is false for an EPOC-PR.
 */
export const validationOf = (c: CertificateShape, sensitive: boolean) => {
  const alone: readonly string[] = sensitive ? JUDICIAL : VALIDATING_AUTHORITIES;
  return alone.includes(c.issuingAuthority.kind) ? undefined : { validators: alone };
};

/** Checks every order's certificate gets, at `certificate.<field>`. */
export const orderIssues = (v: CreateSubject, more: (c: CertificateShape) => CreateIssue[]): CreateIssue[] => {
  const out: CreateIssue[] = [];
  const name = v.type === 'epoc' ? 'an EPOC' : 'an EPOC-PR';
  if (v.legalBasis.code !== 'EU-EEVIDENCE')
    out.push({ path: ['legalBasis', 'code'], message: `${name} rests on Regulation (EU) 2023/1543: set the code EU-EEVIDENCE` });
  if (!v.period) out.push({ path: ['period'], message: `${name} names the time range of the data it asks for` });
  const c = v.certificate;
  if (!c) return [...out, { path: ['certificate'], message: `${name} carries its certificate (the annex's sections)` }];
  if (c.userInformation.delay && !c.userInformation.reason)
    out.push({ path: ['certificate', 'userInformation', 'reason'], message: 'say why the user is not to be informed (Art. 13(3))' });
  return [...out, ...more(c)];
};

const needs = (path: string[], message: string, missing: boolean): CreateIssue[] => (missing ? [{ path, message }] : []);

const EPOC_RULES: OrderRules = {
  form: 'EPOC',
  annex: 'I',
  validation: (c) => validationOf(c, isSensitive(c)),
  // Art. 8(1): traffic or content data of a person the issuing authority believes does not reside in the issuing State.
  notifies: (c) => isSensitive(c) && !c.personResidesInIssuingState,
  sections: [
    { letter: 'A', id: 'addressee', fields: ['issuingState', 'addresseeName', 'addresseeKind', 'addresseeMemberState', 'fileReference'] },
    { letter: 'B', id: 'timeLimits', fields: ['urgency', 'dueAt'] },
    { letter: 'C', id: 'emergency', fields: ['emergencyJustification'] },
    { letter: 'D', id: 'data', fields: ['categories', 'targets', 'period', 'dataRequested'] },
    { letter: 'E', id: 'preservation', fields: ['preservationReference'] },
    { letter: 'F', id: 'userInformation', fields: ['userInformation', 'userInformationReason'] },
    { letter: 'G', id: 'notification', fields: ['personResidesInIssuingState', 'enforcingAuthority'] },
    { letter: 'H', id: 'offence', fields: ['offenceDescription', 'legalProvision', 'maxPenalty'] },
    { letter: 'I', id: 'issuingAuthority', fields: ['issuingAuthorityKind', 'issuingAuthorityName', 'issuingAuthorityContact'] },
    { letter: 'J', id: 'validatingAuthority', fields: ['validatingAuthorityKind', 'validatingAuthorityName', 'validatedAt'] },
    { letter: 'K', id: 'contact', fields: ['contactAuthority'] },
    { letter: 'L', id: 'additional', fields: ['additionalInformation'] },
    { letter: 'M', id: 'signature', fields: ['issuedAt'] },
  ],
};

/**
 * EPOC: production of electronic evidence (Annex I): 10 days, 8 hours in an emergency
 * (Art. 10(2), (4)); where the enforcing State is notified (Art. 8), its objection window first.
 */
export const epoc = productionType('epoc', [EMERGENCY_CLOCK, EU_PRODUCTION_NOTIFIED_CLOCK, PRODUCTION_CLOCK], {
  order: EPOC_RULES,
  create: {
    issues: (v) =>
      orderIssues(v, (c) => [
        ...needs(
          ['certificate', 'offence', 'maxPenalty'],
          'traffic and content data are ordered only for offences punishable by at least 3 years or listed in Art. 5(4): give the maximum penalty',
          isSensitive(c) && !c.offence.maxPenalty,
        ),
        ...needs(
          ['certificate', 'emergencyJustification'],
          'an emergency order says why (an imminent threat to life, physical integrity or safety, or to critical infrastructure)',
          v.urgency === 'emergency' && !c.emergencyJustification,
        ),
        ...needs(
          ['certificate', 'enforcingAuthority'],
          'the enforcing State is notified of traffic or content data of a person not residing in the issuing State (Art. 8): name its authority',
          EPOC_RULES.notifies(c) && !c.enforcingAuthority,
        ),
      ]),
    // Only an order carries a certificate.
    reserved: (v) =>
      v.certificate && v.type !== 'epoc_pr' ? [{ path: ['certificate'], message: 'only an EPOC or an EPOC-PR carries a certificate' }] : [],
  },
});
