/**
 * A ladder level pages people, in the console, in English, Vietnamese and Thai. The lead raises a
 * critical incident to Thailand and sees who was paged (CCIB's on-call person, queued, then sent),
 * then escalates now and sees DSI's named backup paged at once. CCIB's duty contact, on a phone,
 * re-pages the level and pages the whole team, each with a confirmation and its result. The paged
 * person finds the e-mail in the local mailbox and the SMS in the sink, opens the e-mail's link on
 * a phone with no session and acknowledges with one click; the lead sees the page acknowledged. The
 * ladder screen says that the duty rung pages the roster's on-call person.
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
      expect(row).toContain(L('inc.paged.levelRound', { n: 1, round: 1 }));
      // The pager sends it while the lead looks: the row turns from queued to sent, without a reload.
      await expect
        .poll(async () => {
          const now = (await first.textContent()) ?? '';
          return now.includes(L('enum.status.sent')) || now.includes(L('enum.status.delivered'));
        }, POLL)
        .toBe(true);
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

    it('the paged person gets the e-mail and the SMS, and acknowledges from the e-mail on a phone without signing in', async () => {
      // The newest page to CCIB's people (the whole team, just now) reached their mailbox and their phone.
      const ackLink = /https?:\/\/[^\s]+\/ack\/[A-Za-z0-9._-]+/;
      const mails = async () =>
        (
          (await (await fetch(k.c.rt.channels!.mailApi)).json()) as {
            time: string;
            text: string;
            subject: string;
            to: { address: string }[];
          }[]
        )
          .filter((m) => m.to.some((t) => t.address.endsWith('@tha-ccib.demo')) && ackLink.test(m.text))
          .sort((a, b) => a.time.localeCompare(b.time));
      await expect.poll(async () => (await mails()).length, POLL).toBeGreaterThan(0);
      const mail = (await mails()).at(-1)!;
      // A critical incident's page names no content: not the summary, not in the subject either.
      expect(`${mail.subject}\n${mail.text}`).not.toContain(summary);
      const sms = async () =>
        ((await (await fetch(k.c.rt.channels!.smsSink)).json()) as { items: { to: string; text: string }[] }).items.filter(
          (m) => m.to.startsWith('+668155501') && ackLink.test(m.text),
        );
      await expect.poll(async () => (await sms()).length, POLL).toBeGreaterThan(0);
      expect((await sms()).at(-1)!.text).not.toContain(summary);

      // The link in the e-mail, opened on a phone with no session: one click acknowledges.
      const phone = await k.open(PHONE);
      await phone.goto(`${ackLink.exec(mail.text)![0]}?lang=${lang}`);
      await phone.getByRole('heading', { name: L('ack.needsYou', { severity: L('enum.severity.critical') }) }).waitFor();
      expect(await phone.getByText(summary).count()).toBe(0);
      await checkA11y(k.c, phone, `paging acknowledge from the e-mail, phone (${lang})`);
      await shoot(phone, `paging-ack-from-mail-phone-${lang}`);
      await button(phone, 'ack.button').click();
      await phone
        .getByRole('status')
        .filter({ hasText: L('ack.done', { country: 'THA' }) })
        .waitFor();

      // The lead sees it on the incident, without a reload: the page that was used says so.
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/incidents`, lang);
      await lead.getByRole('link', { name: summary, exact: true }).click();
      await lead.getByRole('heading', { name: summary, level: 1 }).waitFor();
      await expect
        .poll(
          () =>
            trail(lead)
              .getByRole('listitem')
              .filter({ hasText: L('enum.status.acknowledged') })
              .count(),
          POLL,
        )
        .toBe(1);
      await shoot(lead, `paging-acknowledged-${lang}`);
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
