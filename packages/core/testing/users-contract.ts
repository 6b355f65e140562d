import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LOCKOUT } from '../src/users/password';
import type { UserAdmin, UserCredentials } from '../src/users/ports';

/**
 * What every implementation of the `UserAdmin` port must do (the in-memory one, the local
 * provider's directory, Cognito's admin API): call `userAdminContract('name', make)` from a test
 * file. `make` gives a directory to test; each test uses organisations and addresses of its own,
 * so a shared store (a table, a user pool) may be reused between tests.
 */
export const userAdminContract = (name: string, make: () => UserAdmin | Promise<UserAdmin>) =>
  describe(`the UserAdmin contract: ${name}`, () => {
    const fresh = () => {
      const tag = randomUUID().slice(0, 8);
      return { org: `org-${tag}`, other: `oth-${tag}`, mail: (who: string) => `${who}.${tag}@example.org` };
    };

    it('creates an active user without a second factor, and reads them back by subject', async () => {
      const users = await make();
      const { org, mail } = fresh();
      const made = await users.create({ email: mail('an'), name: 'Nguyen Van An', orgId: org, roles: ['officer', 'duty_contact'] });
      expect(made).toMatchObject({ email: mail('an'), name: 'Nguyen Van An', orgId: org, status: 'active', mfa: false });
      expect([...made.roles].sort()).toEqual(['duty_contact', 'officer']);
      expect(made.sub).toBeTruthy();
      expect(Number.isNaN(Date.parse(made.createdAt))).toBe(false);
      expect(await users.get(made.sub)).toEqual(made);
    });

    it('knows nobody under an unknown subject', async () => {
      expect(await (await make()).get(`nobody-${randomUUID()}`)).toBeUndefined();
    });

    it('refuses a second user with the same e-mail address', async () => {
      const users = await make();
      const { org, mail } = fresh();
      await users.create({ email: mail('dup'), name: 'First', orgId: org, roles: ['officer'] });
      await expect(users.create({ email: mail('dup'), name: 'Second', orgId: org, roles: ['officer'] })).rejects.toMatchObject({
        code: 'conflict',
      });
    });

    // In the directory's own order (Cognito does not sort): every user of the organisation, each once.
    it("lists one organisation's users a bounded page at a time, each once", async () => {
      const users = await make();
      const { org, other, mail } = fresh();
      const made = [];
      for (const who of ['e', 'a', 'd', 'c', 'b'])
        made.push(await users.create({ email: mail(who), name: who, orgId: org, roles: ['officer'] }));
      await users.create({ email: mail('z'), name: 'z', orgId: other, roles: ['officer'] });
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await users.list({ orgId: org, limit: 2, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((u) => u.email));
        cursor = page.cursor;
        pages++;
      } while (cursor && pages < 10);
      expect([...seen].sort()).toEqual(['a', 'b', 'c', 'd', 'e'].map(mail));
      expect(pages).toBe(3);
    });

    it('changes roles, disables and enables, and forgets the second factor', async () => {
      const users = await make();
      const { org, mail } = fresh();
      const u = await users.create({ email: mail('ro'), name: 'Ro', orgId: org, roles: ['officer'] });
      await users.setRoles(u.sub, ['auditor']);
      expect((await users.get(u.sub))?.roles).toEqual(['auditor']);
      await users.setRoles(u.sub, []);
      expect((await users.get(u.sub))?.roles).toEqual([]);
      await users.setStatus(u.sub, 'disabled');
      expect((await users.get(u.sub))?.status).toBe('disabled');
      await users.setStatus(u.sub, 'active');
      expect((await users.get(u.sub))?.status).toBe('active');
      await users.resetMfa(u.sub);
      expect((await users.get(u.sub))?.mfa).toBe(false);
    });
  });

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A fresh TOTP secret (base32, 160 bits), and the code an authenticator app shows for it at `at` (RFC 6238: SHA-1, 6 digits, 30 s). */
const totpSecret = () =>
  [...randomBytes(20)]
    .map((b) => b.toString(2).padStart(8, '0'))
    .join('')
    .match(/.{5}/g)!
    .map((bits) => BASE32[Number.parseInt(bits, 2)])
    .join('');
const totpCode = (secret: string, at: Date): string => {
  const bits = [...secret].map((c) => BASE32.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
};

/**
 * What the local provider's credentials must do beyond passwords (the second factor): enrolment
 * with a first code, recovery codes kept as hashes and each usable once, and an administrator's
 * reset that makes the user enrol again. Call `userCredentialsContract('name', make)` from a test file.
 */
export const userCredentialsContract = (name: string, make: () => (UserAdmin & UserCredentials) | Promise<UserAdmin & UserCredentials>) =>
  describe(`the UserCredentials contract (second factor): ${name}`, () => {
    const person = async (users: UserAdmin & UserCredentials) => {
      const tag = randomUUID().slice(0, 8);
      const u = await users.create({ email: `mfa.${tag}@example.org`, name: 'Mai', orgId: `org-${tag}`, roles: ['officer', 'supervisor'] });
      await users.setPassword(u.sub, 'correct horse battery');
      return u;
    };
    const enrolled = async (users: UserAdmin & UserCredentials, now: Date) => {
      const u = await person(users);
      const secret = totpSecret();
      const out = await users.enrolTotp(u.sub, secret, totpCode(secret, now), now);
      if (!out.ok) throw new Error('enrolment refused');
      return { u, secret, codes: out.recoveryCodes };
    };

    it('enrols a second factor only with a right first code, and returns ten distinct recovery codes once', async () => {
      const users = await make();
      const now = new Date();
      const u = await person(users);
      const secret = totpSecret();
      expect(await users.enrolTotp(u.sub, secret, totpCode(secret, new Date(now.getTime() + 10 * 60_000)), now)).toEqual({ ok: false });
      expect(await users.enrolTotp(u.sub, secret, 'abcdef', now)).toEqual({ ok: false });
      expect((await users.get(u.sub))?.mfa).toBe(false);
      const out = await users.enrolTotp(u.sub, secret, totpCode(secret, now), now);
      expect(out.ok).toBe(true);
      if (!out.ok) return;
      expect(out.user.sub).toBe(u.sub);
      expect(out.recoveryCodes).toHaveLength(10);
      expect(new Set(out.recoveryCodes).size).toBe(10);
      for (const c of out.recoveryCodes) expect(c).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect((await users.get(u.sub))?.mfa).toBe(true);
      // The first code's step is spent: it does not sign in a second time.
      expect((await users.checkTotp(u.sub, totpCode(secret, now), now)).ok).toBe(false);
      expect((await users.checkTotp(u.sub, totpCode(secret, new Date(now.getTime() + 30_000)), new Date(now.getTime() + 30_000))).ok).toBe(
        true,
      );
      // Enrolled once: a second enrolment (another secret) is refused until an administrator resets.
      const other = totpSecret();
      expect((await users.enrolTotp(u.sub, other, totpCode(other, now), now)).ok).toBe(false);
    });

    it("signs in with each recovery code once, however it is typed; a spent, wrong or other user's code is refused", async () => {
      const users = await make();
      const now = new Date();
      const { u, codes } = await enrolled(users, now);
      const first = await users.useRecoveryCode(u.sub, codes[0]!, now);
      expect(first).toMatchObject({ ok: true, remaining: 9 });
      expect(await users.useRecoveryCode(u.sub, codes[0]!, now)).toEqual({ ok: false });
      // Lower case, without hyphens, with spaces: the same code.
      const typed = ` ${codes[1]!.toLowerCase().replaceAll('-', '')} `;
      expect(await users.useRecoveryCode(u.sub, typed, now)).toMatchObject({ ok: true, remaining: 8 });
      expect(await users.useRecoveryCode(u.sub, 'AAAA-AAAA-AAAA-AAAA', now)).toEqual({ ok: false });
      expect(await users.useRecoveryCode(u.sub, '', now)).toEqual({ ok: false });
      const someoneElse = await enrolled(users, now);
      expect(await users.useRecoveryCode(u.sub, someoneElse.codes[0]!, now)).toEqual({ ok: false });
      for (const c of codes.slice(2, 9)) expect((await users.useRecoveryCode(u.sub, c, now)).ok).toBe(true);
      expect(await users.useRecoveryCode(u.sub, codes[9]!, now)).toMatchObject({ ok: true, remaining: 0 });
    });

    it('lets one of two sign-ins racing with the same recovery code through', async () => {
      const users = await make();
      const now = new Date();
      const { u, codes } = await enrolled(users, now);
      const both = await Promise.all([users.useRecoveryCode(u.sub, codes[3]!, now), users.useRecoveryCode(u.sub, codes[3]!, now)]);
      expect(both.filter((r) => r.ok)).toHaveLength(1);
    });

    it('counts wrong recovery codes toward the lockout; a locked user cannot use a right one', async () => {
      const users = await make();
      const now = new Date();
      const { u, codes } = await enrolled(users, now);
      let last: Awaited<ReturnType<UserCredentials['useRecoveryCode']>> = { ok: false };
      for (let i = 0; i < LOCKOUT.attempts; i++) last = await users.useRecoveryCode(u.sub, 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', now);
      expect(last.ok).toBe(false);
      expect(!last.ok && last.lockedUntil).toBeTruthy();
      expect((await users.useRecoveryCode(u.sub, codes[0]!, now)).ok).toBe(false);
    });

    it('after an administrator resets MFA: the recovery codes are gone, the password check says to enrol, an enrolment clears that', async () => {
      const users = await make();
      const now = new Date();
      const { u, codes } = await enrolled(users, now);
      const before = await users.checkPassword(u.email, 'correct horse battery', now);
      expect(before.ok && before.mfaReset).toBeFalsy();
      await users.resetMfa(u.sub);
      expect((await users.get(u.sub))?.mfa).toBe(false);
      expect((await users.useRecoveryCode(u.sub, codes[5]!, now)).ok).toBe(false);
      const after = await users.checkPassword(u.email, 'correct horse battery', now);
      expect(after).toMatchObject({ ok: true, mfaReset: true });
      const secret = totpSecret();
      const again = await users.enrolTotp(u.sub, secret, totpCode(secret, now), now);
      expect(again.ok).toBe(true);
      const later = await users.checkPassword(u.email, 'correct horse battery', now);
      expect(later.ok && later.mfaReset).toBeFalsy();
      // The old codes stay spent; the new ones work.
      expect((await users.useRecoveryCode(u.sub, codes[6]!, now)).ok).toBe(false);
      if (again.ok) expect((await users.useRecoveryCode(u.sub, again.recoveryCodes[0]!, now)).ok).toBe(true);
    });
  });
