import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, PHONE, POLL, shoot, sidewaysOverflow, signIn, useConsole, wordsOf } from '../browser';

/**
 * Search, as people use it: the lead sets two tasks with Vietnamese names (one kept to Viet Nam and
 * Thailand) and one in Thai, and finds them typing without tones; the FBI, who may not see the kept
 * one, finds nothing of it, not even its count; Thailand's duty contact finds the Thai task on a
 * phone by a word inside a Thai sentence; a query with nothing searchable in it, or one too long,
 * says so; a bank's responder has no search, and is pointed to its inbox.
 */
const FBI = 'Federal Bureau of Investigation, Cyber Division';
const CCIB = 'Cyber Crime Investigation Bureau';

describe('search in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(DESK, { closeEachStep: true });

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);
    const shown = `Truy vết ví của Nguyễn Văn Hùng (${lang})`;
    const kept = `Nguồn tin mật về Nguyễn Văn Hùng (${lang})`;
    const thai = `ตรวจสอบบัญชีม้าที่ธนาคารกรุงเทพ (${lang})`;

    const look = async (p: Page, step: string) => {
      await expect.poll(() => sidewaysOverflow(p), POLL).toEqual([]);
      await checkA11y(k.c, p, `search ${step} (${lang})`);
      await shoot(p, `search-${step}-${lang}`);
    };
    /** Types into the header's search box and asks. */
    const ask = async (p: Page, q: string) => {
      await p.getByRole('searchbox', { name: L('search.label'), exact: true }).fill(q);
      await p.getByRole('searchbox', { name: L('search.label'), exact: true }).press('Enter');
      await p.getByText(L('search.for', { q: q.trim() })).waitFor();
    };
    const group = (p: Page, key: 'search.tasks') => p.getByRole('region', { name: new RegExp(`^${L(key)}`) });

    it('the lead finds Vietnamese names typed without tones, the kept task among them, as it types', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/tasks`, lang);
      const form = lead.getByRole('form', { name: L('tasks.new') });
      const setTask = async (title: string, org: string, country: string, only?: string[]) => {
        await field(form, 'tasks.titleField').fill(title);
        await form.getByLabel(L('tasks.assignee')).selectOption({ label: `${org} (${country})` });
        if (only) {
          await form.getByRole('radio', { name: L('marking.relList') }).check();
          for (const c of only) await form.getByRole('checkbox', { name: c, exact: true }).check();
        }
        await button(form, 'tasks.create').click();
        await form
          .getByRole('status')
          .filter({ hasText: L('tasks.setFor', { title, org }) })
          .waitFor();
      };
      await setTask(shown, FBI, 'USA');
      await setTask(kept, CCIB, 'THA', ['VNM', 'THA']);
      await setTask(thai, CCIB, 'THA');

      await ask(lead, 'nguyen van hung');
      const tasks = group(lead, 'search.tasks');
      await tasks.getByRole('link', { name: shown, exact: true }).waitFor();
      await tasks.getByRole('link', { name: kept, exact: true }).waitFor();
      await look(lead, 'lead');
      // As the lead types on the results page, the results follow (no need to press Enter).
      await field(lead, 'search.field').fill(`NGUON TIN MAT VE NGUYEN VAN HUNG (${lang})`);
      await lead.getByText(L('search.for', { q: `NGUON TIN MAT VE NGUYEN VAN HUNG (${lang})` })).waitFor();
      await tasks.getByRole('link', { name: kept, exact: true }).waitFor();
      await expect.poll(() => tasks.getByRole('link', { name: shown, exact: true }).count(), POLL).toBe(0);
      await look(lead, 'type-ahead');
      // The link opens the task.
      await tasks.getByRole('link', { name: kept, exact: true }).click();
      await lead.getByRole('heading', { name: kept }).waitFor();
    });

    it('the FBI finds the task it may see, and nothing of the one kept from it', async () => {
      const fbi = await k.open();
      await signIn(k.c, fbi, 'fbi', '', lang);
      await ask(fbi, 'Nguyen Van Hung');
      const tasks = group(fbi, 'search.tasks');
      await tasks.getByRole('link', { name: shown, exact: true }).waitFor();
      expect(await fbi.getByRole('link', { name: kept }).count()).toBe(0);
      await look(fbi, 'member');
      // Words only the kept task holds: nothing, and no count that hints at it.
      await ask(fbi, `nguon tin mat ve nguyen van hung (${lang})`);
      await fbi.getByText(L('search.none', { q: `nguon tin mat ve nguyen van hung (${lang})` })).waitFor();
      expect(await fbi.getByRole('heading', { level: 2 }).count()).toBe(0);
      await look(fbi, 'member-none');
    });

    it('a query with nothing to search, or too long, says so in the person’s language', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', 'search', lang);
      await field(lead, 'search.field').fill('\u202e\u200f ');
      await lead.getByText(L('search.short')).waitFor();
      await field(lead, 'search.field').fill('x'.repeat(201));
      const alert = lead.getByRole('alert').filter({ hasText: L('problem.title.validation') });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('query.q');
      await look(lead, 'refused');
    });

    it('Thailand’s duty contact, on a phone, finds a word inside a Thai sentence', async () => {
      const duty = await k.open(PHONE);
      await signIn(k.c, duty, 'ccib-duty', '', lang);
      await ask(duty, 'บัญชีม้า');
      await group(duty, 'search.tasks').getByRole('link', { name: thai, exact: true }).waitFor();
      await look(duty, 'phone');
    });

    it('a bank’s responder, on a phone, has no search and is pointed to its inbox', async () => {
      const bank = await k.open(PHONE);
      await signIn(k.c, bank, 'bank', 'search', lang);
      await bank.getByText(L('search.partner')).waitFor();
      expect(await bank.getByRole('searchbox', { name: L('search.label'), exact: true }).count()).toBe(0);
      await look(bank, 'partner');
    });
  });
});
