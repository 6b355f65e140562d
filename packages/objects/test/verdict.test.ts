import { describe, expect, it } from 'vitest';
import { attachment, verdictOf } from '../src/evidence-objects';

describe('the GuardDuty verdict of an object', () => {
  it.each([
    ['NO_THREATS_FOUND', 'clean'],
    ['THREATS_FOUND', 'threats_found'],
    ['UNSUPPORTED', 'failed'],
    ['ACCESS_DENIED', 'failed'],
    ['FAILED', 'failed'],
    ['SOMETHING_NEW', 'failed'],
    [undefined, 'pending'],
  ])('reads the tag %s as %s', (tag, verdict) => {
    expect(verdictOf(tag)).toBe(verdict);
  });
});

describe('the file name a download saves under', () => {
  it('keeps the exact name for browsers that read it and a safe ASCII one for the rest', () => {
    expect(attachment('Báo cáo "cuối".pdf')).toBe(
      `attachment; filename="B_o c_o _cu_i_.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22cu%E1%BB%91i%22.pdf`,
    );
  });
  it('lets no line break or quote end the header early', () => {
    expect(attachment('a\r\nSet-Cookie: x="1".txt')).not.toMatch(/[\r\n]/);
  });
});
