import { describe, expect, it } from 'vitest';
import { describeSelector, ibanValid, imeiValid, Selector } from '../../src';

const ok = (s: unknown) => Selector.safeParse(s).success;

describe('selectors', () => {
  it('checks IBANs by mod 97 and IMEIs by Luhn', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(imeiValid('490154203237518')).toBe(true);
    expect(imeiValid('490154203237519')).toBe(false);
    expect(imeiValid('49015420323751')).toBe(false);
  });

  it('needs the instant and time zone with an IP address', () => {
    expect(ok({ type: 'ip_address', value: '2001:db8::1', observedAt: '2026-02-27T21:14:05+07:00', timeZone: 'Asia/Bangkok' })).toBe(true);
    expect(ok({ type: 'ip_address', value: '203.0.113.7', observedAt: '2026-02-27T21:14:05+07:00', timeZone: 'Mars/Olympus' })).toBe(false);
    expect(ok({ type: 'ip_address', value: '203.0.113.7', timeZone: 'UTC' })).toBe(false);
    expect(ok({ type: 'ip_address', value: '203.0.113.300', observedAt: '2026-02-27T21:14:05Z', timeZone: 'UTC' })).toBe(false);
  });

  it('checks wallet addresses against their chain, phones as E.164, e-mails', () => {
    expect(ok({ type: 'wallet_address', chain: 'ethereum', value: `0x${'ab'.repeat(20)}` })).toBe(true);
    expect(ok({ type: 'wallet_address', chain: 'bitcoin', value: `0x${'ab'.repeat(20)}` })).toBe(false);
    expect(ok({ type: 'wallet_address', chain: 'bitcoin', value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' })).toBe(true);
    expect(ok({ type: 'phone', value: '+84912345678' })).toBe(true);
    expect(ok({ type: 'phone', value: '0912345678' })).toBe(false);
    expect(ok({ type: 'email', value: 'mule@example.com' })).toBe(true);
    expect(ok({ type: 'email', value: 'mule' })).toBe(false);
  });

  it('describes a selector without its value', () => {
    expect(describeSelector({ type: 'iban', value: 'GB82WEST12345698765432' })).toBe('iban …5432');
  });
});
