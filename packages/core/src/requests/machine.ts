import { isTerminal } from '../kernel/machines';
import type { RequestStatus } from './request';

/**
 * Data requests (DESIGN: draft → sent → acknowledged ⇄ clarification_requested → an outcome).
 * An asset freeze answered frozen holds until the agency releases it or its period lapses.
 */
export const requestTransitions: Record<RequestStatus, readonly RequestStatus[]> = {
  draft: ['sent', 'withdrawn'],
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
