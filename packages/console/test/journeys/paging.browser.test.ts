/**
 * A ladder level pages people, in the console, in English, Vietnamese and Thai. The lead raises a
 * critical incident to Thailand and sees who was paged (CCIB's on-call person, queued until the
 * pager sends), then escalates now and sees DSI's named backup paged at once. CCIB's duty contact,
 * on a phone, re-pages the level and pages the whole team, each with a confirmation and its result,
 * and sees on the ladder screen that the duty rung pages the roster's on-call person.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, PHONE, POLL, shoot, sidewaysOverflow, signIn, useConsole, wordsOf } from '../browser';

/** The demo people, as the console names them. */
const CCIB_DUTY = 'CCIB (THA) (ccib-duty)';
const COLLEAGUE = 'Anong Srisuk';
const DSI_DUTY = 'DSI (THA) (dsi-duty)';

describe('paging people from the ladder, in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(DESK, { closeEachStep: true });

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);
    const summary = `Hospital ransomware, wards offline (${lang})`;
    const trail = (p: Page) => p.getByRole('list', { name: L('inc.paged'), exact: true });
    const paged = (p: Page, name: string) => trail(p).getByRole('listitem').filter({ hasText: name });

    it('the lead raises to Thailand, sees who was paged, and escalates now', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/incidents`, lang);
      const form = lead.getByRole('form', { name: L('inc.raise') });
      await field(form, 'inc.summary').fill(summary);
      await button(form, 'inc.raise').click();
      await lead.getByRole('heading', { name: summary, level: 1 }).waitFor();

      // Level 1 pages the on-call person of CCIB's roster (one of its two members), queued for the pager.
      const first = trail(lead).getByRole('listitem');
      await expect.poll(() => first.count(), POLL).toBe(1);
      const row = (await first.textContent()) ?? '';
      expect([CCIB_DUTY, COLLEAGUE].some((n) => row.includes(n))).toBe(true);
      expect(row).toContain(L('enum.reason.on_call'));
      expect(row).toContain(L('enum.status.queued'));
      expect(row).toContain(L('inc.paged.levelRound', { n: 1, round: 1 }));
      await checkA11y(k.c, lead, `paging trail (${lang})`);
      await shoot(lead, `paging-trail-${lang}`);

      // Escalate now: it asks first, then level 2 pages DSI's named backup at once.
      await button(lead, 'inc.escalateNow').click();
      await lead.getByText(L('inc.escalateNow.q', { country: 'THA', n: 2 })).waitFor();
      await checkA11y(k.c, lead, `paging escalate confirm (${lang})`);
      await shoot(lead, `paging-escalate-confirm-${lang}`);
      await button(lead, 'inc.escalateNow.yes').click();
      await lead
        .getByRole('status')
        .filter({ hasText: L('inc.escalateNow.done', { country: 'THA', n: 2 }) })
        .waitFor();
      await paged(lead, DSI_DUTY).waitFor();
      await expect.poll(() => paged(lead, DSI_DUTY).textContent(), POLL).toContain(L('enum.reason.named'));
      await expect.poll(() => paged(lead, DSI_DUTY).textContent(), POLL).toContain(L('inc.paged.levelRound', { n: 2, round: 1 }));
      await shoot(lead, `paging-escalated-${lang}`);
    });

    it("CCIB's duty contact, on a phone, re-pages the level and pages the whole team", async () => {
      const duty = await k.open(PHONE);
      await signIn(k.c, duty, 'ccib-duty', `w/${k.c.workspaceId}/incidents`, lang);
      await duty.getByRole('link', { name: summary, exact: true }).click();
      await duty.getByRole('heading', { name: summary, level: 1 }).waitFor();
      await paged(duty, DSI_DUTY).waitFor();

      await button(duty, 'inc.repage').click();
      await duty.getByText(L('inc.repage.q', { country: 'THA', n: 2 })).waitFor();
      await button(duty, 'inc.repage.yes').click();
      await duty
        .getByRole('status')
        .filter({ hasText: L('inc.repage.done', { count: 1, names: DSI_DUTY }) })
        .waitFor();
      await expect.poll(() => paged(duty, DSI_DUTY).count(), POLL).toBe(2);
      await expect.poll(() => trail(duty).textContent(), POLL).toContain(L('enum.reason.repage'));

      await button(duty, 'inc.team').click();
      await duty.getByText(L('inc.team.q', { country: 'THA' })).waitFor();
      await checkA11y(k.c, duty, `paging team confirm, phone (${lang})`);
      await shoot(duty, `paging-team-confirm-phone-${lang}`);
      await button(duty, 'inc.team.yes').click();
      await duty
        .getByRole('status')
        .filter({ hasText: L('inc.team.done', { count: 2, names: `${CCIB_DUTY}, ${COLLEAGUE}` }) })
        .waitFor();
      await expect
        .poll(
          () =>
            trail(duty)
              .getByRole('listitem')
              .filter({ hasText: L('enum.reason.team') })
              .count(),
          POLL,
        )
        .toBe(2);
      await expect.poll(() => sidewaysOverflow(duty), POLL).toEqual([]);
      await checkA11y(k.c, duty, `paging trail, phone (${lang})`);
      await trail(duty).scrollIntoViewIfNeeded();
      await shoot(duty, `paging-trail-phone-${lang}`);
    });

    it("the ladder screen says whom each rung pages: CCIB's roster's on-call person", async () => {
      const duty = await k.open(PHONE);
      await signIn(k.c, duty, 'ccib-duty', 'contacts', lang);
      await duty.getByRole('heading', { name: L('contacts.title'), level: 1 }).waitFor();
      const rung = duty.getByRole('group', { name: L('contacts.rung.duty'), exact: true });
      const choice = rung.getByLabel(L('contacts.paged'));
      await expect
        .poll(() => choice.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? ''), POLL)
        .toBe(L('contacts.paged.roster', { name: 'CCIB 24/7 desk' }));
      await choice.scrollIntoViewIfNeeded();
      await expect.poll(() => sidewaysOverflow(duty), POLL).toEqual([]);
      await checkA11y(k.c, duty, `contacts paged choice, phone (${lang})`);
      await shoot(duty, `paging-contacts-phone-${lang}`);
    });
  });
});
