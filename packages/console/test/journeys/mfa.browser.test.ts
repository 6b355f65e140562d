/**
 * A second factor, from enrolment to a lost phone, in en, vi and th: a platform administrator
 * resets the MFA of a duty contact (their phone was replaced); the duty contact, on a phone, signs
 * in, is asked to set up the second factor, types the key shown on the page into an authenticator
 * app (the test computes the app's code), sees ten recovery codes once, saves them and is signed in;
 * signs out, signs in again with a recovery code instead of the app, is told how many are left; and
 * a recovery code already used is refused.
 */
import { totpCode } from '@taskforce/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/personas';
import { type Console, checkA11y, LANGS, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

const DSI = 'Department of Special Investigation';
const duty = PERSONAS.find((p) => p.id === 'dsi-duty')!;
/** The duty contact as the directory names them (the demo seeds `<label> (<id>)`). */
const DUTY_NAME = `${duty.label} (${duty.id})`;
const PHONE = { width: 390, height: 844 };

let c: Console;
beforeAll(async () => {
  c = await startConsole();
}, 180_000);
afterAll(() => c?.stop());

describe.each(LANGS)('a second factor (%s)', (lang) => {
  const L = (key: Parameters<typeof label>[1], vars: Record<string, string | number> = {}) => label(lang, key, vars);

  /** From the console's sign-in to the provider's page, then the demo person's one-click sign-in (their password). */
  const toSecondStep = async (page: Page) => {
    await page.goto(`${c.rt.url}/?poll=500${lang === 'en' ? '' : `&lang=${lang}`}`);
    await page.getByRole('button', { name: L('signin.start') }).click();
    await page.getByRole('button', { name: `${L(duty.role)} ${duty.label}`, exact: true }).click();
  };

  it('an administrator resets a duty contact’s MFA; they enrol on a phone, save recovery codes, and later sign in with one, once', {
    timeout: 150_000,
  }, async () => {
    // The administrator resets the second factor of the duty contact, whose phone was replaced.
    const admin = await c.newPage();
    await signIn(c, admin, 'platform-admin', 'users', lang);
    await admin.getByRole('heading', { name: L('users.title'), level: 1 }).waitFor();
    await admin.getByLabel(L('users.org')).selectOption({ label: DSI });
    const row = admin.getByRole('row').filter({ has: admin.getByRole('rowheader', { name: DUTY_NAME, exact: true }) });
    await expect.poll(() => row.getByRole('cell').allTextContents(), POLL).toContain(L('users.mfa.on'));
    await row.getByRole('button', { name: L('users.resetMfaOf', { name: DUTY_NAME }) }).click();
    const reset = admin.getByRole('dialog', { name: L('users.resetMfaOf', { name: DUTY_NAME }) });
    await reset.getByRole('button', { name: L('users.resetMfa'), exact: true }).click();
    await admin
      .getByRole('status')
      .getByText(L('users.mfaReset', { name: DUTY_NAME }))
      .waitFor();
    await expect.poll(() => row.getByRole('cell').allTextContents(), POLL).toContain(L('users.mfa.off'));
    await shoot(admin, `mfa-reset-${lang}`);
    await admin.close();

    // The duty contact, on a phone: after the password, the enrolment page.
    const page = await c.newPage();
    await page.setViewportSize(PHONE);
    await toSecondStep(page);
    await page.getByRole('heading', { name: L('mfa.enrolTitle'), level: 1 }).waitFor();
    const qr = page.getByRole('img', { name: new RegExp(`^${L('mfa.qr', { account: '@@' }).split('@@')[0]}`) });
    await qr.waitFor();
    expect((await qr.boundingBox())!.width).toBeGreaterThan(150);
    // On the phone that holds the app, a tap adds the account.
    expect(await page.getByRole('link', { name: L('mfa.openApp') }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\/Taskforce:/);
    const key = page.getByLabel(L('mfa.secret'));
    const shown = await key.inputValue();
    // The key in groups of four, as a person types it into the app.
    expect(shown).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), POLL).toBe(true);
    await checkA11y(c, page, `MFA enrolment (phone, ${lang})`);
    await shoot(page, `mfa-enrol-${lang}`);

    // A code from another time is refused, and the page says so; the app's code now enrols.
    const code = page.getByLabel(L('mfa.code'));
    await code.fill(totpCode(shown, new Date(c.clock.now().getTime() + 10 * 60_000)));
    await page.getByRole('button', { name: L('mfa.enrolSubmit') }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: L('mfa.enrolBad') })
      .waitFor();
    expect(await page.getByLabel(L('mfa.secret')).inputValue()).toBe(shown);
    await checkA11y(c, page, `MFA enrolment, wrong code (phone, ${lang})`);
    await shoot(page, `mfa-enrol-wrong-${lang}`);
    await page.getByLabel(L('mfa.code')).fill(totpCode(shown, c.clock.now()));
    await page.getByRole('button', { name: L('mfa.enrolSubmit') }).click();

    // Ten recovery codes, shown this once.
    await page.getByRole('heading', { name: L('mfa.codesTitle'), level: 1 }).waitFor();
    const list = page.getByRole('list', { name: L('mfa.codesList', { n: 10 }) });
    const codes = (await list.getByRole('listitem').allTextContents()).map((t) => t.trim());
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const one of codes) expect(one).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await page.getByText(L('mfa.codesPrint')).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), POLL).toBe(true);
    await checkA11y(c, page, `MFA recovery codes (phone, ${lang})`);
    await shoot(page, `mfa-codes-${lang}`);
    await page.getByRole('button', { name: L('mfa.codesSaved') }).click();
    const signOut = page.getByRole('button', { name: L('nav.signOut') });
    await signOut.waitFor();
    await page.getByRole('heading', { name: L('pager.title', { country: 'THA' }), level: 1 }).waitFor();
    await shoot(page, `mfa-signed-in-${lang}`);
    await signOut.click();
    await page.getByRole('button', { name: L('signin.start') }).waitFor();

    // The phone is lost: the one-time-code page offers a recovery code instead.
    await toSecondStep(page);
    await page.getByLabel(L('signin.otp')).waitFor();
    await page.getByRole('link', { name: L('mfa.useRecovery') }).click();
    await page.getByRole('heading', { name: L('mfa.recoveryTitle'), level: 1 }).waitFor();
    await checkA11y(c, page, `MFA recovery code (phone, ${lang})`);
    await shoot(page, `mfa-recovery-${lang}`);
    // Typed as a person may: lower case, without the hyphens.
    await page.getByLabel(L('mfa.recovery')).fill(codes[0]!.toLowerCase().replaceAll('-', ''));
    await page.getByRole('button', { name: L('mfa.recoverySubmit') }).click();
    await page.getByRole('heading', { name: L('mfa.recoveryUsedTitle'), level: 1 }).waitFor();
    await page.getByText(L('mfa.recoveryLeft', { n: 9 })).waitFor();
    await checkA11y(c, page, `MFA recovery code used (phone, ${lang})`);
    await shoot(page, `mfa-recovery-used-${lang}`);
    await page.getByRole('button', { name: L('mfa.continue') }).click();
    await signOut.waitFor();
    await signOut.click();
    await page.getByRole('button', { name: L('signin.start') }).waitFor();

    // The same recovery code a second time: refused.
    await toSecondStep(page);
    await page.getByRole('link', { name: L('mfa.useRecovery') }).click();
    await page.getByLabel(L('mfa.recovery')).fill(codes[0]!);
    await page.getByRole('button', { name: L('mfa.recoverySubmit') }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: L('mfa.recoveryBad') })
      .waitFor();
    expect(await page.getByRole('button', { name: L('nav.signOut') }).count()).toBe(0);
    await checkA11y(c, page, `MFA recovery code refused (phone, ${lang})`);
    await shoot(page, `mfa-recovery-refused-${lang}`);
    // Back to the app's code: the link leads there.
    await page.getByRole('link', { name: L('mfa.useApp') }).click();
    await page.getByLabel(L('signin.otp')).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
