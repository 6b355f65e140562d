import { isTerminal } from '../kernel/machines';
import type { RequestStatus } from './request';

/**
 * Data requests (DESIGN: draft → sent → acknowledged ⇄ clarification_requested → an outcome).
 * An e-Evidence order that needs validation waits in awaiting_validation, then is validated and sent (orders.ts).
 * One that needs two officers waits in awaiting_cosign before it is sent (refused, or lapsed unsigned).
 * An asset freeze answered frozen holds until the agency releases it or its period lapses.
 */
export const requestTransitions: Record<RequestStatus, readonly RequestStatus[]> = {
  draft: ['sent', 'awaiting_cosign', 'awaiting_validation', 'withdrawn'],
  awaiting_validation: ['validated', 'validation_refused', 'withdrawn'],
  validated: ['sent', 'awaiting_cosign', 'withdrawn'],
  validation_refused: [],
  awaiting_cosign: ['sent', 'cosign_refused', 'lapsed', 'withdrawn'],
  cosign_refused: [],
  sent: ['acknowledged', 'withdrawn', 'expired'],
  acknowledged: [
    'clarification_requested',
    'preserved',
    'fulfilled',
    'partially_fulfilled',
    'cannot_comply',
    'withdrawn',
    'expired',
    'frozen',
  ],
  clarification_requested: ['acknowledged', 'withdrawn'],
  preserved: ['withdrawn', 'expired'],
  fulfilled: [],
  partially_fulfilled: [],
  cannot_comply: [],
  withdrawn: [],
  expired: [],
  frozen: ['released', 'lapsed'],
  released: [],
  lapsed: [],
};
export const isTerminalRequest = (s: RequestStatus): boolean => isTerminal(requestTransitions, s);
