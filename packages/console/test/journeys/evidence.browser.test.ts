import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkA11y, DESK, LANGS, type Lang, PHONE, sendRequest, shoot, sidewaysOverflow, signIn, useConsole, wordsOf } from '../browser';

// Evidence of any size, from the people who hold it: the lead adds a file to a task (flagged
// untrusted, so it is quarantined), names themself the workspace's evidence officer, releases it
// and downloads it; each screen in English, Vietnamese and Thai. Then, once, a 2 GiB file: the
// network is cut mid-upload, the upload pauses and resumes by itself, is verified on the server,
// released and downloaded with the same SHA-256.

const TASK = 'Brief partners on the compound locations';
const IBAN = 'GB82 WEST 1234 5698 7654 32';
const MiB = 1024 * 1024;

const sha256File = (path: string) =>
  new Promise<string>((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });

describe('evidence of any size in Chromium', { timeout: 900_000 }, () => {
  const k = useConsole(DESK);

  const openTask = async (lang: Lang) => {
    const page = await k.open();
    await signIn(k.c, page, 'lead', `w/${k.c.workspaceId}/tasks`, lang);
    await page.getByRole('link', { name: TASK, exact: true }).first().click();
    await page.getByRole('heading', { name: TASK, exact: true }).waitFor();
    return page;
  };

  /** The file's row, found by its name. */
  const row = (p: Page, name: string) => p.getByRole('listitem').filter({ has: p.getByText(name, { exact: true }) });

  /** Names the lead evidence officer, unless it already is. */
  const beOfficer = async (p: Page, lang: Lang) => {
    const { L, button } = wordsOf(lang);
    const me = button(p, 'ev.officerMe');
    await me
      .or(p.getByText(`${L('ev.officer')}: ${L('ev.officerYou')}`))
      .first()
      .waitFor();
    if (await me.isVisible()) await me.click();
    await p.getByText(`${L('ev.officer')}: ${L('ev.officerYou')}`).waitFor();
  };

  /** Releases the file as the officer and downloads it; returns the downloaded file's SHA-256. */
  const releaseAndDownload = async (p: Page, lang: Lang, name: string, step: string) => {
    const { L, button } = wordsOf(lang);
    await button(p, 'ev.release', { name }).click();
    await row(p, name).getByText(L('ev.quarantine.released')).waitFor();
    await shoot(p, `evidence-${step}-released-${lang}`);
    const [download] = await Promise.all([p.waitForEvent('download', { timeout: 600_000 }), button(p, 'ev.download', { name }).click()]);
    const path = await download.path();
    expect(download.suggestedFilename()).toBe(name);
    return sha256File(path);
  };

  describe.each(LANGS)('in %s', (lang: Lang) => {
    const { L, button, field } = wordsOf(lang);

    it('the lead adds an untrusted file to a task: hashed, sent in parts, verified, quarantined, released and downloaded', async () => {
      const p = await openTask(lang);
      await p.getByRole('heading', { name: L('ev.title') }).waitFor();
      await checkA11y(k.c, p, `task evidence (${lang})`);
      await shoot(p, `evidence-task-${lang}`);

      const name = `seized-phone-${lang}.txt`;
      const body = Buffer.from(`Extraction report ${lang}\n`.repeat(2000));
      await field(p, 'ev.pick').setInputFiles({ name, mimeType: 'text/plain', buffer: body });
      await field(p, 'ev.untrusted').check();
      await button(p, 'ev.upload').click();
      // Verified on the server, then stored: without a reload. Quarantined, and no scan says it is clean.
      const r = row(p, name);
      await r.getByText(L('enum.status.stored'), { exact: false }).waitFor();
      await r.getByText(L('ev.quarantine.held')).waitFor();
      await r.getByText(L('ev.scan.unavailable')).waitFor();
      const digest = createHash('sha256').update(body).digest('hex');
      expect(await r.getByTestId('file-digest').textContent()).toBe(digest);
      // Nobody downloads quarantined content but the evidence officer: no Download until the lead is named (the first language's step names it).
      const officer = await p.getByText(`${L('ev.officer')}: ${L('ev.officerYou')}`).count();
      expect(await button(p, 'ev.download', { name }).count()).toBe(officer);
      await checkA11y(k.c, p, `file quarantined (${lang})`);
      await shoot(p, `evidence-quarantined-${lang}`);

      await beOfficer(p, lang);
      expect(await releaseAndDownload(p, lang, name, 'small')).toBe(digest);
      await checkA11y(k.c, p, `file released (${lang})`);
    });

    it('the bank answers a production request with a file from its phone; it waits in quarantine until the officer releases it', async () => {
      const what = `Statements of the mule account, full year (${lang})`;
      const lead = await k.open();
      await signIn(k.c, lead, 'lead', `w/${k.c.workspaceId}/requests`, lang);
      await sendRequest(lead, lang, { type: 'production', to: 'mekong-bank', what, selector: { type: 'iban', value: IBAN } });

      const bank = await k.open(PHONE);
      await signIn(k.c, bank, 'bank', '', lang);
      await bank.getByRole('link', { name: what, exact: true }).click();
      await bank.getByRole('heading', { name: what, exact: true }).waitFor();
      await button(bank, 'portal.acknowledge').click();
      await bank.getByRole('heading', { name: L('ev.title') }).waitFor();
      const name = `statements-2026-${lang}.csv`;
      const body = Buffer.from('date,amount,counterparty\n2026-02-01,9800,VN12 3456\n'.repeat(5000));
      await field(bank, 'ev.pick').setInputFiles({ name, mimeType: 'text/csv', buffer: body });
      // A partner's file is always quarantined: there is no "untrusted" choice to make.
      expect(await field(bank, 'ev.untrusted').count()).toBe(0);
      await button(bank, 'ev.upload').click();
      const mine = row(bank, name);
      await mine.getByText(L('enum.status.stored'), { exact: false }).waitFor();
      expect(await mine.getByTestId('file-digest').textContent()).toBe(createHash('sha256').update(body).digest('hex'));
      expect(await sidewaysOverflow(bank)).toEqual([]);
      await checkA11y(k.c, bank, `partner evidence on a phone (${lang})`);
      await shoot(bank, `evidence-bank-phone-${lang}`);

      // The lead finds it on the request, quarantined; as the evidence officer, releases and downloads it.
      // The list polls: no reload (the session lives in the page's memory).
      const theirs = row(lead, name);
      await theirs.getByText(L('ev.quarantine.held')).waitFor();
      await beOfficer(lead, lang);
      expect(await releaseAndDownload(lead, lang, name, 'bank')).toBe(createHash('sha256').update(body).digest('hex'));
      await checkA11y(k.c, lead, `request evidence released (${lang})`);
    });
  });

  it('a 2 GiB file: the network is cut mid-upload, the upload resumes by itself, is verified, released and downloaded with the same SHA-256', async () => {
    const lang: Lang = 'en';
    const { L, button, field } = wordsOf(lang);
    const times: Record<string, number> = {};
    let mark = Date.now();
    const lap = (what: string) => {
      times[what] = Date.now() - mark;
      mark = Date.now();
    };
    // A deterministic 2 GiB file on disk, its SHA-256 computed as it is written.
    const dir = mkdtempSync(join(tmpdir(), 'tf-evidence-'));
    const path = join(dir, 'disk-image.dd');
    const size = 2 * 1024 * MiB;
    const chunk = Buffer.alloc(64 * MiB);
    for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((i * 2654435761) >>> 0, i);
    const h = createHash('sha256');
    const out = await openFile(path, 'w');
    for (let at = 0, n = 0; at < size; at += chunk.length, n++) {
      chunk.writeUInt32LE(n, 0);
      h.update(chunk);
      await out.write(chunk);
    }
    await out.close();
    const digest = h.digest('hex');
    lap('file written');
    try {
      const p = await openTask(lang);
      await field(p, 'ev.pick').setInputFiles(path);
      await field(p, 'ev.untrusted').check();
      await button(p, 'ev.upload').click();
      const progress = p.getByRole('progressbar', { name: L('ev.progress', { name: 'disk-image.dd' }) });
      // Part of it is in storage: the network goes down.
      await expect
        .poll(async () => Number(await progress.getAttribute('value')), { timeout: 300_000, interval: 50 })
        .toBeGreaterThan(256 * MiB);
      await k.c.context.setOffline(true);
      await p
        .getByRole('status')
        .filter({ hasText: L('ev.phase.paused') })
        .waitFor({ timeout: 120_000 });
      await shoot(p, 'evidence-paused-en');
      await checkA11y(k.c, p, 'upload paused (en)');
      await button(p, 'ev.resume').waitFor();
      // Back online: it resumes by itself, skipping the parts storage already holds.
      lap('until cut');
      await k.c.context.setOffline(false);
      const r = row(p, 'disk-image.dd');
      await r
        .getByText(L('enum.status.verifying'), { exact: false })
        .or(r.getByText(L('enum.status.stored'), { exact: false }))
        .first()
        .waitFor({ timeout: 600_000 });
      lap('resumed and sent');
      expect(await r.getByTestId('file-digest').textContent()).toBe(digest);
      await r.getByText(L('enum.status.stored'), { exact: false }).waitFor({ timeout: 600_000 });
      lap('verified on the server');
      await r.getByText(L('ev.quarantine.held')).waitFor();
      await shoot(p, 'evidence-2gib-stored-en');
      await beOfficer(p, lang);
      expect(await releaseAndDownload(p, lang, 'disk-image.dd', '2gib')).toBe(digest);
      lap('released, downloaded, hashed');
      process.stdout.write(`2 GiB evidence (ms): ${JSON.stringify(times)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
