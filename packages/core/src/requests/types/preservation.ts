import { EMERGENCY_CLOCK } from './common';
import type { ClockRow, RequestTypeDescriptor } from './descriptor';

/** EU preservation: 60 days, extendable once by 30 (e-Evidence Art. 11(1)); an EPOC-PR's clock too. */
export const EU_PRESERVATION_CLOCK: ClockRow = {
  id: 'eu-preservation',
  summary: 'EU preservation: 60 days, extendable once by 30 days',
  when: (r) => r.legalBasis.code === 'EU-EEVIDENCE',
  period: 'P60D',
  reminders: ['P7D', 'P1D'],
  remind: 'requester',
  extension: { by: 'P30D', times: 1 },
};

/**
 * Preservation: the partner keeps the data named until a production request asks for it. It is
 * answered `preserved` (or cannot comply), never per target, takes no evidence, and its clock is
 * how long the data is kept:
 * - EU preservation: 60 days, extendable once by 30 (e-Evidence Art. 11(1));
 * - US 18 U.S.C. §2703(f) preservation: 90 days, renewable once by 90;
 * - other preservation (Budapest Art. 29, national law): 60 days, extendable once by 30.
 */
export const preservation: RequestTypeDescriptor<'preservation'> = {
  id: 'preservation',
  partners: {},
  create: {},
  respond: {
    outcomes: ['preserved', 'cannot_comply'],
    refusal: () => 'a preservation request is answered with preserved; the data goes with a production request',
  },
  targets: { refused: 'a preservation request is answered with preserved; it has no per-target answer', error: 'conflict' },
  evidence: { refused: 'a preservation request keeps data; it does not take evidence', error: 'conflict' },
  clocks: [
    EMERGENCY_CLOCK,
    EU_PRESERVATION_CLOCK,
    {
      id: 'us-2703f-preservation',
      summary: 'US 18 U.S.C. §2703(f) preservation: 90 days, renewable once by 90 days',
      when: (r) => r.legalBasis.code === 'US-2703F',
      period: 'P90D',
      reminders: ['P14D', 'P1D'],
      remind: 'requester',
      extension: { by: 'P90D', times: 1 },
    },
    {
      id: 'preservation',
      summary: 'Preservation: 60 days, extendable once by 30 days',
      period: 'P60D',
      reminders: ['P7D', 'P1D'],
      remind: 'requester',
      extension: { by: 'P30D', times: 1 },
    },
  ],
  form: { newRequest: true },
};
