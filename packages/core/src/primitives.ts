import { z } from 'zod';

/** ISO 3166-1 alpha-3 country code, upper case (VNM, USA, THA, GBR, …). */
export const CountryCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as VNM or GBR');
export type CountryCode = z.infer<typeof CountryCode>;

/** Server-generated identifiers: lower-case, URL-safe, bounded. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'must be an identifier');
export type Id = z.infer<typeof Id>;

export const IsoDateTime = z.iso.datetime({ offset: false, message: 'must be a UTC ISO 8601 time ending in Z' });
