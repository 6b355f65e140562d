import { canonicalJson, DEFAULT_PAGE_SIZE, DomainError, MAX_PAGE_SIZE, type Principal, sha256Hex } from '@taskforce/core';
import type { Context } from 'hono';
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

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .optional(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'must be 8 to 128 characters of letters, digits, and _ . : -')))
    .check(z.meta({ description: 'Repeat a POST safely: the same key with the same request returns the first result' })),
});

export const IfMatchHeaders = z.object({
  'if-match': z.optional(z.string()).check(z.meta({ description: 'The ETag (version) of the record being changed; required' })),
});

export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), next: z.optional(z.string()) });

/** The caller and, for a POST with an Idempotency-Key, the key's scope and the request's fingerprint. */
export const commandContext = (c: Context<Env>, body: unknown) => {
  const principal = c.get('principal');
  const key = c.req.header('idempotency-key');
  if (!key) return { principal };
  const fingerprint = sha256Hex(`${c.req.method} ${c.req.path}\n${canonicalJson(body ?? null)}`);
  return { principal, idempotency: { scope: `${principal.orgId}/${principal.sub}/${key}`, fingerprint } };
};

/** Parses `If-Match: "3"` (or W/"3", or 3) into a version number. */
export const expectedVersion = (c: Context<Env>): number => {
  const raw = c.req.header('if-match');
  if (!raw) throw new DomainError('precondition_required', 'send If-Match with the ETag of the record you read');
  const m = /^(?:W\/)?"?(\d{1,12})"?$/.exec(raw.trim());
  if (!m) throw new DomainError('validation', 'If-Match must be the ETag of the record, e.g. "3"', 'If-Match');
  return Number(m[1]);
};

export const etag = (version: number) => `"${version}"`;
