/**
 * Thailand's duty contact keeps CCIB's 24/7 rosters in the console, in English, Vietnamese and
 * Thai: builds a roster of two layers (a weekly rotation of two people, picked by name and put in
 * turn order by buttons, and a night layer from tomorrow), checks the preview before saving, sees
 * who is on call now and next at the top, covers the shift with an override and removes it again,
 * edits the roster down to one layer, makes, rotates and revokes the secret calendar address of
 * their own shifts, checks on a phone that every roster's on-call shows without scrolling, and
 * deletes the roster.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, LANGS, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

/** The two duty contacts of CCIB in the demo directory, as the console names them. */
const DUTY = 'CCIB (THA) (ccib-duty)';
const COLLEAGUE = 'Anong Srisuk';
const DEMO_ROSTER = 'CCIB 24/7 desk';
const DAY = 86_400_000;

/** An instant as a `datetime-local` value in the browser's zone (the harness runs it in Asia/Ho_Chi_Minh, UTC+7). */
const local = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16);
/** The date in Bangkok (UTC+7) of an instant, as a date field takes it. */
const bangkokDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

let c: Console;
beforeAll(async () => {
  c = await startConsole();
}, 180_000);
afterAll(() => c?.stop());

describe.each(LANGS)('rosters (%s)', (lang) => {
  const L = (key: Parameters<typeof label>[1], vars: Record<string, string> = {}) => label(lang, key, vars);
  const name = `CCIB weekly ${lang}`;
  const board = (page: Page, roster: string) => page.getByRole('region', { name: L('rosters.boardOf', { name: roster }), exact: true });
  const card = (page: Page) => page.getByRole('region', { name, exact: true });
  const layer = (form: Locator, n: number) => form.getByRole('group', { name: L('rosters.layer', { n: String(n) }), exact: true });
  const addPerson = async (form: Locator, n: number, who: string) => {
    const g = layer(form, n);
    await g.getByLabel(L('rosters.addPerson', { n: String(n) })).selectOption({ label: who });
    await g.getByRole('button', { name: L('rosters.add'), exact: true }).click();
  };

  it('builds a roster of two layers with a preview, sees who is on call, covers a shift, edits and deletes it', {
    timeout: 150_000,
  }, async () => {
    const page = await c.newPage();
    await signIn(c, page, 'ccib-duty', '', lang);
    await page.getByRole('link', { name: L('rosters.nav'), exact: true }).click();
    await page.getByRole('heading', { name: L('rosters.title'), level: 1 }).waitFor();
    // The demo's own roster, with someone named on call, first on the screen.
    await expect
      .poll(() => board(page, DEMO_ROSTER).textContent(), POLL)
      .toMatch(new RegExp(`${DUTY.replace(/[()]/g, '\\$&')}|${COLLEAGUE}`));
    await checkA11y(c, page, `rosters (${lang})`);
    await shoot(page, `rosters-list-${lang}`);

    // A new roster: a weekly rotation from today, handing over at midnight in Bangkok, two people by name ...
    await page.getByRole('button', { name: L('rosters.new'), exact: true }).click();
    const form = page.getByRole('form', { name: L('rosters.new') });
    await form.getByLabel(L('rosters.name')).fill(name);
    await form.getByLabel(L('rosters.zone')).selectOption('Asia/Bangkok');
    const first = layer(form, 1);
    await first.getByLabel(L('rosters.kind')).selectOption({ label: L('rosters.kind.weekly') });
    await first.getByLabel(L('rosters.handover')).fill('00:00');
    await first.getByLabel(L('rosters.start')).fill(bangkokDate(c.clock.now().getTime()));
    await addPerson(form, 1, COLLEAGUE);
    await addPerson(form, 1, DUTY);
    // ... the duty contact takes the first turn: moved up by its button.
    await first.getByRole('button', { name: L('rosters.memberUp', { name: DUTY }) }).click();
    await expect
      .poll(() => first.getByRole('listitem').allTextContents(), POLL)
      .toEqual([expect.stringContaining(DUTY), expect.stringContaining(COLLEAGUE)]);

    // A second layer: nights (20:00 to 08:00), every day from tomorrow, the colleague alone.
    await form.getByRole('button', { name: L('rosters.addLayer'), exact: true }).click();
    const nights = layer(form, 2);
    await nights.getByLabel(L('rosters.layerName')).fill('Nights');
    await nights.getByLabel(L('rosters.kind')).selectOption({ label: L('rosters.kind.daily') });
    await nights.getByLabel(L('rosters.handover')).fill('20:00');
    await nights.getByLabel(L('rosters.start')).fill(bangkokDate(c.clock.now().getTime() + DAY));
    await addPerson(form, 2, COLLEAGUE);
    await nights.getByRole('button', { name: L('rosters.addWindow'), exact: true }).click();
    await expect.poll(() => nights.getByLabel(L('rosters.windowFrom', { n: '1' })).inputValue(), POLL).toBe('20:00');
    await expect.poll(() => nights.getByLabel(L('rosters.windowTo', { n: '1' })).inputValue(), POLL).toBe('08:00');

    // The preview, before saving: the duty contact now, the colleague's nights from tomorrow.
    const preview = form.getByRole('table', { name: L('rosters.preview') });
    await expect.poll(() => preview.getByRole('row').nth(1).textContent(), POLL).toContain(DUTY);
    await expect.poll(() => preview.textContent(), POLL).toContain(`${L('rosters.why.layer')} · Nights`);
    await checkA11y(c, page, `rosters new (${lang})`);
    await preview.scrollIntoViewIfNeeded();
    await shoot(page, `rosters-new-${lang}`);
    await form.getByRole('button', { name: L('rosters.create') }).click();

    // At the top: the duty contact on call now, until the first night; next, the colleague.
    const now = board(page, name);
    await expect.poll(() => now.textContent(), POLL).toContain(DUTY);
    await expect.poll(() => now.textContent(), POLL).toContain(L('rosters.why.layer'));
    await expect.poll(() => now.getByRole('paragraph').nth(1).textContent(), POLL).toContain(COLLEAGUE);
    const week = card(page).getByRole('table', { name: L('rosters.week') });
    await expect.poll(() => week.getByRole('row').count(), POLL).toBeGreaterThan(2);
    await shoot(page, `rosters-created-${lang}`);

    // The colleague covers from an hour ago for twelve hours: the override wins at once, and is listed.
    const cover = card(page).getByRole('form', { name: L('rosters.override') });
    await cover.getByLabel(L('rosters.who')).selectOption({ label: COLLEAGUE });
    const at = c.clock.now().getTime();
    await cover.getByLabel(L('rosters.overrideFrom')).fill(local(at - 3_600_000));
    await cover.getByLabel(L('rosters.overrideTo')).fill(local(at + 12 * 3_600_000));
    await cover.getByRole('button', { name: L('rosters.addOverride') }).click();
    await expect.poll(() => now.getByRole('paragraph').first().textContent(), POLL).toContain(COLLEAGUE);
    await expect.poll(() => now.textContent(), POLL).toContain(L('rosters.why.override'));
    const overrides = card(page).getByRole('table', { name: L('rosters.overrides') });
    await overrides.getByRole('cell', { name: COLLEAGUE, exact: true }).waitFor();
    await checkA11y(c, page, `rosters override (${lang})`);
    await shoot(page, `rosters-override-${lang}`);

    // Removed again, after a confirmation: the rotation applies.
    await overrides.getByRole('button', { name: L('rosters.removeOverride', { name: COLLEAGUE, from: '' }).trim() }).click();
    await card(page)
      .getByRole('button', { name: L('rosters.removeOverrideConfirm'), exact: true })
      .click();
    await card(page).getByText(L('rosters.overridesNone')).waitFor();
    await expect.poll(() => now.getByRole('paragraph').first().textContent(), POLL).toContain(DUTY);

    // Edited: the night layer goes; the roster keeps one layer.
    await card(page)
      .getByRole('button', { name: L('rosters.editButton', { name }), exact: true })
      .click();
    const edit = card(page).getByRole('form', { name: L('rosters.edit', { name }) });
    await expect.poll(() => layer(edit, 2).getByLabel(L('rosters.layerName')).inputValue(), POLL).toBe('Nights');
    await layer(edit, 2)
      .getByRole('button', { name: L('rosters.removeLayer', { n: '2' }), exact: true })
      .click();
    await expect.poll(() => edit.getByRole('table', { name: L('rosters.preview') }).textContent(), POLL).not.toContain('Nights');
    await edit.getByRole('button', { name: L('rosters.save'), exact: true }).click();
    await expect.poll(() => card(page).getByRole('list').first().getByRole('listitem').count(), POLL).toBe(1);

    // The secret calendar address of their own shifts: made and shown once, replaced, then revoked.
    const feed = page.getByRole('region', { name: L('rosters.feed'), exact: true });
    await feed.getByRole('button', { name: L('rosters.feedCreate'), exact: true }).click();
    const address = feed.getByLabel(L('rosters.feedUrl'));
    await expect.poll(() => address.inputValue(), POLL).toMatch(/^https?:\/\/.+\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const made = await address.inputValue();
    await feed.getByRole('button', { name: L('rosters.feedCopy'), exact: true }).click();
    await feed.getByRole('button', { name: L('rosters.feedCopied'), exact: true }).waitFor();
    await address.scrollIntoViewIfNeeded();
    await checkA11y(c, page, `rosters calendar (${lang})`);
    await shoot(page, `rosters-calendar-${lang}`);
    await feed.getByRole('button', { name: L('rosters.feedRotate'), exact: true }).click();
    await feed.getByRole('button', { name: L('rosters.feedRotate'), exact: true }).click();
    await expect.poll(() => address.inputValue(), POLL).not.toBe(made);
    await feed.getByRole('button', { name: L('rosters.feedRevoke'), exact: true }).click();
    await feed.getByRole('button', { name: L('rosters.feedRevoke'), exact: true }).click();
    await feed.getByText(L('rosters.feedNone')).waitFor();

    // On a phone, every roster's on-call person shows at the top, without scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const r of [DEMO_ROSTER, name]) {
      const box = await board(page, r).getByRole('paragraph').first().boundingBox();
      expect(box, r).not.toBeNull();
      expect(box!.y + box!.height, `${r}: on call now, on a phone`).toBeLessThanOrEqual(844);
    }
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), POLL).toBe(true);
    await checkA11y(c, page, `rosters phone (${lang})`);
    await shoot(page, `rosters-phone-${lang}`);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Deleted, after a confirmation.
    await card(page)
      .getByRole('button', { name: L('rosters.delete', { name }), exact: true })
      .click();
    await card(page)
      .getByRole('button', { name: L('rosters.deleteConfirm'), exact: true })
      .click();
    await page.getByRole('heading', { name, level: 2 }).waitFor({ state: 'detached' });
    await expect.poll(() => board(page, name).count(), POLL).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
