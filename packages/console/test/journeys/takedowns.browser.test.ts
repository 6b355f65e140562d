import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, PHONE, POLL, shoot, signIn, useConsole, wordsOf } from '../browser';

// A takedown of 5,000 items: a member uploads the list, the tech company answers it on a phone
// with a range of rows, a shift-click run, a CSV of answers it previews first, and "select all"
// of what is left; the member's progress page follows by itself.

const ITEMS = 5000;

describe('a 5,000-item takedown in Chromium', { timeout: 900_000 }, () => {
  const k = useConsole(DESK);
  const open = k.open;

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button } = wordsOf(lang);
    const what = `Recruiters for the compound (${lang})`;
    let lead: Page;

    it('a member uploads 5,000 items, checks them and sends the takedown', async () => {
      lead = await open();
      await signIn(k.c, lead, 'ccib', `w/${k.c.workspaceId}/takedowns`, lang);
      await lead.getByRole('heading', { name: L('td.new') }).waitFor();
      await lead.getByLabel(L('req.provider'), { exact: true }).selectOption('chatwave');
      await lead.getByLabel(L('req.description'), { exact: true }).fill(what);
      const csv = `kind,service,value\n${Array.from({ length: ITEMS }, (_, i) => `account,chatwave,@jobs_${lang}_${i + 1}`).join('\n')}\n`;
      await lead.getByLabel(L('td.upload')).setInputFiles({ name: 'items.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await expect.poll(() => button(lead, 'td.send').isEnabled(), POLL).toBe(true);
      await checkA11y(k.c, lead, `takedown form, 5,000 items checked (${lang})`);
      await shoot(lead, `takedowns-new-${lang}`);
      await button(lead, 'td.send').click();
      await lead.getByRole('heading', { name: L('td.progress') }).waitFor();
      await lead.getByText(L('td.answered', { n: 0, total: ITEMS })).waitFor();
    });

    it('the tech company answers all 5,000 on its phone: a range, a shift-click run, a CSV of answers, then select-all', async () => {
      const tech = await open(PHONE);
      await signIn(k.c, tech, 'tech', '', lang);
      await tech
        .getByRole('group', { name: L('req.find') })
        .getByLabel(L('req.search'))
        .fill(what);
      await tech.getByRole('link', { name: what, exact: true }).click();
      await button(tech, 'portal.acknowledge').click();
      await tech.getByRole('link', { name: L('td.answerTitle') }).click();
      await tech.getByRole('heading', { name: L('td.answerTitle') }).waitFor();
      const bar = tech.getByRole('form', { name: /./ }).filter({ has: tech.getByRole('button', { name: L('td.answer'), exact: true }) });
      const chosen = (n: number) => bar.getByRole('heading', { name: L('td.batch', { n }) }).waitFor();
      const answered = (n: number) =>
        bar
          .getByRole('status')
          .filter({ hasText: L('td.batchDone', { n }) })
          .waitFor();
      await checkA11y(k.c, tech, `takedown answer (${lang})`);
      await shoot(tech, `takedowns-answer-${lang}`);

      // Rows 1 to 100, removed.
      await bar.getByLabel(L('td.rangeFrom')).fill('1');
      await bar.getByLabel(L('td.rangeTo'), { exact: true }).fill('100');
      await button(bar, 'td.selectRange').click();
      await chosen(100);
      await button(bar, 'td.answer').click();
      await answered(100);

      // A run by shift-click: 101 to 110, restricted.
      await tech.getByLabel(`${L('td.select')} 101`, { exact: true }).click();
      await tech.getByLabel(`${L('td.select')} 110`, { exact: true }).click({ modifiers: ['Shift'] });
      await chosen(10);
      await bar.getByLabel(L('td.setStatus')).selectOption('restricted');
      await shoot(tech, `takedowns-shift-run-${lang}`);
      await button(bar, 'td.answer').click();
      await answered(10);

      // A CSV of answers, previewed before it is sent: 111 to 200 not found, 201 refused with its reason.
      const rows = Array.from({ length: 90 }, (_, i) => `${111 + i},not_found`);
      const file = `item,outcome,reason\n${rows.join('\n')}\n201,refused,Satire: not a recruitment account\n`;
      await tech.getByLabel(L('td.csvFile')).setInputFiles({ name: 'answers.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
      await tech.getByText(L('td.csvPreview', { file: 'answers.csv', n: 91 })).waitFor();
      await checkA11y(k.c, tech, `takedown answers CSV preview (${lang})`);
      await shoot(tech, `takedowns-csv-preview-${lang}`);
      await button(tech, 'td.csvSend', { n: 91 }).click();
      await answered(91);

      // What is left, all at once (in batches of 500).
      const left = ITEMS - 201;
      await button(bar, 'td.selectAllOf', { status: L('td.status.pending') }).click();
      await chosen(left);
      await bar.getByLabel(L('td.setStatus')).selectOption('removed');
      await button(bar, 'td.answer').click();
      await answered(left);
      await tech.getByText(L('td.answered', { n: ITEMS, total: ITEMS })).waitFor();
      await checkA11y(k.c, tech, `takedown answered (${lang})`);
      await shoot(tech, `takedowns-done-${lang}`);
      await tech.close();
    });

    it("the member's progress page shows every item answered, by itself", async () => {
      await lead.getByText(L('td.answered', { n: ITEMS, total: ITEMS })).waitFor();
      await checkA11y(k.c, lead, `takedown progress, done (${lang})`);
      await shoot(lead, `takedowns-progress-${lang}`);
      await lead.close();
    });
  });
});
