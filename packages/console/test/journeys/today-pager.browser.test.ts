import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, label, PHONE, POLL, shoot, signIn, useConsole } from '../browser';

/**
 * The lead's Today and the duty contact's pager, from each person's side: the lead raises incidents
 * to Thailand, time passes until one critical incident reaches level 3 of Thailand's ladder (and
 * two others exhaust it), the lead sees the escalation at the top of Today without scrolling,
 * shows more and marks all read; the duty contact on a phone sees the critical incidents first,
 * acknowledges, undoes, acknowledges again, and sees the exhausted ladder as an alarm; the lead
 * resolves the exhausted one from the pager.
 */
const RTP = 'Royal Thai Police, Office of the Commissioner-General';
const A05 = 'Department of Cyber Security and High-Tech Crime Prevention (A05)';
/** Thailand's ladder for a critical incident: 15 minutes a level, three levels, run twice. */
const LEVEL_MS = 15 * 60_000;

describe('Today and the pager', { timeout: 600_000 }, () => {
  const k = useConsole(undefined, { closeEachStep: true });
  const open = k.open;

  /** Time passes a ladder level at a time, and the minute's sweep runs after each. */
  const pass = async (levels: number) => {
    for (let i = 0; i < levels; i++) {
      k.c.clock.advance(LEVEL_MS);
      await k.c.rt.sweep();
    }
  };

  /** The workspace's incident form, as the lead fills it in (its countries default to Thailand). */
  const raise = async (page: Page, lang: Lang, severity: string, type: string, summary: string) => {
    await page.getByRole('link', { name: label(lang, 'ws.incidents'), exact: true }).click();
    const form = page.locator('form', { has: page.getByRole('heading', { name: label(lang, 'inc.raise') }) });
    await form.getByLabel(label(lang, 'inc.severity')).selectOption(severity);
    await form.getByLabel(label(lang, 'inc.type')).selectOption(type);
    await form.getByLabel(label(lang, 'inc.summary')).fill(summary);
    // Thailand, picked from the countries that can be paged.
    await form.getByRole('checkbox', { name: /^THA/ }).check();
    await form.getByRole('button', { name: label(lang, 'inc.raise') }).click();
    await page.getByRole('heading', { name: summary }).waitFor();
    // The incident's page opens; the browser's Back returns to the workspace for the next one.
    await page.goBack();
    await page.getByRole('link', { name: label(lang, 'ws.incidents'), exact: true }).waitFor();
  };

  const card = (page: Page, summary: string): Locator => page.getByRole('article', { name: summary });
  const cardTitles = async (page: Page) => page.getByRole('article').getByRole('heading', { level: 2 }).allTextContents();

  describe.each(LANGS)('in %s', (lang) => {
    const exhausted = `${lang}: call-centre servers encrypted, ransom note names a BTC wallet`;
    const exhausted2 = `${lang}: hospital records leaked on a forum`;
    const fraud = `${lang}: mule accounts draining victims' savings`;
    const critical = `${lang}: provincial hospital encrypted overnight`;

    it('the lead sees the level-3 escalation on Today above the fold, shows more and marks all read', async () => {
      const lead = await open(DESK);
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/incidents`, lang);
      if (lang === LANGS[0]) {
        // Before any time passes: "due in 24 h" lists the task the lead set for CCIB, due in two hours.
        await lead
          .getByRole('link', { name: label(lang, 'nav.today') })
          .first()
          .click();
        const soon = lead.getByRole('region', { name: label(lang, 'today.dueSoon') });
        await soon.getByRole('link', { name: 'Identify the mule accounts at Thai banks' }).waitFor();
        await lead
          .getByRole('link', { name: label(lang, 'nav.workspaces') })
          .first()
          .click();
        await lead.getByRole('link', { name: /Operation Lotus Ledger/ }).click();
      }
      // Two critical incidents nobody answers: Thailand's ladder runs out for both.
      await raise(lead, lang, 'critical', 'ransomware', exhausted);
      await raise(lead, lang, 'critical', 'data_breach', exhausted2);
      await pass(7);
      // Hours later the lead's idle session has ended: they sign in again.
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/incidents`, lang);
      // A high fraud incident, then a critical one; half an hour later the critical one is at level 3.
      await raise(lead, lang, 'high', 'fraud', fraud);
      await raise(lead, lang, 'critical', 'ransomware', critical);
      await pass(2);

      await signIn(k.c, lead, 'lead', '', lang);
      await lead.getByRole('heading', { name: label(lang, 'today.title'), level: 1 }).waitFor();
      const urgent = lead.getByRole('region', { name: new RegExp(`^${label(lang, 'today.urgent')}`) });
      const sentence = label(lang, 'notif.kind.incident.escalated', { title: critical, level: 3, country: 'THA', to: '@' }).split('@')[0]!;
      const level3 = urgent.getByRole('listitem').filter({ hasText: sentence }).first();
      await level3.waitFor();
      // It names who is paged now, in words, and links to the incident by its title.
      await expect.poll(() => level3.textContent(), POLL).toContain(RTP);
      await level3.getByRole('link', { name: critical }).waitFor();
      expect(await level3.textContent()).not.toMatch(/incident\.escalated/);
      // Above the fold on a 1366x768 screen, and the first of its group (most severe, newest).
      const box = (await level3.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(DESK.height);
      // Grouped: escalations and incidents, then overdue, then what waits for me, then due soon, then the rest.
      const headings = await lead.getByRole('heading', { level: 2 }).allTextContents();
      const at = (key: Parameters<typeof label>[1]) => headings.findIndex((h) => h.startsWith(label(lang, key)));
      expect(at('today.urgent')).toBe(0);
      expect(at('today.urgent')).toBeLessThan(at('today.overdue'));
      expect(at('today.overdue')).toBeLessThan(at('today.waiting'));
      expect(at('today.waiting')).toBeLessThan(at('today.rest'));
      // The lead's own action (raising) is not news to the lead.
      const raisedByMe = label(lang, 'notif.kind.incident.raised', {
        severity: label(lang, 'enum.severity.critical'),
        title: critical,
        actor: A05,
      });
      expect(await lead.getByText(raisedByMe).count()).toBe(0);
      await shoot(lead, `today-escalation-${lang}`);
      await checkA11y(k.c, lead, `today (lead, ${lang})`);

      // Older news is a click away, from the server's next page.
      const markRead = lead.getByRole('button', { name: new RegExp(`^${label(lang, 'notif.markRead')}`) });
      const before = await markRead.count();
      await lead.getByRole('button', { name: label(lang, 'notif.showMore') }).click();
      await expect.poll(() => markRead.count(), POLL).toBeGreaterThan(before);
      await shoot(lead, `today-more-${lang}`);

      await lead.getByRole('button', { name: label(lang, 'notif.markAll') }).click();
      await lead
        .getByRole('status')
        .filter({ hasText: label(lang, 'notif.markedAll', { n: '@' }).split('@')[0]! })
        .waitFor();
      await urgent.getByText(label(lang, 'today.nothing')).waitFor();
      await expect.poll(() => markRead.count(), POLL).toBe(0);
      await shoot(lead, `today-all-read-${lang}`);
      await checkA11y(k.c, lead, `today (lead, all read, ${lang})`);
    });

    it('the duty contact on a phone sees the critical incident first, acknowledges, undoes, acknowledges again', async () => {
      const duty = await open(PHONE);
      await signIn(k.c, duty, 'ccib-duty', '', lang);
      await duty.getByRole('heading', { name: label(lang, 'pager.title', { country: 'THA' }), level: 1 }).waitFor();
      await card(duty, critical).waitFor();
      await card(duty, fraud).waitFor();
      // Most severe first: every critical incident comes before the high one, whenever it was raised.
      const order = await cardTitles(duty);
      expect(order.indexOf(critical)).toBeLessThan(order.indexOf(fraud));
      expect(order.indexOf(exhausted)).toBeLessThan(order.indexOf(fraud));
      await expect.poll(() => duty.getByRole('article').first().textContent(), POLL).toContain(label(lang, 'enum.severity.critical'));
      // The ladder: each step, who was paged and when.
      await card(duty, critical)
        .getByText(label(lang, 'pager.ladderSteps', { n: '@' }).split('@')[0]!)
        .click();
      const steps = card(duty, critical).getByRole('list', { name: label(lang, 'pager.ladderOf', { title: critical }) });
      await steps.getByText(label(lang, 'pager.step.paged', { level: 3, to: '@' }).split('@')[0]!).waitFor();
      await shoot(duty, `pager-first-${lang}`);
      await checkA11y(k.c, duty, `pager (phone, ${lang})`);

      // Acknowledge in one tap: the card stays where it is, marked, with an undo.
      const ack = card(duty, critical).getByRole('button', { name: label(lang, 'pager.ack', { country: 'THA' }) });
      await ack.click();
      const undo = card(duty, critical).getByRole('button', { name: label(lang, 'pager.undo') });
      await undo.waitFor();
      expect(await cardTitles(duty)).toEqual(order);
      await shoot(duty, `pager-undo-${lang}`);
      await checkA11y(k.c, duty, `pager (undo window, ${lang})`);
      await undo.click();
      await duty
        .getByRole('status')
        .filter({ hasText: label(lang, 'pager.undone', { title: critical }) })
        .waitFor();
      await ack.waitFor();
      // Again, and this time the undo window passes: it is sent, and the card leaves.
      await ack.click();
      await duty
        .getByRole('status')
        .filter({ hasText: label(lang, 'pager.sent', { country: 'THA', title: critical }) })
        .waitFor();
      await card(duty, critical).waitFor({ state: 'detached' });
      await shoot(duty, `pager-acknowledged-${lang}`);

      // An exhausted ladder is an alarm that says whom to call, never a blank "next escalation".
      const alarm = card(duty, exhausted).getByRole('alert');
      await expect.poll(() => alarm.textContent(), POLL).toContain(label(lang, 'pager.exhausted', { next: RTP }));
      await card(duty, exhausted).scrollIntoViewIfNeeded();
      await shoot(duty, `pager-exhausted-${lang}`);
    });

    it('the lead resolves the exhausted incident from the pager, after confirming', async () => {
      const lead = await open(DESK);
      await signIn(k.c, lead, 'lead', '', lang);
      await lead.getByRole('link', { name: label(lang, 'today.toPager') }).click();
      await lead.getByRole('heading', { name: label(lang, 'pager.titleLead'), level: 1 }).waitFor();
      const mine = lead.getByRole('region', { name: label(lang, 'pager.owned') });
      const inc = mine.getByRole('article', { name: exhausted });
      await inc.getByText(label(lang, 'pager.countryExhausted', { country: 'THA' })).waitFor();
      await inc.getByRole('button', { name: label(lang, 'pager.resolve') }).click();
      const confirm = inc.getByRole('group', { name: label(lang, 'pager.resolveAsk', { title: exhausted }) });
      await confirm.waitFor();
      await shoot(lead, `pager-resolve-confirm-${lang}`);
      await checkA11y(k.c, lead, `pager (lead, confirm resolve, ${lang})`);
      await confirm.getByRole('button', { name: label(lang, 'pager.resolveYes') }).click();
      await lead
        .getByRole('status')
        .filter({ hasText: label(lang, 'pager.resolved', { title: exhausted }) })
        .waitFor();
      await inc.waitFor({ state: 'detached' });
      await shoot(lead, `pager-resolved-${lang}`);
    });
  });
});
