/**
 * Hostile uploads of evidence of any size, on the real local engines (the object engine's S3 API
 * refuses what S3 refuses): part numbers out of range, a part uploaded twice, a checksum that lies
 * (a part's, and the whole file's), completing with a part missing, sizes out of bounds. Each is a
 * 4xx that names what is wrong, never a 500, and nothing false becomes evidence.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrgs, type TestRuntime, testRuntime } from '../support/runtime';

const MiB = 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

describe('hostile evidence uploads', () => {
  let t: TestRuntime;
  let lead = '';
  let files = '';
  beforeAll(async () => {
    t = await testRuntime();
    await seedOrgs(t);
    lead = await t.tokenFor('vnm-a05', 'VNM');
    const ws = (await t.call('POST', '/v1/workspaces', lead, { title: 'Op Files', legalBasis: { code: 'UNCC', text: 'art. 40' } })).body.id;
    const task = await t.call('POST', `/v1/workspaces/${ws}/tasks`, lead, {
      title: 'Image the seized laptop',
      assigneeOrgId: 'vnm-a05',
      dueAt: '2026-03-05T00:00:00.000Z',
    });
    expect(task.status).toBe(201);
    files = `/v1/workspaces/${ws}/tasks/${task.body.id}/files`;
  }, 120_000);
  afterAll(() => t?.rt.stop());

  /** Two parts: 8 MiB and 10 bytes. */
  const body = new Uint8Array(8 * MiB + 10).map((_, i) => (i * 7) & 0xff);
  const parts = [body.subarray(0, 8 * MiB), body.subarray(8 * MiB)];
  const start = async () => {
    const r = await t.call('POST', files, lead, {
      fileName: 'image.dd',
      size: body.length,
      mediaType: 'application/octet-stream',
      partSize: 8 * MiB,
    });
    expect(r.status).toBe(201);
    expect(r.body.item.partCount).toBe(2);
    return r.body.item.id as string;
  };
  const link = async (id: string, n: number, digest = sha(parts[n - 1]!)) => {
    const r = await t.call('POST', `${files}/${id}/part-links`, lead, {
      parts: [{ partNumber: n, size: parts[n - 1]!.length, sha256: digest }],
    });
    return r;
  };
  const put = (l: { url: string; headers: Record<string, string> }, bytes: Uint8Array) =>
    fetch(l.url, { method: 'PUT', headers: l.headers, body: bytes });

  it('refuses sizes and part sizes out of bounds, naming the field', async () => {
    const big = await t.call('POST', files, lead, { fileName: 'x', size: 50 * 1024 * MiB + 1, mediaType: 'a/b', partSize: 8 * MiB });
    expect(big.status).toBe(400);
    expect(fields(big.body).join()).toMatch(/size/);
    for (const partSize of [8 * MiB - 1, 64 * MiB + 1]) {
      const r = await t.call('POST', files, lead, { fileName: 'x', size: 100, mediaType: 'a/b', partSize });
      expect(r.status).toBe(400);
      expect(fields(r.body).join()).toMatch(/partSize/);
    }
  });

  it('refuses part numbers beyond the session, and sizes other than the part’s', async () => {
    const id = await start();
    const beyond = await t.call('POST', `${files}/${id}/part-links`, lead, {
      parts: [{ partNumber: 3, size: 10, sha256: sha(parts[1]!) }],
    });
    expect(beyond.status).toBe(400);
    expect(fields(beyond.body)).toEqual(['parts.0.partNumber']);
    const huge = await t.call('POST', `${files}/${id}/part-links`, lead, {
      parts: [{ partNumber: 10_001, size: 10, sha256: sha(parts[1]!) }],
    });
    expect(huge.status).toBe(400);
    expect(fields(huge.body).join()).toMatch(/partNumber/);
    const lies = await t.call('POST', `${files}/${id}/part-links`, lead, { parts: [{ partNumber: 2, size: 11, sha256: sha(parts[1]!) }] });
    expect(lies.status).toBe(400);
    expect(fields(lies.body)).toEqual(['parts.0.size']);
  });

  it('storage refuses a part whose checksum lies; completing with a part missing names it', async () => {
    const id = await start();
    const l = (await link(id, 2, sha(new Uint8Array(10)))).body.links[0];
    const refused = await put(l, parts[1]!);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect((await t.call('GET', `${files}/${id}/parts`, lead)).body.parts).toEqual([]);
    expect((await put((await link(id, 2)).body.links[0], parts[1]!)).ok).toBe(true);
    const missing = await t.call('POST', `${files}/${id}/complete`, lead, { sha256: sha(body) });
    expect(missing.status).toBe(400);
    expect(fields(missing.body)).toEqual(['part.1']);
  });

  it('a part uploaded twice: the same bytes again are a resume, other bytes for a held part a 409', async () => {
    const id = await start();
    for (const n of [1, 2]) expect((await put((await link(id, n)).body.links[0], parts[n - 1]!)).ok).toBe(true);
    expect((await put((await link(id, 2)).body.links[0], parts[1]!)).ok).toBe(true);
    const other = await link(id, 2, sha(new Uint8Array(10)));
    expect(other.status).toBe(409);
    const held = (await t.call('GET', `${files}/${id}/parts`, lead)).body.parts;
    expect(held.map((p: { partNumber: number }) => p.partNumber)).toEqual([1, 2]);
  });

  it('a whole-file checksum that lies is rejected by the verification, its content deleted; the true one is stored', async () => {
    const liar = await start();
    const honest = await start();
    for (const id of [liar, honest])
      for (const n of [1, 2]) expect((await put((await link(id, n)).body.links[0], parts[n - 1]!)).ok).toBe(true);
    expect((await t.call('POST', `${files}/${liar}/complete`, lead, { sha256: sha(new Uint8Array(1)) })).status).toBe(202);
    expect((await t.call('POST', `${files}/${honest}/complete`, lead, { sha256: sha(body) })).status).toBe(202);
    // The worker verifies each (in the background, or in the pump): wait until neither is verifying.
    const settled = async (id: string) => {
      for (let i = 0; i < 100; i++) {
        await t.rt.pump();
        const r = await t.call('GET', `${files}/${id}`, lead);
        if (r.body.status !== 'verifying') return;
        await new Promise((ok) => setTimeout(ok, 100));
      }
    };
    await settled(liar);
    await settled(honest);
    expect((await t.call('GET', `${files}/${liar}`, lead)).body).toMatchObject({ status: 'rejected', rejected: 'digest_mismatch' });
    expect((await t.call('POST', `${files}/${liar}/download`, lead)).status).toBe(404);
    expect((await t.call('GET', `${files}/${honest}`, lead)).body).toMatchObject({
      status: 'stored',
      sha256: sha(body),
      quarantine: 'none',
    });
    const dl = await t.call('POST', `${files}/${honest}/download`, lead);
    expect(dl.status).toBe(200);
    const got = new Uint8Array(await (await fetch(dl.body.url)).arrayBuffer());
    expect(sha(got)).toBe(sha(body));
    // Ranges work, so a download resumes.
    const tail = await fetch(dl.body.url, { headers: { range: `bytes=${8 * MiB}-` } });
    expect(tail.status).toBe(206);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(parts[1]);
  });
});
