/**
 * A platform administrator manages an agency's users in the console, in English, Vietnamese and
 * Thai: picks the organisation by name, invites an officer with roles ticked by their labels,
 * changes those roles, disables a leaver and resets a lost second factor, each after a
 * confirmation. The runtime has no directory of its own yet, so the journey wires the in-memory
 * one (the same UserAdmin contract as the local provider's and Cognito's) into its deps.
 */
import { MemoryUserAdmin, type UserProfile } from '@taskforce/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, LANGS, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

const A05 = 'Department of Cyber Security and High-Tech Crime Prevention (A05)';
/** One officer of A05 per language, with a second factor enrolled (the one whose MFA is reset). */
const SEEDED: Record<(typeof LANGS)[number], string> = { en: 'Nguyễn Văn An', vi: 'Trần Thị Bình', th: 'Lê Văn Cường' };
const seed = (lang: string, name: string): UserProfile => ({
  sub: `user-a05-${lang}`,
  email: `${lang}.officer@a05.example.vn`,
  name,
  orgId: 'vnm-a05',
  roles: ['officer'],
  status: 'active',
  mfa: true,
  source: 'local',
  createdAt: '2026-03-01T08:00:00.000Z',
});

let c: Console;
beforeAll(async () => {
  c = await startConsole();
  c.rt.deps.users = new MemoryUserAdmin({ seed: LANGS.map((l) => seed(l, SEEDED[l])) });
}, 180_000);
afterAll(() => c?.stop());

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

describe.each(LANGS)('users (%s)', (lang) => {
  const L = (key: Parameters<typeof label>[1], vars: Record<string, string> = {}) => label(lang, key, vars);

  it('a platform administrator invites an officer, changes their roles, disables them and resets a second factor', {
    timeout: 90_000,
  }, async () => {
    const page = await c.newPage();
    await signIn(c, page, 'platform-admin', 'users', lang);
    await page.getByRole('heading', { name: L('users.title'), level: 1 }).waitFor();
    await page.getByRole('link', { name: L('nav.users') }).waitFor();

    // The organisation, by name.
    await page.getByLabel(L('users.org')).selectOption({ label: A05 });
    const table = page.getByRole('table', { name: L('users.listOf', { org: A05 }) });
    await table.waitFor();
    const seeded = row(page, SEEDED[lang]);
    await expect.poll(() => seeded.getByRole('cell').allTextContents(), POLL).toContain(L('users.mfa.on'));
    await checkA11y(c, page, `users list (${lang})`);
    await shoot(page, `users-list-${lang}`);

    // Invite: name, address, roles ticked by their labels.
    const invitee = `Phạm Thị Dung ${lang}`;
    const email = `dung.${lang}@a05.example.vn`;
    const form = page.getByRole('form', { name: L('users.invite', { org: A05 }) });
    await form.getByLabel(L('users.name')).fill(invitee);
    await form.getByLabel(L('users.email')).fill(email);
    await form.getByRole('checkbox', { name: L('enum.platformRole.officer'), exact: true }).check();
    await form.getByRole('checkbox', { name: L('enum.platformRole.duty_contact'), exact: true }).check();
    // Only the platform grants the admin role; it is offered here because the caller is the platform.
    await expect.poll(() => form.getByRole('checkbox', { name: L('enum.platformRole.admin'), exact: true }).count(), POLL).toBe(1);
    await shoot(page, `users-invite-${lang}`);
    await form.getByRole('button', { name: L('users.send') }).click();
    await page.getByRole('status').getByText(L('users.invited', { email })).waitFor();
    const fresh = row(page, invitee);
    await expect
      .poll(() => fresh.getByRole('cell').allTextContents(), POLL)
      .toEqual([
        email,
        `${L('enum.platformRole.officer')}, ${L('enum.platformRole.duty_contact')}`,
        L('users.status.active'),
        L('users.mfa.off'),
        expect.any(String),
      ]);

    // Change roles: the dialog asks, with the current roles ticked.
    await fresh.getByRole('button', { name: L('users.changeRolesOf', { name: invitee }) }).click();
    const roles = page.getByRole('dialog', { name: L('users.changeRolesOf', { name: invitee }) });
    await expect
      .poll(() => roles.getByRole('checkbox', { name: L('enum.platformRole.duty_contact'), exact: true }).isChecked(), POLL)
      .toBe(true);
    await roles.getByRole('checkbox', { name: L('enum.platformRole.duty_contact'), exact: true }).uncheck();
    await roles.getByRole('checkbox', { name: L('enum.platformRole.auditor'), exact: true }).check();
    await checkA11y(c, page, `users roles dialog (${lang})`);
    await shoot(page, `users-roles-${lang}`);
    await roles.getByRole('button', { name: L('users.saveRoles') }).click();
    await page
      .getByRole('status')
      .getByText(L('users.rolesSaved', { name: invitee }))
      .waitFor();
    await expect
      .poll(() => fresh.getByRole('cell').nth(1).textContent(), POLL)
      .toBe(`${L('enum.platformRole.officer')}, ${L('enum.platformRole.auditor')}`);

    // Disable the leaver, after saying what it does.
    await fresh.getByRole('button', { name: L('users.disableOf', { name: invitee }) }).click();
    const disable = page.getByRole('dialog', { name: L('users.disableOf', { name: invitee }) });
    await disable.getByText(L('users.disableWhat')).waitFor();
    await checkA11y(c, page, `users disable dialog (${lang})`);
    await shoot(page, `users-disable-${lang}`);
    await disable.getByRole('button', { name: L('users.disable'), exact: true }).click();
    await page
      .getByRole('status')
      .getByText(L('users.disabled', { name: invitee }))
      .waitFor();
    await expect.poll(() => fresh.getByRole('cell').nth(2).textContent(), POLL).toBe(L('users.status.disabled'));
    await fresh.getByRole('button', { name: L('users.enableOf', { name: invitee }) }).waitFor();

    // Reset the second factor of the officer who lost their phone.
    await seeded.getByRole('button', { name: L('users.resetMfaOf', { name: SEEDED[lang] }) }).click();
    const reset = page.getByRole('dialog', { name: L('users.resetMfaOf', { name: SEEDED[lang] }) });
    await reset.getByText(L('users.resetMfaWhat')).waitFor();
    await reset.getByRole('button', { name: L('users.resetMfa'), exact: true }).click();
    await page
      .getByRole('status')
      .getByText(L('users.mfaReset', { name: SEEDED[lang] }))
      .waitFor();
    await expect.poll(() => seeded.getByRole('cell').nth(3).textContent(), POLL).toBe(L('users.mfa.off'));
    await checkA11y(c, page, `users after changes (${lang})`);
    await shoot(page, `users-done-${lang}`);

    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('users for everyone else', () => {
  it('is not offered to an officer', async () => {
    const page = await c.newPage();
    await signIn(c, page, 'lead');
    await page.getByRole('link', { name: label('en', 'nav.today') }).waitFor();
    expect(await page.getByRole('link', { name: label('en', 'nav.users') }).count()).toBe(0);
    await page.close();
  });
});
