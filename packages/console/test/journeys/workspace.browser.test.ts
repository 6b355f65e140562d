import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Console, checkA11y, LANGS, type Lang, label, POLL, pageErrors, shoot, signIn, startConsole } from '../browser';

/**
 * The lead's, the member officer's, the auditor's and the policy administrator's jobs, in each
 * language, on a 1366×768 screen, from sign-in, finding things by what the screen says.
 */
const FBI = 'Federal Bureau of Investigation, Cyber Division';
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A label with a number in it, as a pattern: `{n}` matches any number, a variable given as `¤` any text. */
const pattern = (lang: Lang, key: Parameters<typeof label>[1], vars: Record<string, string> = {}) =>
  new RegExp(
    literal(label(lang, key, { n: '§', seq: '§', v: '§', total: '§', ...vars }))
      .replace(/§/g, '\\d+')
      .replace(/¤/g, '.*'),
  );

describe('workspace jobs in Chromium', { timeout: 600_000 }, () => {
  let c: Console;
  const pages: Page[] = [];
  const open = async () => {
    const p = await c.newPage();
    await p.setViewportSize({ width: 1366, height: 768 });
    pages.push(p);
    return p;
  };
  beforeAll(async () => {
    c = await startConsole();
  }, 180_000);
  afterAll(async () => {
    for (const p of pages) expect(pageErrors(p), 'page errors').toEqual([]);
    await c?.stop();
  });

  describe.each(LANGS)('in %s', (lang) => {
    const title = `Operation Jade Harbour (${lang})`;
    const taskTitle = `Trace the harbour wallets (${lang})`;
    let ws = '';

    it('the lead opens an investigation and invites an agency picked by name; the member joins', async () => {
      const lead = await open();
      await signIn(c, lead, 'lead', 'workspaces', lang);
      await lead.getByRole('button', { name: label(lang, 'ws.new') }).click();
      const form = lead.getByRole('form', { name: label(lang, 'ws.new') });
      await form.getByLabel(label(lang, 'ws.newTitle')).fill(title);
      await form.getByLabel(label(lang, 'ws.newDescription')).fill('Crypto laundering through harbour-side OTC desks.');
      await form.getByLabel(label(lang, 'ws.legalText')).fill('Joint investigation under art. 45');
      await checkA11y(c, lead, `new investigation (${lang})`);
      await shoot(lead, `workspace-new-${lang}`);
      await form.getByRole('button', { name: label(lang, 'ws.open') }).click();
      await lead.getByRole('heading', { name: title }).waitFor();
      ws = decodeURIComponent(new URL(lead.url()).hash.split('/')[2]!);
      const invite = lead.getByRole('form', { name: label(lang, 'invite.title') });
      await invite.getByLabel(label(lang, 'invite.agency')).selectOption({ label: `${FBI} (USA)` });
      await invite.getByRole('heading', { name: label(lang, 'invite.preview', { org: FBI, country: 'USA' }) }).waitFor();
      await invite.getByRole('button', { name: label(lang, 'invite.send') }).click();
      await lead.getByRole('listitem').filter({ hasText: FBI }).filter({ hasText: 'usa-fbi' }).waitFor();
      await checkA11y(c, lead, `members after invitation (${lang})`);
      await shoot(lead, `workspace-invited-${lang}`);

      const fbi = await open();
      await signIn(c, fbi, 'fbi', 'workspaces', lang);
      await fbi.getByRole('heading', { name: label(lang, 'ws.invitedTitle') }).waitFor();
      await checkA11y(c, fbi, `invitation (${lang})`);
      await shoot(fbi, `workspace-invitation-${lang}`);
      await fbi.getByRole('button', { name: label(lang, 'ws.acceptInvitation', { title }) }).click();
      await fbi.getByText(label(lang, 'ws.joinedNote', { title })).waitFor();
      await fbi.getByRole('link', { name: title }).waitFor();
    });

    it('the lead sets a task with a description for the agency by name; the member works it and asks a release; the lead approves it seeing its title', async () => {
      const lead = await open();
      await signIn(c, lead, 'lead', `w/${ws}/tasks`, lang);
      const form = lead.getByRole('form', { name: label(lang, 'tasks.new') });
      await form.getByLabel(label(lang, 'tasks.titleField'), { exact: true }).fill(taskTitle);
      await form.getByLabel(label(lang, 'tasks.description')).fill('Cluster the deposit addresses; flag exchange hot wallets.');
      await form.getByLabel(label(lang, 'tasks.assignee')).selectOption({ label: `${FBI} (USA)` });
      await form.getByRole('button', { name: label(lang, 'ws.sel.add') }).click();
      await form.getByLabel(label(lang, 'ws.sel.value')).fill('+84912345678');
      await checkA11y(c, lead, `new task (${lang})`);
      await form.getByRole('button', { name: label(lang, 'tasks.create') }).click();
      await form
        .getByRole('status')
        .filter({ hasText: label(lang, 'tasks.setFor', { title: taskTitle, org: FBI }) })
        .waitFor();
      await lead.getByRole('link', { name: taskTitle }).waitFor();
      // The form fits its card on this screen: no field is wider than the form.
      const overflow = await form.evaluate((f) => {
        const right = f.getBoundingClientRect().right;
        return [...f.querySelectorAll('input, select, textarea')].filter((el) => el.getBoundingClientRect().right > right + 0.5).length;
      });
      expect(overflow).toBe(0);
      await shoot(lead, `workspace-task-set-${lang}`);

      const fbi = await open();
      await signIn(c, fbi, 'fbi', `w/${ws}/tasks`, lang);
      await fbi.getByRole('link', { name: taskTitle }).click();
      await fbi.getByText('Cluster the deposit addresses; flag exchange hot wallets.').waitFor();
      await fbi.getByRole('button', { name: label(lang, 'task.accept') }).click();
      await fbi.getByRole('button', { name: label(lang, 'task.start') }).click();
      await fbi.getByRole('button', { name: label(lang, 'task.done') }).waitFor();
      await fbi.getByText(label(lang, 'xfer.ask')).click();
      await fbi.getByLabel(label(lang, 'xfer.country')).selectOption('GBR');
      await fbi.getByLabel(label(lang, 'xfer.purpose')).fill('The NCA holds the exchange account records');
      await fbi.getByRole('button', { name: label(lang, 'xfer.send') }).click();
      await fbi.getByText(label(lang, 'xfer.sent')).waitFor();
      await checkA11y(c, fbi, `task worked, release asked (${lang})`);
      await shoot(fbi, `workspace-task-worked-${lang}`);

      const originator = await open();
      await signIn(c, originator, 'lead', `w/${ws}/transfers`, lang);
      const row = originator.getByRole('listitem').filter({ has: originator.getByRole('link', { name: taskTitle }) });
      await row.getByRole('button', { name: label(lang, 'xfer.approve') }).click();
      await row
        .getByText(label(lang, 'xfer.approveQuestion', { what: `${label(lang, 'invite.kind.task')} «${taskTitle}»`, to: 'GBR' }))
        .waitFor();
      await checkA11y(c, originator, `release approval asks first (${lang})`);
      await shoot(originator, `workspace-release-confirm-${lang}`);
      await row.getByRole('button', { name: label(lang, 'xfer.approveConfirm') }).click();
      await expect.poll(() => row.getByRole('button', { name: label(lang, 'xfer.approve') }).count(), POLL).toBe(0);
    });

    it('24/7 contacts are registered, the lead sets the deadlines in minutes and raises an incident to countries that can be paged', async () => {
      const admin = await open();
      await signIn(c, admin, 'policy', 'contacts', lang);
      const form = admin
        .getByRole('form', { name: label(lang, 'contacts.register', { country: 'VNM' }) })
        .or(admin.getByRole('form', { name: label(lang, 'contacts.edit', { country: 'VNM' }) }));
      const duty = form.getByRole('group', { name: label(lang, 'contacts.rung.duty') });
      await duty.getByLabel(label(lang, 'contacts.person')).fill('A05 duty officer');
      await duty.getByLabel(label(lang, 'contacts.phone')).fill('+84 24 3826 0000');
      const email = duty.getByLabel(label(lang, 'contacts.email'), { exact: true });
      // A mistyped address is named beside its field.
      await email.fill('duty@a05');
      await form.getByRole('button', { name: label(lang, 'contacts.save') }).click();
      await expect.poll(() => email.getAttribute('aria-invalid'), POLL).toBe('true');
      await checkA11y(c, admin, `contacts with a field error (${lang})`);
      await email.fill('duty@a05.example');
      await form.getByRole('button', { name: label(lang, 'contacts.save') }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: pattern(lang, 'contacts.saved', { country: 'VNM' }) })
        .waitFor();
      await admin.getByRole('row').filter({ hasText: 'VNM' }).filter({ hasText: 'A05 duty officer' }).waitFor();
      await shoot(admin, `workspace-contacts-${lang}`);

      const lead = await open();
      await signIn(c, lead, 'lead', 'contacts', lang);
      const deadlines = lead.getByRole('form', { name: label(lang, 'contacts.deadlines', { title }) });
      const critical = deadlines.getByLabel(label(lang, 'contacts.ackWithin', { severity: label(lang, 'enum.severity.critical') }));
      await critical.fill('10');
      await deadlines.getByRole('button', { name: label(lang, 'contacts.saveDeadlines') }).click();
      await deadlines
        .getByRole('status')
        .filter({ hasText: pattern(lang, 'contacts.deadlinesSaved') })
        .waitFor();
      await checkA11y(c, lead, `deadlines (${lang})`);
      await shoot(lead, `workspace-deadlines-${lang}`);

      const raiser = await open();
      await signIn(c, raiser, 'lead', `w/${ws}/incidents`, lang);
      const raise = raiser.getByRole('form', { name: label(lang, 'inc.raise') });
      await raise.getByLabel(label(lang, 'inc.summary')).fill(`OTC desk wallet drained (${lang})`);
      await raise.getByRole('checkbox', { name: /^VNM/ }).check();
      // Thailand has 24/7 contacts, but its duty agency is not a member of this investigation; the USA has none.
      expect(await raise.getByRole('checkbox', { name: /^THA/ }).count()).toBe(0);
      expect(await raise.getByRole('checkbox', { name: /^USA/ }).count()).toBe(0);
      await raise.getByText(pattern(lang, 'inc.cannotPage', { list: '¤' })).waitFor();
      await checkA11y(c, raiser, `raise incident (${lang})`);
      await shoot(raiser, `workspace-raise-${lang}`);
      await raise.getByRole('button', { name: label(lang, 'inc.raise') }).click();
      await raiser.getByRole('heading', { name: `OTC desk wallet drained (${lang})` }).waitFor();
      await raiser.getByRole('listitem').filter({ hasText: 'VNM' }).first().waitFor();
      // The timeline in the reader's words: Vietnam's duty contact was paged.
      await raiser
        .getByRole('listitem')
        .filter({ hasText: `${label(lang, 'enum.ladder.notified')} VNM` })
        .first()
        .waitFor();
      await checkA11y(c, raiser, `incident raised (${lang})`);
      await shoot(raiser, `workspace-incident-${lang}`);
    });

    it('the auditor verifies, filters, opens an entry’s proof and exports', async () => {
      const aud = await open();
      await signIn(c, aud, 'auditor', `w/${c.workspaceId}/audit`, lang);
      await aud.getByRole('button', { name: label(lang, 'audit.verify') }).click();
      await aud
        .getByRole('status')
        .filter({ hasText: pattern(lang, 'audit.ok') })
        .waitFor();
      await aud.getByRole('radio', { name: label(lang, 'audit.only.changes') }).check();
      await aud.getByLabel(label(lang, 'audit.search'), { exact: true }).fill(label(lang, 'enum.event.task.assigned'));
      await aud
        .getByRole('status')
        .filter({ hasText: pattern(lang, 'audit.matching') })
        .waitFor();
      // Full targets: the task's title, not a truncated id.
      await aud
        .getByRole('cell', { name: /Map the USDT wallets/ })
        .first()
        .waitFor();
      await checkA11y(c, aud, `audit filtered (${lang})`);
      await shoot(aud, `workspace-audit-filtered-${lang}`);
      await aud
        .getByRole('button', { name: pattern(lang, 'audit.proofOf') })
        .first()
        .click();
      const proof = aud.getByRole('region', { name: pattern(lang, 'audit.proofTitle') });
      await proof
        .getByRole('status')
        .filter({ hasText: pattern(lang, 'audit.proofOk') })
        .waitFor();
      await checkA11y(c, aud, `audit proof (${lang})`);
      await shoot(aud, `workspace-audit-proof-${lang}`);
      const [csv] = (await Promise.all([
        aud.waitForEvent('download'),
        aud
          .getByRole('button', { name: label(lang, 'ws.csv') })
          .first()
          .click(),
      ])) as [Download, unknown];
      expect(csv.suggestedFilename()).toBe('audit-trail.csv');
      await aud.getByRole('button', { name: label(lang, 'audit.export') }).click();
      await aud.getByRole('link', { name: label(lang, 'audit.exportDownload') }).waitFor();
    });

    it('the policy administrator builds a rule with the form, previews it in words and saves it', async () => {
      const admin = await open();
      await signIn(c, admin, 'policy', 'policy', lang);
      await admin.getByRole('heading', { name: label(lang, 'policy.title', { country: 'VNM' }) }).waitFor();
      if (lang === 'en') {
        // Raw JSON only behind "Advanced"; a typo names the field instead of previewing as "no change".
        await admin.getByRole('button', { name: label(lang, 'policy.advanced') }).click();
        await admin.getByLabel(label(lang, 'policy.rules')).fill('[{"type":"never_countries","countries":["usa"]}]');
        await admin.getByRole('button', { name: label(lang, 'policy.preview') }).click();
        await admin.getByRole('alert').filter({ hasText: 'rules.0.countries.0' }).waitFor();
        await admin.getByLabel(label(lang, 'policy.rules')).fill('[]');
        await admin.getByRole('button', { name: label(lang, 'policy.advanced') }).click();
      }
      const days = { en: '365', vi: '366', th: '367' }[lang];
      await admin.getByLabel(label(lang, 'policy.addKind')).selectOption('purge_after_close');
      await admin.getByRole('button', { name: label(lang, 'policy.add') }).click();
      await admin.getByLabel(label(lang, 'policy.days')).last().fill(days);
      await admin.getByRole('button', { name: label(lang, 'policy.preview') }).click();
      const preview = admin.getByRole('region', { name: label(lang, 'policy.preview') });
      await preview.getByText(label(lang, 'policy.added', { rule: label(lang, 'policy.say.purge_after_close', { n: days }) })).waitFor();
      await checkA11y(c, admin, `policy preview (${lang})`);
      await shoot(admin, `workspace-policy-preview-${lang}`);
      await admin.getByRole('button', { name: label(lang, 'policy.save') }).click();
      await admin
        .getByRole('status')
        .filter({ hasText: pattern(lang, 'policy.saved') })
        .waitFor();
    });
  });
});
