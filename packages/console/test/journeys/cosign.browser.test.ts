import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, LANGS, label, PHONE, pageErrors, sendRequest, shoot, signIn, useConsole } from '../browser';

/**
 * Two officers for an emergency request: the lead officer of A05 sends an emergency disclosure to
 * the bank; it waits, unseen by the bank, until a second officer of A05 (signed in with MFA)
 * approves and sends it; the bank then reads that two officers of A05 confirmed it, with MFA, and
 * Viet Nam's 24/7 line to call back. In English, Vietnamese and Thai; the bank on a phone too.
 */
describe('co-signed emergency requests', () => {
  const k = useConsole();
  const open = () => k.open();

  describe.each(LANGS)('in %s', (lang) => {
    const description = `Threat to life: live location of the caller (${lang})`;
    const L = (key: Parameters<typeof label>[1], vars: Record<string, string | number> = {}) => label(lang, key, vars);
    /** The lead sends an emergency disclosure to the bank about one phone number; its page opens. */
    const sendEmergency = (lead: Page, what: string) =>
      sendRequest(lead, lang, {
        type: 'emergency_disclosure',
        to: 'mekong-bank',
        what,
        selector: { type: 'phone', value: '+84912345678' },
      });

    it('the lead officer sends it; it waits for a second officer, unseen by the bank', { timeout: 120_000 }, async () => {
      const lead = await open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/requests`, lang);
      await lead.getByRole('heading', { name: L('ws.requests'), exact: true }).waitFor();
      await sendEmergency(lead, description);
      await lead.getByRole('heading', { name: L('cosign.title') }).waitFor();
      await lead.getByText(L('enum.status.awaiting_cosign'), { exact: true }).first().waitFor();
      // The sender is told a colleague must co-sign; there is nothing for them to approve.
      await lead.getByText(L('cosign.own')).waitFor();
      expect(await lead.getByRole('button', { name: L('cosign.approve') }).count()).toBe(0);
      await checkA11y(k.c, lead, `request awaiting a second officer (${lang})`);
      await shoot(lead, `cosign-awaiting-${lang}`);

      const bank = await open();
      await bank.setViewportSize(PHONE);
      await signIn(k.c, bank, 'bank', '', lang);
      await bank.getByRole('heading', { name: L('inbox.title', { org: 'mekong-bank' }) }).waitFor();
      // The inbox has loaded: empty, or holding only the requests sent in the languages before.
      await bank
        .getByText(L('inbox.none'))
        .or(bank.getByRole('link', { name: /Threat to life/ }))
        .first()
        .waitFor();
      expect(await bank.getByRole('link', { name: description }).count()).toBe(0);
      await shoot(bank, `cosign-bank-inbox-before-${lang}`);
      expect(pageErrors(lead)).toEqual([]);
    });

    it('a second officer of A05, signed in with MFA, approves and sends it', { timeout: 120_000 }, async () => {
      const second = await open();
      await signIn(k.c, second, 'lead2', `w/${k.c.workspaceId}/requests`, lang);
      await second.getByRole('link', { name: description }).click();
      await second.getByRole('heading', { name: L('cosign.title') }).waitFor();
      await second.getByRole('button', { name: L('cosign.approve') }).waitFor();
      await second.getByRole('button', { name: L('cosign.refuse') }).waitFor();
      await checkA11y(k.c, second, `co-sign (${lang})`);
      await shoot(second, `cosign-colleague-${lang}`);
      await second.getByRole('button', { name: L('cosign.approve') }).click();
      // Nothing is sent before the officer confirms.
      await second.getByText(L('cosign.confirmApprove', { provider: 'mekong-bank' })).waitFor();
      await checkA11y(k.c, second, `co-sign confirmation (${lang})`);
      await shoot(second, `cosign-confirm-${lang}`);
      await second.getByRole('button', { name: L('cosign.yesApprove') }).click();
      await second.getByText(/vnm-a05-lead2.*MFA/).waitFor();
      expect(await second.getByRole('heading', { name: L('cosign.title') }).count()).toBe(0);
      await shoot(second, `cosign-approved-${lang}`);
      expect(pageErrors(second)).toEqual([]);
    });

    it('a second officer refuses another one, after confirming, with the reason; it is never sent', { timeout: 120_000 }, async () => {
      const refused = `Emergency request sent by mistake (${lang})`;
      const lead = await open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/requests`, lang);
      await sendEmergency(lead, refused);

      const second = await open();
      await signIn(k.c, second, 'lead2', `w/${k.c.workspaceId}/requests`, lang);
      await second.getByRole('link', { name: refused }).click();
      await second.getByRole('button', { name: L('cosign.refuse') }).click();
      await second.getByText(L('cosign.confirmRefuse')).waitFor();
      await second.getByLabel(L('cosign.reason')).fill('The caller could not be verified');
      await checkA11y(k.c, second, `co-sign refusal (${lang})`);
      await shoot(second, `cosign-refuse-${lang}`);
      await second.getByRole('button', { name: L('cosign.yesRefuse') }).click();
      await second.getByText(/vnm-a05-lead2.*The caller could not be verified/).waitFor();
      await second.getByText(L('enum.status.cosign_refused'), { exact: true }).first().waitFor();
      expect(pageErrors(second)).toEqual([]);
    });

    it('the bank sees it now, confirmed by two officers with MFA, with the 24/7 line to call back', { timeout: 120_000 }, async () => {
      for (const phone of [false, true]) {
        const bank = await open();
        if (phone) await bank.setViewportSize(PHONE);
        await signIn(k.c, bank, 'bank', '', lang);
        await bank.getByRole('link', { name: description }).waitFor();
        // The request a second officer refused never reached the bank.
        expect(await bank.getByRole('link', { name: /sent by mistake/ }).count()).toBe(0);
        await bank.getByRole('link', { name: description }).click();
        await bank
          .getByText(L('cosign.confirmed', { agency: 'Department of Cyber Security and High-Tech Crime Prevention (A05)' }))
          .waitFor();
        await bank.getByRole('link', { name: '+84 69 234 8000' }).waitFor();
        await bank.getByText(L('cosign.callback', { country: 'VNM' }), { exact: false }).waitFor();
        // Never the officers' names.
        expect(await bank.getByText('vnm-a05-lead2').count()).toBe(0);
        await checkA11y(k.c, bank, `partner's confirmation line (${lang}${phone ? ', phone' : ''})`);
        await shoot(bank, `cosign-bank-confirmed-${phone ? 'phone-' : ''}${lang}`);
        expect(pageErrors(bank)).toEqual([]);
      }
    });

    it("the agency's policy administrator chooses who co-signs: only a supervisor, then any other officer again", {
      timeout: 120_000,
    }, async () => {
      const admin = await open();
      await signIn(k.c, admin, 'policy', 'policy', lang);
      const form = admin.locator('form', { has: admin.getByRole('heading', { name: L('cosign.setting.title'), exact: true }) });
      await form.getByRole('radio', { name: L('cosign.setting.any_officer') }).waitFor();
      expect(await form.getByRole('radio', { name: L('cosign.setting.any_officer') }).isChecked()).toBe(true);
      await form.getByRole('radio', { name: L('cosign.setting.supervisor') }).check();
      await form.getByRole('button', { name: L('cosign.setting.save') }).click();
      await form.getByText(L('cosign.setting.saved')).waitFor();
      await checkA11y(k.c, admin, `co-signing rule (${lang})`);
      await shoot(admin, `cosign-rule-${lang}`);
      await form.getByRole('radio', { name: L('cosign.setting.any_officer') }).check();
      await form.getByRole('button', { name: L('cosign.setting.save') }).click();
      await form.getByText(L('cosign.setting.saved')).waitFor();
      expect(pageErrors(admin)).toEqual([]);
    });
  });
});
