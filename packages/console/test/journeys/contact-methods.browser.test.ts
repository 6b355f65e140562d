/**
 * A 24/7 duty contact registers where they are paged, in English, Vietnamese and Thai, at a desk
 * and on a phone (390×844): adds a phone (country picked, number typed as dialled there) and an
 * e-mail address, reads each code where it arrived (the local SMS sink, maildev's mailbox: the
 * person's own phone and inbox), has a wrong code refused, verifies both, puts the phone first
 * and removes the e-mail. The codes go out through the real local channels the runtime started.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, LANGS, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

let c: Console;
beforeAll(async () => {
  c = await startConsole();
}, 180_000);
afterAll(() => c?.stop());

const VIEWS = [
  { name: 'desk', size: { width: 1280, height: 900 } },
  { name: 'phone', size: { width: 390, height: 844 } },
] as const;

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1];

/** The newest code on the person's phone: the SMS sink's messages to that number. */
const smsCode = async (e164: string): Promise<string | undefined> => {
  const r = await fetch(`${c.rt.channels!.smsSink}?to=${encodeURIComponent(e164)}`);
  const { items } = (await r.json()) as { items: { text: string }[] };
  return items.length ? codeIn(items.at(-1)!.text) : undefined;
};
/** The newest code in the person's mailbox: maildev's REST API. */
const mailCode = async (address: string): Promise<string | undefined> => {
  const mails = (await (await fetch(c.rt.channels!.mailApi)).json()) as { time: string; text: string; to: { address: string }[] }[];
  const mine = mails.filter((m) => m.to.some((t) => t.address === address)).sort((a, b) => a.time.localeCompare(b.time));
  return mine.length ? codeIn(mine.at(-1)!.text) : undefined;
};

const item = (page: Page, address: string) => page.getByRole('listitem').filter({ hasText: address });

describe.each(LANGS)('my contact methods (%s)', (lang) => {
  const L = (key: Parameters<typeof label>[1], vars: Record<string, string> = {}) => label(lang, key, vars);

  for (const [v, view] of VIEWS.entries()) {
    it(`a duty contact adds a phone and an e-mail, verifies both by their codes, reorders and removes (${view.name})`, {
      timeout: 90_000,
    }, async () => {
      const n = LANGS.indexOf(lang) * VIEWS.length + v;
      const national = `081 234 56${String(n).padStart(2, '0')}`;
      const e164 = `+668123456${String(n).padStart(2, '0')}`;
      const email = `duty.${lang}.${view.name}@ccib.example`;
      const step = (s: string) => `contact-methods-${s}${view.name === 'phone' ? '-phone' : ''}-${lang}`;

      // An hour later than the run before: codes sent then no longer count toward this person's hourly limit.
      c.clock.advance(60 * 60_000);
      const page = await c.newPage();
      await page.setViewportSize(view.size);
      await signIn(c, page, 'ccib-duty', 'me', lang);
      await page.getByRole('heading', { name: L('me.title'), level: 1 }).waitFor();
      await page.getByRole('link', { name: L('me.nav') }).waitFor();
      // Nothing leaves this machine, and the screen says so.
      await page.getByText(L('me.local.intro')).waitFor();
      await checkA11y(c, page, `my contact methods (${lang}, ${view.name})`);
      await shoot(page, step('start'));

      // A phone: the country picked by name, the number typed as it is dialled there.
      const phoneForm = page.getByRole('form', { name: L('me.addPhone') });
      await phoneForm.getByLabel(L('me.region')).selectOption({ label: L('me.region.TH') });
      await phoneForm.getByLabel(L('me.phone')).fill(national);
      await phoneForm.getByRole('button', { name: L('me.addPhoneSubmit') }).click();
      await page
        .getByRole('status')
        .getByText(L('me.added', { address: e164 }))
        .waitFor();
      const phone = item(page, e164);
      await phone.getByText(L('me.status.unverified')).waitFor();
      await phone.getByText(L('me.kind.phone'), { exact: true }).waitFor();

      // An e-mail address.
      const mailForm = page.getByRole('form', { name: L('me.addEmail') });
      await mailForm.getByLabel(L('me.email')).fill(email);
      await mailForm.getByRole('button', { name: L('me.addEmailSubmit') }).click();
      await page
        .getByRole('status')
        .getByText(L('me.added', { address: email }))
        .waitFor();
      const mail = item(page, email);
      await mail.getByText(L('me.status.unverified')).waitFor();
      // The SMS the phone received is listed on this machine too.
      await page
        .getByRole('table', { name: L('me.local.sms') })
        .getByRole('cell', { name: e164 })
        .first()
        .waitFor();
      await checkA11y(c, page, `codes sent (${lang}, ${view.name})`);
      await shoot(page, step('codes-sent'));

      // The codes, read where they arrived: the phone and the mailbox.
      await expect.poll(() => smsCode(e164), POLL).toMatch(/^\d{6}$/);
      await expect.poll(() => mailCode(email), POLL).toMatch(/^\d{6}$/);
      const smsSent = (await smsCode(e164))!;
      const mailSent = (await mailCode(email))!;

      // A wrong code is refused, and the method stays unverified.
      const wrong = smsSent === '000000' ? '111111' : '000000';
      await phone.getByLabel(L('me.code', { address: e164 })).fill(wrong);
      await phone.getByRole('button', { name: L('me.verify') }).click();
      const refusal = page.getByRole('alert');
      await refusal.getByText(L('problem.title.validation')).waitFor();
      await refusal.getByText('code', { exact: true }).waitFor();
      await phone.getByText(L('me.status.unverified')).waitFor();
      await checkA11y(c, page, `wrong code (${lang}, ${view.name})`);
      await shoot(page, step('wrong-code'));

      // The right codes verify both.
      await phone.getByLabel(L('me.code', { address: e164 })).fill(smsSent);
      await phone.getByRole('button', { name: L('me.verify') }).click();
      await page
        .getByRole('status')
        .getByText(L('me.verified', { address: e164 }))
        .waitFor();
      await phone.getByText(L('me.status.verified')).waitFor();
      await mail.getByLabel(L('me.code', { address: email })).fill(mailSent);
      await mail.getByRole('button', { name: L('me.verify') }).click();
      await page
        .getByRole('status')
        .getByText(L('me.verified', { address: email }))
        .waitFor();
      await mail.getByText(L('me.status.verified')).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      await checkA11y(c, page, `verified (${lang}, ${view.name})`);
      await shoot(page, step('verified'));

      // The phone was added first; the e-mail is to be tried first: move it up.
      const order = () => page.getByRole('list').filter({ has: phone }).getByRole('listitem').allTextContents();
      // Which of the two comes first (the demo's own methods for this person are listed above them).
      const first = async () => {
        const texts = await order();
        return texts.findIndex((t) => t.includes(email)) < texts.findIndex((t) => t.includes(e164)) ? 'email' : 'phone';
      };
      await expect.poll(first, POLL).toBe('phone');
      await mail.getByRole('button', { name: L('me.up', { address: email }) }).click();
      await page.getByRole('status').getByText(L('me.reordered')).waitFor();
      await expect.poll(first, POLL).toBe('email');

      // Remove the e-mail, after saying what that means.
      await mail.getByRole('button', { name: L('me.remove', { address: email }) }).click();
      const ask = page.getByRole('group', { name: L('me.removeConfirm', { address: email }) });
      await ask.waitFor();
      await shoot(page, step('remove'));
      await ask.getByRole('button', { name: L('me.removeYes') }).click();
      await page
        .getByRole('status')
        .getByText(L('me.removed', { address: email }))
        .waitFor();
      await expect.poll(() => mail.count(), POLL).toBe(0);
      if (view.name === 'phone')
        await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), POLL).toBe(true);
      await checkA11y(c, page, `after changes (${lang}, ${view.name})`);
      await shoot(page, step('done'));

      // Leave the list as it was found for the next run: the phone goes too.
      await phone.getByRole('button', { name: L('me.remove', { address: e164 }) }).click();
      await page
        .getByRole('group', { name: L('me.removeConfirm', { address: e164 }) })
        .getByRole('button', { name: L('me.removeYes') })
        .click();
      await expect.poll(() => phone.count(), POLL).toBe(0);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  }
});
