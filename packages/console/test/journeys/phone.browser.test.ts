import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  checkA11y,
  DESK,
  LANGS,
  type Lang,
  PHONE,
  POLL,
  sendRequest,
  shoot,
  sidewaysOverflow,
  signIn,
  useConsole,
  wordsOf,
} from '../browser';

/**
 * On a phone (390×844): a member officer accepts an invitation, finds a task with the list's filter,
 * saves the filter as a view, opens it again from a link, and works the task; the workspace's
 * screens (tasks, requests, incidents, members) and the selector check fit the screen; a bank's
 * responder finds a request and acknowledges it. The lead, who sets things up, works on a laptop.
 * Nothing may scroll sideways on the phone.
 */
const FBI = 'Federal Bureau of Investigation, Cyber Division';
const IBAN = 'GB82 WEST 1234 5698 7654 32';

describe('phone jobs in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(PHONE);

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);
    const title = `Operation Monsoon Relay (${lang})`;
    const task = `Pull the relay's hosting records (${lang})`;
    const request = `Account holder of the relay's IBAN (${lang})`;
    let ws = '';

    /** The screen fits the phone: it does not scroll sideways, and axe finds nothing; then a screenshot. */
    const fits = async (p: Page, step: string) => {
      await expect.poll(() => sidewaysOverflow(p), POLL).toEqual([]);
      await checkA11y(k.c, p, `${step} on a phone (${lang})`);
      await shoot(p, `phone-${step}-${lang}`);
    };

    it('the lead opens an investigation, invites the FBI, and sends the bank a request (on a laptop)', async () => {
      const lead = await k.open(DESK);
      await signIn(k.c, lead, 'lead', 'workspaces', lang);
      await button(lead, 'ws.new').click();
      const form = lead.getByRole('form', { name: L('ws.new') });
      await field(form, 'ws.newTitle').fill(title);
      await field(form, 'ws.legalText').fill('Joint investigation under art. 45');
      await button(form, 'ws.open').click();
      await lead.getByRole('heading', { name: title }).waitFor();
      ws = decodeURIComponent(new URL(lead.url()).hash.split('/')[2]!);
      const invite = lead.getByRole('form', { name: L('invite.title') });
      await invite.getByLabel(L('invite.agency')).selectOption({ label: `${FBI} (USA)` });
      await invite.getByRole('heading', { name: L('invite.preview', { org: FBI, country: 'USA' }) }).waitFor();
      await button(invite, 'invite.send').click();
      await lead.getByRole('listitem').filter({ hasText: FBI }).waitFor();
      await lead.getByRole('link', { name: L('ws.requests') }).click();
      await sendRequest(lead, lang, { type: 'production', to: 'mekong-bank', what: request, selector: { type: 'iban', value: IBAN } });
      await lead.close();
    });

    it('the member officer accepts the invitation on a phone; every workspace screen fits', async () => {
      const fbi = await k.open();
      await signIn(k.c, fbi, 'fbi', 'workspaces', lang);
      await fbi.getByRole('heading', { name: L('ws.invitedTitle') }).waitFor();
      await fits(fbi, 'invitation');
      await button(fbi, 'ws.acceptInvitation', { title }).click();
      await fbi.getByText(L('ws.joinedNote', { title })).waitFor();
      await fbi.getByRole('link', { name: title }).click();
      await fbi.getByRole('heading', { name: title }).waitFor();
      for (const [tab, heading] of [
        ['ws.tasks', 'ws.tasks'],
        ['ws.requests', 'ws.requests'],
        ['ws.incidents', 'ws.incidents'],
        ['ws.members', 'ws.members'],
      ] as const) {
        await fbi
          .getByRole('navigation', { name: title })
          .getByRole('link', { name: L(tab), exact: true })
          .click();
        await fbi.getByRole('heading', { name: L(heading), exact: true, level: 2 }).waitFor();
        await fits(fbi, `workspace-${tab.split('.')[1]}`);
      }
      await fbi.getByRole('link', { name: L('nav.matching') }).click();
      await fbi.getByRole('heading', { name: L('match.title'), level: 1 }).waitFor();
      await button(fbi, 'match.check').click();
      await fbi.getByText(L('filter.shown', { n: 2, total: 2 })).waitFor();
      await fits(fbi, 'selectors');
      await fbi.close();
    });

    it('the lead sets a task; the member finds it on a phone with a filter, saves the view, reopens it from a link and works the task', async () => {
      const lead = await k.open(DESK);
      await signIn(k.c, lead, 'lead', `w/${ws}/tasks`, lang);
      const form = lead.getByRole('form', { name: L('tasks.new') });
      await field(form, 'tasks.titleField').fill(task);
      await form.getByLabel(L('tasks.assignee')).selectOption({ label: `${FBI} (USA)` });
      await button(form, 'tasks.create').click();
      await form
        .getByRole('status')
        .filter({ hasText: L('tasks.setFor', { title: task, org: FBI }) })
        .waitFor();
      await lead.close();

      const fbi = await k.open();
      await signIn(k.c, fbi, 'fbi', `w/${ws}/tasks`, lang);
      await fbi.getByRole('link', { name: task }).waitFor();
      await field(fbi, 'filter.text').fill('hosting');
      await fbi.getByRole('button', { name: L('enum.status.open'), exact: true }).click();
      await fbi.getByText(L('filter.shown', { n: 1, total: 1 })).waitFor();
      const view = `Hosting (${lang})`;
      await fbi.getByPlaceholder(L('filter.viewName')).fill(view);
      await button(fbi, 'filter.save').click();
      await button(fbi, 'filter.apply', { name: view }).waitFor();
      await fits(fbi, 'tasks-filtered');
      // The filter is in the address: a link to it opens the same filter.
      const link = new URL(fbi.url()).hash.replace(/^#\//, '');
      expect(link).toContain('q=hosting');
      await fbi.close();

      const again = await k.open();
      await signIn(k.c, again, 'fbi', link, lang);
      await expect.poll(() => field(again, 'filter.text').inputValue(), POLL).toBe('hosting');
      expect(await again.getByRole('button', { name: L('enum.status.open'), exact: true }).getAttribute('aria-pressed')).toBe('true');
      // The saved view, on this device, sets the filter back after it was cleared.
      await button(again, 'filter.all').click();
      await field(again, 'filter.text').fill('');
      await expect.poll(() => button(again, 'filter.apply', { name: view }).getAttribute('aria-pressed'), POLL).toBe('false');
      await button(again, 'filter.apply', { name: view }).click();
      await expect.poll(() => field(again, 'filter.text').inputValue(), POLL).toBe('hosting');
      await expect.poll(() => button(again, 'filter.apply', { name: view }).getAttribute('aria-pressed'), POLL).toBe('true');

      await again.getByRole('link', { name: task }).click();
      await again.getByRole('heading', { name: task, level: 1 }).waitFor();
      await button(again, 'task.accept').click();
      await button(again, 'task.start').click();
      await button(again, 'task.done').click();
      await again.getByText(L('enum.status.done'), { exact: true }).first().waitFor();
      await fits(again, 'task-done');
      await again.close();
    });

    it('the bank finds the request on a phone and acknowledges it', async () => {
      const bank = await k.open();
      await signIn(k.c, bank, 'bank', '', lang);
      const find = bank.getByRole('group', { name: L('req.find') });
      await field(find, 'req.search').fill(request);
      await bank.getByText(L('req.shown', { n: 1 })).waitFor();
      await fits(bank, 'bank-inbox');
      await bank.getByRole('link', { name: request, exact: true }).click();
      await bank.getByRole('heading', { name: request, exact: true }).waitFor();
      await button(bank, 'portal.acknowledge').click();
      await button(bank, 'portal.acknowledge').waitFor({ state: 'detached' });
      await bank.getByText(L('enum.status.acknowledged'), { exact: true }).first().waitFor();
      await fits(bank, 'bank-acknowledged');
      await bank.close();
    });
  });
});
