import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  canonicalIp,
  canonicalSelector,
  eip55,
  parseMatchingSecrets,
  parseSelectorCsv,
  Selector,
  selectorHasherFromSecrets,
} from '../../src/index';

const sel = (s: unknown) => z.parse(Selector, s);
const canon = (s: unknown) => canonicalSelector(sel(s));
const KEY_A = 'a'.repeat(40);
const KEY_B = 'b'.repeat(40);

describe('selector normalisation', () => {
  it('checksums EVM addresses by EIP-55, whatever case they were typed in', () => {
    // The test vectors of EIP-55 itself.
    for (const a of [
      '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
      '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
      '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
      '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
    ]) {
      expect(eip55(a.toLowerCase())).toBe(a);
      expect(eip55(`0x${a.slice(2).toUpperCase()}`)).toBe(a);
    }
    expect(canon({ type: 'wallet_address', chain: 'ethereum', value: '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed' })).toBe(
      'wallet_address:ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    );
  });

  it('keeps Base58 wallets as typed (case matters) and bech32 ones lower-case', () => {
    expect(canon({ type: 'wallet_address', chain: 'bitcoin', value: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa' })).toBe(
      'wallet_address:bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    );
    expect(canon({ type: 'wallet_address', chain: 'bitcoin', value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' })).toBe(
      'wallet_address:bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
    );
  });

  it('writes IBANs upper-case without spaces, e-mails lower-case, and account ids with their service', () => {
    expect(canon({ type: 'iban', value: 'gb82 west 1234 5698 7654 32' })).toBe('iban:GB82WEST12345698765432');
    expect(canon({ type: 'iban', value: 'GB82WEST12345698765432' })).toBe('iban:GB82WEST12345698765432');
    expect(canon({ type: 'email', value: 'Scam.Boss@Example.COM' })).toBe('email:scam.boss@example.com');
    expect(canon({ type: 'account_id', value: '  @lotus_recruiter ', service: ' Telegram ' })).toBe('account_id:telegram:@lotus_recruiter');
    // The id keeps its case: many services' ids are case-sensitive.
    expect(canon({ type: 'account_id', value: 'AbC' })).not.toBe(canon({ type: 'account_id', value: 'abc' }));
    expect(canon({ type: 'account_id', value: 'abc', service: 'x' })).not.toBe(canon({ type: 'account_id', value: 'abc' }));
  });

  it('keeps E.164 phones as they are, and IMEIs to their 14 digits of TAC and serial', () => {
    expect(canon({ type: 'phone', value: '+84912345678' })).toBe('phone:+84912345678');
    expect(canon({ type: 'imei', value: '490154203237518' })).toBe('imei:49015420323751');
  });

  it('writes IPv6 in its RFC 5952 form and buckets every IP with the UTC hour it was seen in', () => {
    expect(canonicalIp('2001:0DB8:0000:0000:0000:0000:0002:0001')).toBe('2001:db8::2:1');
    expect(canonicalIp('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(canonicalIp('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(canonicalIp('::1')).toBe('::1');
    expect(canonicalIp('::')).toBe('::');
    expect(canonicalIp('::ffff:192.0.2.1')).toBe('192.0.2.1');
    const ip = (value: string, observedAt: string, timeZone = 'UTC') => canon({ type: 'ip_address', value, observedAt, timeZone });
    // 14:22 in Ha Noi and 07:59 UTC are the same hour; 08:00 UTC is the next.
    expect(ip('203.0.113.7', '2026-03-01T14:22:05+07:00', 'Asia/Ho_Chi_Minh')).toBe('ip_address:203.0.113.7@2026-03-01T07');
    expect(ip('203.0.113.7', '2026-03-01T07:59:59Z')).toBe(ip('203.0.113.7', '2026-03-01T14:22:05+07:00'));
    expect(ip('203.0.113.7', '2026-03-01T08:00:00Z')).not.toBe(ip('203.0.113.7', '2026-03-01T07:59:59Z'));
    expect(ip('2001:DB8::0:1', '2026-03-01T07:00:00Z')).toBe(ip('2001:db8:0:0:0:0:0:1', '2026-03-01T07:30:00Z'));
  });

  it('never lets two kinds collide: the canonical form starts with the kind', () => {
    expect(canon({ type: 'account_id', value: '+84912345678' })).not.toBe(canon({ type: 'phone', value: '+84912345678' }));
  });
});

describe('keyed hashing', () => {
  it('hashes with HMAC-SHA256 under a key id derived from the key, and differs between keys', () => {
    const a = selectorHasherFromSecrets(KEY_A);
    const b = selectorHasherFromSecrets(KEY_B);
    const [ka] = a.keyIds;
    const [kb] = b.keyIds;
    expect(ka).not.toBe(kb);
    expect(a.hash(ka!, 'phone:+84912345678')).toBe(selectorHasherFromSecrets(KEY_A).hash(ka!, 'phone:+84912345678'));
    expect(a.hash(ka!, 'phone:+84912345678')).not.toBe(b.hash(kb!, 'phone:+84912345678'));
    expect(a.hash(ka!, 'phone:+84912345678')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The hash reveals nothing of the value it was made from.
    expect(a.hash(ka!, 'phone:+84912345678')).not.toContain('84912345678');
  });

  it('during a rotation writes under the new key and keeps the old one for checks', () => {
    const rotated = parseMatchingSecrets(JSON.stringify({ current: KEY_B, previous: [KEY_A] }));
    expect(rotated.keyIds).toEqual([...selectorHasherFromSecrets(KEY_B).keyIds, ...selectorHasherFromSecrets(KEY_A).keyIds]);
    expect(() => parseMatchingSecrets('{"current": 3}')).toThrow(/expected/);
    expect(() => selectorHasherFromSecrets('short')).toThrow(/at least 32/);
    expect(() => rotated.hash('nope', 'x')).toThrow(/no matching key/);
  });
});

describe('CSV of selectors', () => {
  it('reads a header row and one selector a row, quoted fields included', () => {
    const csv =
      'type,value,service,chain,observedAt,timeZone\r\n' +
      'phone,+84912345678,,,,\r\n' +
      'account_id,"@lotus, recruiter",telegram,,,\r\n' +
      'ip_address,203.0.113.7,,,2026-03-01T14:22:05+07:00,Asia/Ho_Chi_Minh\n' +
      'wallet_address,0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed,,ethereum,,\n';
    expect(parseSelectorCsv(csv)).toEqual([
      { type: 'phone', value: '+84912345678' },
      { type: 'account_id', value: '@lotus, recruiter', service: 'telegram' },
      { type: 'ip_address', value: '203.0.113.7', observedAt: '2026-03-01T14:22:05+07:00', timeZone: 'Asia/Ho_Chi_Minh' },
      { type: 'wallet_address', value: '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', chain: 'ethereum' },
    ]);
  });

  it('refuses a malformed row naming the row and the field', () => {
    const field = (csv: string) => {
      try {
        parseSelectorCsv(csv);
      } catch (e) {
        return (e as { field?: string }).field;
      }
      return 'accepted';
    };
    expect(field('type,value\nphone,+84912345678\nphone,0912 345 678\n')).toBe('body.row.2.value');
    expect(field('type,value\nfax,123\n')).toBe('body.row.1.type');
    expect(field('type,value,service\nphone,+84912345678,telegram\n')).toBe('body.row.1.service');
    expect(field('type,value\nphone,+84912345678,extra\n')).toBe('body.row.1.2');
    expect(field('type,value,password\n')).toBe('body.header.2');
    expect(field('value\nx\n')).toBe('body.header');
    expect(field('type,value\n')).toBe('body');
    expect(field('')).toBe('body');
    expect(field('type,value\nphone,"+8491\n')).toBe('body.row.1');
    expect(field(`type,value\n${'phone,+84912345678\n'.repeat(501)}`)).toBe('body');
  });
});

describe('hidden and look-alike characters, kind by kind', () => {
  const refused = (s: unknown) => expect(Selector.safeParse(s).success).toBe(false);
  const ZWSP = '\u200B';

  it('account ids: NFKC and no format characters, so a hidden or full-width character hashes as the plain id', () => {
    const plain = canon({ type: 'account_id', value: 'lotus_recruiter', service: 'telegram' });
    for (const value of [
      `lotus${ZWSP}_recruiter`, // zero-width space
      'lotus\u200C_recr\u200Duiter', // zero-width non-joiner and joiner
      '\uFEFFlotus_recruiter', // byte-order mark
      'lotus_re\u00ADcruiter', // soft hyphen
      'lotus_recruiter\u2060', // word joiner
      '\u202Alotus_recruiter\u202C', // direction embedding and pop
      'ｌｏｔｕｓ＿ｒｅｃｒｕｉｔｅｒ', // full-width
      '𝐥𝐨𝐭𝐮𝐬_𝐫𝐞𝐜𝐫𝐮𝐢𝐭𝐞𝐫', // mathematical bold
    ])
      expect(canon({ type: 'account_id', value, service: 'telegram' })).toBe(plain);
    expect(canon({ type: 'account_id', value: 'lotus_recruiter', service: `Tele${ZWSP}gram` })).toBe(plain);
    // Composed and decomposed accents are one id; the case still counts.
    expect(canon({ type: 'account_id', value: 'nguy\u1EC5n' })).toBe(canon({ type: 'account_id', value: 'nguye\u0302\u0303n' }));
    expect(canon({ type: 'account_id', value: 'Lotus' })).not.toBe(canon({ type: 'account_id', value: 'lotus' }));
  });

  it('account ids: refuses one of format characters only, and Latin mixed with Cyrillic or Greek look-alikes', () => {
    refused({ type: 'account_id', value: `${ZWSP}\u200D` });
    refused({ type: 'account_id', value: 'p\u0430ypal' }); // Cyrillic а
    refused({ type: 'account_id', value: 'l\u03BFtus' }); // Greek ο
    expect(Selector.safeParse({ type: 'account_id', value: 'p\u0430ypal' }).error?.issues[0]).toMatchObject({ path: ['value'] });
    // One script, whichever: accepted.
    for (const value of ['Пётр_Иванов', 'nguyễn_văn_a', 'สมชาย99', '王伟'])
      expect(Selector.safeParse({ type: 'account_id', value }).success).toBe(true);
  });

  it('e-mails: refused with any hidden or full-width character; lower-case, and NFKC without format characters when hashed', () => {
    refused({ type: 'email', value: `boss${ZWSP}@example.com` });
    refused({ type: 'email', value: 'boss＠example.com' });
    refused({ type: 'email', value: 'b\u043Ess@example.com' }); // Cyrillic о
    expect(canon({ type: 'email', value: 'Boss@Example.COM' })).toBe('email:boss@example.com');
    // A value stored before it was refused (and re-indexed) still hashes as the plain address.
    expect(canonicalSelector({ type: 'email', value: `bo${ZWSP}ss@example.com` })).toBe('email:boss@example.com');
  });

  it('phones and IMEIs: digits only, anything else refused', () => {
    for (const value of [`+8491${ZWSP}2345678`, '+８４９１２３４５６７８', '+84 912 345 678', '\u202A+84912345678'])
      refused({ type: 'phone', value });
    refused({ type: 'imei', value: `49015420${ZWSP}3237518` });
    refused({ type: 'imei', value: '４９０１５４２０３２３７５１８' });
  });

  it('IBANs: white space dropped and upper-cased; a hidden character refused', () => {
    expect(canon({ type: 'iban', value: 'gb82\u00A0west\u00A01234 5698 7654 32' })).toBe('iban:GB82WEST12345698765432');
    refused({ type: 'iban', value: `GB82${ZWSP}WEST12345698765432` });
  });

  it('wallets and IP addresses: a look-alike or hidden character refused, as their formats are ASCII', () => {
    refused({ type: 'wallet_address', chain: 'tron', value: '\u0422N3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9' }); // Cyrillic Т
    refused({ type: 'wallet_address', chain: 'ethereum', value: `0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe${ZWSP}d` });
    refused({ type: 'ip_address', value: `203.0.113${ZWSP}.7`, observedAt: '2026-03-01T14:22:05+07:00', timeZone: 'Asia/Bangkok' });
  });
});
