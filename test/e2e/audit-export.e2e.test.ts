import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type AuditEntry, type AuditView, verifyAuditExport } from '@taskforce/core';
import { settledAudit } from '@taskforce/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../packages/local/src/paths';
import { exportAudit, joinAll, LADDER_ORGS, seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const run = promisify(execFile);
const isSealed = (e: AuditView) => 'sealed' in e;

describe('audit export jobs on the local engines', () => {
  let t: TestRuntime;
  let ws: string;
  let lead: string;
  let fbi: string;
  let ccibAuditor: string;
  let redTask: string;
  const dir = mkdtempSync(join(tmpdir(), 'audit-export-'));

  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t, LADDER_ORGS);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    fbi = await t.tokenFor('usa-fbi', 'USA');
    ccibAuditor = await t.tokenFor('tha-ccib', 'THA', ['auditor']);
    ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Lotus', legalBasis: { code: 'UNCC', text: 'art. 41' } })).body.id;
    await joinAll(t, lead, ws, [
      ['usa-fbi', fbi],
      ['tha-ccib', await t.tokenFor('tha-ccib', 'THA')],
    ]);
    // RED to the lead alone: the Thai auditor sees its entries as sealed stubs.
    const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
      title: 'Trace wallet',
      assigneeOrgId: 'vnm-a05',
      dueAt: '2026-03-03T08:00:00.000Z',
      marking: { tlp: 'RED', recipients: ['vnm-a05'] },
    });
    expect(task.status).toBe(201);
    redTask = task.body.id;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.rt.stop();
  });

  it('queues a job (202, Location), makes the file, and links it; the download verifies offline with the CLI', async () => {
    const { started, job, file, download } = await exportAudit(t, ws, lead);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', workspaceId: ws });
    expect(started.headers.get('location')).toBe(`/v1/workspaces/${ws}/audit/exports/${started.body.id}`);
    expect(job!.body).toMatchObject({ id: started.body.id, status: 'ready' });
    expect(job!.body.download.url).toContain('audit-exports/');
    expect(new Date(job!.body.download.expiresAt).getTime() - t.clock.now().getTime()).toBe(300_000);
    expect(download!.status).toBe(200);
    expect(createHash('sha256').update(file!).digest('hex')).toBe(job!.body.sha256);
    expect(Buffer.byteLength(file!)).toBe(job!.body.bytes);
    expect(file!.trimEnd().split('\n')).toHaveLength(job!.body.lines);
    // Every line is an entry but the last, the signed checkpoint they are proven against.
    expect(verifyAuditExport(file!)).toMatchObject({ ok: true, entries: job!.body.lines - 1 });

    // The chain records the export once, made, with the file's line count and digest.
    const chain = (await settledAudit(t.rt.deps, ws)).entries;
    expect(chain.filter((e) => e.action === 'audit.exported')).toEqual([
      expect.objectContaining({
        details: { exportId: job!.body.id, lines: job!.body.lines, bytes: job!.body.bytes, sha256: job!.body.sha256 },
      }),
    ]);

    const path = join(dir, 'audit.jsonl');
    writeFileSync(path, file!);
    const cli = join(repoRoot(), 'packages/local/src/cli/verify-audit.ts');
    // The checkpoint's signature too, against the published keys.
    const keys = join(dir, 'keys.json');
    writeFileSync(keys, JSON.stringify((await t.call('GET', '/v1/audit/keys', lead)).body));
    const entries = String(job!.body.lines - 1);
    const args = ['--import', 'tsx', cli, path, '--keys', keys, '--entries', entries, '--sha256', job!.body.sha256];
    const ok = await run(process.execPath, args, { cwd: repoRoot() });
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, entries: job!.body.lines - 1 });
    const wrong = await run(process.execPath, [...args.slice(0, -1), 'f'.repeat(64)], { cwd: repoRoot() }).catch((e) => e);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false });
  });

  it("writes the requester's view: an entry it may not see is a sealed stub, and the file still verifies", async () => {
    const { job, file } = await exportAudit(t, ws, ccibAuditor);
    expect(job!.body.status).toBe('ready');
    const view = file!
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as AuditView);
    const stored = (await settledAudit(t.rt.deps, ws)).entries;
    const aboutRed = stored.filter((e) => e.target.id === redTask).map((e) => e.seq);
    expect(aboutRed.length).toBeGreaterThan(0);
    for (const seq of aboutRed) expect(isSealed(view[seq - 1]!)).toBe(true);
    expect(file).not.toContain(redTask);
    expect((view.find((e) => !isSealed(e)) as AuditEntry).action).toBe('workspace.created');
    expect(verifyAuditExport(file!)).toMatchObject({ ok: true });
  });

  it("answers 404 for a job to anyone but its requester, another organisation's officer included", async () => {
    const started = await t.call('POST', `/v1/workspaces/${ws}/audit/exports`, lead);
    await t.rt.pump();
    const path = `/v1/workspaces/${ws}/audit/exports/${started.body.id}`;
    const colleague = await t.rt.token({ orgId: 'vnm-a05', roles: ['officer'], sub: 'another-officer' });
    for (const token of [fbi, ccibAuditor, colleague, await t.tokenFor('gbr-nca', 'GBR', ['auditor'])]) {
      const r = await t.call('GET', path, token);
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('audit-exports');
    }
    expect((await t.call('GET', path, lead)).status).toBe(200);
    // Not a reader of the audit: no job is recorded.
    expect((await t.call('POST', `/v1/workspaces/${ws}/audit/exports`, fbi)).status).toBe(403);
  });

  it('answers a repeat of the Idempotency-Key with the same job, and queues no second one', async () => {
    const headers = { 'idempotency-key': 'export-once-0001' };
    const first = await t.call('POST', `/v1/workspaces/${ws}/audit/exports`, lead, undefined, headers);
    const again = await t.call('POST', `/v1/workspaces/${ws}/audit/exports`, lead, undefined, headers);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    const requested = (await settledAudit(t.rt.deps, ws)).entries.filter(
      (e) => e.action === 'audit.export_requested' && e.target.id === first.body.id,
    );
    expect(requested).toHaveLength(1);
  });

  it('answers bad input with a 400 naming the field, never a 500', async () => {
    const cases: [string, string, Record<string, string>, string][] = [
      ['POST', `/v1/workspaces/NOT_AN_ID/audit/exports`, {}, 'path.workspaceId'],
      ['GET', `/v1/workspaces/${ws}/audit/exports/NOT_AN_ID`, {}, 'path.exportId'],
      ['GET', `/v1/workspaces/${ws}/audit/exports/${'x'.repeat(200)}`, {}, 'path.exportId'],
      ['POST', `/v1/workspaces/${ws}/audit/exports`, { 'idempotency-key': 'bad key with spaces' }, 'Idempotency-Key'],
    ];
    for (const [method, path, headers, field] of cases) {
      const r = await t.call(method, path, lead, undefined, headers);
      expect(r.status, `${method} ${path}`).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit/exports/no-such-job`, lead)).status).toBe(404);
    expect((await t.call('GET', `/v1/workspaces/${ws}/audit/export`, lead)).status).toBe(404);
  });

  it('answers 404 to a requester who has since lost access to the audit, ready job and all', async () => {
    const { job } = await exportAudit(t, ws, ccibAuditor);
    expect(job!.body.status).toBe('ready');
    const path = `/v1/workspaces/${ws}/audit/exports/${job!.body.id}`;
    expect((await t.call('DELETE', `/v1/workspaces/${ws}/members/tha-ccib`, lead)).status).toBeLessThan(300);
    const r = await t.call('GET', path, ccibAuditor);
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain('download');
  });
});
