import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsOf, PACKAGE_ATTACHMENT, verifyPackage } from '../../packages/documents/src/index';
import { pdfPages, pdfWithAttachment, squash } from '../../packages/documents/test/read';
import { repoRoot } from '../../packages/local/src/paths';
import { joinAll, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const run = promisify(execFile);

/**
 * PDF documents through the local runtime: a request package and a workspace report asked for
 * over the API, made by the export worker, downloaded through their links, read back and (the
 * package) verified offline with `pnpm verify-package`.
 */
describe('documents (PDF) on the local engines', () => {
  let t: TestRuntime;
  let ws: string;
  let lead: string;
  let fbi: string;
  let bank: string;
  let requestId: string;
  const content = Buffer.from('date,amount,counterparty\n2026-02-01,9800,TH12\n');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const dir = mkdtempSync(join(tmpdir(), 'documents-'));

  /** Asks for a document, pumps the workers until it is no longer queued, and downloads it. */
  const make = async (path: string, token: string) => {
    const started = await t.call('POST', path, token);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const location = started.headers.get('location')!;
    let job = await t.call('GET', location, token);
    for (let i = 0; i < 100 && job.body.status === 'queued'; i++) {
      await t.rt.pump();
      job = await t.call('GET', location, token);
    }
    const pdf = job.body.status === 'ready' ? new Uint8Array(await (await fetch(job.body.download.url)).arrayBuffer()) : null;
    return { started, location, job, pdf };
  };

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    bank = await t.tokenFor('mekong-bank', 'THA', ['responder'], 'provider');
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Chiến dịch Sen', legalBasis: { code: 'UNCC', text: 'arts. 40-47' } })).body
      .id;
    await joinAll(t, lead, ws, [
      ['usa-fbi', fbi],
      ['tha-ccib', await t.tokenFor('tha-ccib', 'THA')],
    ]);
    // A request through acknowledgement, a clarification, stored evidence and an answer; the FBI downloads the file.
    const created = await t.call('POST', `/v1/workspaces/${ws}/requests`, lead, {
      providerOrgId: 'mekong-bank',
      type: 'production',
      legalBasis: { code: 'BUDAPEST', text: 'Budapest Convention art. 18', reference: 'VNM-A05/2026/114' },
      description: 'Chủ tài khoản và giao dịch — เจ้าของบัญชีและธุรกรรม',
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    });
    expect(created.status).toBe(201);
    requestId = created.body.id;
    await t.call('POST', `/v1/portal/requests/${requestId}/acknowledge`, bank);
    await t.call('POST', `/v1/portal/requests/${requestId}/clarification`, bank, { question: 'Which account holder?' });
    await t.call('POST', `/v1/workspaces/${ws}/requests/${requestId}/clarification-answer`, lead, { answer: 'The second, born 1991' });
    const registered = await t.call('POST', `/v1/portal/requests/${requestId}/evidence`, bank, {
      fileName: 'statement.csv',
      size: content.length,
      mediaType: 'text/csv',
      sha256,
    });
    const put = await fetch(`${t.rt.url}${registered.headers.get('location')}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${bank}`, 'content-type': 'application/octet-stream' },
      body: content,
    });
    expect(put.status).toBe(200);
    expect((await t.call('POST', `/v1/portal/requests/${requestId}/response`, bank, { outcome: 'fulfilled' })).status).toBe(200);
    const download = await fetch(`${t.rt.url}/v1/workspaces/${ws}/requests/${requestId}/evidence/${registered.body.id}/content`, {
      headers: { authorization: `Bearer ${lead}` },
    });
    expect(download.status).toBe(200);
    // A task overdue by the time of the report.
    await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
      title: 'Trace the mule wallet',
      assigneeOrgId: 'usa-fbi',
      dueAt: '2026-03-02T08:00:00.000Z',
    });
    t.clock.advance(3 * 86_400_000);
  }, 120_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.rt.stop();
  });

  it('makes a bilingual request package that verifies offline, and fails verification once a digest is tampered with', async () => {
    const { started, location, job, pdf } = await make(`/v1/workspaces/${ws}/requests/${requestId}/packages?lang=vi`, lead);
    expect(started.body).toMatchObject({ status: 'queued', kind: 'request_package', requestId, lang: 'vi' });
    expect(location).toBe(`/v1/workspaces/${ws}/requests/${requestId}/packages/${started.body.id}`);
    expect(job.body).toMatchObject({ status: 'ready', bytes: pdf!.length });
    expect(createHash('sha256').update(pdf!).digest('hex')).toBe(job.body.sha256);
    const text = (await pdfPages(pdf!)).join('');
    for (const s of [
      'Data request package / Hồ sơ yêu cầu dữ liệu',
      'Which account holder?',
      'statement.csv',
      sha256,
      'evidence.downloaded',
    ])
      expect(text).toContain(squash(s));

    const keys = (await t.call('GET', '/v1/audit/keys', lead)).body;
    const verdict = await verifyPackage(pdf!, { keys: keys.keys, evidenceFile: () => content });
    expect(verdict).toMatchObject({
      ok: true,
      signature: 'valid',
      badEntries: [],
      evidence: [{ fileName: 'statement.csv', status: 'match' }],
    });
    expect(verdict.entries).toBeGreaterThan(5);

    // The command line: the same verdict, and a tampered evidence file or a forged digest fails it.
    const file = join(dir, 'package.pdf');
    writeFileSync(file, pdf!);
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(keys));
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(join(dir, 'evidence', 'statement.csv'), content);
    const cli = join(repoRoot(), 'packages/documents/src/cli/verify-package.ts');
    const args = ['--import', 'tsx', cli, file, '--keys', join(dir, 'keys.json'), '--evidence', join(dir, 'evidence')];
    const ok = await run(process.execPath, args, { cwd: repoRoot() });
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, signature: 'valid' });
    writeFileSync(join(dir, 'evidence', 'statement.csv'), Buffer.concat([content, Buffer.from('x')]));
    const tamperedFile = await run(process.execPath, args, { cwd: repoRoot() }).catch((e) => e);
    expect(tamperedFile.code).toBe(1);
    expect(JSON.parse(tamperedFile.stdout).evidence[0].status).toBe('mismatch');

    // A digest changed inside the attached JSON: the entries recording it no longer prove into the checkpoint.
    const json = Buffer.from((await attachmentsOf(pdf!)).get(PACKAGE_ATTACHMENT)!).toString('utf8');
    const forged = await pdfWithAttachment(PACKAGE_ATTACHMENT, Buffer.from(json.replaceAll(sha256, 'f'.repeat(64))));
    const bad = await verifyPackage(forged, { keys: keys.keys });
    expect(bad.ok).toBe(false);
    expect(bad.badEntries.length).toBeGreaterThan(0);
  }, 120_000);

  it('makes a workspace report in English and Thai with the overdue task flagged', async () => {
    const { job, pdf } = await make(`/v1/workspaces/${ws}/reports?lang=th`, fbi);
    expect(job.body).toMatchObject({ status: 'ready', kind: 'workspace_report', lang: 'th' });
    const pages = await pdfPages(pdf!);
    const text = pages.join('');
    for (const s of ['Workspace report / รายงานพื้นที่ทำงาน', 'Tasks / งาน', '[OVERDUE / เกินกำหนด] Trace the mule wallet', requestId])
      expect(text).toContain(squash(s));
    // The banner, top and bottom of every page: the highest marking in it (the requests' default AMBER) and REL TO.
    for (const page of pages) {
      expect(page.split(squash('REL TO / เผยแพร่ให้:')).length - 1).toBe(2);
      expect(page.split('TLP:AMBER').length - 1).toBeGreaterThanOrEqual(2);
    }
  }, 120_000);

  it('answers 404 to anyone but the requester, and a package whose request its requester can no longer see fails access_lost', async () => {
    const { location } = await make(`/v1/workspaces/${ws}/reports`, lead);
    const colleague = await t.rt.token({ orgId: 'vnm-a05', roles: ['officer'], sub: 'another-officer' });
    for (const token of [fbi, colleague, bank]) expect((await t.call('GET', location, token)).status).toBe(404);
    // Another request's path, or the reports' path, does not name the package.
    expect((await t.call('GET', location.replace('/reports/', `/requests/${requestId}/packages/`), lead)).status).toBe(404);

    // The FBI raises a request and asks for its package; it leaves the workspace before the worker runs.
    const theirs = await t.call('POST', `/v1/workspaces/${ws}/requests`, fbi, {
      providerOrgId: 'mekong-bank',
      type: 'production',
      legalBasis: { code: 'BUDAPEST', text: 'art. 18' },
      description: 'Card records',
      selectors: [{ type: 'iban', value: 'GB82 WEST 1234 5698 7654 32' }],
    });
    expect(theirs.status).toBe(201);
    const asked = await t.call('POST', `/v1/workspaces/${ws}/requests/${theirs.body.id}/packages`, fbi);
    expect(asked.status).toBe(202);
    expect((await t.call('DELETE', `/v1/workspaces/${ws}/members/usa-fbi`, lead)).status).toBeLessThan(300);
    for (let i = 0; i < 20; i++) await t.rt.pump();
    const job = await t.rt.deps.store.get({ kind: 'documentJob', workspaceId: ws, id: asked.body.id });
    expect(job).toMatchObject({ status: 'failed', error: 'access_lost' });
  }, 120_000);
});
