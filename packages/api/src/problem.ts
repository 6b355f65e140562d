import type { DomainErrorCode } from '@taskforce/core';

/** RFC 9457 problem details. `type` values are stable and documented. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** For validation problems: each offending field and what is wrong with it (at most {@link MAX_LISTED_ERRORS}). */
  errors?: { field: string; message: string }[];
  /** How many more offending fields there were than `errors` lists. */
  errorsOmitted?: number;
  requestId?: string;
}

const PROBLEM_BASE = 'https://taskforce.invalid/problems/';

/** A validation problem lists this many offending fields at most, and says how many more there were. */
export const MAX_LISTED_ERRORS = 20;

export const problemTypes: Record<
  DomainErrorCode | 'internal' | 'not_acceptable' | 'unsupported_media_type' | 'busy' | 'unavailable',
  { status: number; title: string; slug: string }
> = {
  validation: { status: 400, title: 'Invalid request', slug: 'validation' },
  unauthenticated: { status: 401, title: 'Authentication required', slug: 'unauthenticated' },
  forbidden: { status: 403, title: 'Not allowed', slug: 'forbidden' },
  not_found: { status: 404, title: 'Not found', slug: 'not-found' },
  conflict: { status: 409, title: 'Conflict with the current state', slug: 'conflict' },
  stale_version: { status: 409, title: 'Stale version', slug: 'stale-version' },
  idempotency_mismatch: { status: 422, title: 'Idempotency-Key reused', slug: 'idempotency-key-reused' },
  precondition_required: { status: 428, title: 'If-Match required', slug: 'precondition-required' },
  too_large: { status: 413, title: 'Content too large', slug: 'content-too-large' },
  not_acceptable: { status: 406, title: 'Not acceptable', slug: 'not-acceptable' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type', slug: 'unsupported-media-type' },
  busy: { status: 503, title: 'Too many concurrent changes; try again', slug: 'busy' },
  unavailable: { status: 503, title: 'Temporarily unavailable; try again', slug: 'unavailable' },
  internal: { status: 500, title: 'Internal error', slug: 'internal' },
};

export const problem = (
  code: keyof typeof problemTypes,
  detail: string,
  extra: Partial<Pick<Problem, 'errors' | 'errorsOmitted' | 'instance' | 'requestId'>> = {},
): Problem => {
  const t = problemTypes[code];
  return { type: PROBLEM_BASE + t.slug, title: t.title, status: t.status, detail, ...extra };
};

/** Seconds a caller is asked to wait before retrying a command that lost every race for its chain. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

export const problemResponse = (p: Problem, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(p), { status: p.status, headers: { 'content-type': 'application/problem+json', ...headers } });
