import * as z from 'zod/mini';
import { durationMs, parseDuration } from './duration';

/** ISO 3166-1 alpha-3 country code, upper case (VNM, USA, THA, GBR, …). */
export const CountryCode = z
  .string()
  .check(z.maxLength(3, { abort: true }), z.regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as VNM or GBR'));
export type CountryCode = z.infer<typeof CountryCode>;

/** Server-generated identifiers: lower-case, URL-safe, bounded. */
export const Id = z.string().check(z.maxLength(64, { abort: true }), z.regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be an identifier'));
export type Id = z.infer<typeof Id>;

export const IsoDateTime = z.iso
  .datetime({ offset: false, message: 'must be a UTC ISO 8601 time ending in Z' })
  .check(z.maxLength(40, { abort: true }));

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

/** Days, hours, minutes, seconds, at most 6 digits each, at least one of them (what `parseDuration` reads). */
const DURATION_SHAPE = /^P(?=\d|T\d)(?:\d{1,6}D)?(?:T(?=\d)(?:\d{1,6}H)?(?:\d{1,6}M)?(?:\d{1,6}S)?)?$/;

/**
 * A fixed-length ISO 8601 duration from `min` to `max` (e.g. PT1M to P1D): every duration a
 * caller sends is bounded here, so no clock can be set to a time that cannot be computed.
 */
export const durationBetween = (min: string, max: string) => {
  const [lo, hi] = [durationMs(min), durationMs(max)];
  return z.string().check(
    z.maxLength(32, { abort: true }),
    z.regex(DURATION_SHAPE, { message: `must be a fixed-length ISO 8601 duration such as ${min} or ${max}`, abort: true }),
    z.refine((d) => {
      const ms = parseDuration(d) ?? -1;
      return ms >= lo && ms <= hi;
    }, `must be between ${min} and ${max}`),
    z.meta({ description: `A fixed-length ISO 8601 duration (days, hours, minutes, seconds) from ${min} to ${max}` }),
  );
};
