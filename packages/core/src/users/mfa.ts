import { createHash, randomInt } from 'node:crypto';
import type { PlatformRole } from '../kernel/principal';
import type { UserProfile } from './ports';

/**
 * The roles whose holders must sign in with a second factor: whoever co-signs emergency requests
 * (`supervisor`), administers users or a country's policy (`admin`, `policy_admin`), or answers the
 * 24/7 pager (`duty_contact`). A user holding one and with no factor enrolled enrols at sign-in.
 */
const MFA_ROLES = ['supervisor', 'admin', 'policy_admin', 'duty_contact'] as const satisfies readonly PlatformRole[];

export const needsSecondFactor = (roles: readonly PlatformRole[]): boolean =>
  roles.some((r) => (MFA_ROLES as readonly PlatformRole[]).includes(r));

/**
 * What a sign-in asks after the right password: the code of the enrolled factor, an enrolment (a
 * role needs one, or an administrator reset the user's MFA), or nothing more.
 */
export const secondFactorStep = (user: Pick<UserProfile, 'roles' | 'mfa'>, mfaReset = false): 'code' | 'enrol' | 'none' =>
  user.mfa ? 'code' : mfaReset || needsSecondFactor(user.roles) ? 'enrol' : 'none';

/**
 * Recovery codes: ten per enrolment, each 16 characters of Crockford's base32 (80 bits of
 * entropy), shown once, kept only as SHA-256 hashes salted with the subject, each usable once.
 */
const RECOVERY_CODES = { count: 10, length: 16 } as const;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh set of recovery codes, grouped in fours (`7K2M-…`) as the user reads and writes them. */
export const newRecoveryCodes = (): string[] =>
  Array.from({ length: RECOVERY_CODES.count }, () =>
    Array.from({ length: RECOVERY_CODES.length }, () => ALPHABET[randomInt(ALPHABET.length)])
      .join('')
      .replace(/(.{4})(?!$)/g, '$1-'),
  );

/**
 * A typed recovery code as stored: case, spaces and hyphens ignored, and the letters people
 * mistake for digits read as those digits (I, L as 1; O as 0). Undefined when it cannot be one.
 */
export const normalRecoveryCode = (typed: string): string | undefined => {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === RECOVERY_CODES.length && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
};

/** The stored form of one of `sub`'s recovery codes (hex SHA-256); undefined when `typed` cannot be a code. */
export const hashRecoveryCode = (sub: string, typed: string): string | undefined => {
  const code = normalRecoveryCode(typed);
  return code && createHash('sha256').update(`${sub}:${code}`).digest('hex');
};
