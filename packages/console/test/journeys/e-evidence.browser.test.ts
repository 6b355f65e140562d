import { describe, expect, it } from 'vitest';
import { checkA11y, LANGS, PHONE, pageErrors, shoot, signIn, useConsole, wordsOf } from '../browser';

/**
 * e-Evidence orders: the lead officer of A05 issues a European Production Order (EPOC) to the bank,
 * filling the certificate's Annex I sections, as an authority that may not issue it alone; it waits,
 * unseen by the bank, among the prosecutor's "Orders awaiting your validation"; the prosecutor
 * validates it; the officer sends it and downloads the certificate file; the bank (on a desk and
 * on a phone) reads the certificate section by section with its annex letters and answers it.
 * In English, Vietnamese and Thai.
 */
describe('e-Evidence orders', () => {
  const k = useConsole();
  const open = () => k.open();

  describe.each(LANGS)('in %s', (lang) => {
    const description = `EPOC: holder of the payee account (${lang})`;
    const { L, button, field } = wordsOf(lang);
    const requests = () => `w/${k.c.workspaceId}/requests`;

    it('the lead officer issues an EPOC with its annex sections; it waits for validation', { timeout: 150_000 }, async () => {
      const lead = await open();
      await signIn(k.c, lead, 'lead', requests(), lang);
      const form = lead.getByRole('form', { name: L('req.new') });
      await field(form, 'req.type').selectOption('epoc');
      // The certificate's sections appear, each named by its annex letter.
      await form.getByRole('group', { name: L('order.sectionTitle', { letter: 'A', title: L('order.section.addressee') }) }).waitFor();
      await field(form, 'req.provider').selectOption('mekong-bank');
      await field(form, 'req.description').fill(description);
      await field(form, 'req.selType', { n: 1 }).selectOption('email');
      await field(form, 'req.selValue', { n: 1 }).fill('payee@example.com');
      await field(form, 'order.field.addresseeName').fill('Mekong Bank, legal representative in Ireland');
      await field(form, 'order.field.addresseeMemberState').selectOption('IRL');
      await form.getByLabel(`${L('order.field.period')}: ${L('order.from')}`, { exact: true }).fill('2026-01-01');
      await form.getByLabel(`${L('order.field.period')}: ${L('order.to')}`, { exact: true }).fill('2026-02-01');
      await field(form, 'order.field.dataRequested').fill('Name, address and sign-up date of the account holder');
      await field(form, 'order.field.offenceDescription').fill('Computer fraud by an organised group');
      await field(form, 'order.field.legalProvision').fill('Penal Code art. 290');
      await field(form, 'order.field.issuingAuthorityKind').selectOption('other_competent_authority');
      await field(form, 'order.field.issuingAuthorityName').fill('A05 Cybercrime Department');
      await field(form, 'order.field.issuingAuthorityContact').fill('+84 24 3939 0000');
      await checkA11y(k.c, lead, `EPOC form (${lang})`);
      await shoot(lead, `e-evidence-form-${lang}`);
      await button(form, 'order.issue').click();
      await lead.getByRole('heading', { name: description, exact: true }).waitFor();
      await lead.getByRole('heading', { name: L('order.validation.title') }).waitFor();
      await lead.getByText(L('enum.status.awaiting_validation'), { exact: true }).first().waitFor();
      await checkA11y(k.c, lead, `order awaiting validation (${lang})`);
      await shoot(lead, `e-evidence-awaiting-${lang}`);
      // Nothing for the issuer to send yet.
      expect(await button(lead, 'order.send').count()).toBe(0);
      expect(pageErrors(lead)).toEqual([]);
    });

    it('the prosecutor finds it among the orders awaiting validation and validates it', { timeout: 120_000 }, async () => {
      const prosecutor = await open();
      await signIn(k.c, prosecutor, 'prosecutor', requests(), lang);
      const waiting = prosecutor.getByRole('region', { name: L('order.awaiting.title') });
      await waiting.getByRole('link', { name: description }).waitFor();
      await checkA11y(k.c, prosecutor, `orders awaiting validation (${lang})`);
      await shoot(prosecutor, `e-evidence-validator-list-${lang}`);
      await waiting.getByRole('link', { name: description }).click();
      await button(prosecutor, 'order.validate').click();
      await prosecutor.getByText(L('order.confirmValidate', { provider: 'Mekong Commercial Bank' })).waitFor();
      await field(prosecutor, 'order.validateAs').selectOption('prosecutor');
      await field(prosecutor, 'order.validatorName').fill('Hanoi People’s Procuracy');
      await checkA11y(k.c, prosecutor, `validate an order (${lang})`);
      await shoot(prosecutor, `e-evidence-validate-${lang}`);
      await button(prosecutor, 'order.yesValidate').click();
      await prosecutor
        .getByText(/Hanoi People’s Procuracy/)
        .first()
        .waitFor();
      await prosecutor.getByText(L('enum.status.validated'), { exact: true }).first().waitFor();
      await shoot(prosecutor, `e-evidence-validated-${lang}`);
      expect(pageErrors(prosecutor)).toEqual([]);
    });

    it('the officer sends it and downloads its certificate file', { timeout: 120_000 }, async () => {
      const lead = await open();
      await signIn(k.c, lead, 'lead', requests(), lang);
      await lead.getByRole('link', { name: description }).click();
      await button(lead, 'order.send').click();
      await lead.getByText(L('enum.status.sent'), { exact: true }).first().waitFor();
      const [download] = await Promise.all([lead.waitForEvent('download'), button(lead, 'order.download').click()]);
      expect(download.suggestedFilename()).toMatch(/^EPOC-[a-z0-9-]+\.xml$/);
      await shoot(lead, `e-evidence-sent-${lang}`);
      expect(pageErrors(lead)).toEqual([]);
    });

    it('the bank reads the certificate in Annex I layout, on a desk and a phone, and answers', { timeout: 150_000 }, async () => {
      for (const phone of [false, true]) {
        const bank = await open();
        if (phone) await bank.setViewportSize(PHONE);
        await signIn(k.c, bank, 'bank', '', lang);
        await bank.getByRole('link', { name: description }).click();
        const annex = bank.getByRole('region', { name: `${L('order.certificate')} · ${L('order.annex', { annex: 'I', form: 'EPOC' })}` });
        await annex.waitFor();
        // It rests on the e-Evidence Regulation, as the form set it.
        await bank
          .getByText(/Regulation \(EU\) 2023\/1543/)
          .first()
          .waitFor();
        await annex.getByRole('heading', { name: L('order.sectionTitle', { letter: 'A', title: L('order.section.addressee') }) }).waitFor();
        await annex
          .getByRole('heading', { name: L('order.sectionTitle', { letter: 'J', title: L('order.section.validatingAuthority') }) })
          .waitFor();
        await annex.getByText('Hanoi People’s Procuracy').waitFor();
        await annex.getByText(L('enum.dataCategory.subscriber')).waitFor();
        await checkA11y(k.c, bank, `order certificate (${lang}${phone ? ', phone' : ''})`);
        await shoot(bank, `e-evidence-bank-certificate-${phone ? 'phone-' : ''}${lang}`);
        expect(pageErrors(bank)).toEqual([]);
        if (!phone) continue;
        await button(bank, 'portal.acknowledge').click();
        const answer = bank.getByRole('form', { name: L('portal.answer') });
        await field(answer, 'portal.outcome').selectOption('cannot_comply');
        await field(answer, 'portal.reason').selectOption('data_not_stored');
        await button(answer, 'portal.send').click();
        await bank.getByText(L('enum.status.cannot_comply'), { exact: true }).first().waitFor();
        await shoot(bank, `e-evidence-bank-answered-phone-${lang}`);
      }
    });
  });
});
