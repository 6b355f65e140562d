/**
 * Domain errors. Each carries a stable `code`; the API maps codes to HTTP statuses and
 * problem+json `type`s in one place, so the core never speaks HTTP.
 */
export type DomainErrorCode =
  | 'not_found'
  | 'validation'
  | 'forbidden'
  | 'conflict'
  | 'stale_version'
  | 'precondition_required'
  | 'idempotency_mismatch'
  | 'unauthenticated'
  | 'too_large'
  /** Contention that outlasted the retry budget: worth retrying after a short delay (503 with Retry-After). */
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A record the caller may not see is indistinguishable from one that does not exist. */
export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const staleVersion = () => new DomainError('stale_version', 'the record was changed by someone else; read it again', 'If-Match');
export const unavailable = (message: string) => new DomainError('unavailable', message);
export const invalid = (field: string, message: string) => new DomainError('validation', message, field);

/**
 * Raised by a store when a commit's conditions fail. `reason` says which kind of condition:
 * - `stale`: a record's expected version did not match: someone wrote in between; the runner reads
 *   again and retries (then 503). A caller's stale If-Match is a 409, decided on the fresh read;
 * - `exists`: a record that had to be absent exists (duplicate create);
 * - `missing`: a record that had to be present is gone (e.g. a timer another sweep claimed);
 * - `contention`: the transaction collided with another on the same items (retry shortly);
 * - `idempotency`: another request with the same Idempotency-Key committed first (replay it).
 */
export type CommitConflictReason = 'stale' | 'exists' | 'missing' | 'contention' | 'idempotency';

export class CommitConflict extends Error {
  constructor(
    readonly reason: CommitConflictReason,
    readonly detail?: string,
  ) {
    super(`commit conflict: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'CommitConflict';
  }
}
