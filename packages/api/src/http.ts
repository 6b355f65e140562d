import { canonicalJson, DEFAULT_PAGE_SIZE, DomainError, Id, invalid, MAX_PAGE_SIZE, type Principal, sha256Hex } from '@taskforce/core';
import type { Context, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { CURSOR_MAX_LENGTH, CURSOR_REFUSED } from './cursor';

export type Env = { Variables: { principal: Principal; requestId: string } };

export const PageQuerySchema = z.object({
  limit: z
    ._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(MAX_PAGE_SIZE)), DEFAULT_PAGE_SIZE)
    .check(z.meta({ description: `Page size, at most ${MAX_PAGE_SIZE}` })),
  cursor: z
    .optional(z.string().check(z.maxLength(CURSOR_MAX_LENGTH, CURSOR_REFUSED)))
    .check(z.meta({ description: 'The `next` value of the previous page, as given: it opens only for you, for this list, for 24 hours' })),
});

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;
const IDEMPOTENCY_KEY_MESSAGE = 'must be 8 to 128 characters of letters, digits, and _ . : -';
const IdempotencyKey = z.string().check(z.maxLength(128, { abort: true }), z.regex(IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_MESSAGE));

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .optional(IdempotencyKey)
    .check(z.meta({ description: 'Repeat a POST safely: the same key with the same request returns the first result' })),
});

const IF_MATCH = /^(?:W\/)?"?(\d{1,12})"?$/;
const IF_MATCH_MESSAGE = 'must be the ETag of the record, e.g. "3"';
/** An ETag as this API sends it: `"3"` (also `W/"3"` or `3`). */
export const IfMatchValue = z.string().check(z.maxLength(64, { abort: true }), z.regex(IF_MATCH, IF_MATCH_MESSAGE));

export const IfMatchHeaders = z.object({
  'if-match': z.optional(IfMatchValue).check(z.meta({ description: 'The ETag (version) of the record being changed; required' })),
});

/**
 * A path parameter naming a record: a bounded identifier, so a malformed one is a 400 naming
 * `path.<name>` before any store sees it, and a well-formed unknown one a 404.
 */
export const PathId = (description: string) => Id.check(z.meta({ description }));

export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), next: z.optional(z.string()) });

const idempotencyKey = (c: Context): string | undefined => {
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !(key.length <= 128 && IDEMPOTENCY_KEY.test(key))) throw invalid('Idempotency-Key', IDEMPOTENCY_KEY_MESSAGE);
  return key;
};

/**
 * Every route (whether or not it declares the header) refuses a malformed Idempotency-Key
 * before anything reads it; `commandContext` checks again, so no unchecked key reaches a store.
 */
export const idempotencyKeyCheck: MiddlewareHandler = async (c, next) => {
  idempotencyKey(c);
  return next();
};

/** The caller and, for a POST with an Idempotency-Key, the key's scope and the request's fingerprint. */
export const commandContext = (c: Context<Env>, body: unknown) => {
  const principal = c.get('principal');
  const key = idempotencyKey(c);
  if (!key) return { principal };
  const fingerprint = sha256Hex(`${c.req.method} ${c.req.path}\n${canonicalJson(body ?? null)}`);
  return { principal, idempotency: { scope: `${principal.orgId}/${principal.sub}/${key}`, fingerprint } };
};

/** Parses `If-Match: "3"` (or W/"3", or 3) into a version number. */
export const expectedVersion = (c: Context<Env>): number => {
  const raw = c.req.header('if-match');
  if (!raw) throw new DomainError('precondition_required', 'send If-Match with the ETag of the record you read');
  const m = raw.length <= 64 ? IF_MATCH.exec(raw.trim()) : null;
  if (!m) throw new DomainError('validation', `If-Match ${IF_MATCH_MESSAGE}`, 'If-Match');
  return Number(m[1]);
};

/** If-Match where it is required to replace a record that exists and absent for the first write (or where it is optional). */
export const optionalVersion = (c: Context<Env>): number | undefined => (c.req.header('if-match') ? expectedVersion(c) : undefined);

export const etag = (version: number) => `"${version}"`;
