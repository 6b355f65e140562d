import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, PHONE, POLL, shoot, sidewaysOverflow, signIn, useConsole, wordsOf } from '../browser';

/**
 * Sharing a workspace with threat-intelligence tools, as people meet it: on the workspace's Members
 * tab the lead finds the TAXII panel, reads how MISP and OpenCTI subscribe, sees the collection's
 * address and copies it; Thailand's duty contact finds the same panel on a phone, for the same
 * workspace (the same collection: the address names the workspace, the token decides what it holds).
 */
const ADDRESS = /\/taxii2\/api\/collections\/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\/$/;

describe('the TAXII panel in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(DESK, { closeEachStep: true });

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);
    const panel = (p: Page) => p.getByRole('region', { name: L('taxii.title'), exact: true });
    const look = async (p: Page, step: string) => {
      await expect.poll(() => sidewaysOverflow(p), POLL).toEqual([]);
      await checkA11y(k.c, p, `taxii ${step} (${lang})`);
      await shoot(p, `taxii-${step}-${lang}`);
    };

    it('the lead finds the collection address on the Members tab, with how to subscribe, and copies it', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/members`, lang);
      const taxii = panel(lead);
      await taxii.waitFor();
      await taxii.getByText(L('taxii.intro')).waitFor();
      await taxii.getByText(L('taxii.howTo')).waitFor();
      const address = field(taxii, 'taxii.url');
      await expect.poll(() => address.inputValue(), POLL).toMatch(ADDRESS);
      await taxii.scrollIntoViewIfNeeded();
      await look(lead, 'lead');
      await button(taxii, 'taxii.copy').click();
      await button(taxii, 'taxii.copied').waitFor();
      await look(lead, 'copied');
    });

    it("Thailand's duty contact finds the same address on a phone", async () => {
      const duty = await k.open(PHONE);
      await signIn(k.c, duty, 'ccib-duty', `w/${k.c.workspaceId}/members`, lang);
      const taxii = panel(duty);
      await taxii.waitFor();
      const address = field(taxii, 'taxii.url');
      await expect.poll(() => address.inputValue(), POLL).toMatch(ADDRESS);
      await taxii.scrollIntoViewIfNeeded();
      await look(duty, 'phone');
    });
  });
});
