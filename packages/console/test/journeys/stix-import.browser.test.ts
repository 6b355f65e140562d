import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, POLL, shoot, sidewaysOverflow, signIn, useConsole, wordsOf } from '../browser';

/**
 * STIX import, as the lead does it: on the investigation's Imported intelligence tab, Import STIX,
 * picks a .json bundle exported from a partner's threat-intelligence platform (no typing JSON),
 * chooses the marking for objects that carry none with the marking editor, reads the preview (kind,
 * name, selectors, TLP badge, new), imports, and sees the records listed. The FBI, a member, sees
 * the records it may and not the one kept to Viet Nam.
 */
const T = '2026-02-20T10:00:00.000Z';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const AMBER_STRICT = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';
const HANDLING = 'extension-definition--ed8c706b-7b4d-4507-a097-eabe2cee2d6f';

const bundleFor = (lang: Lang) => {
  const sdo = (type: string) => ({ type, spec_version: '2.1', id: `${type}--${randomUUID()}`, created: T, modified: T });
  return {
    names: { indicator: `Recruiter mailbox (${lang})`, kept: `kept.${lang}@example.com`, account: `jade.lotus.${lang}` },
    bundle: {
      type: 'bundle',
      id: `bundle--${randomUUID()}`,
      objects: [
        {
          ...sdo('indicator'),
          name: `Recruiter mailbox (${lang})`,
          pattern: `[email-addr:value = 'recruiter.${lang}@example.com']`,
          pattern_type: 'stix',
          valid_from: T,
          object_marking_refs: [AMBER_STRICT],
        },
        { type: 'user-account', spec_version: '2.1', id: `user-account--${randomUUID()}`, account_login: `jade.lotus.${lang}` },
        {
          type: 'email-addr',
          spec_version: '2.1',
          id: `email-addr--${randomUUID()}`,
          value: `kept.${lang}@example.com`,
          object_marking_refs: [GREEN],
          extensions: {
            [HANDLING]: { extension_type: 'property-extension', releasable_to: ['VNM'], originator_org: 'x', originator_country: 'VNM' },
          },
        },
      ],
    },
  };
};

describe('STIX import in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(DESK, { closeEachStep: true });

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);
    const { bundle, names } = bundleFor(lang);
    const look = async (p: Page, step: string) => {
      await expect.poll(() => sidewaysOverflow(p), POLL).toEqual([]);
      await checkA11y(k.c, p, `stix-import ${step} (${lang})`);
      await shoot(p, `stix-import-${step}-${lang}`);
    };

    it('the lead picks a bundle, reads the preview, imports it and sees the records', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/intel`, lang);
      await lead.getByRole('heading', { name: L('stix.tab'), exact: true }).waitFor();
      await lead.getByText(L('stix.action'), { exact: true }).click();
      const form = lead.getByRole('form', { name: L('stix.action') });
      await field(form, 'stix.file').setInputFiles({
        name: 'opencti-export.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bundle)),
      });
      await form.getByLabel('TLP').selectOption('GREEN');
      await look(lead, 'form');
      await button(form, 'stix.preview').click();

      const table = lead.getByRole('table', { name: L('stix.previewTitle') });
      await table.waitFor();
      await lead.getByText(L('stix.summary', { objects: 3, new: 3, duplicates: 0, selectors: 3 })).waitFor();
      const row = table.getByRole('row').filter({ hasText: names.indicator });
      await expect.poll(() => row.getByText(L('stix.kind.indicator'), { exact: true }).count(), POLL).toBe(1);
      await expect.poll(() => row.getByText(`recruiter.${lang}@example.com`).count(), POLL).toBe(1);
      await expect.poll(() => row.getByText('TLP:AMBER+STRICT').count(), POLL).toBeGreaterThan(0);
      await expect.poll(() => row.getByText(L('enum.status.new'), { exact: true }).count(), POLL).toBe(1);
      // The account came with no marking: it takes the one chosen in the form, and says so.
      const account = table.getByRole('row').filter({ hasText: names.account });
      await expect.poll(() => account.getByText(L('stix.fromDefault')).count(), POLL).toBe(1);
      await table.scrollIntoViewIfNeeded();
      await look(lead, 'preview');

      await button(lead, 'stix.import').click();
      await lead.getByText(L('stix.imported', { created: 3, duplicates: 0 })).waitFor();
      const list = lead.getByRole('list').filter({ hasText: names.indicator });
      await list.getByText(names.kept).first().waitFor();
      await list.scrollIntoViewIfNeeded();
      await look(lead, 'imported');
    });

    it('the FBI sees the imported records its marking admits, not the one kept to Viet Nam', async () => {
      const fbi = await k.open();
      await signIn(k.c, fbi, 'fbi', `w/${k.c.workspaceId}/intel`, lang);
      await fbi.getByRole('heading', { name: L('stix.records'), exact: true }).waitFor();
      await fbi.getByText(names.indicator).first().waitFor();
      expect(await fbi.getByText(names.kept).count()).toBe(0);
      await look(fbi, 'member');
    });
  });
});
