import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { registerOrganisation } from '@taskforce/core';
import { CONSOLE_CSP } from '@taskforce/local';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, label, POLL, pageErrors, shoot, signIn, startConsole } from './browser';

// One journey per role, start to finish, in a real browser against the local runtime; axe on every screen.
// Every step waits on the state it needs (a heading, a row, a text), never on a fixed delay; a
// step's wait (WAIT_MS) and a journey's budget hold on a machine at a load of 8 or more.
describe('the web console in Chromium', { timeout: 300_000 }, () => {
  let c: Console;
  const pages: Page[] = [];
  /** The pages of the journey under way: closed when it ends, so earlier journeys' pages stop polling the runtime. */
  const live: Page[] = [];
  const open = async () => {
    const p = await c.newPage();
    pages.push(p);
    live.push(p);
    return p;
  };
  const timings: Record<string, number> = {};
  const timed = async (name: string, fn: () => Promise<void>) => {
    const t0 = performance.now();
    await fn();
    timings[name] = Math.round(performance.now() - t0);
  };

  beforeAll(async () => {
    c = await startConsole();
  }, 300_000);
  afterEach(async () => {
    await Promise.all(live.splice(0).map((p) => p.close()));
  }, 120_000);
  afterAll(async () => {
    for (const p of pages) expect(pageErrors(p), 'page errors and CSP reports').toEqual([]);
    process.stdout.write(`console journeys (ms): ${JSON.stringify(timings)}\n`);
    process.stdout.write(
      `axe (WCAG 2.2 AA): ${c?.axeRuns.length} screens, ${c?.axeRuns.reduce((n, r) => n + r.violations, 0)} violations: ${c?.axeRuns.map((r) => r.screen).join(', ')}\n`,
    );
    await c?.stop();
  }, 120_000);

  it('serves the console under a strict CSP beside the API, and the persona picker is accessible', async () => {
    const res = await fetch(`${c.rt.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
    expect((await fetch(`${c.rt.url}/openapi.json`)).headers.get('content-type')).toContain('json');
    expect((await fetch(`${c.rt.url}/../../package.json`)).status).toBe(404);
    expect((await fetch(`${c.rt.url}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    const page = await open();
    await page.goto(c.rt.url);
    await expect
      .poll(() => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), POLL)
      .toEqual(['en', 'ltr']);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkA11y(c, page, 'sign-in');
    // Nothing the console needs comes from another origin, and tokens never reach storage.
    const origins = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).origin));
    expect(new Set(origins)).toEqual(new Set([new URL(c.rt.url).origin]));
  });

  it('lead sets a task, the member accepts it, the clock passes, and the lead sees it overdue', async () => {
    await timed('lead-member-overdue', async () => {
      const lead = await open();
      await signIn(c, lead, 'lead');
      await lead.getByRole('heading', { name: 'Today' }).waitFor();
      await checkA11y(c, lead, 'today (lead)');
      await lead.getByRole('link', { name: 'Workspaces' }).click();
      await lead.getByRole('link', { name: /Operation Lotus Ledger/ }).click();
      await lead.getByRole('heading', { name: 'Tasks', exact: true }).waitFor();
      await lead.locator('.marking').first().waitFor();
      await checkA11y(c, lead, 'workspace tasks (list)');
      await lead.getByRole('button', { name: 'Board' }).click();
      await lead.locator('.board').waitFor();
      await checkA11y(c, lead, 'workspace tasks (board)');
      await shoot(lead, 'lead-workspace');
      await lead.getByRole('button', { name: 'List' }).click();

      const due = new Date(Date.now() + 3600_000);
      const form = lead.locator('form', { has: lead.getByRole('heading', { name: 'New task' }) });
      await form.getByLabel('Title').fill('Freeze the mule accounts at Mekong Bank');
      await form.getByLabel('Assignee').selectOption('usa-fbi');
      await form.getByLabel('Due').fill(
        await lead.evaluate((utc) => {
          const d = new Date(utc);
          return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
        }, due.toISOString()),
      );
      await form.getByLabel('Priority').selectOption('high');
      await form.getByRole('button', { name: 'Set task' }).click();
      const row = lead.locator('.row', { hasText: 'Freeze the mule accounts' });
      await row.waitFor();

      // The member sees it on Today, opens it and accepts it.
      const fbi = await open();
      await signIn(c, fbi, 'fbi');
      await fbi.getByRole('heading', { name: 'Today' }).waitFor();
      await fbi.getByRole('link', { name: 'Freeze the mule accounts at Mekong Bank' }).first().click();
      await fbi.getByRole('button', { name: 'Accept' }).click();
      await fbi.locator('.status', { hasText: 'accepted' }).first().waitFor();
      await checkA11y(c, fbi, 'task (member)');
      await fbi.getByRole('link', { name: 'Today' }).click();
      await fbi.getByRole('heading', { name: 'Today' }).waitFor();
      await fbi.getByRole('link', { name: 'Freeze the mule accounts at Mekong Bank' }).first().waitFor();
      await shoot(fbi, 'member-today');

      // The lead's open page shows the acceptance by itself (polling), then the clock passes.
      await row.locator('.status', { hasText: 'accepted' }).waitFor();
      c.clock.advance(2 * 3600_000);
      await c.rt.sweep();
      // Two hours without touching the console end the lead's session (30 minutes idle): they sign in again.
      await signIn(c, lead, 'lead', `w/${c.workspaceId}/tasks`);
      await row.locator('.badge.late', { hasText: 'Overdue' }).waitFor();
      await lead.getByRole('link', { name: 'Today' }).click();
      const overdue = lead.locator('section', { has: lead.getByRole('heading', { name: /^Overdue/ }) });
      await overdue.getByRole('link', { name: 'Freeze the mule accounts at Mekong Bank' }).waitFor();
      await shoot(lead, 'lead-today');
      await checkA11y(c, lead, 'today (lead, overdue)');
    });
  });

  it('a bank answers a request with evidence, and the lead downloads it and the digest matches', async () => {
    await timed('bank-evidence', async () => {
      const lead = await open();
      await signIn(c, lead, 'lead', `w/${c.workspaceId}/requests`);
      await lead.getByRole('heading', { name: 'Data requests' }).waitFor();
      const form = lead.locator('form', { has: lead.getByRole('heading', { name: 'New data request' }) });
      await form.getByLabel('Addressed to').selectOption('mekong-bank');
      await form.getByLabel('Description').fill('KYC file and statements of the mule account');
      await form.getByLabel('Kind of selector 1').selectOption('iban');
      await form.getByLabel('Value of selector 1').fill('GB82 WEST 1234 5698 7654 32');
      await form.getByRole('button', { name: 'Send request' }).click();
      await lead.getByRole('heading', { name: 'KYC file and statements of the mule account' }).waitFor();
      await lead.getByRole('link', { name: 'Back' }).click();
      await lead.getByRole('link', { name: 'KYC file and statements of the mule account' }).waitFor();
      await checkA11y(c, lead, 'workspace requests');

      const bank = await open();
      await signIn(c, bank, 'bank');
      await bank.getByRole('heading', { name: /Requests addressed to mekong-bank/ }).waitFor();
      await bank.getByRole('link', { name: 'KYC file and statements of the mule account' }).waitFor();
      await checkA11y(c, bank, 'partner inbox');
      await shoot(bank, 'bank-inbox');
      await bank.getByRole('link', { name: 'KYC file and statements of the mule account' }).click();
      await bank.getByText('GB82 WEST 1234 5698 7654 32').waitFor();
      await bank.getByRole('button', { name: 'Acknowledge receipt' }).click();
      await bank.locator('.status', { hasText: 'acknowledged' }).waitFor();
      const content = Buffer.from('date,amount\n2026-02-01,9800\n2026-02-02,9900\n');
      const sha = createHash('sha256').update(content).digest('hex');
      await bank.getByLabel('File', { exact: true }).setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: content });
      await bank.getByRole('button', { name: 'Upload evidence' }).click();
      await expect.poll(() => bank.getByTestId('local-digest').first().textContent(), POLL).toBe(sha);
      await expect.poll(() => bank.getByTestId('server-digest').first().textContent(), POLL).toBe(sha);
      await bank.getByText('stored').first().waitFor();
      await checkA11y(c, bank, 'partner request');
      await bank.getByLabel('Outcome').selectOption('fulfilled');
      await bank.getByLabel('Detail').fill('Statement attached');
      await bank.getByRole('button', { name: 'Send answer' }).click();
      await bank.locator('.status', { hasText: 'fulfilled' }).first().waitFor();
      await shoot(bank, 'bank-request');

      await lead.getByRole('link', { name: 'KYC file and statements of the mule account' }).click();
      await lead.locator('.status', { hasText: 'fulfilled' }).first().waitFor();
      const [download] = await Promise.all([
        lead.waitForEvent('download'),
        lead.getByRole('button', { name: 'Download and check' }).click(),
      ]);
      const saved = readFileSync((await download.path())!);
      expect(createHash('sha256').update(saved).digest('hex')).toBe(sha);
      await lead.getByText('SHA-256 of the download matches the registered digest').waitFor();
      expect(await lead.getByTestId('local-digest').textContent()).toBe(sha);
      await checkA11y(c, lead, 'request (lead)');
      // Answered: its legal clock no longer counts down.
      await lead.getByText('clock stopped (answered or closed)').waitFor();

      // The bank's own turnaround figures, and what the agencies may expect of it.
      await bank.getByRole('link', { name: 'My performance' }).click();
      await bank.getByRole('heading', { name: 'My performance' }).waitFor();
      await bank
        .getByRole('row', { name: /Deadlines\s*\d+ met, \d+ missed/ })
        .first()
        .waitFor();
      await checkA11y(c, bank, 'partner performance');
      await lead.getByRole('link', { name: 'Partners' }).click();
      await lead.getByRole('heading', { name: 'What to expect of Mekong Commercial Bank' }).waitFor();
      // Agencies are shown only request types sent to the partner five times or more.
      await lead
        .getByText(/shown only for request types sent to this partner at least 5 times/)
        .first()
        .waitFor();
      await checkA11y(c, lead, 'partners');
    });
  });

  it('a duty contact acknowledges on the pager, and the ladder stops', async () => {
    await timed('duty-ack', async () => {
      const lead = await open();
      await signIn(c, lead, 'lead', `w/${c.workspaceId}/incidents`);
      const form = lead.locator('form', { has: lead.getByRole('heading', { name: 'Raise an incident' }) });
      await form.getByLabel('Summary').fill('Provincial hospital encrypted; ransom note names a BTC wallet');
      await form.getByRole('checkbox', { name: /^THA/ }).check();
      await form.getByRole('button', { name: 'Raise an incident' }).click();
      await lead.getByRole('heading', { name: /Provincial hospital encrypted/ }).waitFor();
      await lead.getByTestId('alert-THA').getByText('raised').waitFor();
      await checkA11y(c, lead, 'incident (lead)');
      const incidentId = decodeURIComponent(new URL(lead.url()).hash.split('/').pop()!);

      const duty = await open();
      await duty.setViewportSize({ width: 390, height: 844 });
      await signIn(c, duty, 'ccib-duty');
      await duty.getByRole('heading', { name: 'Pager: THA' }).waitFor();
      const ack = duty.getByRole('button', { name: 'Acknowledge for THA' });
      await ack.waitFor();
      await checkA11y(c, duty, 'pager (mobile)');
      await shoot(duty, 'duty-pager');
      await ack.click();
      await duty.getByText('No pending incidents for your country.').waitFor();

      // The deadline passes: the sweep finds nothing to escalate for an acknowledged country.
      c.clock.advance(3600_000);
      await c.rt.sweep();
      const leadToken = await c.rt.token({ orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
      const inc = await (
        await fetch(`${c.rt.url}/v1/workspaces/${c.workspaceId}/incidents/${incidentId}`, {
          headers: { authorization: `Bearer ${leadToken}` },
        })
      ).json();
      expect(inc.alerts[0].status).toBe('acknowledged');
      expect(inc.timeline.map((e: { what: string }) => e.what)).not.toContain('escalated');
      // An hour on, the lead's idle session has ended: they sign in again and open the incident.
      await signIn(c, lead, 'lead', `w/${c.workspaceId}/incidents/${encodeURIComponent(incidentId)}`);
      await lead.getByTestId('alert-THA').getByText('acknowledged').waitFor();
      expect(await lead.locator('.timeline').textContent()).not.toContain('escalated');
    });
  });

  it('an auditor verifies the chain entry by entry and exports it', async () => {
    await timed('auditor', async () => {
      const aud = await open();
      await signIn(c, aud, 'auditor');
      await aud.getByRole('link', { name: /Operation Lotus Ledger/ }).click();
      await aud.getByRole('link', { name: 'Audit trail' }).click();
      await aud.locator('table.audit tbody tr').first().waitFor();
      await aud.getByRole('button', { name: 'Verify chain' }).click();
      await expect.poll(() => aud.getByTestId('verify-result').textContent(), POLL).toMatch(/Chain verified: \d+ entries, unbroken/);
      // The export is a job: started, polled until ready, then a short-lived link to the file.
      await aud.getByRole('button', { name: 'Export (JSON Lines)' }).click();
      const link = aud.getByTestId('export-link');
      await link.waitFor();
      expect(await aud.getByTestId('export-status').textContent()).toMatch(/Export ready: \d+ entries/);
      const file = await (await fetch((await link.getAttribute('href'))!)).text();
      const lines = file.trim().split('\n');
      expect(lines.length).toBeGreaterThan(5);
      expect(JSON.parse(lines[0]!)).toHaveProperty('hash');
      expect(createHash('sha256').update(file).digest('hex')).toBe(await aud.getByTestId('export-sha256').textContent());
      await checkA11y(c, aud, 'audit trail');
      await shoot(aud, 'auditor-audit');
    });
  });

  it('an officer checks selectors and sees hit or no hit, the agency to contact and the marking, and nothing more', async () => {
    await timed('matching', async () => {
      const officer = await open();
      await signIn(c, officer, 'ccib', 'matching');
      await officer.getByRole('heading', { name: 'Check selectors (hit / no hit)' }).waitFor();
      await officer
        .getByLabel(/Selectors as CSV/)
        .fill('type,value,chain\nwallet_address,0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed,ethereum\nphone,+447700900123,\n');
      await officer.getByRole('button', { name: 'Check', exact: true }).click();
      const table = officer.getByTestId('match-results');
      await table.waitFor();
      const rows = table.locator('tbody tr');
      expect(await rows.nth(0).textContent()).toMatch(/Hit.*\(VNM\).*TLP:GREEN/);
      expect(await rows.nth(1).textContent()).toContain('No hit');
      // Nothing of the holder's workspace or task reaches the checker.
      expect(await table.textContent()).not.toMatch(/USDT|Lotus|usa-fbi/);
      await checkA11y(c, officer, 'check selectors');
      await shoot(officer, 'check-selectors');
      // In Vietnamese too: the same screen, translated, still axe-clean.
      await officer.getByLabel('Language').selectOption('vi');
      await officer.getByRole('heading', { name: 'Đối chiếu định danh (có / không)' }).waitFor();
      await expect.poll(() => officer.evaluate(() => document.documentElement.lang), POLL).toBe('vi');
      await checkA11y(c, officer, 'check selectors (vi)');
      await officer.getByLabel('Ngôn ngữ').selectOption('en');
      await officer.getByRole('heading', { name: 'Check selectors (hit / no hit)' }).waitFor();
    });
  });

  it('a policy administrator previews what a rule would hide before saving it', async () => {
    await timed('policy-admin', async () => {
      const admin = await open();
      await signIn(c, admin, 'policy');
      await admin.getByRole('heading', { name: 'Policy of VNM' }).waitFor();
      await admin.getByRole('button', { name: 'Advanced: rules as JSON' }).click();
      await admin.getByLabel('Rules (JSON)').fill('[{"type":"never_countries","countries":["USA"]}]');
      await admin.getByRole('button', { name: 'Preview' }).click();
      const preview = admin.getByTestId('policy-preview');
      await preview.locator('.row', { hasText: 'Federal Bureau of Investigation, Cyber Division (USA)' }).first().waitFor();
      expect(await preview.textContent()).toContain('Would hide');
      expect(await preview.textContent()).not.toContain('Cyber Crime Investigation Bureau');
      await checkA11y(c, admin, 'policy editor with preview');
      await shoot(admin, 'policy-preview');
      await admin.getByRole('button', { name: 'Save' }).click();
      await admin.getByText('Saved as version 1.').waitFor();
      // What the preview said is what the evaluator now does: the FBI no longer sees Vietnam's tasks.
      const fbi = await c.rt.token({ orgId: 'usa-fbi', orgKind: 'agency', country: 'USA', roles: ['officer'] });
      const tasks = await (
        await fetch(`${c.rt.url}/v1/workspaces/${c.workspaceId}/tasks`, { headers: { authorization: `Bearer ${fbi}` } })
      ).json();
      expect(tasks.items).toEqual([]);
    });
  });

  it('the other responders, the shortcut sheet, live updates and Vietnamese', async () => {
    const ex = await open();
    await signIn(c, ex, 'exchange');
    await ex.getByRole('heading', { name: /Requests addressed to coinharbor/ }).waitFor();
    await ex.getByText('No requests.').waitFor();
    await checkA11y(c, ex, 'inbox (exchange)');
    const tech = await open();
    await signIn(c, tech, 'tech');
    await tech.getByRole('heading', { name: /Requests addressed to chatwave/ }).waitFor();

    const lead = await open();
    await signIn(c, lead, 'lead', `w/${c.workspaceId}/incidents`);
    await lead.getByRole('heading', { name: 'Incidents' }).waitFor();
    await lead.keyboard.press('?');
    await lead.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await checkA11y(c, lead, 'shortcut sheet');
    await lead.getByRole('button', { name: 'Close' }).click();
    // A page left open shows a new incident without a reload.
    const leadToken = await c.rt.token({ orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
    const raised = await fetch(`${c.rt.url}/v1/workspaces/${c.workspaceId}/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ severity: 'high', type: 'ddos', summary: 'Exchange API flooded from a botnet', countries: ['THA'] }),
    });
    expect(raised.status).toBe(201);
    await lead.getByRole('link', { name: 'Exchange API flooded from a botnet' }).waitFor();
    await checkA11y(c, lead, 'workspace incidents');
    await lead.getByRole('link', { name: 'Members' }).click();
    await lead.getByRole('heading', { name: 'Members' }).waitFor();
    await checkA11y(c, lead, 'workspace members');

    // Vietnamese: lang set, labels translated, TLP labels left in English.
    await lead.getByRole('link', { name: 'Today' }).click();
    await lead.getByLabel('Language').selectOption('vi');
    await lead.getByRole('heading', { name: 'Hôm nay' }).waitFor();
    await expect.poll(() => lead.evaluate(() => document.documentElement.lang), POLL).toBe('vi');
    expect(await lead.locator('.marking .tlp').first().textContent()).toMatch(/^TLP:/);
    await checkA11y(c, lead, 'today (vi)');
    await shoot(lead, 'lead-today-vi');
  });

  it('a lead previews what an agency would see before inviting it, decided by the evaluator in the browser', async () => {
    await timed('invite-preview', async () => {
      // Singapore's agency joins the directory; the workspace holds records it may and may not see.
      await registerOrganisation(
        c.rt.deps,
        { principal: { sub: 'platform-admin', orgId: 'platform', orgKind: 'international', country: 'ZZZ', roles: ['admin'] } },
        { id: 'sgp-csa', name: 'Cyber Security Agency of Singapore', kind: 'agency', country: 'SGP' },
      );
      const as = async (principal: Parameters<typeof c.rt.token>[0], path: string, body: unknown, method = 'POST') => {
        const token = await c.rt.token(principal);
        const res = await fetch(`${c.rt.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
        return res.json();
      };
      const leadP = { orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer' as const] };
      const tasks = `/v1/workspaces/${c.workspaceId}/tasks`;
      const task = (title: string, marking: object) =>
        as(leadP, tasks, {
          title,
          description: '',
          assigneeOrgId: 'vnm-a05',
          dueAt: new Date(Date.now() + 86_400_000 * 3).toISOString(),
          marking,
        });
      await task('Trace the payroll wallets of the compound', { tlp: 'AMBER', releasableTo: ['THA'] });
      await task('Name the insider at the exchange', { tlp: 'RED', recipients: ['usa-fbi'] });
      await task('Plan the raid on the compound', { tlp: 'AMBER', embargoUntil: new Date(Date.now() + 7 * 86_400_000).toISOString() });
      await as(
        { orgId: 'tha-ccib', orgKind: 'agency', country: 'THA', roles: ['policy_admin'] },
        '/v1/policies/THA',
        {
          rules: [{ type: 'never_countries', countries: ['SGP'] }],
        },
        'PUT',
      );
      await as({ orgId: 'tha-ccib', orgKind: 'agency', country: 'THA', roles: ['officer'] }, `/v1/workspaces/${c.workspaceId}/incidents`, {
        severity: 'medium',
        type: 'fraud',
        summary: 'The compound moved its call centre across the border',
        countries: ['THA'],
      });

      const lead = await open();
      await signIn(c, lead, 'lead', `w/${c.workspaceId}/members`);
      await lead.getByRole('heading', { name: 'Members' }).waitFor();
      const form = lead.locator('form', { has: lead.getByRole('heading', { name: 'Invite an agency' }) });
      // Members and agencies already invited are not offered; private partners never are.
      // The directory, the members and the pending invitations load separately: wait until all three are in.
      const offered = () =>
        form
          .getByLabel('Agency')
          .locator('option')
          .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      await expect.poll(offered, POLL).toEqual(['', 'sgp-csa']);
      await form.getByLabel('Agency').selectOption('sgp-csa');
      const preview = lead.getByTestId('invite-preview');
      await preview.waitFor();
      const hidden = (title: string) => preview.locator('li.row', { hasText: title });
      await expect.poll(() => hidden('Trace the payroll wallets').getAttribute('data-hidden-because'), POLL).toBe('rel_to');
      expect(await hidden('Name the insider').getAttribute('data-hidden-because')).toBe('red_recipients');
      expect(await hidden('Plan the raid').getAttribute('data-hidden-because')).toBe('embargo');
      expect(await hidden('moved its call centre').getAttribute('data-hidden-because')).toBe('policy');
      for (const b of ['rel_to', 'red_recipients', 'embargo', 'policy'])
        expect(await preview.locator(`[data-because="${b}"] strong`).textContent(), b).toBe('1');
      // The demo's tasks, marked for workspace members, it would see.
      await preview.locator('li.row:not([data-hidden-because])', { hasText: 'Map the USDT wallets' }).waitFor();
      expect(await lead.getByTestId('invite-would-not-see').textContent()).toMatch(/^Would not see 4 of \d+$/);
      await checkA11y(c, lead, 'members with invitation preview');
      await form.evaluate((el) => el.scrollIntoView());
      await shoot(lead, 'lead-invite-preview');
      await form.getByRole('button', { name: 'Send invitation' }).click();
      await lead.locator('.row', { hasText: 'sgp-csa' }).locator('.status', { hasText: 'pending' }).waitFor();
      expect(await form.getByLabel('Agency').locator('option').count()).toBe(1);
    });
  });

  it('the new-task, new-request and raise-incident forms carry a marking editor, and show the server’s marking errors beside the field', async () => {
    await timed('marking-editor', async () => {
      const lead = await open();
      await signIn(c, lead, 'lead', `w/${c.workspaceId}/tasks`);
      const form = lead.locator('form', { has: lead.getByRole('heading', { name: 'New task' }) });
      await form.getByLabel('Title').fill('Brief CCIB on the insider');
      await form.getByLabel('Assignee').selectOption('tha-ccib');
      await form.getByLabel('TLP').selectOption('RED');
      // RED without recipients: the API names body.marking.recipients, shown beside the recipients.
      await form.getByRole('button', { name: 'Set task' }).click();
      const recipientsError = form.locator('[data-field-error="recipients"]');
      await expect.poll(() => recipientsError.textContent(), POLL).toMatch(/RED must name its recipient/);
      expect(await form.getByRole('group', { name: 'RED recipients' }).getAttribute('aria-describedby')).toBe('newtask-recipients-err');
      await checkA11y(c, lead, 'new task with a marking error');
      // An embargo the assignee could not see through: the domain's `marking` error, at the editor's head.
      await form.getByRole('checkbox', { name: 'tha-ccib' }).check();
      await form.getByRole('checkbox', { name: 'ORCON' }).check();
      const inTwoDays = await lead.evaluate(() => {
        const d = new Date(Date.now() + 2 * 86_400_000);
        return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      });
      await form.getByLabel('Embargo until (optional)').fill(inTwoDays);
      await form.getByRole('button', { name: 'Set task' }).click();
      await expect.poll(() => form.locator('[data-field-error="marking"]').textContent(), POLL).toMatch(/assignee could not see/);
      expect(await recipientsError.count()).toBe(0);
      await form.getByLabel('Embargo until (optional)').fill('');
      await form.getByRole('button', { name: 'Set task' }).click();
      const row = lead.locator('.row', { hasText: 'Brief CCIB on the insider' });
      await row.waitFor();
      expect(await row.locator('.marking').getAttribute('data-tlp')).toBe('RED');
      expect(await row.locator('.marking .caveat').textContent()).toBe('ORCON');
      expect(await form.locator('[data-field-error]').count()).toBe(0);
      // The form starts afresh: default TLP, no embargo.
      expect(await form.getByLabel('TLP').inputValue()).toBe('GREEN');
      // An embargoed task of the lead's own shows its embargo in the banner.
      await form.getByLabel('Title').fill('Prepare the raid briefing');
      await form.getByLabel('Assignee').selectOption('vnm-a05');
      await form.getByLabel('Embargo until (optional)').fill(inTwoDays);
      await form.getByRole('button', { name: 'Set task' }).click();
      await lead
        .locator('.row', { hasText: 'Prepare the raid briefing' })
        .locator('.marking .embargo', { hasText: /embargoed until/ })
        .waitFor();

      // A data request released to Thailand only, originator control.
      await lead.getByRole('link', { name: 'Data requests' }).click();
      const req = lead.locator('form', { has: lead.getByRole('heading', { name: 'New data request' }) });
      await req.getByLabel('Addressed to').selectOption('mekong-bank');
      await req.getByLabel('Description').fill('Card-present transactions of the compound’s payroll card');
      await req.getByLabel('Kind of selector 1').selectOption('iban');
      await req.getByLabel('Value of selector 1').fill('GB82 WEST 1234 5698 7654 32');
      await req.getByRole('radio', { name: 'Only these countries' }).check();
      await req.getByRole('checkbox', { name: 'THA' }).check();
      await req.getByRole('checkbox', { name: 'ORCON' }).check();
      await checkA11y(c, lead, 'new request with the marking editor');
      await req.getByRole('button', { name: 'Send request' }).click();
      await lead.getByRole('heading', { name: 'Card-present transactions of the compound’s payroll card' }).waitFor();
      await lead.getByRole('link', { name: 'Back' }).click();
      const reqRow = lead.locator('.row', { hasText: 'Card-present transactions' });
      await reqRow.waitFor();
      expect(await reqRow.locator('.marking .rel').textContent()).toBe('REL TO VNM, THA');
      expect(await reqRow.locator('.marking .caveat').textContent()).toBe('ORCON');

      // An incident at AMBER+STRICT.
      await lead.getByRole('link', { name: 'Incidents' }).click();
      const inc = lead.locator('form', { has: lead.getByRole('heading', { name: 'Raise an incident' }) });
      await inc.getByLabel('Summary').fill('Payment processor breached by the compound’s operators');
      await inc.getByLabel('TLP').selectOption('AMBER+STRICT');
      await checkA11y(c, lead, 'raise incident with the marking editor');
      await inc.getByRole('button', { name: 'Raise an incident' }).click();
      await lead.getByRole('heading', { name: /Payment processor breached/ }).waitFor();
      expect(await lead.locator('.record .marking, main .marking').first().getAttribute('data-tlp')).toBe('AMBER+STRICT');
    });
  });

  it('a member sends a takedown by paste, the tech company answers a batch, and the member follows the progress', async () => {
    await timed('takedown', async () => {
      // Thailand's CCIB: Viet Nam's policy may by now withhold Vietnamese material from the USA (ChatWave's country).
      const lead = await open();
      await signIn(c, lead, 'ccib', `w/${c.workspaceId}/takedowns`);
      await lead.getByRole('heading', { name: 'New takedown' }).waitFor();
      await lead.getByLabel('Description').fill('Recruiters for the compound');
      const list = 'kind,service,value\naccount,chatwave,@easyjobs_kh\naccount,chatwave,@EasyJobs_KH\nhttps://chatwave.example/g/jobs\n';
      await lead.getByLabel('Items (paste, one a line)').fill('account,chatwave');
      await lead.getByRole('button', { name: 'Check the list' }).click();
      await expect.poll(() => lead.getByRole('alert').textContent(), POLL).toContain('line 1');
      await lead.getByLabel('Items (paste, one a line)').fill(list);
      await lead.getByRole('button', { name: 'Check the list' }).click();
      await expect
        .poll(() => lead.getByTestId('td-preview').textContent(), POLL)
        .toContain('2 items ready (3 lines, 1 duplicates collapsed)');
      await checkA11y(c, lead, 'takedown form');
      await lead.getByRole('button', { name: 'Send takedown' }).click();
      await lead.getByRole('heading', { name: 'Takedown progress' }).waitFor();
      await lead.getByText('0 of 2 answered').waitFor();
      await checkA11y(c, lead, 'takedown progress');
      const id = decodeURIComponent(new URL(lead.url()).hash.split('/').pop()!);

      const tech = await open();
      await signIn(c, tech, 'tech', `inbox/${id}`);
      await tech.getByRole('button', { name: 'Acknowledge receipt' }).click();
      await tech.locator('.status', { hasText: 'acknowledged' }).waitFor();
      await tech.getByRole('link', { name: 'Answer takedown items' }).click();
      await tech.getByRole('heading', { name: 'Answer takedown items' }).waitFor();
      await tech.getByLabel('Select item 1').check();
      await tech.getByLabel('Select item 2').check();
      await tech.getByLabel('Set status').selectOption('removed');
      await checkA11y(c, tech, 'takedown batch answer');
      await tech.getByRole('button', { name: 'Answer selected' }).click();
      await tech.getByText('2 items answered').waitFor();

      // The open progress page refreshes itself (or at once on `r`).
      await lead.locator('#main').focus();
      await lead.keyboard.press('r');
      await lead.getByText('2 of 2 answered').waitFor();
      await lead.locator('.status', { hasText: 'fulfilled' }).first().waitFor();
    });
  });

  it('speaks Thai: lang set, labels translated, TLP in English, dates and durations through Intl', async () => {
    const lead = await open();
    await signIn(c, lead, 'lead', `w/${c.workspaceId}/tasks`);
    await lead.getByRole('link', { name: 'Map the USDT wallets that received victim transfers' }).click();
    await lead.getByRole('heading', { name: 'Map the USDT wallets that received victim transfers' }).waitFor();
    const options = await lead
      .getByLabel('Language')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['en', 'vi', 'th']);
    await lead.getByLabel('Language').selectOption('th');
    await lead.getByRole('link', { name: /กลับ/ }).waitFor();
    await expect
      .poll(() => lead.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), POLL)
      .toEqual(['th', 'ltr']);
    expect(await lead.locator('.marking .tlp').first().textContent()).toMatch(/^TLP:/);
    // The due date is Intl's Thai rendering (Buddhist era), and the countdown is in Thai units.
    const due = lead.locator('.facts dd', { has: lead.locator('time.countdown') });
    const iso = (await due.locator('time').getAttribute('datetime'))!;
    const expected = await lead.evaluate(
      (d) => new Intl.DateTimeFormat('th', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d)),
      iso,
    );
    expect(await due.textContent()).toContain(expected);
    expect(await due.locator('time').textContent()).toMatch(/^เหลือเวลา .*(วัน|ชั่วโมง)/);
    await checkA11y(c, lead, 'task (th)');
    await lead.getByRole('link', { name: 'วันนี้' }).first().click();
    await lead.getByRole('heading', { name: /^เกินกำหนด/ }).waitFor();
    await checkA11y(c, lead, 'today (th)');
    // Locally, signing out drops the in-memory token and stays on the console: no hosted UI to visit.
    await lead.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await lead.getByRole('heading', { name: 'เข้าสู่ระบบ' }).waitFor();
    expect(new URL(lead.url()).origin).toBe(new URL(c.rt.url).origin);
    await lead.getByRole('button', { name: label('th', 'signin.start') }).waitFor();
  });

  it('opens in the language the address asks for, never English first, and fetches a language only when it is asked for', async () => {
    const page = await open();
    // Every page heading the document ever shows, from its first paint on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { seenHeadings: seen });
      new MutationObserver(() => {
        const h = document.querySelector('h1')?.textContent;
        if (h && seen.at(-1) !== h) seen.push(h);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${c.rt.url}/?lang=th`);
    await page.getByRole('heading', { name: 'เข้าสู่ระบบ' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('th');
    expect(await page.evaluate(() => (window as unknown as { seenHeadings: string[] }).seenHeadings)).toEqual(['เข้าสู่ระบบ']);
    const scripts = () =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => new URL(e.name).pathname)
          .filter((x) => x.endsWith('.js')),
      );
    expect((await scripts()).filter((x) => /^\/assets\/(th|vi)-/.test(x)).map((x) => x.slice(8, 10))).toEqual(['th']);
    // The menu switches to Vietnamese in place: its texts arrive as a chunk of their own, and the page is not reloaded.
    await page.evaluate(() => Object.assign(window, { samePage: true }));
    await page.getByLabel('ภาษา').selectOption('vi');
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe('vi');
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    expect((await scripts()).filter((x) => /^\/assets\/(th|vi)-/.test(x)).map((x) => x.slice(8, 10))).toEqual(['th', 'vi']);
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await checkA11y(c, page, 'sign-in (en after th and vi)');
  });

  it('a lead raises an asset freeze, the exchange freezes per target, and the lead sees its expiry and renews it', async () => {
    await timed('asset-freeze', async () => {
      const lead = await open();
      await signIn(c, lead, 'lead', `w/${c.workspaceId}/requests`);
      const form = lead.locator('form', { has: lead.getByRole('heading', { name: 'New data request' }) });
      await form.locator('select[name="type"]').selectOption('asset_freeze');
      await form.getByLabel('Addressed to').selectOption('coinharbor');
      await form.getByLabel('Instrument').selectOption('PROVISIONAL-MEASURE');
      await form.getByLabel('Description').fill('Freeze the scheme wallet pending the court order');
      await form.getByLabel('Kind of selector 1').selectOption('wallet_address');
      await form.getByLabel('Blockchain of selector 1').selectOption('ethereum');
      await form.getByLabel('Value of selector 1').fill('0x52908400098527886E0F7030069857D2E4169EE7');
      await form.getByLabel('Asset to freeze, selector 1').fill('USDT');
      await form.getByLabel('Amount to freeze, selector 1').fill('250000');
      await form.getByRole('button', { name: 'Send request' }).click();
      await lead.getByRole('heading', { name: 'Freeze the scheme wallet pending the court order' }).waitFor();
      await lead.getByRole('link', { name: 'Back' }).click();
      await lead.getByRole('link', { name: 'Freeze the scheme wallet pending the court order' }).waitFor();

      const ex = await open();
      await signIn(c, ex, 'exchange');
      await ex.getByRole('link', { name: 'Freeze the scheme wallet pending the court order' }).click();
      await ex.getByRole('button', { name: 'Acknowledge receipt' }).click();
      await ex.getByRole('heading', { name: 'Answer per target' }).waitFor();
      await ex.getByLabel('Decision on target 0').selectOption('frozen');
      await ex.getByLabel('Amount frozen on target 0').fill('198000');
      await ex.getByLabel('Your reference for target 0').fill('CH-FRZ-0117');
      await checkA11y(c, ex, 'partner per-target answer (freeze)');
      await ex.getByRole('button', { name: 'Save and close the answer' }).click();
      await ex.locator('.status', { hasText: 'frozen' }).first().waitFor();
      await ex.getByRole('heading', { name: 'Answers per target' }).waitFor();
      await checkA11y(c, ex, 'partner request (frozen)');

      await lead.getByRole('link', { name: 'Freeze the scheme wallet pending the court order' }).click();
      await lead.getByRole('heading', { name: 'Asset freeze' }).waitFor();
      await lead.getByText('198000 USDT · CH-FRZ-0117').waitFor();
      await checkA11y(c, lead, 'request (frozen freeze)');
      await lead.getByRole('button', { name: 'Renew the freeze' }).click();
      await lead.locator('.facts dd', { hasText: /^1$/ }).waitFor();
      await lead.getByRole('button', { name: 'Release the freeze' }).click();
      await lead.getByRole('button', { name: 'Release', exact: true }).click();
      await lead.locator('.status', { hasText: 'released' }).first().waitFor();
    });
  });

  it('a member asks to release a task further, and the originator approves it from its release requests', async () => {
    await timed('onward-transfer', async () => {
      // The lead (VNM) sets Thailand's CCIB a task releasable to Thailand only.
      const leadToken = await c.rt.token({ orgId: 'vnm-a05', orgKind: 'agency', country: 'VNM', roles: ['officer'] });
      const res = await fetch(`${c.rt.url}/v1/workspaces/${c.workspaceId}/tasks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Trace the exchange account in London',
          assigneeOrgId: 'tha-ccib',
          dueAt: new Date(Date.now() + 86_400_000 * 3).toISOString(),
          marking: { tlp: 'AMBER', releasableTo: ['THA'], caveats: ['ORCON'] },
        }),
      });
      expect(res.status).toBe(201);
      const taskId = (await res.json()).id as string;

      const ccib = await open();
      await signIn(c, ccib, 'ccib', `w/${c.workspaceId}/tasks/${taskId}`);
      await ccib.getByText('Ask to release further').click();
      await ccib.getByLabel('Country to release to').selectOption('GBR');
      await ccib.getByLabel('Purpose and justification').fill('The NCA holds the exchange account records');
      await ccib.getByRole('button', { name: 'Ask the originator' }).click();
      await ccib.getByText('Asked. The originator decides').waitFor();
      await checkA11y(c, ccib, 'task with release request form');

      const lead = await open();
      await signIn(c, lead, 'lead', `w/${c.workspaceId}/transfers`);
      await lead.getByRole('heading', { name: 'Asked of you as originator' }).waitFor();
      const row = lead.locator('.row', { hasText: 'The NCA holds the exchange account records' });
      await row.waitFor();
      await checkA11y(c, lead, 'release requests (originator)');
      await row.getByRole('button', { name: 'Approve release' }).click();
      await row.getByRole('button', { name: 'Yes, release it' }).click();
      await row.locator('.status', { hasText: 'approved' }).waitFor();
      await shoot(lead, 'release-requests');
      const task = await (
        await fetch(`${c.rt.url}/v1/workspaces/${c.workspaceId}/tasks/${taskId}`, { headers: { authorization: `Bearer ${leadToken}` } })
      ).json();
      expect(task.marking.releasableTo).toEqual(['VNM', 'THA', 'GBR']);
    });
  });
});
