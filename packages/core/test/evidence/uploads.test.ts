import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  acknowledgeRequest,
  CreateRequestInput,
  completeUpload,
  createRequest,
  DomainError,
  evidenceDownload,
  getEvidenceObject,
  listEvidenceObjects,
  MIN_PART_BYTES,
  partLinks,
  releaseEvidence,
  StartUploadInput,
  setEvidenceOfficer,
  startUpload,
  uploadSession,
  verifyEvidence,
  type Where,
} from '../../src/index';
import { type MemoryDeps, settledAudit } from '../../testing';
import { assignTask, gbr, isNotFound, principal, taskforce, vnm, world } from '../world';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bank = principal('mekong-bank', 'THA', ['responder'], 'provider');
const otherBank = principal('delta-bank', 'THA', ['responder'], 'provider');
const outsider = principal('usa-fbi', 'USA');

/** A file of `size` bytes of a repeatable pattern, cut into parts of `partSize`. */
const file = (size: number, partSize = MIN_PART_BYTES) => {
  const body = new Uint8Array(size);
  for (let i = 0; i < size; i++) body[i] = (i * 31 + (i >> 12)) & 0xff;
  const parts: Uint8Array[] = [];
  for (let at = 0; at < size; at += partSize) parts.push(body.subarray(at, Math.min(size, at + partSize)));
  return { body, parts, sha256: sha(body) };
};

const setUp = async () => {
  const deps = await world([
    ['vnm-a05', 'VNM'],
    ['gbr-nca', 'GBR'],
    ['usa-fbi', 'USA'],
    ['mekong-bank', 'THA', 'bank'],
    ['delta-bank', 'THA', 'bank'],
  ]);
  const ws = await taskforce(deps, vnm, [gbr]);
  return { deps, ws };
};

/** What a download link gives, as storage answers it. */
const download = async (deps: MemoryDeps, url: string) => new Uint8Array(await (await deps.evidenceObjects.fetch(url)).arrayBuffer());

/** Sends every part (those not listed in `skip`) through its link, as a browser would. */
const sendParts = async (deps: MemoryDeps, p: typeof vnm, where: Where, id: string, parts: Uint8Array[], only?: number[]) => {
  const numbers = only ?? parts.map((_, i) => i + 1);
  const { links } = await partLinks(deps, p, where, id, {
    parts: numbers.map((n) => ({ partNumber: n, size: parts[n - 1]!.length, sha256: sha(parts[n - 1]!) })),
  });
  for (const l of links)
    expect((await deps.evidenceObjects.fetch(l.url, { method: 'PUT', headers: l.headers, body: parts[l.partNumber - 1]! })).status).toBe(
      200,
    );
};

const start = (deps: MemoryDeps, p: typeof vnm, where: Where, size: number, extra: Record<string, unknown> = {}) =>
  startUpload(
    deps,
    { principal: p },
    where,
    StartUploadInput.parse({ fileName: 'disk.img', size, mediaType: 'application/octet-stream', partSize: MIN_PART_BYTES, ...extra }),
  ).then((o) => o.result.item);

const code = (e: unknown) => (e instanceof DomainError ? `${e.code}:${e.field ?? ''}` : String(e));

describe('evidence of any size', () => {
  it('an agency uploads to a task in parts, resumes, completes; the worker verifies it, and a member downloads it', async () => {
    const { deps, ws } = await setUp();
    const task = await assignTask(deps, vnm, ws.id, 'gbr-nca');
    const where: Where = { as: 'agency', workspaceId: ws.id, parent: { kind: 'task', id: task.id } };
    const f = file(2 * MIN_PART_BYTES + 1000);
    const item = await start(deps, vnm, where, f.body.length);
    expect(item).toMatchObject({ status: 'uploading', partCount: 3, quarantine: 'none' });
    await sendParts(deps, vnm, where, item.id, f.parts, [1, 3]);
    // Resume: storage holds parts 1 and 3; completing now names the missing one.
    expect((await uploadSession(deps, vnm, where, item.id)).parts.map((p) => p.partNumber)).toEqual([1, 3]);
    expect(code(await completeUpload(deps, { principal: vnm }, where, item.id, { sha256: f.sha256 }).catch((e) => e))).toBe(
      'validation:part.2',
    );
    await sendParts(deps, vnm, where, item.id, f.parts, [2]);
    const done = await completeUpload(deps, { principal: vnm }, where, item.id, { sha256: f.sha256 });
    expect(done.result.status).toBe('verifying');
    const verified = await verifyEvidence(deps, { workspaceId: ws.id, parentKey: `task:${task.id}`, evidenceId: item.id });
    expect(verified?.status).toBe('stored');
    const seen = await getEvidenceObject(deps, gbr, where, item.id);
    expect(seen).toMatchObject({ status: 'stored', sha256: f.sha256, canDownload: true });
    const link = await evidenceDownload(deps, gbr, ws.id, where.parent, item.id);
    expect(sha(await download(deps, link.url))).toBe(f.sha256);
    const { entries, verification } = await settledAudit(deps, ws.id);
    expect(verification.ok).toBe(true);
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['evidence.upload_started', 'evidence.completed', 'evidence.stored', 'evidence.downloaded']),
    );
  });

  it('rejects an object whose digest is not the one declared: its content is kept, and nobody can download it', async () => {
    const { deps, ws } = await setUp();
    const task = await assignTask(deps, vnm, ws.id, 'gbr-nca');
    const where: Where = { as: 'agency', workspaceId: ws.id, parent: { kind: 'task', id: task.id } };
    const f = file(1000);
    const item = await start(deps, vnm, where, 1000);
    await sendParts(deps, vnm, where, item.id, f.parts);
    await completeUpload(deps, { principal: vnm }, where, item.id, { sha256: sha(new Uint8Array(3)) });
    const out = await verifyEvidence(deps, { workspaceId: ws.id, parentKey: `task:${task.id}`, evidenceId: item.id });
    expect(out).toMatchObject({ status: 'rejected', rejected: 'digest_mismatch' });
    expect(deps.evidenceObjects.objects.size).toBe(1);
    await expect(evidenceDownload(deps, vnm, ws.id, where.parent, item.id)).rejects.toSatisfy(isNotFound);
  });

  it('refuses part numbers out of range, sizes that lie, a part stored twice with another checksum, and a part size out of bounds', async () => {
    const { deps, ws } = await setUp();
    const task = await assignTask(deps, vnm, ws.id, 'gbr-nca');
    const where: Where = { as: 'agency', workspaceId: ws.id, parent: { kind: 'task', id: task.id } };
    const f = file(MIN_PART_BYTES + 10);
    const item = await start(deps, vnm, where, f.body.length);
    const ask = (parts: { partNumber: number; size: number; sha256: string }[]) =>
      partLinks(deps, vnm, where, item.id, { parts }).catch((e) => e);
    expect(code(await ask([{ partNumber: 3, size: 10, sha256: sha(f.parts[1]!) }]))).toBe('validation:parts.0.partNumber');
    expect(code(await ask([{ partNumber: 2, size: 11, sha256: sha(f.parts[1]!) }]))).toBe('validation:parts.0.size');
    await sendParts(deps, vnm, where, item.id, f.parts, [2]);
    expect(code(await ask([{ partNumber: 2, size: 10, sha256: sha(new Uint8Array(10)) }]))).toBe('conflict:');
    // The same part again with its own checksum is a resume, not an error.
    expect((await ask([{ partNumber: 2, size: 10, sha256: sha(f.parts[1]!) }])).links).toHaveLength(1);
    // A body that is not the one the link was signed for is refused by storage.
    const { links } = await partLinks(deps, vnm, where, item.id, {
      parts: [{ partNumber: 1, size: MIN_PART_BYTES, sha256: sha(f.parts[0]!) }],
    });
    const lie = await deps.evidenceObjects.fetch(links[0]!.url, {
      method: 'PUT',
      headers: links[0]!.headers,
      body: new Uint8Array(MIN_PART_BYTES),
    });
    expect(lie.status).toBe(400);
    expect(StartUploadInput.safeParse({ fileName: 'a', size: 51 * 2 ** 30, mediaType: 'a/b', partSize: MIN_PART_BYTES }).success).toBe(
      false,
    );
    expect(StartUploadInput.safeParse({ fileName: 'a', size: 10, mediaType: 'a/b', partSize: MIN_PART_BYTES - 1 }).success).toBe(false);
    // Only its uploader continues an upload.
    expect(
      code(await partLinks(deps, gbr, where, item.id, { parts: [{ partNumber: 2, size: 10, sha256: sha(f.parts[1]!) }] }).catch((e) => e)),
    ).toBe('forbidden:');
  });

  it("quarantines a partner's evidence until the evidence officer releases it; nobody else downloads it meanwhile", async () => {
    const { deps, ws } = await setUp();
    const r = (
      await createRequest(
        deps,
        { principal: vnm },
        ws.id,
        CreateRequestInput.parse({
          providerOrgId: 'mekong-bank',
          type: 'subscriber_info',
          legalBasis: { code: 'BUDAPEST', text: 'Art. 18(1)(b)' },
          description: 'Holder of the account',
          selectors: [{ type: 'email', value: 'payee@example.com' }],
        }),
      )
    ).result;
    await acknowledgeRequest(deps, { principal: bank }, r.id);
    const portal: Where = { as: 'partner', requestId: r.id };
    const f = file(5000);
    const item = await start(deps, bank, portal, 5000);
    expect(item).toMatchObject({ quarantine: 'held' });
    expect(JSON.stringify(item)).not.toMatch(/marking|vnm-a05|workspace/);
    await expect(start(deps, otherBank, portal, 5000)).rejects.toSatisfy(isNotFound);
    await sendParts(deps, bank, portal, item.id, f.parts);
    await completeUpload(deps, { principal: bank }, portal, item.id, { sha256: f.sha256 });
    await verifyEvidence(deps, { workspaceId: ws.id, parentKey: `request:${r.id}`, evidenceId: item.id });
    expect((await listEvidenceObjects(deps, bank, portal, { limit: 10 })).items.map((e) => e.status)).toEqual(['stored']);
    await expect(listEvidenceObjects(deps, otherBank, portal, { limit: 10 })).rejects.toSatisfy(isNotFound);
    const agency: Where = { as: 'agency', workspaceId: ws.id, parent: { kind: 'request', id: r.id } };
    const listed = (await listEvidenceObjects(deps, vnm, agency, { limit: 10 })).items[0]!;
    expect(listed).toMatchObject({ quarantine: 'held', scan: 'unavailable', canDownload: false, canRelease: false });
    await expect(evidenceDownload(deps, vnm, ws.id, agency.parent, item.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(releaseEvidence(deps, { principal: vnm }, ws.id, agency.parent, item.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(setEvidenceOfficer(deps, { principal: gbr }, ws.id, { sub: gbr.sub, orgId: gbr.orgId })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await setEvidenceOfficer(deps, { principal: vnm }, ws.id, { sub: gbr.sub, orgId: gbr.orgId });
    expect((await getEvidenceObject(deps, gbr, agency, item.id)).canRelease).toBe(true);
    await expect(evidenceDownload(deps, vnm, ws.id, agency.parent, item.id)).rejects.toMatchObject({ code: 'forbidden' });
    await evidenceDownload(deps, gbr, ws.id, agency.parent, item.id);
    // A threat found keeps it in quarantine.
    deps.evidenceObjects.scanSource = 'guardduty';
    for (const key of deps.evidenceObjects.objects.keys()) deps.evidenceObjects.setScanStatus(key, 'THREATS_FOUND');
    await expect(releaseEvidence(deps, { principal: gbr }, ws.id, agency.parent, item.id)).rejects.toMatchObject({ code: 'conflict' });
    deps.evidenceObjects.scanSource = 'unavailable';
    const released = (await releaseEvidence(deps, { principal: gbr }, ws.id, agency.parent, item.id)).result;
    expect(released).toMatchObject({ quarantine: 'released', scan: 'unavailable' });
    const link = await evidenceDownload(deps, vnm, ws.id, agency.parent, item.id);
    expect(sha(await download(deps, link.url))).toBe(f.sha256);
    await expect(listEvidenceObjects(deps, outsider, agency, { limit: 10 })).rejects.toSatisfy(isNotFound);
  });

  it('keeps an item no wider than its parent, and a channel item carries its own marking', async () => {
    const { deps, ws } = await setUp();
    const task = await assignTask(deps, vnm, ws.id, 'gbr-nca');
    const where: Where = { as: 'agency', workspaceId: ws.id, parent: { kind: 'task', id: task.id } };
    expect(code(await start(deps, vnm, where, 10, { marking: { tlp: 'CLEAR' } }).catch((e) => e))).toBe('validation:marking.tlp');
    expect((await start(deps, vnm, where, 10, { marking: { tlp: 'AMBER+STRICT' } })).marking?.tlp).toBe('AMBER+STRICT');
    const channel: Where = { as: 'agency', workspaceId: ws.id, parent: { kind: 'channel', id: 'general' } };
    expect(code(await start(deps, vnm, channel, 10).catch((e) => e))).toBe('validation:marking');
    const untrusted = await start(deps, gbr, channel, 10, { marking: { tlp: 'AMBER' }, untrusted: true });
    expect(untrusted).toMatchObject({ quarantine: 'held', untrusted: true });
    await expect(start(deps, outsider, channel, 10, { marking: { tlp: 'AMBER' } })).rejects.toSatisfy(isNotFound);
  });
});
