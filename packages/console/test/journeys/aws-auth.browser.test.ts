/**
 * An organisation's own administrator (A05's) manages A05's users in the console, in English,
 * Vietnamese and Thai: no organisation to pick, only A05's people listed, invites an officer (the
 * administrator role is not offered), disables a leaver and resets a lost second factor; another
 * administrator of A05 is shown as the platform's to change, and another organisation's user never
 * appears. The journey wires the in-memory directory (the same UserAdmin contract as the local
 * provider's and Cognito's) so its people are known.
 */
import { MemoryUserAdmin, type UserProfile } from '@taskforce/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, LANGS, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

const A05 = 'Department of Cyber Security and High-Tech Crime Prevention (A05)';
const SEEDED: Record<(typeof LANGS)[number], string> = { en: 'Đỗ Minh Khoa', vi: 'Vũ Thị Lan', th: 'Hoàng Văn Nam' };
const CHIEF = 'Bùi Quang Huy';
const STRANGER = 'Oliver Grant';
const person = (sub: string, name: string, orgId: string, roles: UserProfile['roles']): UserProfile => ({
  sub,
  email: `${sub}@example.org`,
  name,
  orgId,
  roles,
  status: 'active',
  mfa: true,
  source: 'local',
  createdAt: '2026-03-01T08:00:00.000Z',
});

let c: Console;
beforeAll(async () => {
  c = await startConsole();
  c.rt.deps.users = new MemoryUserAdmin({
    seed: [
      ...LANGS.map((l) => person(`a05-officer-${l}`, SEEDED[l], 'vnm-a05', ['officer'])),
      person('a05-chief', CHIEF, 'vnm-a05', ['officer', 'admin']),
      person('nca-officer', STRANGER, 'gbr-nca', ['officer']),
    ],
  });
}, 180_000);
afterAll(() => c?.stop());

const row = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

describe.each(LANGS)("an organisation's administrator (%s)", (lang) => {
  const L = (key: Parameters<typeof label>[1], vars: Record<string, string> = {}) => label(lang, key, vars);

  it('manages its own users only, and never grants or changes an administrator', { timeout: 90_000 }, async () => {
    const page = await c.newPage();
    await signIn(c, page, 'org-admin', 'users', lang);
    await page.getByRole('heading', { name: L('users.title'), level: 1 }).waitFor();
    await page.getByText(L('users.ownOrgOnly')).waitFor();

    // Its own organisation, by name, with nothing to pick; another organisation's user is not there.
    const table = page.getByRole('table', { name: L('users.listOf', { org: A05 }) });
    await table.waitFor();
    expect(await page.getByLabel(L('users.org')).count()).toBe(0);
    const seeded = row(page, SEEDED[lang]);
    await expect.poll(() => seeded.getByRole('cell').allTextContents(), POLL).toContain(L('users.mfa.on'));
    expect(await row(page, STRANGER).count()).toBe(0);
    // Another administrator of A05: the platform's to change, no buttons to be refused.
    const chief = row(page, CHIEF);
    await expect.poll(() => chief.getByRole('cell').last().textContent(), POLL).toBe(L('users.byPlatform'));
    expect(await chief.getByRole('button').count()).toBe(0);
    await checkA11y(c, page, `org admin users (${lang})`);
    await shoot(page, `aws-auth-org-admin-list-${lang}`);

    // Invite an officer: the administrator role is not offered.
    const invitee = `Lý Thu Hà ${lang}`;
    const email = `ha.${lang}@a05.example.vn`;
    const form = page.getByRole('form', { name: L('users.invite', { org: A05 }) });
    await form.getByLabel(L('users.name')).fill(invitee);
    await form.getByLabel(L('users.email')).fill(email);
    await form.getByRole('checkbox', { name: L('enum.platformRole.officer'), exact: true }).check();
    expect(await form.getByRole('checkbox', { name: L('enum.platformRole.admin'), exact: true }).count()).toBe(0);
    await shoot(page, `aws-auth-org-admin-invite-${lang}`);
    await form.getByRole('button', { name: L('users.send') }).click();
    await page.getByRole('status').getByText(L('users.invited', { email })).waitFor();
    const fresh = row(page, invitee);
    await expect.poll(() => fresh.getByRole('cell').nth(1).textContent(), POLL).toBe(L('enum.platformRole.officer'));

    // Disable the leaver.
    await fresh.getByRole('button', { name: L('users.disableOf', { name: invitee }) }).click();
    const disable = page.getByRole('dialog', { name: L('users.disableOf', { name: invitee }) });
    await disable.getByRole('button', { name: L('users.disable'), exact: true }).click();
    await page
      .getByRole('status')
      .getByText(L('users.disabled', { name: invitee }))
      .waitFor();
    await expect.poll(() => fresh.getByRole('cell').nth(2).textContent(), POLL).toBe(L('users.status.disabled'));

    // Reset a lost second factor; the roles dialog offers no administrator role either.
    await seeded.getByRole('button', { name: L('users.resetMfaOf', { name: SEEDED[lang] }) }).click();
    const reset = page.getByRole('dialog', { name: L('users.resetMfaOf', { name: SEEDED[lang] }) });
    await reset.getByRole('button', { name: L('users.resetMfa'), exact: true }).click();
    await page
      .getByRole('status')
      .getByText(L('users.mfaReset', { name: SEEDED[lang] }))
      .waitFor();
    await expect.poll(() => seeded.getByRole('cell').nth(3).textContent(), POLL).toBe(L('users.mfa.off'));
    await seeded.getByRole('button', { name: L('users.changeRolesOf', { name: SEEDED[lang] }) }).click();
    const roles = page.getByRole('dialog', { name: L('users.changeRolesOf', { name: SEEDED[lang] }) });
    await roles.getByRole('checkbox', { name: L('enum.platformRole.officer'), exact: true }).waitFor();
    expect(await roles.getByRole('checkbox', { name: L('enum.platformRole.admin'), exact: true }).count()).toBe(0);
    await checkA11y(c, page, `org admin roles dialog (${lang})`);
    await shoot(page, `aws-auth-org-admin-roles-${lang}`);
    await roles.getByRole('button', { name: L('users.cancel') }).click();
    await roles.waitFor({ state: 'hidden' });

    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
