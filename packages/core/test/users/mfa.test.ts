import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, needsSecondFactor, newRecoveryCodes, normalRecoveryCode, secondFactorStep } from '../../src/users/mfa';

describe('who must sign in with a second factor', () => {
  it('asks supervisors, administrators, policy administrators and duty contacts, not officers, responders or auditors', () => {
    for (const r of ['supervisor', 'admin', 'policy_admin', 'duty_contact'] as const) expect(needsSecondFactor(['officer', r])).toBe(true);
    expect(needsSecondFactor(['officer'])).toBe(false);
    expect(needsSecondFactor(['responder'])).toBe(false);
    expect(needsSecondFactor(['auditor'])).toBe(false);
    expect(needsSecondFactor([])).toBe(false);
  });

  it('asks the enrolled factor’s code, an enrolment (a role needs one, or MFA was reset), or nothing', () => {
    expect(secondFactorStep({ roles: ['officer'], mfa: true })).toBe('code');
    expect(secondFactorStep({ roles: ['officer', 'duty_contact'], mfa: true })).toBe('code');
    expect(secondFactorStep({ roles: ['officer', 'duty_contact'], mfa: false })).toBe('enrol');
    expect(secondFactorStep({ roles: ['officer'], mfa: false }, true)).toBe('enrol');
    expect(secondFactorStep({ roles: ['officer'], mfa: false })).toBe('none');
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes of 16 characters (80 bits), grouped in fours', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('read a typed code forgivingly: case, spaces, hyphens, and I/L/O for 1/0', () => {
    expect(normalRecoveryCode(' 7k2m-ab1c de0f-ghjk ')).toBe('7K2MAB1CDE0FGHJK');
    expect(normalRecoveryCode('7K2M-ABIC-DEOF-GHJK')).toBe('7K2MAB1CDE0FGHJK');
    expect(normalRecoveryCode('7K2M-ABLC-DE0F-GHJK')).toBe('7K2MAB1CDE0FGHJK');
    expect(normalRecoveryCode('7K2M-AB1C-DE0F')).toBeUndefined();
    expect(normalRecoveryCode('7K2M-AB1C-DE0F-GHJU')).toBeUndefined();
    expect(normalRecoveryCode('')).toBeUndefined();
  });

  it('are stored as SHA-256 hashes salted with the subject: the same code of two users hashes apart', () => {
    const [code] = newRecoveryCodes();
    const h = hashRecoveryCode('user-a', code!);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain(code!.replaceAll('-', ''));
    expect(hashRecoveryCode('user-a', code!.toLowerCase())).toBe(h);
    expect(hashRecoveryCode('user-b', code!)).not.toBe(h);
    expect(hashRecoveryCode('user-a', 'short')).toBeUndefined();
  });
});
