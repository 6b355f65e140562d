/**
 * Signing in as a person does, in en, vi and th: the console sends them to the local OpenID Connect
 * provider's page, they type their e-mail and password, come back signed in, reload and stay signed
 * in, are warned a minute before the idle time runs out, stay, are signed out when it does run out,
 * and sign out; an account is locked after five wrong passwords; a duty contact on a phone can
 * choose to stay signed in for a shift.
 */
import { DEMO_PEOPLE, demoTotpCode } from '@taskforce/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../src/personas';
import { type Console, checkA11y, LANGS, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

const person = (id: string) => DEMO_PEOPLE.find((d) => d.persona.id === id)!;

describe('signing in through the platform’s provider', () => {
  let c: Console;
  beforeAll(async () => {
    c = await startConsole();
  }, 180_000);
  afterAll(() => c?.stop());

  describe.each(LANGS)('in %s', (lang) => {
    it('signs in with a password, stays signed in across a reload, is warned, then signed out when idle, and signs out', async () => {
      const page = await c.newPage();
      const signOut = () => page.getByRole('button', { name: label(lang, 'nav.signOut') });
      await page.goto(`${c.rt.url}/?poll=500${lang === 'en' ? '' : `&lang=${lang}`}`);
      await page.getByRole('heading', { name: label(lang, 'signin.title') }).waitFor();
      await checkA11y(c, page, `console sign-in (${lang})`);
      await shoot(page, `signin-console-${lang}`);

      await page.getByRole('button', { name: label(lang, 'signin.start') }).click();
      // The provider's own page, in the console's language.
      await page.getByLabel(label(lang, 'signin.email')).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/oidc\/interaction\//);
      await checkA11y(c, page, `provider sign-in (${lang})`);
      await shoot(page, `signin-login-${lang}`);

      const fbi = person('fbi');
      await page.getByLabel(label(lang, 'signin.email')).fill(fbi.email);
      await page.getByLabel(label(lang, 'signin.password')).fill('not-the-password');
      await page.getByRole('button', { name: label(lang, 'signin.submit'), exact: true }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: label(lang, 'signin.bad') })
        .waitFor();
      await checkA11y(c, page, `provider sign-in, wrong password (${lang})`);
      await shoot(page, `signin-wrong-${lang}`);

      await page.getByLabel(label(lang, 'signin.password')).fill(fbi.password);
      await page.getByRole('button', { name: label(lang, 'signin.submit'), exact: true }).click();
      await signOut().waitFor();
      await page.getByText('usa-fbi').first().waitFor();
      await shoot(page, `signin-signed-in-${lang}`);

      // A reload (a phone does it to any background tab) keeps the session.
      await page.reload();
      await signOut().waitFor();
      await page.getByText('usa-fbi').first().waitFor();

      // A minute before the idle time runs out, a warning; staying signed in starts the idle time again.
      c.clock.advance(29 * 60_000 + 5_000);
      const warning = page.getByRole('alertdialog', { name: label(lang, 'session.warnTitle') });
      await warning.waitFor();
      await checkA11y(c, page, `idle warning (${lang})`);
      await shoot(page, `signin-idle-warning-${lang}`);
      await warning.getByRole('button', { name: label(lang, 'session.stay') }).click();
      await warning.waitFor({ state: 'hidden' });
      await signOut().waitFor();

      // Thirty minutes without activity: signed out, and told why.
      c.clock.advance(31 * 60_000);
      await page.getByText(label(lang, 'session.ended', { minutes: 30 })).waitFor();
      await page.getByRole('button', { name: label(lang, 'signin.start') }).waitFor();
      await shoot(page, `signin-idle-ended-${lang}`);

      // Signing out ends the session: a reload does not bring it back.
      await signIn(c, page, 'fbi', '', lang);
      await signOut().click();
      await page.getByRole('button', { name: label(lang, 'signin.start') }).waitFor();
      await page.reload();
      await page.getByRole('button', { name: label(lang, 'signin.start') }).waitFor();
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  });

  it('locks an account after five wrong passwords, and says until when', async () => {
    const page = await c.newPage();
    const who = person('auditor');
    await page.goto(`${c.rt.url}/`);
    await page.getByRole('button', { name: label('en', 'signin.start') }).click();
    for (let i = 0; i < 5; i++) {
      await page.getByLabel(label('en', 'signin.email')).fill(who.email);
      await page.getByLabel(label('en', 'signin.password')).fill(`wrong-${i}`);
      await page.getByRole('button', { name: label('en', 'signin.submit'), exact: true }).click();
      await page.getByRole('alert').waitFor();
    }
    await page.getByRole('alert').filter({ hasText: /UTC/ }).waitFor();
    // Even the right password is refused while the account is locked.
    await page.getByLabel(label('en', 'signin.password')).fill(who.password);
    await page.getByRole('button', { name: label('en', 'signin.submit'), exact: true }).click();
    await page.getByRole('alert').filter({ hasText: /UTC/ }).waitFor();
    await page.getByText(label('en', 'signin.lockRule')).waitFor();
    await checkA11y(c, page, 'provider sign-in, locked');
    await shoot(page, 'signin-locked-en');
    await page.close();
  });

  describe.each(LANGS)('on a phone, in %s', (lang) => {
    it('a duty contact signs in with one click and may stay signed in for a shift', async () => {
      const page: Page = await c.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${c.rt.url}/?poll=500${lang === 'en' ? '' : `&lang=${lang}`}`);
      await page.getByRole('button', { name: label(lang, 'signin.start') }).click();
      const duty = PERSONAS.find((p) => p.id === 'ccib-duty')!;
      const button = page.getByRole('button', { name: `${label(lang, duty.role)} ${duty.label}`, exact: true });
      await button.waitFor();
      await checkA11y(c, page, `provider sign-in, phone (${lang})`);
      await shoot(page, `signin-phone-login-${lang}`);
      await button.click();
      // A duty contact signs in with a second factor too: the code the demo's authenticator shows (a fresh time step each time).
      c.clock.advance(30_000);
      await page.getByLabel(label(lang, 'signin.otp')).fill(demoTotpCode(c.clock.now()));
      await page.getByRole('button', { name: label(lang, 'signin.otpSubmit') }).click();
      const shift = page.getByRole('checkbox', { name: label(lang, 'session.shift') });
      // The box shows what the session says: checked once the backend has set the shift-long idle time.
      await shift.click();
      await expect.poll(() => shift.isChecked(), POLL).toBe(true);
      await shoot(page, `signin-phone-shift-${lang}`);
      // Forty minutes idle is nothing in a twelve-hour shift.
      c.clock.advance(40 * 60_000);
      await page.reload();
      await page.getByRole('button', { name: label(lang, 'nav.signOut') }).waitFor();
      await page.close();
    });
  });
});
