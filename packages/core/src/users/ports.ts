import type { PlatformRole } from '../kernel/principal';

/**
 * A person who signs in. Locally the platform's own OpenID Connect provider keeps these (with their
 * password hash, TOTP secret and recovery codes, which never leave the identity side); on AWS
 * Cognito keeps them, and users federated from an agency's own identity provider appear here too.
 */
export interface UserProfile {
  /** The subject of the tokens issued for this user. */
  sub: string;
  email: string;
  name: string;
  /** The organisation the user acts for (a registry id); the registry says its kind and country. */
  orgId: string;
  roles: PlatformRole[];
  status: 'active' | 'disabled';
  /** Whether a second factor (TOTP) is enrolled. */
  mfa: boolean;
  /** Where the user comes from: `local` (this platform's directory) or an agency identity provider's name. */
  source: string;
  createdAt: string;
}

export interface UserPage {
  items: UserProfile[];
  /** Opaque; absent on the last page. */
  cursor?: string;
}

/**
 * What platform and organisation administrators do to users (see users/admin.ts for who may do
 * what). Implemented by the local provider's directory (packages/dynamo) and by Cognito's admin
 * API (functions/), held to the same contract tests.
 */
export interface UserAdmin {
  /** Users of one organisation, or of all when `orgId` is absent, by e-mail. */
  list(q: { orgId?: string; cursor?: string; limit?: number }): Promise<UserPage>;
  get(sub: string): Promise<UserProfile | undefined>;
  /** Creates a user who must set a password (and enrol MFA) at first sign-in; returns the profile. */
  create(input: { email: string; name: string; orgId: string; roles: PlatformRole[] }): Promise<UserProfile>;
  setRoles(sub: string, roles: PlatformRole[]): Promise<void>;
  /** A disabled user cannot sign in or refresh a session; existing sessions end (see docs/security.md). */
  setStatus(sub: string, status: UserProfile['status']): Promise<void>;
  /** Forgets the enrolled second factor: the user enrols again at next sign-in. */
  resetMfa(sub: string): Promise<void>;
}

/** What a password check at sign-in found: the user, a wrong password or unknown user, or a locked account. */
export type PasswordCheck =
  | {
      ok: true;
      user: UserProfile;
      /** An administrator reset the user's second factor and none is enrolled since: the user enrols at this sign-in. */
      mfaReset?: boolean;
    }
  | { ok: false; lockedUntil?: string };

/** What an enrolment found: the recovery codes to show the user once, or a code that did not match the new secret. */
export type TotpEnrolment = { ok: true; user: UserProfile; recoveryCodes: string[] } | { ok: false };

/** What a recovery code at sign-in found: the user and how many codes they have left, or a refusal (as `PasswordCheck`). */
export type RecoveryCheck = { ok: true; user: UserProfile; remaining: number } | { ok: false; lockedUntil?: string };

/**
 * The identity side of the local provider's directory: passwords (scrypt hashes), failed attempts
 * and lockout, and the second factor. Nothing here leaves the provider.
 */
export interface UserCredentials {
  findByEmail(email: string): Promise<UserProfile | undefined>;
  setPassword(sub: string, password: string): Promise<void>;
  /** Counts a failure toward the lockout (see `LOCKOUT`); a success clears the count. A disabled or locked user never passes. */
  checkPassword(email: string, password: string, now: Date): Promise<PasswordCheck>;
  /** Enrols a TOTP secret (base32, RFC 6238): from now on the user signs in with a one-time code too. */
  setTotp(sub: string, secret: string): Promise<void>;
  /**
   * Checks a one-time code against the user's enrolled secret, ±1 step of 30 s; a code (time step)
   * already used is refused, so a code seen over a shoulder cannot be replayed. Failures count
   * toward the same lockout as passwords.
   */
  checkTotp(sub: string, code: string, now: Date): Promise<PasswordCheck>;
  /**
   * Enrols at sign-in: when `code` is the current code of `secret` (±1 step) and the user has no
   * factor enrolled yet, stores the secret (the code's step counts as spent) together with a fresh
   * set of recovery codes (see `RECOVERY_CODES`, kept only as hashes) in one conditional write, and
   * returns the codes, which are never readable again. Refused for a disabled or locked user.
   */
  enrolTotp(sub: string, secret: string, code: string, now: Date): Promise<TotpEnrolment>;
  /**
   * Signs in with one of the user's recovery codes instead of a one-time code: each is spent on use
   * (a conditional write, so two sign-ins racing with one code let one through). A wrong or spent
   * code counts toward the lockout. A user with none left asks an administrator to reset their MFA.
   */
  useRecoveryCode(sub: string, code: string, now: Date): Promise<RecoveryCheck>;
}
