/**
 * Thailand's duty contact keeps CCIB's 24/7 roster in the console, in English, Vietnamese and
 * Thai: creates a weekly rotation of two duty contacts in Asia/Bangkok (people picked by name),
 * sees who is on call now and next, then covers the current shift with an override and sees the
 * override win. The on-call view is checked on a phone too.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, LANGS, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

/** The two duty contacts of CCIB in the demo directory, as the console names them. */
const DUTY = 'CCIB (THA) (ccib-duty)';
const COLLEAGUE = 'Anong Srisuk';

/** An instant as a `datetime-local` value in the browser's zone (the harness runs it in Asia/Ho_Chi_Minh, UTC+7). */
const local = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);

let c: Console;
beforeAll(async () => {
  c = await startConsole();
}, 180_000);
afterAll(() => c?.stop());

describe.each(LANGS)('rosters (%s)', (lang) => {
  const L = (key: Parameters<typeof label>[1], vars: Record<string, string> = {}) => label(lang, key, vars);
  const name = `CCIB weekly ${lang}`;

  const onCallNow = (page: Page) =>
    page.getByRole('region', { name, exact: true }).getByRole('region', { name: L('rosters.now'), exact: true });

  it('a duty contact creates a weekly rotation, sees who is on call, and an override wins', { timeout: 120_000 }, async () => {
    const page = await c.newPage();
    await signIn(c, page, 'ccib-duty', '', lang);
    await page.getByRole('link', { name: L('rosters.nav'), exact: true }).click();
    await page.getByRole('heading', { name: L('rosters.title'), level: 1 }).waitFor();
    // The demo's own roster is there, with someone on call.
    await page.getByRole('heading', { name: 'CCIB 24/7 desk', level: 2 }).waitFor();
    await checkA11y(c, page, `rosters (${lang})`);
    await shoot(page, `rosters-list-${lang}`);

    // A new weekly rotation, handing over at midnight in Bangkok, from today: two people, by name.
    await page.getByRole('button', { name: L('rosters.new'), exact: true }).click();
    const form = page.getByRole('form', { name: L('rosters.new') });
    await form.getByLabel(L('rosters.name')).fill(name);
    await form.getByLabel(L('rosters.zone')).selectOption('Asia/Bangkok');
    await form.getByLabel(L('rosters.kind')).selectOption({ label: L('rosters.kind.weekly') });
    await form.getByLabel(L('rosters.handover')).fill('00:00');
    await form.getByRole('checkbox', { name: COLLEAGUE }).check();
    await form.getByRole('checkbox', { name: DUTY }).check();
    await checkA11y(c, page, `rosters new (${lang})`);
    await shoot(page, `rosters-new-${lang}`);
    await form.getByRole('button', { name: L('rosters.create') }).click();

    // On call now: the first of the two (listed by name), until the week's hand-over; next, the other.
    const now = onCallNow(page);
    await now.getByText(COLLEAGUE, { exact: true }).waitFor();
    await expect.poll(() => now.textContent(), POLL).toContain(L('rosters.why.layer'));
    await expect.poll(() => now.textContent(), POLL).toContain(DUTY);
    const week = page.getByRole('region', { name, exact: true }).getByRole('table', { name: L('rosters.week') });
    await expect.poll(() => week.getByRole('row').count(), POLL).toBeGreaterThan(1);
    await shoot(page, `rosters-created-${lang}`);

    // The duty contact covers from an hour ago for twelve hours: the override wins at once.
    const cover = page.getByRole('region', { name, exact: true }).getByRole('form', { name: L('rosters.override') });
    await cover.getByLabel(L('rosters.who')).selectOption({ label: DUTY });
    const at = c.clock.now().getTime();
    await cover.getByLabel(L('rosters.overrideFrom')).fill(local(at - 3_600_000));
    await cover.getByLabel(L('rosters.overrideTo')).fill(local(at + 12 * 3_600_000));
    await cover.getByRole('button', { name: L('rosters.addOverride') }).click();
    await now.getByText(DUTY, { exact: true }).waitFor();
    await expect.poll(() => now.textContent(), POLL).toContain(L('rosters.why.override'));
    await checkA11y(c, page, `rosters override (${lang})`);
    await shoot(page, `rosters-override-${lang}`);

    // On a phone, who is on call is the first thing on the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: L('rosters.title'), level: 1 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), POLL).toBe(true);
    await checkA11y(c, page, `rosters phone (${lang})`);
    await shoot(page, `rosters-phone-${lang}`);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
