import type { RequestTypeDescriptor } from './descriptor';
import { orderIssues, validationOf } from './epoc';
import { EU_PRESERVATION_CLOCK, preservation } from './preservation';

/**
 * EPOC-PR: preservation of electronic evidence (Annex II) pending a subsequent request for
 * production: kept 60 days, extendable by 30 (Art. 11(1)), the EU preservation row of the clock
 * table. Answered as a preservation; never urgent (the regulation gives it no emergency period).
 */
export const epocPr: RequestTypeDescriptor<'epoc_pr'> = {
  ...preservation,
  id: 'epoc_pr',
  order: {
    form: 'EPOC-PR',
    annex: 'II',
    validation: (c) => validationOf(c, false),
    notifies: () => false,
    sections: [
      { letter: 'A', id: 'addressee', fields: ['issuingState', 'addresseeName', 'addresseeKind', 'addresseeMemberState', 'fileReference'] },
      { letter: 'B', id: 'subsequentRequest', fields: ['subsequentRequest'] },
      { letter: 'C', id: 'data', fields: ['categories', 'targets', 'period', 'dataRequested'] },
      { letter: 'D', id: 'preservationPeriod', fields: ['dueAt'] },
      { letter: 'E', id: 'offence', fields: ['offenceDescription', 'legalProvision', 'maxPenalty'] },
      { letter: 'F', id: 'issuingAuthority', fields: ['issuingAuthorityKind', 'issuingAuthorityName', 'issuingAuthorityContact'] },
      { letter: 'G', id: 'validatingAuthority', fields: ['validatingAuthorityKind', 'validatingAuthorityName', 'validatedAt'] },
      { letter: 'H', id: 'contact', fields: ['contactAuthority'] },
      { letter: 'I', id: 'additional', fields: ['additionalInformation'] },
      { letter: 'J', id: 'signature', fields: ['issuedAt'] },
    ],
  },
  create: {
    issues: (v) => [
      ...(v.urgency === 'emergency'
        ? [{ path: ['urgency'], message: 'an EPOC-PR has no emergency period: send it standard (the data is preserved on receipt)' }]
        : []),
      ...orderIssues(v, (c) =>
        c.subsequentRequest
          ? []
          : [
              {
                path: ['certificate', 'subsequentRequest'],
                message: 'say which request for production will follow (Art. 6(1)): an EPOC, an EIO or mutual legal assistance',
              },
            ],
      ),
    ],
  },
  clocks: [EU_PRESERVATION_CLOCK],
};
