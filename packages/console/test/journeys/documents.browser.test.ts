import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, POLL, sendRequest, shoot, sidewaysOverflow, signIn, useConsole, wordsOf } from '../browser';

/**
 * Documents (PDF), as people ask for them: the lead asks for the workspace's report from the
 * workspace screen with the second language preset to the console's, sees it being prepared, then
 * a Download link without reloading; the lead sends a request and asks for its court package in
 * Thai, whatever the console's language; the deadlines timeline downloads as CSV.
 */
const IBAN = 'GB82 WEST 1234 5698 7654 32';

describe('documents (PDF) in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(DESK, { closeEachStep: true });

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);

    const look = async (p: Page, step: string) => {
      await expect.poll(() => sidewaysOverflow(p), POLL).toEqual([]);
      await checkA11y(k.c, p, `documents ${step} (${lang})`);
      await shoot(p, `documents-${step}-${lang}`);
    };
    /** Presses the document's button and waits for its link; the file behind the link is a PDF. */
    const make = async (p: Page, name: string, step: string) => {
      await button(p, name === 'report' ? 'doc.report' : 'doc.package').click();
      const link = p.getByRole('link', { name: `${L('doc.download')} — ${L(name === 'report' ? 'doc.report' : 'doc.package')}` });
      await p
        .getByRole('status')
        .filter({ hasText: L('doc.preparing') })
        .or(link)
        .first()
        .waitFor();
      await link.waitFor();
      await link.scrollIntoViewIfNeeded();
      await look(p, step);
      const file = await p.request.get((await link.getAttribute('href'))!);
      expect(file.ok()).toBe(true);
      expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
    };

    it("the lead asks for the workspace report in the console's language and downloads it", async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/tasks`, lang);
      const second = field(lead, 'doc.lang');
      // Preset to the console's language (English alone in English).
      await expect.poll(() => second.inputValue(), POLL).toBe(lang);
      await look(lead, 'workspace');
      await make(lead, 'report', 'report-ready');
    });

    it('the lead sends a request and asks for its court package in Thai', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/requests`, lang);
      const what = `Sao kê tài khoản trung gian — บัญชีม้า (${lang})`;
      await sendRequest(lead, lang, { type: 'production', to: 'mekong-bank', what, selector: { type: 'iban', value: IBAN } });
      await field(lead, 'doc.lang').selectOption('th');
      await make(lead, 'package', 'package-ready');
    });

    it('the lead downloads the deadlines timeline as CSV, the workspace tasks among it', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', '', lang);
      await lead.getByRole('link', { name: L('nav.deadlines') }).click();
      await lead.getByRole('heading', { name: L('deadlines.title'), level: 1 }).waitFor();
      const [file] = await Promise.all([lead.waitForEvent('download'), button(lead, 'ws.csv').click()]);
      const text = readFileSync(await file.path(), 'utf8');
      // UTF-8 with a byte-order mark for spreadsheets, the header in the console's language, then the clocks.
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain(L('deadlines.col.title'));
      expect(text).toContain('Identify the mule accounts at Thai banks');
      await look(lead, 'deadlines-csv');
    });
  });
});
