import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, PHONE, POLL, sendRequest, shoot, signIn, useConsole, wordsOf } from '../browser';

// Data requests, from the people who send and answer them: the lead sends each type with its own
// form, the bank asks a clarification and the lead answers it, the lead extends one deadline and
// withdraws another request, the bank answers per target with evidence, the exchange freezes.
// Partners work on a phone (390×844); the lead on a 1366×768 screen.

const IBAN = 'GB82 WEST 1234 5698 7654 32';
const WALLET = '0x52908400098527886E0F7030069857D2E4169EE7';

describe('data requests in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(DESK);
  const open = k.open;

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);
    const title = (what: string) => `${what} (${lang})`;
    const form = (p: Page) => p.getByRole('form', { name: L('req.new') });
    const announced = (p: Page, text: string) => p.getByRole('status').filter({ hasText: text }).first().waitFor();

    /** The lead sends a request of `type` with its own form; the request's page opens and says it was sent. */
    const send = async (
      p: Page,
      o: {
        type: string;
        to: string;
        what: string;
        selectors: Parameters<typeof sendRequest>[2]['selectors'];
        step: string;
        basis?: string;
      },
    ) => {
      await sendRequest(p, lang, {
        ...o,
        beforeSend: async () => {
          await checkA11y(k.c, p, `new ${o.type} request (${lang})`);
          await shoot(p, `requests-${o.step}-${lang}`);
        },
      });
      await announced(p, L('req.sentOk', { type: L(`enum.requestType.${o.type}` as 'enum.requestType.production') }));
      await p.getByRole('link', { name: L('common.back') }).click();
      await p.getByRole('link', { name: o.what, exact: true }).waitFor();
    };
    const openRequest = async (p: Page, what: string) => {
      await p.getByRole('link', { name: what, exact: true }).click();
      await p.getByRole('heading', { name: what, exact: true }).waitFor();
    };

    it('the lead sends an emergency disclosure, a production, a preservation and an asset freeze, each with its own form', async () => {
      const lead = await open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/requests`, lang);
      await form(lead).waitFor();

      // Emergency disclosure: urgency is the type's own, and its 8-hour clock shows before sending.
      const f = form(lead);
      await field(f, 'req.type').selectOption('emergency_disclosure');
      const hours = new Intl.NumberFormat(lang, { style: 'unit', unit: 'hour', unitDisplay: 'long' }).format(8);
      const before = L('req.clockEmergency', { d: '§' }).split('§')[0]!.trim();
      await expect.poll(() => f.getByText(before).textContent(), POLL).toContain(hours);
      expect(await f.getByLabel(L('req.urgent')).count()).toBe(0);
      // Two selectors pasted as a list: each one's kind is recognised.
      await field(f, 'req.selPaste').fill(`${IBAN}\n+84912345678`);
      await button(f, 'req.selPasteAdd').click();
      await expect.poll(() => field(f, 'req.selType', { n: 1 }).inputValue(), POLL).toBe('iban');
      expect(await field(f, 'req.selType', { n: 2 }).inputValue()).toBe('phone');
      await send(lead, {
        type: 'emergency_disclosure',
        to: 'mekong-bank',
        what: title('Location of the kidnapped worker’s phone'),
        step: 'emergency',
        selectors: async () => {},
      });

      await send(lead, {
        type: 'production',
        to: 'mekong-bank',
        what: title('Statements of the mule account'),
        step: 'production',
        selectors: async (g) => {
          await field(g, 'req.selType', { n: 1 }).selectOption('iban');
          await field(g, 'req.selValue', { n: 1 }).fill(IBAN);
        },
      });

      await send(lead, {
        type: 'preservation',
        to: 'mekong-bank',
        what: title('Keep the mule account’s log-ins'),
        step: 'preservation',
        selectors: async (g) => {
          await field(g, 'req.selType', { n: 1 }).selectOption('account_id');
          await field(g, 'req.selValue', { n: 1 }).fill(`mule-${lang}-0042`);
        },
      });

      // An asset freeze goes only to banks and exchanges, asks what to freeze on each target.
      await field(form(lead), 'req.type').selectOption('asset_freeze');
      const partners = await field(form(lead), 'req.provider')
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(partners.sort()).toEqual(['coinharbor', 'mekong-bank']);
      await send(lead, {
        type: 'asset_freeze',
        to: 'coinharbor',
        basis: 'PROVISIONAL-MEASURE',
        what: title('Freeze the scheme wallet'),
        step: 'freeze',
        selectors: async (g) => {
          await field(g, 'req.selType', { n: 1 }).selectOption('wallet_address');
          await field(g, 'req.selChain', { n: 1 }).selectOption('ethereum');
          await field(g, 'req.selValue', { n: 1 }).fill(WALLET);
          await field(g, 'req.selAsset', { n: 1 }).fill('USDT');
          await field(g, 'req.selAmount', { n: 1 }).fill('250000');
        },
      });
      await checkA11y(k.c, lead, `workspace requests (${lang})`);
      await shoot(lead, `requests-list-${lang}`);
      await lead.close();
    });

    it('the bank finds the production request on its phone, acknowledges it and asks a clarification', async () => {
      const bank = await open(PHONE);
      await signIn(k.c, bank, 'bank', '', lang);
      const what = title('Statements of the mule account');
      await field(bank.getByRole('group', { name: L('req.find') }), 'req.search').fill(what);
      await field(bank.getByRole('group', { name: L('req.find') }), 'req.type').selectOption('production');
      await bank.getByText(L('req.shown', { n: 1 })).waitFor();
      await checkA11y(k.c, bank, `partner inbox, filtered (${lang})`);
      await shoot(bank, `requests-bank-inbox-${lang}`);
      await openRequest(bank, what);
      await button(bank, 'portal.acknowledge').click();
      await button(bank, 'portal.acknowledge').waitFor({ state: 'detached' });
      await bank.getByLabel(L('portal.question')).fill('Which period do you need: since the account opened, or 2026 only?');
      await checkA11y(k.c, bank, `partner request, asking (${lang})`);
      await button(bank, 'portal.clarify').click();
      await bank.getByRole('heading', { name: L('req.clarifications') }).waitFor();
      await shoot(bank, `requests-bank-clarify-${lang}`);
      await bank.close();
    });

    it('the lead answers the clarification, extends the preservation and withdraws the emergency request', async () => {
      const lead = await open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/requests`, lang);
      await openRequest(lead, title('Statements of the mule account'));
      const ask = lead.getByRole('form', { name: L('req.partnerAsks') });
      await ask.getByText('Which period do you need').waitFor();
      await ask.getByLabel(L('req.yourAnswer')).fill('Since the account opened.');
      await checkA11y(k.c, lead, `request with a clarification to answer (${lang})`);
      await shoot(lead, `requests-lead-clarification-${lang}`);
      await button(ask, 'req.sendAnswer').click();
      await announced(lead, L('req.answeredOk'));
      await ask.waitFor({ state: 'detached' });

      await lead.getByRole('link', { name: L('common.back') }).click();
      await openRequest(lead, title('Keep the mule account’s log-ins'));
      await button(lead, 'req.extend').click();
      const extend = lead.getByRole('form', { name: L('req.extendTitle') });
      await extend.getByLabel(L('req.extendReason')).fill('The production order is with the court.');
      await checkA11y(k.c, lead, `extend a deadline (${lang})`);
      await shoot(lead, `requests-lead-extend-${lang}`);
      await button(extend, 'req.extendConfirm').click();
      await announced(lead, L('req.extendedOk'));
      // Extended once, as its clock row allows: no second extension is offered.
      await button(lead, 'req.extend').waitFor({ state: 'detached' });

      await lead.getByRole('link', { name: L('common.back') }).click();
      await openRequest(lead, title('Location of the kidnapped worker’s phone'));
      await button(lead, 'req.withdraw').click();
      const withdraw = lead.getByRole('form', { name: L('req.withdrawTitle') });
      await withdraw.getByLabel(L('req.withdrawReason')).fill('The worker was found.');
      await checkA11y(k.c, lead, `withdraw a request (${lang})`);
      await shoot(lead, `requests-lead-withdraw-${lang}`);
      await button(withdraw, 'req.withdrawConfirm').click();
      await announced(lead, L('req.withdrawnOk'));
      await button(lead, 'req.withdraw').waitFor({ state: 'detached' });
      await lead.close();
    });

    it('the bank answers per target with evidence whose SHA-256 it sees', async () => {
      const bank = await open(PHONE);
      await signIn(k.c, bank, 'bank', '', lang);
      await openRequest(bank, title('Statements of the mule account'));
      await bank.getByLabel(L('tgt.decisionOn', { n: 0 }), { exact: true }).selectOption('produce');
      await button(bank, 'tgt.save').click();
      await bank.getByLabel(L('tgt.linkTarget', { n: 0, type: 'iban' })).waitFor();
      const content = Buffer.from(`date,amount,lang\n2026-02-01,9800,${lang}\n`);
      const sha = createHash('sha256').update(content).digest('hex');
      await bank
        .getByLabel(L('portal.file'), { exact: true })
        .setInputFiles({ name: `statement-${lang}.csv`, mimeType: 'text/csv', buffer: content });
      await bank.getByLabel(L('tgt.linkTarget', { n: 0, type: 'iban' })).check();
      await button(bank, 'portal.upload').click();
      await bank.getByText(sha).first().waitFor();
      await checkA11y(k.c, bank, `partner evidence uploaded (${lang})`);
      await shoot(bank, `requests-bank-evidence-${lang}`);
      await button(bank, 'tgt.close').click();
      await button(bank, 'tgt.close').waitFor({ state: 'detached' });
      await bank.getByRole('heading', { name: L('tgt.title') }).waitFor();
      await shoot(bank, `requests-bank-answered-${lang}`);
      await bank.close();
    });

    it('the exchange answers the asset freeze on its phone', async () => {
      const ex = await open(PHONE);
      await signIn(k.c, ex, 'exchange', '', lang);
      await field(ex.getByRole('group', { name: L('req.find') }), 'req.type').selectOption('asset_freeze');
      await openRequest(ex, title('Freeze the scheme wallet'));
      await button(ex, 'portal.acknowledge').click();
      await ex.getByLabel(L('tgt.decisionOn', { n: 0 }), { exact: true }).selectOption('frozen');
      await ex.getByLabel(L('tgt.amount', { n: 0 }), { exact: true }).fill('198000');
      await ex.getByLabel(L('tgt.reference', { n: 0 }), { exact: true }).fill(`CH-FRZ-${lang}`);
      await checkA11y(k.c, ex, `partner freeze answer (${lang})`);
      await shoot(ex, `requests-exchange-freeze-${lang}`);
      await button(ex, 'tgt.close').click();
      await ex.getByRole('heading', { name: L('frz.title') }).waitFor();
      await ex.getByText(`198000 USDT · CH-FRZ-${lang}`).waitFor();
      await shoot(ex, `requests-exchange-frozen-${lang}`);
      await ex.close();
    });
  });
});
