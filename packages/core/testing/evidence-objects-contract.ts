import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EvidenceObjects, PresignedLink, ScanVerdict } from '../src/evidence/objects';

/** What an `EvidenceObjects` under test gives the contract. */
export interface EvidenceObjectsHarness {
  objects: EvidenceObjects;
  /** Sends a request to a link as a browser would (for S3 and the local engine, `fetch`). */
  fetch(url: string, init: { method: string; headers?: Record<string, string>; body?: Uint8Array }): Promise<Response>;
  /** Moves storage's clock on (links expire by it). */
  advance(ms: number): void;
  /** The verdict of an object no scanner has tagged yet. */
  unscanned: ScanVerdict;
  close?(): Promise<void>;
}

const MiB = 1024 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Deterministic, incompressible-looking bytes. */
const bytes = (n: number) => {
  const out = Buffer.alloc(n);
  const seed = randomBytes(32);
  for (let off = 0; off < n; off += 32) seed.copy(out, off, 0, Math.min(32, n - off));
  out.writeUInt32BE(n, 0);
  return new Uint8Array(out);
};

const put = (h: EvidenceObjectsHarness, link: PresignedLink, body: Uint8Array, headers = link.headers) =>
  h.fetch(link.url, {
    method: link.method,
    headers: Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'content-length')),
    body,
  });

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return (err as { code?: string }).code;
};

/**
 * What every `EvidenceObjects` must do (S3, the local object engine through the S3 adapter, the
 * in-memory one): call `evidenceObjectsContract('name', make)` from a test file; each test makes
 * its own harness and uses keys of its own.
 */
export const evidenceObjectsContract = (name: string, make: () => Promise<EvidenceObjectsHarness>) =>
  describe(`the EvidenceObjects contract: ${name}`, () => {
    const withHarness = (title: string, run: (h: EvidenceObjectsHarness, key: string) => Promise<void>) =>
      it(title, async () => {
        const h = await make();
        try {
          await run(h, `evidence/${randomUUID()}`);
        } finally {
          await h.close?.();
        }
      });

    const upload = async (h: EvidenceObjectsHarness, key: string, uploadId: string, partNumber: number, body: Uint8Array) => {
      const link = await h.objects.partLink(key, uploadId, { partNumber, size: body.length, sha256: sha(body) }, 300);
      return put(h, link, body);
    };

    withHarness('takes parts through their links, lists them with their checksums, joins them, and digests the whole', async (h, key) => {
      const parts = [bytes(8 * MiB), bytes(8 * MiB), bytes(1234)];
      const { uploadId } = await h.objects.startUpload(key, { mediaType: 'application/octet-stream' });
      for (const [i, body] of parts.entries()) {
        const res = await upload(h, key, uploadId, i + 1, body);
        expect(res.status).toBe(200);
        expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
      }
      const listed = await h.objects.listParts(key, uploadId);
      expect(listed.map((p) => [p.partNumber, p.size, p.sha256])).toEqual(parts.map((b, i) => [i + 1, b.length, sha(b)]));
      expect(await h.objects.digest(key)).toBeNull();
      await h.objects.completeUpload(key, uploadId, listed);
      expect(await h.objects.digest(key)).toEqual({ sha256: sha(Buffer.concat(parts)), size: 16 * MiB + 1234 });
      expect(await h.objects.scanVerdict(key)).toBe(h.unscanned);
    });

    withHarness('refuses a part whose bytes lie about its checksum or its length, and keeps nothing of it', async (h, key) => {
      const body = bytes(8 * MiB);
      const { uploadId } = await h.objects.startUpload(key, { mediaType: 'application/octet-stream' });
      const link = await h.objects.partLink(key, uploadId, { partNumber: 1, size: body.length, sha256: sha(body) }, 300);
      const other = bytes(8 * MiB);
      const lie = await put(h, link, other);
      expect(lie.status).toBe(400);
      expect(await lie.text()).toContain('BadDigest');
      const longer = await put(h, link, bytes(8 * MiB + 1));
      expect(longer.status).toBe(403);
      const unsigned = await put(h, link, body, { 'x-amz-checksum-sha256': Buffer.from(sha(other), 'hex').toString('base64') });
      expect(unsigned.status).toBe(403);
      expect(await h.objects.listParts(key, uploadId)).toEqual([]);
    });

    withHarness('keeps the second copy of a part sent twice, as S3 does', async (h, key) => {
      const { uploadId } = await h.objects.startUpload(key, { mediaType: 'application/octet-stream' });
      const first = bytes(8 * MiB);
      const second = bytes(8 * MiB);
      expect((await upload(h, key, uploadId, 1, first)).status).toBe(200);
      expect((await upload(h, key, uploadId, 1, second)).status).toBe(200);
      const listed = await h.objects.listParts(key, uploadId);
      expect(listed.map((p) => p.sha256)).toEqual([sha(second)]);
      await h.objects.completeUpload(key, uploadId, listed);
      expect((await h.objects.digest(key))?.sha256).toBe(sha(second));
    });

    withHarness('refuses to complete with a part missing, or with a wrong ETag or checksum', async (h, key) => {
      const { uploadId } = await h.objects.startUpload(key, { mediaType: 'application/octet-stream' });
      const parts = [bytes(8 * MiB), bytes(100)];
      for (const [i, body] of parts.entries()) expect((await upload(h, key, uploadId, i + 1, body)).status).toBe(200);
      const listed = await h.objects.listParts(key, uploadId);
      const [one, two] = listed as [(typeof listed)[0], (typeof listed)[0]];
      expect(await refusal(h.objects.completeUpload(key, uploadId, [one, { ...two, partNumber: 3 }]))).toBe('InvalidPart');
      expect(await refusal(h.objects.completeUpload(key, uploadId, [one, { ...two, etag: `"${'0'.repeat(32)}"` }]))).toBe('InvalidPart');
      expect(await refusal(h.objects.completeUpload(key, uploadId, [one, { ...two, sha256: sha(bytes(100)) }]))).toBe('InvalidPart');
      expect(await h.objects.digest(key)).toBeNull();
      // Still resumable: the right list completes it.
      await h.objects.completeUpload(key, uploadId, listed);
      expect((await h.objects.digest(key))?.sha256).toBe(sha(Buffer.concat(parts)));
    });

    withHarness('resumes: a client that lost its place lists the parts storage holds and sends only the rest', async (h, key) => {
      const parts = [bytes(8 * MiB), bytes(8 * MiB), bytes(8 * MiB), bytes(42)];
      const { uploadId } = await h.objects.startUpload(key, { mediaType: 'application/octet-stream' });
      for (const n of [1, 3]) expect((await upload(h, key, uploadId, n, parts[n - 1]!)).status).toBe(200);
      const held = new Set((await h.objects.listParts(key, uploadId)).map((p) => p.partNumber));
      expect([...held]).toEqual([1, 3]);
      for (const [i, body] of parts.entries()) if (!held.has(i + 1)) expect((await upload(h, key, uploadId, i + 1, body)).status).toBe(200);
      await h.objects.completeUpload(key, uploadId, await h.objects.listParts(key, uploadId));
      expect(await h.objects.digest(key)).toEqual({ sha256: sha(Buffer.concat(parts)), size: 24 * MiB + 42 });
    });

    withHarness('serves a download link in ranges, so a cut download resumes to the same SHA-256', async (h, key) => {
      const body = bytes(8 * MiB + 77);
      const { uploadId } = await h.objects.startUpload(key, { mediaType: 'application/octet-stream' });
      expect((await upload(h, key, uploadId, 1, body)).status).toBe(200);
      await h.objects.completeUpload(key, uploadId, await h.objects.listParts(key, uploadId));
      const link = await h.objects.downloadLink(key, { fileName: 'phone-extraction.zip', mediaType: 'application/zip', ttlSeconds: 300 });
      expect(link.method).toBe('GET');
      const cut = 5 * MiB + 3;
      const head = await h.fetch(link.url, { method: 'GET', headers: { range: `bytes=0-${cut - 1}` } });
      expect(head.status).toBe(206);
      expect(head.headers.get('content-range')).toBe(`bytes 0-${cut - 1}/${body.length}`);
      const tail = await h.fetch(link.url, { method: 'GET', headers: { range: `bytes=${cut}-` } });
      expect(tail.status).toBe(206);
      expect(tail.headers.get('content-disposition')).toContain('attachment; filename="phone-extraction.zip"');
      const joined = Buffer.concat([Buffer.from(await head.arrayBuffer()), Buffer.from(await tail.arrayBuffer())]);
      expect(sha(joined)).toBe(sha(body));
      const whole = await h.fetch(link.url, { method: 'GET' });
      expect(whole.status).toBe(200);
      expect(sha(Buffer.from(await whole.arrayBuffer()))).toBe(sha(body));
      const past = await h.fetch(link.url, { method: 'GET', headers: { range: `bytes=${body.length}-` } });
      expect(past.status).toBe(416);
    });

    withHarness('refuses a link once it has expired, and a link that was altered', async (h, key) => {
      const body = bytes(1000);
      const { uploadId } = await h.objects.startUpload(key, { mediaType: 'text/plain' });
      const link = await h.objects.partLink(key, uploadId, { partNumber: 1, size: body.length, sha256: sha(body) }, 60);
      // One character changed (never to itself: a random id may start with `_`).
      const altered = link.url.replace(/partNumber=1|evidence\/./, (m) =>
        m === 'partNumber=1' ? 'partNumber=2' : m === 'evidence/_' ? 'evidence/-' : 'evidence/_',
      );
      expect(
        (await h.fetch(altered, { method: 'PUT', headers: { 'x-amz-checksum-sha256': link.headers['x-amz-checksum-sha256']! }, body }))
          .status,
      ).toBe(403);
      h.advance(61_000);
      const late = await put(h, link, body);
      expect(late.status).toBe(403);
      expect(await h.objects.listParts(key, uploadId)).toEqual([]);
    });

    withHarness('forgets an aborted upload, and a deleted object', async (h, key) => {
      const body = bytes(8 * MiB);
      const { uploadId } = await h.objects.startUpload(key, { mediaType: 'application/octet-stream' });
      expect((await upload(h, key, uploadId, 1, body)).status).toBe(200);
      await h.objects.abortUpload(key, uploadId);
      expect(await refusal(h.objects.listParts(key, uploadId))).toBe('NoSuchUpload');
      expect((await upload(h, key, uploadId, 2, body)).status).toBe(404);
      await h.objects.abortUpload(key, uploadId);

      const again = await h.objects.startUpload(key, { mediaType: 'application/octet-stream' });
      expect((await upload(h, key, again.uploadId, 1, body)).status).toBe(200);
      await h.objects.completeUpload(key, again.uploadId, await h.objects.listParts(key, again.uploadId));
      expect(await h.objects.digest(key)).not.toBeNull();
      await h.objects.delete(key);
      expect(await h.objects.digest(key)).toBeNull();
    });
  });
