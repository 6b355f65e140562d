import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EXPORT_REDRIVE_AFTER_MS,
  DUE_SHARDS,
  type ExportFiles,
  getAuditExport,
  MAX_EXPORT_REDRIVES,
  requestAuditExport,
  runAuditExport,
  SYSTEM_ACTOR,
  sweepDue,
} from '../../src';
import { type MemoryDeps, settledAudit } from '../../testing';
import { gbr, taskforce, vnm, world } from '../world';

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['gbr-nca', 'GBR'],
  ]);
  const ws = await taskforce(deps, vnm, [gbr]);
  return { deps, ws };
};

/** Every timer in the due index, due or not. */
const allTimers = async (deps: MemoryDeps) =>
  (
    await Promise.all(Array.from({ length: DUE_SHARDS }, (_, s) => deps.store.dueTimers(s, new Date('2100-01-01T00:00:00Z'), 10_000)))
  ).flat();

/** The job's events: each is one message to the worker (see messaging's fan-out). */
const jobEvents = async (deps: MemoryDeps, ws: string, exportId: string) =>
  (await deps.store.listEvents(ws, { limit: 1_000 })).items.filter(
    (e) => e.type === 'audit.export_requested' && e.data.exportId === exportId,
  );

const entries = async (deps: MemoryDeps, ws: string, action: string) =>
  (await settledAudit(deps, ws)).entries.filter((e) => e.action === action);

describe('an audit export job whose message to the worker was lost', () => {
  it('is handed to the worker again when its timer comes due, and then runs to ready; its outcome leaves nothing due', async () => {
    const { deps, ws } = await setUp();
    // The local runtime's delay; the sweep re-arms with the delay the request was made with.
    const job = await requestAuditExport({ ...deps, exportRedriveAfterMs: 5_000 }, { principal: vnm }, ws.id);
    expect(await allTimers(deps)).toEqual([
      expect.objectContaining({
        kind: 'audit_export.redrive',
        subjectId: job.id,
        dueAt: new Date(deps.clock.now().getTime() + 5_000).toISOString(),
      }),
    ]);
    // Not yet due: nothing happens.
    expect((await sweepDue(deps)).fired).toEqual([]);

    // The worker never ran (its message was lost). Once due, the job's event goes out again.
    deps.clock.advance(5_000);
    const report = await sweepDue(deps);
    expect(report.fired).toEqual([{ timerId: expect.any(String), kind: 'audit_export.redrive' }]);
    expect(await jobEvents(deps, ws.id, job.id)).toHaveLength(2);
    const [redriven] = await entries(deps, ws.id, 'audit.export_redriven');
    expect(redriven).toMatchObject({
      actor: SYSTEM_ACTOR,
      target: { type: 'auditExport', id: job.id },
      details: { exportId: job.id, attempt: 1 },
      markings: [],
    });
    expect(await allTimers(deps)).toEqual([
      expect.objectContaining({
        subjectId: job.id,
        // Each re-drive waits twice as long as the one before: a long export still running gets room.
        data: { attempt: 1, afterMs: 10_000 },
        dueAt: new Date(deps.clock.now().getTime() + 10_000).toISOString(),
      }),
    ]);

    // The worker gets the message this time.
    expect(await runAuditExport(deps, { workspaceId: ws.id, id: job.id })).toMatchObject({ status: 'ready' });
    expect(await allTimers(deps)).toEqual([]);
    deps.clock.advance(DEFAULT_EXPORT_REDRIVE_AFTER_MS);
    expect(await sweepDue(deps)).toMatchObject({ due: 0, fired: [], dropped: 0 });
  });

  it('that finished normally leaves no timer, and no timer.dropped entry', async () => {
    const { deps, ws } = await setUp();
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    expect(await allTimers(deps)).toHaveLength(1);
    expect(await runAuditExport(deps, { workspaceId: ws.id, id: job.id })).toMatchObject({ status: 'ready' });
    expect(await allTimers(deps)).toEqual([]);
    deps.clock.advance(2 * DEFAULT_EXPORT_REDRIVE_AFTER_MS);
    expect(await sweepDue(deps)).toMatchObject({ due: 0, fired: [], dropped: 0 });
    expect(await entries(deps, ws.id, 'timer.dropped')).toEqual([]);
    expect(await entries(deps, ws.id, 'audit.export_redriven')).toEqual([]);
  });

  it(`is given up as never_finished after ${MAX_EXPORT_REDRIVES} re-drives`, async () => {
    const { deps, ws } = await setUp();
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    for (let i = 0; i < MAX_EXPORT_REDRIVES; i++) {
      deps.clock.advance(DEFAULT_EXPORT_REDRIVE_AFTER_MS * 2 ** i);
      expect((await sweepDue(deps)).fired).toHaveLength(1);
      expect(await getAuditExport(deps, vnm, ws.id, job.id)).toMatchObject({ status: 'queued' });
    }
    expect((await entries(deps, ws.id, 'audit.export_redriven')).map((e) => e.details?.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(await jobEvents(deps, ws.id, job.id)).toHaveLength(1 + MAX_EXPORT_REDRIVES);

    deps.clock.advance(DEFAULT_EXPORT_REDRIVE_AFTER_MS * 2 ** MAX_EXPORT_REDRIVES);
    expect((await sweepDue(deps)).fired).toHaveLength(1);
    expect(await getAuditExport(deps, vnm, ws.id, job.id)).toMatchObject({ status: 'failed', error: { code: 'never_finished' } });
    expect(await entries(deps, ws.id, 'audit.export_failed')).toEqual([
      expect.objectContaining({
        actor: SYSTEM_ACTOR,
        details: { exportId: job.id, code: 'never_finished', redrives: MAX_EXPORT_REDRIVES },
      }),
    ]);
    expect(await jobEvents(deps, ws.id, job.id)).toHaveLength(1 + MAX_EXPORT_REDRIVES);
    expect(await allTimers(deps)).toEqual([]);
    // A message that still turns up finds the job failed, and leaves it so.
    expect(await runAuditExport(deps, { workspaceId: ws.id, id: job.id })).toMatchObject({ status: 'failed' });
    expect(await entries(deps, ws.id, 'audit.exported')).toEqual([]);
  });

  it('is re-driven once by two sweeps at once', async () => {
    const { deps, ws } = await setUp();
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    deps.clock.advance(DEFAULT_EXPORT_REDRIVE_AFTER_MS);
    const [a, b] = await Promise.all([sweepDue(deps), sweepDue(deps)]);
    expect(a.fired.length + b.fired.length).toBe(1);
    expect(await entries(deps, ws.id, 'audit.export_redriven')).toHaveLength(1);
    expect(await jobEvents(deps, ws.id, job.id)).toHaveLength(2);
    expect(await allTimers(deps)).toEqual([expect.objectContaining({ data: expect.objectContaining({ attempt: 1 }) })]);
  });

  it('run twice at once: the run that loses aborts its upload, and the job keeps the winner’s file', async () => {
    const { deps, ws } = await setUp();
    const job = await requestAuditExport(deps, { principal: vnm }, ws.id);
    const ref = { workspaceId: ws.id, id: job.id };
    // The first run's upload is under way when a second run (a re-driven message) runs the job to the end.
    let second: Promise<unknown> | undefined;
    const racing: ExportFiles = {
      linkFor: (key, ttl) => deps.exportFiles.linkFor(key, ttl),
      begin: async (key) => {
        const upload = await deps.exportFiles.begin(key);
        return {
          ...upload,
          part: async (body) => {
            second ??= runAuditExport(deps, ref);
            await second;
            await upload.part(body);
          },
        };
      },
    };
    const first = await runAuditExport({ ...deps, exportFiles: racing }, ref);
    expect(first).toMatchObject({ status: 'ready' });
    expect(await second).toMatchObject({ status: 'ready' });
    expect(deps.exportFiles.aborted).toHaveLength(1);
    expect(deps.exportFiles.files.size).toBe(1);
    const seen = await getAuditExport(deps, vnm, ws.id, job.id);
    expect(deps.exportFiles.read(seen.download!.url)).not.toBeNull();
    expect(await entries(deps, ws.id, 'audit.exported')).toHaveLength(1);
    expect(await allTimers(deps)).toEqual([]);
  });
});
