import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { evidenceObjectsContract } from '@taskforce/core/testing';
import { createS3Client, ensureBucket, S3ContentStore, S3EvidenceObjects, StorageRefused } from '@taskforce/objects';
import { afterAll, describe, expect, it } from 'vitest';
import { type ObjectEngine, startObjectEngine } from '../src/objects';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'object-engine-'));
  dirs.push(d);
  return d;
};
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const BUCKET = 'evidence-test';

const engineOn = async (dir: string, now?: () => number): Promise<{ engine: ObjectEngine; s3: S3Client }> => {
  const engine = await startObjectEngine({ dir, ...(now ? { now } : {}) });
  const s3 = createS3Client({ endpoint: engine.endpoint });
  await ensureBucket(s3, BUCKET);
  return { engine, s3 };
};

evidenceObjectsContract('the local object engine through S3EvidenceObjects', async () => {
  let offset = 0;
  const { engine, s3 } = await engineOn(freshDir(), () => Date.now() + offset);
  return {
    objects: new S3EvidenceObjects(s3, BUCKET, { malwareScan: 'unavailable' }),
    fetch: (url, init) => fetch(url, init),
    advance: (ms) => {
      offset += ms;
    },
    unscanned: 'unavailable',
    close: async () => {
      s3.destroy();
      await engine.stop();
    },
  };
});

describe('the local object engine', () => {
  it('keeps every acknowledged part and object across a restart on the same folder', async () => {
    const dir = freshDir();
    const first = await engineOn(dir);
    const objects = new S3EvidenceObjects(first.s3, BUCKET, { malwareScan: 'unavailable' });
    const part = new Uint8Array(8 * 1024 * 1024).fill(7);
    const { uploadId } = await objects.startUpload('e/1', { mediaType: 'application/octet-stream' });
    const link = await objects.partLink('e/1', uploadId, { partNumber: 1, size: part.length, sha256: sha(part) }, 60);
    expect(
      (await fetch(link.url, { method: 'PUT', headers: { 'x-amz-checksum-sha256': link.headers['x-amz-checksum-sha256']! }, body: part }))
        .status,
    ).toBe(200);
    await new S3ContentStore(first.s3, BUCKET).put('e/small', new Uint8Array([1, 2, 3]), {
      sha256: sha(new Uint8Array([1, 2, 3])),
      mediaType: 'x/y',
    });
    first.s3.destroy();
    await first.engine.stop();

    const second = await engineOn(dir);
    const again = new S3EvidenceObjects(second.s3, BUCKET, { malwareScan: 'unavailable' });
    const listed = await again.listParts('e/1', uploadId);
    expect(listed.map((p) => [p.partNumber, p.sha256])).toEqual([[1, sha(part)]]);
    await again.completeUpload('e/1', uploadId, listed);
    expect((await again.digest('e/1'))?.sha256).toBe(sha(part));
    expect(await new S3ContentStore(second.s3, BUCKET).get('e/small')).toEqual(new Uint8Array([1, 2, 3]));
    second.s3.destroy();
    await second.engine.stop();
  });

  it('answers S3 errors the SDK maps: a missing key, a refused part checksum, an unknown upload', async () => {
    const { engine, s3 } = await engineOn(freshDir());
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'nothing' }))).rejects.toMatchObject({ name: 'NotFound' });
    await expect(s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'nothing' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    const objects = new S3EvidenceObjects(s3, BUCKET, { malwareScan: 'unavailable' });
    const { uploadId } = await objects.startUpload('e/2', { mediaType: 'application/octet-stream' });
    const body = new Uint8Array(100).fill(1);
    await expect(
      s3.send(
        new UploadPartCommand({
          Bucket: BUCKET,
          Key: 'e/2',
          UploadId: uploadId,
          PartNumber: 1,
          Body: body,
          ChecksumSHA256: createHash('sha256').update('not these bytes').digest('base64'),
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    await expect(
      s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'e/2', UploadId: uploadId, PartNumber: 10_001, Body: body })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    // What the caller got wrong comes back as StorageRefused with S3's code, not as a fault.
    const refused = await objects.listParts('e/2', 'no-such-upload-id-at-all').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StorageRefused);
    expect(refused).toMatchObject({ code: 'NoSuchUpload' });
    s3.destroy();
    await engine.stop();
  });

  it('answers hostile input with 4xx and S3 codes, never a 500', async () => {
    const { engine, s3 } = await engineOn(freshDir());
    const objects = new S3EvidenceObjects(s3, BUCKET, { malwareScan: 'unavailable' });
    const { uploadId } = await objects.startUpload('e/h', { mediaType: 'application/octet-stream' });
    const status = (p: Promise<unknown>) =>
      p.then(
        () => 200,
        (e: { $metadata?: { httpStatusCode?: number }; name?: string }) => `${e.$metadata?.httpStatusCode} ${e.name}`,
      );
    const body = new Uint8Array(10).fill(3);
    const checksum = createHash('sha256').update(body).digest('base64');
    const part = (PartNumber: number) =>
      status(
        s3.send(
          new UploadPartCommand({ Bucket: BUCKET, Key: 'e/h', UploadId: uploadId, PartNumber, Body: body, ChecksumSHA256: checksum }),
        ),
      );
    expect(await part(0)).toBe('400 InvalidArgument');
    expect(await part(10_001)).toBe('400 InvalidArgument');
    expect(await part(1)).toBe(200);
    const complete = (Parts: { PartNumber: number; ETag: string; ChecksumSHA256?: string }[]) =>
      status(s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: 'e/h', UploadId: uploadId, MultipartUpload: { Parts } })));
    expect(await complete([])).toBe('400 MalformedXML');
    const [held] = await objects.listParts('e/h', uploadId);
    const one = { PartNumber: 1, ETag: held!.etag, ChecksumSHA256: checksum };
    expect(await complete([one, { ...one }])).toBe('400 InvalidPartOrder');
    expect(await complete([{ ...one, ChecksumSHA256: undefined }])).toBe('400 InvalidRequest');
    expect(await status(s3.send(new CreateBucketCommand({ Bucket: 'No_Such..Name' })))).toMatch(/^400 /);
    const tags = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await new S3ContentStore(s3, BUCKET).put('e/t', body, { sha256: createHash('sha256').update(body).digest('hex'), mediaType: 'x/y' });
    expect(await status(s3.send(new PutObjectTaggingCommand({ Bucket: BUCKET, Key: 'e/t', Tagging: { TagSet: tags } })))).toMatch(/^400 /);
    const link = await objects.downloadLink('e/t', { fileName: 't', mediaType: 'x/y', ttlSeconds: 60 });
    for (const range of ['bytes=abc', 'bytes=5-2', 'bytes=0-1,4-5', 'bytes=-0', 'bytes=99-']) {
      const res = await fetch(link.url, { headers: { range } });
      expect(res.status, range).toBeLessThan(500);
      await res.arrayBuffer();
    }
    expect((await fetch(`${engine.endpoint}/%zz/%`)).status).toBe(400);
    s3.destroy();
    await engine.stop();
  });

  it('refuses requests that are not signed, or signed with another key, in S3 XML', async () => {
    const { engine, s3 } = await engineOn(freshDir());
    const anonymous = await fetch(`${engine.endpoint}/${BUCKET}/e/3`);
    expect(anonymous.status).toBe(403);
    expect(await anonymous.text()).toMatch(/<Error><Code>AccessDenied<\/Code>/);
    const stranger = createS3Client({ endpoint: engine.endpoint });
    stranger.config.credentials = async () => ({ accessKeyId: 'local', secretAccessKey: 'guessed' });
    await expect(stranger.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'e/3' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 403 },
    });
    stranger.destroy();
    s3.destroy();
    await engine.stop();
  });

  it('lets the console on this machine PUT parts from the browser (CORS), and no other origin', async () => {
    const { engine, s3 } = await engineOn(freshDir());
    const preflight = await fetch(`${engine.endpoint}/${BUCKET}/e/4?partNumber=1&uploadId=x`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:3000',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'x-amz-checksum-sha256',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('x-amz-checksum-sha256');
    expect(preflight.headers.get('access-control-expose-headers')).toMatch(/ETag.*x-amz-checksum-sha256/);
    const elsewhere = await fetch(`${engine.endpoint}/${BUCKET}/e/4`, {
      method: 'OPTIONS',
      headers: { origin: 'https://attacker.example', 'access-control-request-method': 'PUT' },
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
    s3.destroy();
    await engine.stop();
  });

  it('reads a GuardDuty verdict from the object tag when told a scanner runs, and reports unavailable when none does', async () => {
    const { engine, s3 } = await engineOn(freshDir());
    const body = new Uint8Array([9, 9, 9]);
    await new S3ContentStore(s3, BUCKET).put('e/5', body, { sha256: sha(body), mediaType: 'x/y' });
    const scanned = new S3EvidenceObjects(s3, BUCKET, { malwareScan: 'guardduty' });
    expect(await scanned.scanVerdict('e/5')).toBe('pending');
    for (const [status, verdict] of [
      ['NO_THREATS_FOUND', 'clean'],
      ['THREATS_FOUND', 'threats_found'],
      ['ACCESS_DENIED', 'failed'],
    ] as const) {
      await s3.send(
        new PutObjectTaggingCommand({
          Bucket: BUCKET,
          Key: 'e/5',
          Tagging: { TagSet: [{ Key: 'GuardDutyMalwareScanStatus', Value: status }] },
        }),
      );
      expect(await scanned.scanVerdict('e/5')).toBe(verdict);
    }
    // Even an object tagged clean is `unavailable` where no scanner runs: a tag is not a scan.
    expect(await new S3EvidenceObjects(s3, BUCKET, { malwareScan: 'unavailable' }).scanVerdict('e/5')).toBe('unavailable');
    s3.destroy();
    await engine.stop();
  });
});
