import * as z from 'zod/mini';
import { text, textUpTo, trimmed } from '../kernel/primitives';

/**
 * What a data request asks about. Each kind is validated the way the partner will need it:
 * an IP address is meaningless without the instant and time zone it was seen at, an IMEI
 * carries a Luhn check digit, an IBAN a mod-97 checksum, a wallet address its chain's format.
 */

const luhnValid = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
};

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export const ibanValid = (raw: string): boolean => {
  const iban = raw.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
};

export const imeiValid = (raw: string): boolean => /^[0-9]{15}$/.test(raw) && luhnValid(raw);

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const isIp = (s: string) => IPV4.test(s) || z.ipv6().safeParse(s).success;

/** IANA time zone names this runtime knows (e.g. Asia/Ho_Chi_Minh), or UTC. */
const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const WALLET_CHAINS = ['bitcoin', 'ethereum', 'tron', 'litecoin'] as const;
const WALLET_FORMATS: Record<(typeof WALLET_CHAINS)[number], RegExp> = {
  bitcoin: /^(bc1[ac-hj-np-z02-9]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})$/,
  ethereum: /^0x[0-9a-fA-F]{40}$/,
  tron: /^T[1-9A-HJ-NP-Za-km-z]{33}$/,
  litecoin: /^(ltc1[ac-hj-np-z02-9]{11,71}|[LM3][a-km-zA-HJ-NP-Z1-9]{26,33})$/,
};

/**
 * Text as it reads: its Unicode compatibility form (NFKC: full-width letters, ligatures and
 * mathematical letters become the plain ones) without format characters (general category Cf:
 * zero-width spaces and joiners, word joiners, byte-order marks, soft hyphens, direction marks
 * and overrides), trimmed. Two ids that look the same hash the same; a hidden character cannot
 * make a check miss.
 */
export const visibleText = (raw: string): string =>
  raw
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .trim();

/**
 * An account id as matching reads it (`visibleText`: NFKC, no format characters) must still say
 * something, and must not mix Latin letters with Cyrillic or Greek ones: such a mix is how a look-alike (a Cyrillic "а" in "pаypal") is made, and would hash
 * apart from the id it imitates. Ids wholly in one script (Vietnamese, Thai, Cyrillic…) pass.
 */
const LATIN = /\p{Script=Latin}/u;
const LOOK_ALIKE_SCRIPTS = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const accountIdIssue = (raw: string): string | undefined => {
  const visible = visibleText(raw);
  if (visible.length === 0) return 'must have visible characters';
  if (LATIN.test(visible) && LOOK_ALIKE_SCRIPTS.test(visible))
    return 'must not mix Latin letters with Cyrillic or Greek ones (look-alike characters)';
  return undefined;
};
const AccountId = trimmed(1, 200).check(
  z.superRefine((v, ctx) => {
    const issue = accountIdIssue(v);
    if (issue) ctx.addIssue({ code: 'custom', message: issue, input: v });
  }),
);

/** A local time with an explicit offset or Z: the instant an address was observed. */
const ObservedAt = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 time with its offset, e.g. 2026-03-01T14:22:05+07:00' })
  .check(z.maxLength(40, { abort: true }));
/** A string of at most `max` characters, checked before the (costlier) format checks that follow. */
const upTo = (max: number) => z.string().check(z.maxLength(max, { abort: true }));

export const Selector = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('account_id'), value: AccountId, service: z.optional(textUpTo(100)) }),
  z.strictObject({ type: z.literal('email'), value: z.email('must be an e-mail address').check(z.maxLength(320, { abort: true })) }),
  z.strictObject({
    type: z.literal('phone'),
    value: upTo(16).check(z.regex(/^\+[1-9][0-9]{6,14}$/, 'must be an E.164 number such as +84912345678')),
  }),
  z.strictObject({
    type: z.literal('ip_address'),
    value: upTo(45).check(z.refine(isIp, 'must be an IPv4 or IPv6 address')),
    port: z.optional(z.int().check(z.gte(0), z.lte(65535))),
    observedAt: ObservedAt,
    timeZone: upTo(64).check(z.refine(isTimeZone, 'must be an IANA time zone such as Asia/Bangkok or UTC')),
  }),
  z.strictObject({
    type: z.literal('imei'),
    value: upTo(15).check(z.refine(imeiValid, 'must be 15 digits with a valid Luhn check digit')),
  }),
  z.strictObject({ type: z.literal('wallet_address'), chain: z.enum(WALLET_CHAINS), value: text(1, 100) }).check(
    z.superRefine((v, ctx) => {
      if (!WALLET_FORMATS[v.chain].test(v.value))
        ctx.addIssue({ code: 'custom', path: ['value'], message: `must be a ${v.chain} address` });
    }),
  ),
  z.strictObject({ type: z.literal('iban'), value: upTo(50).check(z.refine(ibanValid, 'must be an IBAN with a valid mod-97 checksum')) }),
]);
export type Selector = z.infer<typeof Selector>;

/** The most selectors one record (a request, a task, an incident) names. */
export const MAX_RECORD_SELECTORS = 50;

/** A redacted description for notifications and logs: the kind and a hint, never the value. */
export const describeSelector = (s: Selector): string => {
  const tail = s.value.slice(-4);
  return `${s.type} …${tail}`;
};
