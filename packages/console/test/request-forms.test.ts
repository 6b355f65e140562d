import { describe, expect, it } from 'vitest';
import { emptyRow, guessType, SELECTOR_TYPES, selectorOfRow } from '../src/screens/requests/selector-rows';
import { parseAnswers } from '../src/screens/takedowns/answers-csv';

describe('selectors pasted as a list', () => {
  it('recognises each value’s kind among those the request type allows', () => {
    expect(guessType('a.b@example.com', SELECTOR_TYPES)).toEqual({ type: 'email' });
    expect(guessType('+84912345678', SELECTOR_TYPES)).toEqual({ type: 'phone' });
    expect(guessType('GB82 WEST 1234 5698 7654 32', SELECTOR_TYPES)).toEqual({ type: 'iban' });
    expect(guessType('0x52908400098527886E0F7030069857D2E4169EE7', SELECTOR_TYPES)).toEqual({ type: 'wallet_address', chain: 'ethereum' });
    expect(guessType('490154203237518', SELECTOR_TYPES)).toEqual({ type: 'imei' });
    expect(guessType('203.0.113.7', SELECTOR_TYPES)).toEqual({ type: 'ip_address' });
    expect(guessType('mule-0042', SELECTOR_TYPES)).toEqual({ type: 'account_id' });
    // An asset freeze takes accounts, IBANs and wallets only: an e-mail falls back to an account id.
    expect(guessType('a.b@example.com', ['iban', 'account_id', 'wallet_address'])).toEqual({ type: 'account_id' });
  });

  it('sends a row as the API takes it', () => {
    expect(selectorOfRow({ ...emptyRow('phone'), value: ' +84 912 345 678 ' })).toEqual({ type: 'phone', value: '+84912345678' });
    expect(selectorOfRow({ ...emptyRow('wallet_address'), chain: 'tron', value: 'TXYZ' })).toEqual({
      type: 'wallet_address',
      chain: 'tron',
      value: 'TXYZ',
    });
    expect(
      selectorOfRow({ ...emptyRow('ip_address'), value: '203.0.113.7', observedAt: '2026-03-01T14:22:05', timeZone: 'Asia/Bangkok' }),
    ).toEqual({
      type: 'ip_address',
      value: '203.0.113.7',
      observedAt: '2026-03-01T14:22:05.000Z',
      timeZone: 'Asia/Bangkok',
    });
  });
});

describe('a CSV of takedown answers', () => {
  it('reads item,outcome[,reason] with a header, and names each line it cannot take', () => {
    const out = parseAnswers(
      'item,outcome,reason\r\n1,removed\n2,Not found\n3,refused,Satire, not recruitment\n\n4,refused\n5,deleted\n9,removed\n1,restricted\n',
      5,
    );
    expect(out.rows).toEqual([
      { n: 1, status: 'removed' },
      { n: 2, status: 'not_found' },
      { n: 3, status: 'refused', reason: 'Satire, not recruitment' },
    ]);
    expect(out.errors).toHaveLength(4);
    expect(out.errors[0]).toContain('line 6');
    expect(out.errors[1]).toContain('"deleted"');
    expect(out.errors[2]).toContain('1 to 5');
    expect(out.errors[3]).toContain('item 1');
  });
});
