import { createHash } from 'node:crypto';
import { type Selector, visibleText } from './selectors';

/**
 * The one canonical form of each selector, so that the same phone, account or wallet typed two
 * ways by two agencies hashes to the same value. Only the canonical form is ever hashed; it is
 * never stored or logged. Each form starts with the selector's kind (and, for a wallet, its
 * chain), so equal strings of different kinds never collide.
 */

/** E.164: `+` and digits only; a leading international prefix `00` is read as `+`. */
const phone = (raw: string): string => {
  const compact = raw.replace(/[\s().-]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
};

/**
 * EIP-55: each hex letter of the address upper-cased where the Keccak-256 of the lower-case address
 * has a nibble ≥ 8. Keccak-256 is Node's own (OpenSSL 3.2 and later, as in Node 24, the Lambda
 * runtime), not a library the bundle carries.
 */
export const eip55 = (address: string): string => {
  const hex = address.slice(2).toLowerCase();
  const digest = createHash('keccak-256').update(hex, 'utf8').digest();
  let out = '0x';
  for (let i = 0; i < hex.length; i++) {
    const nibble = (digest[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? hex[i]!.toUpperCase() : hex[i]!;
  }
  return out;
};

/** The 16-bit groups of an IPv6 address (an embedded IPv4 tail counts as two), or null. */
const ipv6Groups = (raw: string): number[] | null => {
  let s = raw.toLowerCase();
  const v4 = s.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const part = (p: string) => (p === '' ? [] : p.split(':').map((g) => Number.parseInt(g, 16)));
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  return [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
};

/**
 * RFC 5952: lower case, no leading zeros, the longest run (first if tied) of two or more zero
 * groups as `::`. An IPv4-mapped address (`::ffff:a.b.c.d`) is the IPv4 host it maps.
 */
export const canonicalIp = (raw: string): string => {
  if (!raw.includes(':')) return raw;
  const g = ipv6Groups(raw);
  if (!g) return raw.toLowerCase();
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return `${g[6]! >> 8}.${g[6]! & 0xff}.${g[7]! >> 8}.${g[7]! & 0xff}`;
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
};

/** The UTC hour an address was observed in: `2026-03-01T07` for 14:22+07:00. */
const utcHour = (observedAt: string): string => new Date(observedAt).toISOString().slice(0, 13);

const wallet = (chain: string, value: string): string => {
  const v = value.trim();
  if (chain === 'ethereum') return eip55(v);
  // Bech32 (bc1…, ltc1…) is case-insensitive and written lower-case; Base58 is case-sensitive.
  if (/^(bc1|ltc1)/i.test(v)) return v.toLowerCase();
  return v;
};

/** The canonical string of a selector: what is hashed, never kept. */
export const canonicalSelector = (s: Selector): string => {
  switch (s.type) {
    case 'phone':
      return `phone:${phone(s.value)}`;
    case 'email':
      return `email:${visibleText(s.value).toLowerCase()}`;
    case 'account_id':
      return `account_id:${visibleText(s.service ?? '').toLowerCase()}:${visibleText(s.value)}`;
    case 'iban':
      return `iban:${s.value.replace(/\s+/g, '').toUpperCase()}`;
    case 'imei':
      // TAC and serial: the check digit is derived from them, and some systems drop or zero it.
      return `imei:${s.value.replace(/\D/g, '').slice(0, 14)}`;
    case 'ip_address':
      // Bucketed by the UTC hour it was seen in: "IP with time" matches within the hour.
      return `ip_address:${canonicalIp(s.value.trim())}@${utcHour(s.observedAt)}`;
    case 'wallet_address':
      return `wallet_address:${s.chain}:${wallet(s.chain, s.value)}`;
  }
};
