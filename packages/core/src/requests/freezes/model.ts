import * as z from 'zod/mini';
import { IsoDateTime, nonNegativeInt } from '../../kernel/primitives';

/**
 * Asset-freeze requests to banks and crypto exchanges: what the request names of each target
 * (the asset and the amount) and, once frozen, the freeze's own state. The freeze period, its
 * renewals and its reminders are rules of the one clock table (../clocks.ts).
 */

// The sectors and selectors an asset freeze may go to are with the rest of its type (types/asset-freeze.ts).

/** A positive decimal amount, as text so no amount is rounded on its way through JSON. */
export const Amount = z
  .string()
  .check(
    z.maxLength(40, { abort: true }),
    z.regex(/^(?=.*[1-9])\d{1,20}(\.\d{1,18})?$/, 'must be a positive decimal amount such as 125000.00 (a dot, no separators)'),
  );
/** An ISO 4217 currency code or a token symbol. */
const AssetCode = z
  .string()
  .check(
    z.maxLength(12, { abort: true }),
    z.regex(/^[A-Z0-9]{2,12}$/, 'must be an ISO 4217 currency code such as EUR or a token symbol such as USDT'),
  );

/** What to freeze on one target, named by its position in the request's selectors. */
export const FreezeAsset = z.strictObject({
  target: z.int().check(z.gte(0), z.lt(50)),
  asset: AssetCode,
  amount: Amount,
});
export type FreezeAsset = z.infer<typeof FreezeAsset>;

/** On the request record: what is to be frozen, and when the freeze took hold and was renewed. */
export const FreezeTerms = z.object({
  assets: z.array(FreezeAsset),
  frozenAt: z.optional(IsoDateTime),
  renewals: nonNegativeInt(),
});
export type FreezeTerms = z.infer<typeof FreezeTerms>;
