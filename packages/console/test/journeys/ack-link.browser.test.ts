import { type Principal, pageReferenceCode, raiseIncident } from '@taskforce/core';
import { seedPage } from '@taskforce/core/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, LANGS, type Lang, PHONE, POLL, shoot, sidewaysOverflow, useConsole, wordsOf } from '../browser';

/**
 * On a phone (390×844), without signing in: Thailand's duty officer, paged for a critical incident,
 * taps the link in the message, reads what needs them (severity, ladder level, a short reference,
 * never the incident's content), presses Acknowledge once, reads that it is done, and is offered
 * the incident in the console (through its sign-in); the same link opened again no longer works.
 * The page the pager wrote (one attempt, the link's secret kept as its hash) is set up as the
 * pager leaves it.
 */
const NATIVE: Record<Lang, string> = { en: 'English', vi: 'Tiếng Việt', th: 'ไทย' };
const LEAD: Principal = { sub: 'vnm-a05-officer', orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] };

describe('acknowledging from the message in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(PHONE, { closeEachStep: true });

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button } = wordsOf(lang);

    /** The screen fits the phone: nothing scrolls sideways, axe finds nothing; then a screenshot. */
    const fits = async (p: Page, step: string) => {
      await expect.poll(() => sidewaysOverflow(p), POLL).toEqual([]);
      await checkA11y(k.c, p, `acknowledge link ${step} (${lang})`);
      await shoot(p, `ack-link-${step}-${lang}`);
    };

    it('the duty officer opens the link, acknowledges with one click, and the link then no longer works', async () => {
      const c = k.c;
      const summary = `Provincial hospital encrypted (${lang})`;
      const inc = (
        await raiseIncident(c.rt.deps, { principal: LEAD }, c.workspaceId, {
          severity: 'critical',
          type: 'ransomware',
          summary,
          countries: ['THA'],
        })
      ).result;
      const { token } = await seedPage(c.rt.deps, {
        workspaceId: c.workspaceId,
        incidentId: inc.id,
        sub: 'tha-ccib-ccib-duty',
        orgId: 'tha-ccib',
        country: 'THA',
        expiresAt: new Date(c.clock.now().getTime() + 15 * 60_000).toISOString(),
      });
      const link = `${c.rt.url}/ack/${token}`;
      const shortRef = pageReferenceCode(inc.id);

      const p = await k.open();
      await p.goto(link);
      if (lang !== 'en') await p.getByRole('link', { name: NATIVE[lang], exact: true }).click();
      await p.getByRole('heading', { name: L('ack.needsYou', { severity: L('enum.severity.critical') }) }).waitFor();
      await p.getByText(L('ack.level', { level: 1, country: 'THA' })).waitFor();
      await p.getByText(shortRef).waitFor();
      // What leaves the platform carries no content of the incident.
      expect(await p.getByText(summary).count()).toBe(0);
      await fits(p, 'open');

      await button(p, 'ack.button').click();
      await p.getByRole('heading', { name: L('ack.doneTitle') }).waitFor();
      await p
        .getByRole('status')
        .filter({ hasText: L('ack.done', { country: 'THA' }) })
        .waitFor();
      const open = p.getByRole('link', { name: L('ack.open'), exact: true });
      await open.waitFor();
      await fits(p, 'done');

      // "Open the incident" leads to the console's sign-in, in the same language.
      await open.click();
      await p.getByRole('heading', { name: L('signin.title') }).waitFor();

      // The same link again: it no longer works.
      await p.goto(`${link}?lang=${lang}`);
      await p.getByRole('heading', { name: L('ack.deadTitle') }).waitFor();
      await p.getByRole('link', { name: L('ack.console'), exact: true }).waitFor();
      await fits(p, 'dead');
    });
  });
});
