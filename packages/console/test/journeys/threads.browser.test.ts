import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, PHONE, POLL, sendRequest, shoot, signIn, useConsole, wordsOf } from '../browser';

// Threads, from the people who talk in them: the lead and the FBI converse on a task, each in
// their own browser, and each sees the other's message arrive without reloading; the lead edits
// one of hers and the FBI reads its earlier version. The bank asks and answers on its request's
// thread on its phone, and sees nothing else of the workspace.

const TASK = 'Map the USDT wallets that received victim transfers';
/** The agencies by their registered names, as the console shows them. */
const FBI = 'Federal Bureau of Investigation, Cyber Division';
const A05 = 'Department of Cyber Security and High-Tech Crime Prevention (A05)';

describe('threads in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(DESK, { closeEachStep: true });

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);
    const thread = (p: Page) => p.getByRole('region', { name: L('thread.title') });
    const message = (p: Page, text: string) => thread(p).getByRole('listitem').filter({ hasText: text });
    const post = async (p: Page, text: string) => {
      await field(thread(p), 'thread.compose').fill(text);
      await button(thread(p), 'thread.send').click();
      await message(p, text).waitFor();
    };
    const openTask = async (p: Page, persona: string) => {
      await signIn(k.c, p, persona, `w/${k.c.workspaceId}/tasks`, lang);
      await p.getByRole('link', { name: TASK, exact: true }).click();
      await thread(p).waitFor();
    };

    it('the lead and the FBI converse on a task, each seeing the other without reloading', async () => {
      const lead = await k.open();
      const fbi = await k.open();
      await openTask(lead, 'lead');
      await openTask(fbi, 'fbi');
      await checkA11y(k.c, fbi, `task thread (${lang})`);
      await shoot(fbi, `threads-task-open-${lang}`);

      const first = `Cluster of 41 wallets is ready (${lang})`;
      await field(thread(lead), 'thread.compose').fill(first);
      await thread(lead).getByRole('checkbox', { name: FBI, exact: true }).check();
      await checkA11y(k.c, lead, `composing with a mention (${lang})`);
      await shoot(lead, `threads-compose-${lang}`);
      await button(thread(lead), 'thread.send').click();
      await message(lead, first).waitFor();

      // The FBI's page was left as it was: the message arrives by itself, marked as mentioning it.
      await message(fbi, first).waitFor();
      await message(fbi, first).getByText(L('thread.mentionsYou')).waitFor();
      // Unread mentions are counted on the thread: one more in each language's run of this journey.
      const mentions = LANGS.indexOf(lang) + 1;
      await expect
        .poll(() => thread(fbi).getByRole('heading').first().textContent(), POLL)
        .toContain(L('thread.mentions', { n: mentions }));
      await shoot(fbi, `threads-received-${lang}`);

      const reply = `Two are exchange hot wallets; tracing the rest (${lang})`;
      await button(message(fbi, first), 'thread.reply').click();
      await thread(fbi)
        .getByText(L('thread.replyingTo', { who: A05 }))
        .waitFor();
      await post(fbi, reply);
      await message(lead, reply).waitFor();
      await message(lead, reply)
        .getByText(L('thread.inReplyTo', { who: A05 }))
        .waitFor();
      await checkA11y(k.c, lead, `task thread with a reply (${lang})`);
      await shoot(lead, `threads-reply-${lang}`);

      // The lead corrects her message: it shows "edited", and the FBI can read what it said before.
      const corrected = `Cluster of 43 wallets is ready (${lang})`;
      await button(message(lead, first), 'thread.edit').click();
      await field(thread(lead), 'thread.editLabel').fill(corrected);
      await button(thread(lead), 'thread.save').click();
      await message(lead, corrected).getByText(L('thread.edited')).waitFor();
      await message(fbi, corrected).waitFor();
      await button(message(fbi, corrected), 'thread.revisions').click();
      await message(fbi, corrected)
        .getByRole('heading', { name: L('thread.revisionsTitle') })
        .waitFor();
      await message(fbi, corrected).getByText(first).waitFor();
      await checkA11y(k.c, fbi, `earlier versions of a message (${lang})`);
      await shoot(fbi, `threads-revisions-${lang}`);

      // A message written by mistake is redacted after a confirmation: its text goes for everyone.
      const oops = `Wrong thread, sorry (${lang})`;
      await post(fbi, oops);
      await message(lead, oops).waitFor();
      await button(message(fbi, oops), 'thread.redact').click();
      await button(message(fbi, oops), 'thread.redactConfirm').click();
      await thread(fbi).getByText(oops).waitFor({ state: 'detached' });
      await thread(lead).getByText(oops).waitFor({ state: 'detached' });
      // One redacted message more in each language's run of this journey.
      await expect.poll(() => thread(lead).getByText(L('thread.redacted')).count(), POLL).toBe(LANGS.indexOf(lang) + 1);
      await shoot(lead, `threads-redacted-${lang}`);
    });

    it('the bank asks and answers on its request’s thread, on its phone, and sees nothing else of the workspace', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/requests`, lang);
      const what = `Statements for the thread (${lang})`;
      await sendRequest(lead, lang, {
        type: 'production',
        to: 'mekong-bank',
        what,
        selector: { type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' },
      });
      await thread(lead).waitFor();
      const ask = `Please include the card transactions (${lang})`;
      await post(lead, ask);

      const bank = await k.open(PHONE);
      await signIn(k.c, bank, 'bank', '', lang);
      await bank.getByRole('link', { name: what, exact: true }).click();
      await message(bank, ask).waitFor();
      await checkA11y(k.c, bank, `partner request thread (${lang})`);
      await shoot(bank, `threads-bank-${lang}`);
      const question = `From which date? (${lang})`;
      await post(bank, question);
      // The bank sees the agency by its name and itself as "you"; nothing of the workspace.
      await message(bank, question).getByText(L('thread.you'), { exact: true }).waitFor();
      const text = (await bank.locator('body').textContent()) ?? '';
      expect(text).not.toContain(k.c.workspaceId);
      expect(text).not.toContain('Operation Lotus Ledger');
      expect(text).not.toContain(TASK);

      await message(lead, question).waitFor();
      const answer = `Since 1 January 2026 (${lang})`;
      await button(message(lead, question), 'thread.reply').click();
      await post(lead, answer);
      await message(bank, answer).waitFor();
      await shoot(bank, `threads-bank-answered-${lang}`);
      await checkA11y(k.c, lead, `agency request thread (${lang})`);
      await shoot(lead, `threads-lead-request-${lang}`);
    });
  });
});
