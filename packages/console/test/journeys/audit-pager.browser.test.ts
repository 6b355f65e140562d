import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, label, PHONE, POLL, shoot, signIn, useConsole } from '../browser';

/**
 * The auditor narrows the audit trail on the server (by action, by record, changes only), shares
 * the view as a link and loads more under the same filters; the duty contact on a phone
 * acknowledges and closes the tab at once (the acknowledgement is kept), and undoes another
 * acknowledgement, which brings its card back unacknowledged.
 */
const MULE_TASK = 'Identify the mule accounts at Thai banks';

describe('audit filters and pager undo', { timeout: 600_000 }, () => {
  const k = useConsole(undefined, { closeEachStep: true });
  const open = k.open;

  /** The text of every body row of the trail, once it has settled on at least one. */
  const rowsOf = async (page: Page): Promise<string[]> => {
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(1);
    return (await rows.allTextContents()).slice(1);
  };
  /** The words of the read and list entries, which "changes only" leaves out. */
  const READS = [
    'enum.auditAction.task.read',
    'enum.auditAction.task.listed',
    'enum.auditAction.incident.read',
    'enum.auditAction.incident.listed',
    'enum.auditAction.request.read',
    'enum.auditAction.request.listed',
  ] as const;
  /** A filter's drop-down, by its label (its accessible name also carries the choice shown). */
  const pick = (page: Page, lang: Lang, key: 'audit.action' | 'audit.record') =>
    page.getByRole('combobox', { name: new RegExp(`^${label(lang, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\s|$)`) });
  /** The count line as the screen words it, whatever the number. */
  const status = (page: Page, lang: Lang, key: 'audit.filtered' | 'audit.loaded') =>
    page
      .getByRole('status')
      .filter({
        hasText: new RegExp(
          `^${label(lang, key, { n: '@' })
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace('@', '\\d+')}$`,
        ),
      })
      .first();

  describe.each(LANGS)('in %s', (lang) => {
    const first = `${lang}: mule account wallets drained overnight`;
    const second = `${lang}: ransom note names a BTC wallet`;

    it('the auditor filters the trail on the server and shares the view as a link', async () => {
      const aud = await open(DESK);
      await signIn(k.c, aud, 'auditor', `w/${k.c.workspaceId}/audit`, lang);
      await status(aud, lang, 'audit.loaded').waitFor();
      // By action, picked by its words: only task assignments, and the filter is in the address.
      const assigned = label(lang, 'enum.event.task.assigned');
      await pick(aud, lang, 'audit.action').selectOption({ label: assigned });
      await status(aud, lang, 'audit.filtered').waitFor();
      await expect.poll(async () => (await rowsOf(aud)).every((r) => r.includes(assigned)), POLL).toBe(true);
      expect(aud.url()).toContain('action=task.assigned');
      // By record, picked by its title: only what happened to that task.
      await pick(aud, lang, 'audit.record').selectOption({ label: MULE_TASK });
      await expect.poll(async () => (await rowsOf(aud)).every((r) => r.includes(MULE_TASK)), POLL).toBe(true);
      await checkA11y(k.c, aud, `audit filtered on the server (${lang})`);
      await shoot(aud, `audit-pager-filtered-${lang}`);

      // The link opens the same view for someone else (here: the auditor in a new tab).
      const shared = aud.url().split('#')[1]!.replace(/^\//, '');
      const other = await open(DESK);
      await signIn(k.c, other, 'auditor', shared, lang);
      await expect.poll(() => pick(other, lang, 'audit.action').inputValue(), POLL).toBe('task.assigned');
      await expect.poll(async () => (await rowsOf(other)).every((r) => r.includes(MULE_TASK) && r.includes(assigned)), POLL).toBe(true);

      // Changes only: no read or list entries; clearing the filters brings the whole trail back.
      await other.getByRole('button', { name: label(lang, 'audit.clear') }).click();
      await status(other, lang, 'audit.loaded').waitFor();
      await other.getByRole('radio', { name: label(lang, 'audit.only.changes') }).check();
      await status(other, lang, 'audit.filtered').waitFor();
      const reads = READS.map((k) => label(lang, k));
      await expect.poll(async () => (await rowsOf(other)).some((r) => reads.some((x) => r.includes(x))), POLL).toBe(false);
      expect(other.url()).toContain('kind=changes');
      await checkA11y(k.c, other, `audit changes only (${lang})`);
      await shoot(other, `audit-pager-changes-${lang}`);
    });

    it("the lead, a plain officer, edits their country's 24/7 contacts and sees the incident deadlines", async () => {
      const lead = await open(DESK);
      await signIn(k.c, lead, 'lead', 'contacts', lang);
      const form = lead.getByRole('form', { name: label(lang, 'contacts.edit', { country: 'VNM' }) });
      await form.waitFor();
      await form.getByRole('button', { name: label(lang, 'contacts.save') }).click();
      await form
        .getByRole('status')
        .filter({ hasText: label(lang, 'contacts.saved', { country: 'VNM', v: '@' }).split('@')[0]! })
        .waitFor();
      await lead.getByRole('heading', { name: label(lang, 'contacts.deadlinesTitle') }).waitFor();
      await checkA11y(k.c, lead, `contacts (lead officer, ${lang})`);
      await shoot(lead, `audit-pager-contacts-${lang}`);
    });

    it('the duty contact on a phone acknowledges and closes the tab at once: the acknowledgement is kept; an undo brings the card back', async () => {
      // The lead raises two incidents to Thailand.
      const lead = await open(DESK);
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/incidents`, lang);
      for (const summary of [first, second]) {
        await lead.getByRole('link', { name: label(lang, 'ws.incidents'), exact: true }).click();
        const form = lead.locator('form', { has: lead.getByRole('heading', { name: label(lang, 'inc.raise') }) });
        await form.getByLabel(label(lang, 'inc.severity')).selectOption('high');
        await form.getByLabel(label(lang, 'inc.type')).selectOption('fraud');
        await form.getByLabel(label(lang, 'inc.summary')).fill(summary);
        await form.getByRole('checkbox', { name: /^THA/ }).check();
        await form.getByRole('button', { name: label(lang, 'inc.raise') }).click();
        await lead.getByRole('heading', { name: summary }).waitFor();
        await lead.goBack();
      }

      const card = (page: Page, summary: string): Locator => page.getByRole('article', { name: summary });
      const ackOf = (page: Page, summary: string) =>
        card(page, summary).getByRole('button', { name: label(lang, 'pager.ack', { country: 'THA' }) });

      // Tap, and the tab is closed as soon as the acknowledgement has left.
      const duty = await open(PHONE);
      await signIn(k.c, duty, 'ccib-duty', '', lang);
      await ackOf(duty, first).waitFor();
      const leaving = duty.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/acknowledge'));
      await ackOf(duty, first).click();
      await leaving;
      await duty.close();

      // A new tab: the incident is acknowledged (its card is gone); the other still waits.
      const again = await open(PHONE);
      await signIn(k.c, again, 'ccib-duty', '', lang);
      await ackOf(again, second).waitFor();
      await expect.poll(() => card(again, first).count(), POLL).toBe(0);
      await shoot(again, `audit-pager-kept-${lang}`);

      // Acknowledge, then undo: the card is back, unacknowledged, and its ladder says so.
      await ackOf(again, second).click();
      const undo = card(again, second).getByRole('button', { name: label(lang, 'pager.undo') });
      await undo.waitFor();
      await undo.scrollIntoViewIfNeeded();
      await checkA11y(k.c, again, `pager undo window (${lang})`);
      await shoot(again, `audit-pager-undo-${lang}`);
      await undo.click();
      await again
        .getByRole('status')
        .filter({ hasText: label(lang, 'pager.undone', { title: second }) })
        .waitFor();
      await ackOf(again, second).waitFor();
      await card(again, second)
        .getByText(label(lang, 'pager.ladderSteps', { n: '@' }).split('@')[0]!)
        .click();
      await card(again, second)
        .getByText(label(lang, 'pager.step.undone', { by: '@' }).split('@')[0]!)
        .waitFor();
      const overflow = await again.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checkA11y(k.c, again, `pager undone (${lang})`);
      await shoot(again, `audit-pager-undone-${lang}`);
    });
  });
});
