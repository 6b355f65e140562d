import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditExportDeps,
  type AuditStore,
  appendAuditEntry,
  auditSigningKeys,
  DomainError,
  type ExportFiles,
  getAuditExport,
  removeMember,
  requestAuditExport,
  runAuditExport,
  verifyAuditExport,
} from '../../src';
import { MemoryExportFiles, settledAudit } from '../../testing';
import { assignTask, gbr, isNotFound, principal, taskforce, vnm, world } from '../world';

const gbrAuditor = principal('gbr-nca', 'GBR', ['auditor']);

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['gbr-nca', 'GBR'],
  ]);
  const ws = await taskforce(deps, vnm, [gbr]);
  return { deps, ws };
};

/** The chain's actions, once everything queued is sequenced. */
const actions = async (deps: AuditExportDeps, ws: string) => (await settledAudit(deps, ws)).entries.map((e) => e.action);

/** Lengthens the chain by `n` entries about the workspace. */
const grow = async (deps: AuditExportDeps, ws: string, n: number) => {
  for (let i = 0; i < n; i++)
    await appendAuditEntry(
      deps,
      ws,
      { sub: 'u', orgId: 'vnm-a05', country: 'VNM' },
      {
        action: 'workspace.read',
        target: { type: 'workspace', id: ws },
        details: { n: i },
        markings: [],
      },
    );
};

/** The file a ready job made, as its requester fetches it. */
const fileOf = async (deps: AuditExportDeps & { exportFiles: MemoryExportFiles }, ws: string, id: string) => {
  const seen = await getAuditExport(deps, vnm, ws, id);
  return Buffer.from(deps.exportFiles.read(seen.download!.url)!).toString('utf8');
};

/** A file's entries (every line but the last) and its checkpoint (the last line). */
const partsOf = (file: string) => {
  const lines = file.trimEnd().split('\n');
  return {
    entries: lines.slice(0, -1).map((l) => JSON.parse(l) as AuditEntry),
    checkpoint: (JSON.parse(lines.at(-1)!) as { checkpoint: { treeSize: number; lastHash: string } }).checkpoint,
  };
};

describe('audit export jobs', () => {
  it('queues a job, writes the file, and marks it ready with its audit.exported entry; the link reads a file that verifies offline', async () => {
    const { deps, ws } = await setUp();
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    expect(job).toMatchObject({ status: 'queued', workspaceId: ws.id });
    expect(await actions(deps, ws.id)).not.toContain('audit.exported');

    const done = await runAuditExport(deps, { workspaceId: ws.id, id: job.id });
    expect(done).toMatchObject({ status: 'ready' });

    const seen = await getAuditExport(deps, vnm, ws.id, job.id);
    expect(seen.download?.url).toBeDefined();
    expect(new Date(seen.download!.expiresAt).getTime() - deps.clock.now().getTime()).toBe(300_000);
    const file = Buffer.from(deps.exportFiles.read(seen.download!.url)!).toString('utf8');
    expect(seen.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(seen.bytes).toBe(Buffer.byteLength(file));
    expect(seen.lines).toBe(file.trimEnd().split('\n').length);
    // Every line is an entry but the last, the signed checkpoint the entries are proven against.
    expect(verifyAuditExport(file)).toMatchObject({ ok: true, entries: seen.lines! - 1 });

    const chain = (await settledAudit(deps, ws.id)).entries;
    expect(chain.at(-1)).toMatchObject({
      action: 'audit.exported',
      actor: { orgId: 'vnm-a05', sub: vnm.sub },
      details: { exportId: job.id, lines: seen.lines, bytes: seen.bytes, sha256: seen.sha256 },
    });
    expect(chain.filter((e) => e.action === 'audit.exported')).toHaveLength(1);
  });

  it('shows a job to its requester only: another organisation, and another officer of the same one, get 404', async () => {
    const { deps, ws } = await setUp();
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    await runAuditExport(deps, { workspaceId: ws.id, id: job.id });
    const colleague = { ...vnm, sub: 'another-officer' };
    for (const p of [gbr, gbrAuditor, colleague, principal('usa-fbi', 'USA')])
      await expect(getAuditExport(deps, p, ws.id, job.id)).rejects.toSatisfy(isNotFound);
    await expect(getAuditExport(deps, vnm, ws.id, 'no-such-job')).rejects.toSatisfy(isNotFound);
  });

  it('answers 404, and the worker fails the job as access_lost, once the requester may no longer read the audit', async () => {
    const { deps, ws } = await setUp();
    const job = await requestAuditExport(deps, { principal: gbrAuditor }, ws.id);
    await removeMember(deps, { principal: vnm }, ws.id, 'gbr-nca');
    await expect(getAuditExport(deps, gbrAuditor, ws.id, job.id)).rejects.toSatisfy(isNotFound);
    expect(await runAuditExport(deps, { workspaceId: ws.id, id: job.id })).toMatchObject({
      status: 'failed',
      error: { code: 'access_lost' },
    });
    expect(await actions(deps, ws.id)).not.toContain('audit.exported');
    expect(deps.exportFiles.files.size).toBe(0);
  });

  it('refuses a caller without audit.read before recording anything', async () => {
    const { deps, ws } = await setUp();
    await expect(requestAuditExport(deps, { principal: gbr }, ws.id)).rejects.toBeInstanceOf(DomainError);
    expect(await actions(deps, ws.id)).not.toContain('audit.export_requested');
  });

  it('leaves a failed job with a code and no audit.exported when the upload fails, and aborts the upload', async () => {
    const { deps, ws } = await setUp();
    const aborted: string[] = [];
    const failing: ExportFiles = {
      begin: async (key) => ({
        part: async () => {
          throw new Error('SlowDown: internal detail that must not leak');
        },
        complete: async () => undefined,
        abort: async () => void aborted.push(key),
      }),
      linkFor: async () => 'never',
    };
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    const out = await runAuditExport({ ...deps, exportFiles: failing }, { workspaceId: ws.id, id: job.id });
    expect(out).toMatchObject({ status: 'failed', error: { code: 'upload_failed' } });
    expect(JSON.stringify(await getAuditExport(deps, vnm, ws.id, job.id))).not.toContain('SlowDown');
    expect(aborted).toHaveLength(1);
    const chain = await actions(deps, ws.id);
    expect(chain).not.toContain('audit.exported');
    expect(chain.at(-1)).toBe('audit.export_failed');
  });

  it('fails as out_of_time, with no audit.exported, when the invocation has no time left', async () => {
    const { deps, ws } = await setUp();
    await grow(deps, ws.id, 20);
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    const out = await runAuditExport(deps, { workspaceId: ws.id, id: job.id }, { partBytes: 1024, remainingMs: () => 1_000 });
    expect(out).toMatchObject({ status: 'failed', error: { code: 'out_of_time' } });
    expect(deps.exportFiles.aborted).toHaveLength(1);
    expect(await actions(deps, ws.id)).not.toContain('audit.exported');
  });

  it('runs a job once: a redelivered message finds it ready and records nothing more', async () => {
    const { deps, ws } = await setUp();
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    await runAuditExport(deps, { workspaceId: ws.id, id: job.id });
    const before = await actions(deps, ws.id);
    expect(await runAuditExport(deps, { workspaceId: ws.id, id: job.id })).toMatchObject({ status: 'ready' });
    expect(await actions(deps, ws.id)).toEqual(before);
    expect(deps.exportFiles.files.size).toBe(1);
  });

  it('holds at most two parts (one uploading, one filling) in memory, however long the chain', async () => {
    const { deps, ws } = await setUp();
    await grow(deps, ws.id, 600);
    // A sink that counts what the worker hands it at once, and what it hands it in all.
    let largest = 0;
    let total = 0;
    let parts = 0;
    let uploading = 0;
    let mostUploading = 0;
    const files = new MemoryExportFiles();
    const counting: ExportFiles = {
      begin: async (key, meta) => {
        const inner = await files.begin(key);
        void meta;
        return {
          part: async (body) => {
            largest = Math.max(largest, body.length);
            total += body.length;
            parts++;
            mostUploading = Math.max(mostUploading, ++uploading);
            await new Promise((r) => setTimeout(r, 1));
            await inner.part(body);
            uploading--;
          },
          complete: () => inner.complete(),
          abort: () => inner.abort(),
        };
      },
      linkFor: (key, ttl) => files.linkFor(key, ttl),
    };
    const partBytes = 8 * 1024;
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    const out = await runAuditExport({ ...deps, exportFiles: counting }, { workspaceId: ws.id, id: job.id }, { partBytes });
    expect(out).toMatchObject({ status: 'ready', bytes: total });
    const longestLine = Math.max(
      ...Buffer.from([...files.files.values()][0]!)
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .map((l) => Buffer.byteLength(l) + 1),
    );
    expect(parts).toBeGreaterThan(10);
    expect(largest).toBeLessThan(partBytes + longestLine);
    expect(largest * 10).toBeLessThan(total);
    // Never a second part handed over before the first is up.
    expect(mostUploading).toBe(1);
    // The parts, joined in order, are the file the job describes.
    expect(
      createHash('sha256')
        .update([...files.files.values()][0]!)
        .digest('hex'),
    ).toBe(out!.sha256);
  });

  describe("the file ends exactly with the job's own audit.export_requested entry, whatever is written before the run", () => {
    /** Another job's request, a task set, and an entry about the workspace, all after the job's request. */
    const writeMore = async (deps: Awaited<ReturnType<typeof setUp>>['deps'], ws: string) => {
      await requestAuditExport(deps, { principal: gbrAuditor }, ws);
      await assignTask(deps, vnm, ws, 'gbr-nca');
      await grow(deps, ws, 1);
    };

    const expectEndsWithRequest = async (deps: Awaited<ReturnType<typeof setUp>>['deps'], ws: string, jobId: string) => {
      const file = await fileOf(deps, ws, jobId);
      const { entries, checkpoint } = partsOf(file);
      const chain = (await settledAudit(deps, ws)).entries;
      const requested = chain.find((e) => e.action === 'audit.export_requested' && e.target.id === jobId)!;
      expect(entries.at(-1)).toMatchObject({ action: 'audit.export_requested', target: { type: 'auditExport', id: jobId } });
      expect(entries).toHaveLength(requested.seq);
      expect(entries.map((e) => e.hash)).toEqual(chain.slice(0, requested.seq).map((e) => e.hash));
      expect(checkpoint).toMatchObject({ treeSize: requested.seq, lastHash: requested.hash });
      // Written meanwhile, and in the chain after the request, but not in the file.
      const after = chain.slice(requested.seq).map((e) => e.action);
      expect(after).toEqual(expect.arrayContaining(['audit.export_requested', 'task.assigned', 'workspace.read', 'audit.exported']));
      expect(file).not.toContain('task.assigned');
      // The checkpoint is signed by the published keys and is exactly the file's tree.
      expect(verifyAuditExport(file, undefined, auditSigningKeys(deps))).toMatchObject({
        ok: true,
        entries: requested.seq,
        head: requested.hash,
      });
      return { requested, checkpoint };
    };

    it('when the request and the later writes are sequenced in one round (no checkpoint was taken at the request)', async () => {
      const { deps, ws } = await setUp();
      const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
      await writeMore(deps, ws.id);
      expect(await runAuditExport(deps, { workspaceId: ws.id, id: job.id })).toMatchObject({ status: 'ready' });
      const { requested } = await expectEndsWithRequest(deps, ws.id, job.id);
      expect(await deps.store.checkpointAt(ws.id, requested.seq)).toBeNull();
    });

    it('when the request was sequenced before the later writes (the checkpoint taken then ends the file)', async () => {
      const { deps, ws } = await setUp();
      const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
      await settledAudit(deps, ws.id);
      await writeMore(deps, ws.id);
      expect(await runAuditExport(deps, { workspaceId: ws.id, id: job.id })).toMatchObject({ status: 'ready' });
      const { requested, checkpoint } = await expectEndsWithRequest(deps, ws.id, job.id);
      expect(checkpoint).toEqual((await deps.store.checkpointAt(ws.id, requested.seq))!.checkpoint);
    });

    it('fails the job as read_failed, and writes no file, when the stored entries after the request are not the tree of the signed head', async () => {
      const { deps, ws } = await setUp();
      const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
      await writeMore(deps, ws.id);
      const { entries } = await settledAudit(deps, ws.id);
      const requested = entries.find((e) => e.action === 'audit.export_requested' && e.target.id === job.id)!;
      // A stored entry after the request, edited: its hash no longer the one the head's checkpoint signed.
      const edited = (list: AuditEntry[]) =>
        list.map((e) => (e.seq === requested.seq + 1 ? { ...e, hash: createHash('sha256').update('forged').digest('hex') } : e));
      const store = new Proxy(deps.store, {
        get(target, prop, receiver) {
          if (prop === 'auditEntriesAfter')
            return async (...args: Parameters<AuditStore['auditEntriesAfter']>) => edited(await target.auditEntriesAfter(...args));
          const value = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      expect(await runAuditExport({ ...deps, store }, { workspaceId: ws.id, id: job.id })).toMatchObject({
        status: 'failed',
        error: { code: 'read_failed' },
      });
      expect(deps.exportFiles.files.size).toBe(0);
      expect(deps.exportFiles.aborted).toHaveLength(1);
    });
  });
});
