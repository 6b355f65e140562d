/**
 * A request type that is not part of the product, in one file: a mutual-legal-assistance request
 * to a tech company, on a treaty basis only, answered as a production within 30 days. Importing
 * this file registers it; it must be imported before the rest of core (the request schemas are
 * built from the registry when core loads).
 */
import { EMERGENCY_CLOCK, PRODUCE_PER_TARGET, PRODUCTION_ANSWER } from '../../src/requests/types/common';
import { type RequestTypeDescriptor, registerRequestType } from '../../src/requests/types/index';

export const mlaRequest: RequestTypeDescriptor<'mla_request'> = {
  id: 'mla_request',
  partners: {
    sectors: ['tech'],
    outsideSectors: (partner) => `${partner} is not a tech company; a mutual legal assistance request here goes to one`,
  },
  create: {
    issues: (v) =>
      v.legalBasis.code === 'MLAT'
        ? []
        : [{ path: ['legalBasis', 'code'], message: 'a mutual legal assistance request rests on a treaty (MLAT)' }],
  },
  respond: PRODUCTION_ANSWER,
  targets: PRODUCE_PER_TARGET,
  evidence: true,
  clocks: [
    EMERGENCY_CLOCK,
    { id: 'mla', summary: 'Mutual legal assistance: answer within 30 days', period: 'P30D', reminders: ['P7D', 'P1D'], remind: 'provider' },
  ],
  form: { newRequest: true },
};

registerRequestType(mlaRequest);
