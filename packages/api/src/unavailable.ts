import type { Logger } from './log';
import { problem, problemResponse } from './problem';

/** Seconds a caller is asked to wait while the store cannot be reached (a local engine restarts in a few). */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** Socket-level failures: nothing reached the store, or its answer never came back. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** What the AWS SDK names a request that timed out or a service that said it is unavailable. */
const UNREACHABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

/**
 * Whether an error means a backing service (the table, the queue, the object store) could not be
 * reached: connection refused or reset, a socket hang-up, a timeout. Looks through `cause` and
 * an AggregateError's `errors` (Node reports a refused dual-stack connect that way). Duck-typed:
 * the API imports no SDK.
 */
export const isUnavailable = (err: unknown, depth = 0): boolean => {
  if (depth > 4 || typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true;
  if (typeof e.name === 'string' && UNREACHABLE_NAMES.has(e.name)) return true;
  if (typeof e.message === 'string' && /^socket hang up$/i.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isUnavailable(x, depth + 1))) return true;
  return isUnavailable(e.cause, depth + 1);
};

/** The 503 problem+json, with Retry-After, for a request the store could not serve. */
export const unavailableResponse = (logger: Logger, requestId: string | undefined, err: unknown): Response => {
  const e = err as { code?: unknown; name?: unknown };
  logger.warn('store unreachable', { requestId, error: typeof e.code === 'string' ? e.code : String(e.name ?? 'unknown') });
  return problemResponse(
    problem('unavailable', 'a backing service could not be reached; retry after the Retry-After delay', requestId ? { requestId } : {}),
    { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
  );
};
