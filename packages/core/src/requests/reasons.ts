import * as z from 'zod/mini';

/**
 * Why a partner cannot comply, after the grounds of Annex III of the EU e-Evidence
 * Regulation (2023/1543) certificate on impossibility to execute. A file of its own so the
 * request record and its per-target answers (answers/, freezes/) share it without a cycle.
 */
export const CANNOT_COMPLY_REASONS = {
  incomplete: 'The request is incomplete',
  manifest_errors: 'The request contains manifest errors',
  insufficient_information: 'The request does not contain sufficient information to execute it',
  data_not_stored: 'The data requested is not stored, or was deleted before the request was received',
  person_not_identified: 'The person whose data is sought cannot be identified or is not a user of the service',
  service_not_covered: 'The service is not provided by the addressee or not covered by the instrument',
  de_facto_impossible: 'Executing the request is impossible because of circumstances beyond the addressee’s control',
  conflicting_obligations: 'Complying would conflict with the law of a third country',
  other: 'Other reasons, explained in the detail',
} as const;
export type CannotComplyReason = keyof typeof CANNOT_COMPLY_REASONS;
export const CannotComplyReason = z.enum(Object.keys(CANNOT_COMPLY_REASONS) as [CannotComplyReason]);
