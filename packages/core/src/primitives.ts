import * as z from 'zod/mini';

/** ISO 3166-1 alpha-3 country code, upper case (VNM, USA, THA, GBR, …). */
export const CountryCode = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as VNM or GBR'));
export type CountryCode = z.infer<typeof CountryCode>;

/** Server-generated identifiers: lower-case, URL-safe, bounded. */
export const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be an identifier'));
export type Id = z.infer<typeof Id>;

export const IsoDateTime = z.iso.datetime({ offset: false, message: 'must be a UTC ISO 8601 time ending in Z' });

/** A string of `min` to `max` characters. */
export const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
/** A string of at most `max` characters. */
export const textUpTo = (max: number) => z.string().check(z.maxLength(max));
/** A string trimmed of surrounding white space, then of `min` to `max` characters. */
export const trimmed = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
/** A safe integer above zero: versions and sequence numbers. */
export const positiveInt = () => z.int().check(z.positive());
/** A safe integer of zero or more: counts. */
export const nonNegativeInt = () => z.int().check(z.gte(0));
