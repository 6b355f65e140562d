import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, POLL, shoot, signIn, useConsole, wordsOf } from '../browser';

/**
 * Two more of the lead's jobs, on a 1366×768 screen: checking selectors from the selectors screen
 * (one another agency holds: a hit naming that agency; one nobody holds: no hit), and exporting the
 * audit trail and a list as CSV files whose cells a spreadsheet cannot run as formulas.
 */
const FBI = 'Federal Bureau of Investigation, Cyber Division';

/** The cells of a CSV file (RFC 4180: quoted cells, doubled quotes), without its byte-order mark. */
function cells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** Clicks `button` and reads the file it downloads: its suggested name and its cells. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; rows: string[][] }> {
  const [file] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, unknown];
  const path = await file.path();
  return { name: file.suggestedFilename(), rows: cells(readFileSync(path, 'utf8')) };
}

describe('the lead checks selectors and exports the audit trail, in Chromium', { timeout: 600_000 }, () => {
  const k = useConsole(DESK);

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);
    const email = `recruiter-${lang}@compound.example`;
    const formula = `=HYPERLINK("https://evil.example/${lang}","open")`;

    it('the FBI raises an incident holding an e-mail address', async () => {
      const fbi = await k.open();
      await signIn(k.c, fbi, 'fbi', `w/${k.c.workspaceId}/incidents`, lang);
      const form = fbi.getByRole('form', { name: L('inc.raise') });
      const summary = `Recruiter mailbox seen in the compound (${lang})`;
      await field(form, 'inc.summary').fill(summary);
      await button(form, 'ws.sel.add').click();
      // The selector's row; its first list is the kind (its name holds the kind chosen, so it is found by place).
      const row = form.getByRole('group', { name: L('ws.sel.row', { n: 1 }) });
      await row.getByRole('combobox').first().selectOption('email');
      await field(form, 'ws.sel.value').fill(email);
      await button(form, 'inc.raise').click();
      await fbi.getByRole('heading', { name: summary, level: 1 }).waitFor();
      await fbi.close();
    });

    it('the lead checks two selectors on the selectors screen: a hit naming the FBI, and a no hit', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', '', lang);
      await lead.getByRole('link', { name: L('nav.matching') }).click();
      await lead.getByRole('heading', { name: L('match.title'), level: 1 }).waitFor();
      await field(lead, 'match.paste').fill(`type,value\nemail,${email}\nemail,nobody-${lang}@nowhere.example\n`);
      await button(lead, 'match.check').click();
      await lead.getByText(L('match.summary', { n: 2, hits: 1 })).waitFor();
      const rows = lead.getByRole('table', { name: L('match.title') }).getByRole('row');
      const hit = rows.filter({ has: lead.getByRole('cell', { name: '1', exact: true }) });
      const none = rows.filter({ has: lead.getByRole('cell', { name: '2', exact: true }) });
      await expect.poll(() => hit.textContent(), POLL).toContain(L('match.hit'));
      expect(await hit.textContent()).toContain(`${FBI} (USA)`);
      expect(await none.textContent()).toContain(L('match.noHit'));
      expect(await none.textContent()).not.toContain(FBI);
      await hit.scrollIntoViewIfNeeded();
      await checkA11y(k.c, lead, `selector check (${lang})`);
      await shoot(lead, `lead-extra-selectors-${lang}`);

      // Only the hits, with the list's filter.
      await button(lead, 'match.hit').click();
      await lead.getByText(L('filter.shown', { n: 1, total: 2 })).waitFor();
      expect(await lead.getByRole('cell', { name: L('match.noHit') }).count()).toBe(0);
      await shoot(lead, `lead-extra-selectors-hits-${lang}`);
      await lead.close();
    });

    it('the lead downloads the task list and the audit trail as CSV: formulas are escaped, the files are named', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/tasks`, lang);
      const form = lead.getByRole('form', { name: L('tasks.new') });
      await field(form, 'tasks.titleField').fill(formula);
      await form.getByLabel(L('tasks.assignee')).selectOption({ label: `${FBI} (USA)` });
      await button(form, 'tasks.create').click();
      await lead.getByRole('link', { name: formula }).waitFor();

      const tasks = await download(lead, () => button(lead, 'ws.csv').click());
      expect(tasks.name).toBe('tasks.csv');
      const titles = tasks.rows.map((r) => r[0]);
      expect(titles).toContain(`'${formula}`);
      expect(titles).not.toContain(formula);

      await lead.getByRole('link', { name: L('ws.audit'), exact: true }).click();
      await button(lead, 'audit.export').waitFor();
      await checkA11y(k.c, lead, `audit trail (${lang})`);
      const audit = await download(lead, () => button(lead, 'ws.csv').first().click());
      expect(audit.name).toBe('audit-trail.csv');
      expect(audit.rows.length).toBeGreaterThan(1);
      // No cell of the file starts a formula.
      const risky = audit.rows.flat().filter((x) => /^[=+\-@\t\r]/.test(x));
      expect(risky).toEqual([]);

      // The whole chain as JSON Lines, prepared by the server, then offered for download.
      await button(lead, 'audit.export').click();
      await lead.getByRole('link', { name: L('audit.exportDownload') }).waitFor();
      await shoot(lead, `lead-extra-audit-export-${lang}`);
      await lead.close();
    });

    it('the lead finds the task by search and downloads the results and the deadlines as CSV, headed in their language', async () => {
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', 'search', lang);
      await lead.getByRole('main').getByLabel(L('search.field')).fill('HYPERLINK');
      await lead.getByRole('main').getByLabel(L('search.field')).press('Enter');
      await lead.getByRole('link', { name: formula }).waitFor();
      const hits = await download(lead, () => button(lead, 'search.csv').click());
      expect(hits.name).toBe('search.csv');
      expect(hits.rows[0]).toEqual([
        L('search.col.kind'),
        L('search.col.title'),
        L('search.col.excerpt'),
        L('search.col.workspace'),
        'TLP',
        L('search.col.match'),
        L('search.col.at'),
      ]);
      expect(hits.rows.map((r) => r[1])).toContain(`'${formula}`);
      await shoot(lead, `lead-extra-search-csv-${lang}`);

      await lead.getByRole('link', { name: L('nav.deadlines'), exact: true }).click();
      await lead.getByRole('heading', { name: L('deadlines.title') }).waitFor();
      if ((await button(lead, 'ws.csv').count()) > 0) {
        const due = await download(lead, () => button(lead, 'ws.csv').click());
        expect(due.name).toBe('deadlines.csv');
        expect(due.rows[0]?.[0]).toBe(L('deadlines.col.due'));
      }
      await lead.close();
    });
  });
});
