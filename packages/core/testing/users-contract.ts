import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { UserAdmin } from '../src/users/ports';

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
