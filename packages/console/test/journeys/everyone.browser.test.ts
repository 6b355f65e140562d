import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, LANGS, type Lang, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

const DESK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const DAY = 86_400_000;

/** Whether the page loaded a face of `family` from the console's own fonts. */
const fontLoaded = (page: Page, family: string) =>
  page.evaluate((f) => [...document.fonts].some((x) => x.family.replace(/["']/g, '') === f && x.status === 'loaded'), family);

/** Whether any input, select or textarea sticks out of the box that holds it (the 22 px overflow). */
const overflowing = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('main input, main select, main textarea')]
      .filter((el) => {
        const box = (el.closest('form, fieldset, .record, section') ?? document.body).getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.right > box.right + 1;
      })
      .map((el) => el.getAttribute('name') ?? el.tagName),
  );

// The "everyone" jobs: language and the shipped fonts, dark mode for night duty, search, the deadlines
// timeline, and a refusal from the server in the person's language. Written from the user's side.
describe('everyone: language, dark mode, search, deadlines', { timeout: 300_000 }, () => {
  let c: Console;
  const pages: Page[] = [];
  const open = async (viewport = DESK) => {
    const p = await c.newPage();
    pages.push(p);
    await p.setViewportSize(viewport);
    // The browser reads the same time as the runtime's manual clock (moved three days on below).
    await p.clock.setFixedTime(c.clock.now());
    return p;
  };

  beforeAll(async () => {
    c = await startConsole();
    // Three days pass: the demo's 2-hour and 48-hour tasks are overdue, the 7-day one is not.
    c.clock.advance(3 * DAY);
  }, 300_000);
  afterAll(async () => {
    for (const p of pages) expect(pageErrors(p), 'page errors and CSP reports').toEqual([]);
    await Promise.all(pages.map((p) => p.close()));
    await c?.stop();
  }, 120_000);

  describe.each(LANGS)('in %s', (lang: Lang) => {
    it('the lead picks the language, turns dark mode on, finds a task, opens the deadlines, and reads a refusal', async () => {
      const page = await open();
      await signIn(c, page, 'lead');
      await page.getByRole('heading', { name: label('en', 'today.title'), exact: true }).waitFor();
      // Pick the language from the header's menu.
      if (lang !== 'en') await page.getByRole('combobox', { name: label('en', 'nav.language') }).selectOption(lang);
      await page.getByRole('link', { name: label(lang, 'nav.deadlines') }).waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(lang);
      if (lang === 'th') {
        // Thai is drawn with the shipped Noto Sans Thai, whatever fonts the machine has.
        await expect.poll(() => fontLoaded(page, 'TF Noto Sans Thai'), POLL).toBe(true);
        expect(await page.evaluate(() => document.fonts.check('16px "TF Noto Sans Thai"', 'ภาษาไทย'))).toBe(true);
      }
      if (lang === 'vi') await expect.poll(() => fontLoaded(page, 'TF Noto Sans'), POLL).toBe(true);
      // English is drawn with the system's fonts: the shipped Latin face is not fetched.
      if (lang === 'en') expect(await fontLoaded(page, 'TF Noto Sans')).toBe(false);
      await checkA11y(c, page, `today, light (${lang})`);
      await shoot(page, `everyone-language-${lang}`);

      // Dark mode for night duty: one press, remembered on this device.
      const dark = page.getByRole('button', { name: label(lang, 'theme.dark') });
      await dark.click();
      await expect.poll(() => dark.getAttribute('aria-pressed'), POLL).toBe('true');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
      await checkA11y(c, page, `today, dark (${lang})`);
      await shoot(page, `everyone-dark-${lang}`);

      // Search for a task by words of its title, and open it.
      await page.getByRole('searchbox', { name: label(lang, 'search.label') }).fill('usdt wallets');
      await page.getByRole('button', { name: label(lang, 'search.go'), exact: true }).click();
      await page.getByRole('heading', { name: label(lang, 'search.tasks') }).waitFor();
      const hit = page.getByRole('link', { name: 'Map the USDT wallets that received victim transfers' });
      await hit.waitFor();
      await checkA11y(c, page, `search results, dark (${lang})`);
      await shoot(page, `everyone-search-${lang}`);
      // A selector value the lead holds finds its record too; "/" puts the cursor in the search box.
      await page.getByRole('heading', { name: label(lang, 'search.title'), level: 1 }).click();
      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')), POLL).toBe('search');
      await page.getByRole('searchbox', { name: label(lang, 'search.label') }).fill('0x5aaeb6053f3e');
      await page.getByRole('searchbox', { name: label(lang, 'search.label') }).press('Enter');
      await page.getByText(label(lang, 'search.for', { q: '0x5aaeb6053f3e' })).waitFor();
      await hit.click();
      await page.getByRole('heading', { name: 'Map the USDT wallets that received victim transfers' }).waitFor();
      await shoot(page, `everyone-search-open-${lang}`);

      // The deadlines timeline: overdue first, then by day.
      await page.getByRole('link', { name: label(lang, 'nav.deadlines') }).click();
      await page.getByRole('heading', { name: label(lang, 'deadlines.title'), level: 1 }).waitFor();
      const overdue = page.getByRole('region', { name: new RegExp(`^${label(lang, 'deadlines.overdue')}`) });
      await overdue.getByRole('link', { name: 'Identify the mule accounts at Thai banks' }).waitFor();
      await overdue.getByRole('link', { name: 'Map the USDT wallets that received victim transfers' }).waitFor();
      await expect.poll(() => overdue.getByRole('link', { name: 'Brief partners on the compound locations' }).count(), POLL).toBe(0);
      const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
      expect(headings[0]).toContain(label(lang, 'deadlines.overdue'));
      await page.getByRole('link', { name: 'Brief partners on the compound locations' }).waitFor();
      await checkA11y(c, page, `deadlines, dark (${lang})`);
      await shoot(page, `everyone-deadlines-${lang}`);
      // A saved view: filter by words, save it under a name, and it comes back after the filter is cleared.
      const filter = page.getByRole('searchbox', { name: label(lang, 'filter.text') });
      await filter.fill('mule');
      await page.getByText(label(lang, 'filter.shown', { n: 1, total: 3 })).waitFor();
      await page.getByRole('textbox', { name: label(lang, 'filter.viewName') }).fill('mules');
      await page.getByRole('button', { name: label(lang, 'filter.save') }).click();
      await filter.fill('');
      await page.getByText(label(lang, 'filter.shown', { n: 3, total: 3 })).waitFor();
      await page.getByRole('button', { name: label(lang, 'filter.apply', { name: 'mules' }) }).click();
      await page.getByText(label(lang, 'filter.shown', { n: 1, total: 3 })).waitFor();
      await page.getByRole('button', { name: label(lang, 'filter.delete', { name: 'mules' }) }).click();

      // Back to light; then a refusal from the server, in the person's language, naming the field.
      await dark.click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('light');
      await page.getByRole('link', { name: label(lang, 'nav.workspaces') }).click();
      await page.getByRole('link', { name: /Operation Lotus Ledger/ }).click();
      await page.getByRole('heading', { name: label(lang, 'tasks.new') }).waitFor();
      expect(await overflowing(page), 'inputs overflowing their card').toEqual([]);
      await page.getByLabel(label(lang, 'tasks.titleField'), { exact: true }).fill('Freeze the compound payroll wallet');
      await page.getByLabel(label(lang, 'tasks.due'), { exact: true }).fill('2020-01-01T10:00');
      await page.getByRole('button', { name: label(lang, 'tasks.create') }).click();
      const alert = page.getByRole('alert').filter({ hasText: label(lang, 'problem.title.validation') });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('dueAt');
      if (lang !== 'en') expect(await alert.textContent()).toContain(label(lang, 'problem.detail.validation'));
      await alert.scrollIntoViewIfNeeded();
      await checkA11y(c, page, `refusal translated (${lang})`);
      await shoot(page, `everyone-problem-${lang}`);
    });

    it('the duty contact, on a phone, finds a task and reads the deadlines', async () => {
      const page = await open(PHONE);
      await signIn(c, page, 'ccib-duty', '', lang);
      await page.getByRole('link', { name: label(lang, 'nav.deadlines') }).waitFor();
      if (lang === 'th') await expect.poll(() => fontLoaded(page, 'TF Noto Sans Thai'), POLL).toBe(true);
      await page.getByRole('searchbox', { name: label(lang, 'search.label') }).fill('mule');
      await page.getByRole('searchbox', { name: label(lang, 'search.label') }).press('Enter');
      // The results page, not the home screen it replaces (which may list the same task).
      await page.getByText(label(lang, 'search.for', { q: 'mule' })).waitFor();
      await page.getByRole('link', { name: 'Identify the mule accounts at Thai banks' }).waitFor();
      await checkA11y(c, page, `search on a phone (${lang})`);
      await shoot(page, `everyone-search-phone-${lang}`);
      await page.getByRole('link', { name: label(lang, 'nav.deadlines') }).click();
      const overdue = page.getByRole('region', { name: new RegExp(`^${label(lang, 'deadlines.overdue')}`) });
      await overdue.getByRole('link', { name: 'Identify the mule accounts at Thai banks' }).waitFor();
      // No sideways scrolling on a phone, once the page has settled (its fonts swap in as they load).
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), POLL).toBe(true);
      await checkA11y(c, page, `deadlines on a phone (${lang})`);
      await shoot(page, `everyone-deadlines-phone-${lang}`);
      // Night duty: the same screen in the dark scheme, then back.
      const dark = page.getByRole('button', { name: label(lang, 'theme.dark') });
      await dark.click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme), POLL).toBe('dark');
      await checkA11y(c, page, `deadlines on a phone, dark (${lang})`);
      await shoot(page, `everyone-deadlines-phone-dark-${lang}`);
      await dark.click();
      await expect.poll(() => dark.getAttribute('aria-pressed'), POLL).toBe('false');
      await page.close();
    });
  });
});
