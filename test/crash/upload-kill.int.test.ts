/**
 * The crash suite, evidence with a real kill: the local runtime CLI (as `pnpm start` runs it) takes
 * a multipart upload through presigned part links, two parts in flight, and is SIGKILLed once some
 * parts were answered 200 and another is half received (its first half is on the engine's disk,
 * the rest not yet sent). Started again on the same data folder, its object engine lists every
 * part it had answered, with the checksum it checked, and nothing of the half part; the client
 * sends the rest through new links, completes, and the object's SHA-256 is the one of the bytes
 * sent. Bounded waits only; every process started here is killed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createS3Client, EVIDENCE_BUCKET, S3EvidenceObjects } from '../../packages/objects/src';
import { type Cli, KillableRuntime } from '../support/cli';

const runtime = new KillableRuntime();
const home = runtime.home;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(() => runtime.cleanup());

/** Starts the CLI and returns its S3 endpoint from runtime.json. */
const ready = async (args: string[]): Promise<{ cli: Cli; s3: string }> => {
  const cli = await runtime.start(args);
  const ep = runtime.endpoints<{ s3: string }>();
  expect(ep.pid).toBe(cli.child.pid);
  return { cli, s3: ep.s3 };
};

const MiB = 1024 * 1024;
const PARTS = 10;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
/** Part n's bytes: 8 MiB (the last one smaller), different for each part. */
const partBody = (n: number) => {
  const b = Buffer.alloc(n === PARTS ? 3 * MiB + 17 : 8 * MiB, n);
  for (let off = 0; off < b.length; off += 4096) b.writeUInt32BE(n * 7919 + off, off);
  return b;
};

describe('crash suite: an evidence upload through a SIGKILL of the runtime', { timeout: 300_000 }, () => {
  it('lists every part answered before the kill after the restart, and completes with the same SHA-256', async () => {
    const { cli, s3: endpoint } = await ready(['--sweep-seconds', '60']);
    const s3 = createS3Client({ endpoint });
    const objects = new S3EvidenceObjects(s3, EVIDENCE_BUCKET, { malwareScan: 'unavailable' });
    const key = 'evidence/crash/disk-image.bin';
    const { uploadId } = await objects.startUpload(key, { mediaType: 'application/octet-stream' });

    // Two senders, as a browser sends parts, until four parts were answered.
    const answered = new Set<number>();
    let next = 1;
    const sender = async () => {
      while (answered.size < 4 && next < PARTS) {
        const n = next++;
        const body = partBody(n);
        const link = await objects.partLink(key, uploadId, { partNumber: n, size: body.length, sha256: sha(body) }, 600);
        const res = await fetch(link.url, {
          method: 'PUT',
          headers: { 'x-amz-checksum-sha256': link.headers['x-amz-checksum-sha256']! },
          body,
        });
        expect(res.status).toBe(200);
        answered.add(n);
      }
    };
    await Promise.all([sender(), sender()]);
    // The last part, half sent: the engine is writing it to a temporary file when the runtime dies.
    const half = partBody(PARTS);
    const halfLink = await objects.partLink(key, uploadId, { partNumber: PARTS, size: half.length, sha256: sha(half) }, 600);
    const cut = request(halfLink.url, { method: 'PUT', headers: halfLink.headers });
    const cutOff = new Promise((resolve) => cut.once('error', resolve).once('response', resolve));
    cut.write(half.subarray(0, half.length >> 1));
    const scratch = join(home, 'data', 'objects', 'tmp');
    const deadline = Date.now() + 30_000;
    const receiving = () => existsSync(scratch) && readdirSync(scratch).some((f) => statSync(join(scratch, f)).size > 0);
    while (!receiving()) {
      if (Date.now() > deadline) throw new Error('the engine never began writing the half part');
      await sleep(50);
    }
    await runtime.kill(cli);
    await cutOff;
    s3.destroy();

    const again = await ready(['--sweep-seconds', '60']);
    const s3b = createS3Client({ endpoint: again.s3 });
    const resumed = new S3EvidenceObjects(s3b, EVIDENCE_BUCKET, { malwareScan: 'unavailable' });
    const held = await resumed.listParts(key, uploadId);
    // Every answered part is there, whole, with the checksum that was checked; a part cut by the
    // kill is either absent or (its answer lost on the way) whole too: never half.
    for (const n of answered)
      expect(held.find((p) => p.partNumber === n)).toMatchObject({ size: partBody(n).length, sha256: sha(partBody(n)) });
    for (const p of held) expect(p).toMatchObject({ size: partBody(p.partNumber).length, sha256: sha(partBody(p.partNumber)) });
    // What was half received when the runtime died was never acknowledged, and is gone.
    expect(held.map((p) => p.partNumber)).not.toContain(PARTS);
    expect(existsSync(scratch) ? readdirSync(scratch) : []).toEqual([]);

    const have = new Set(held.map((p) => p.partNumber));
    for (let n = 1; n <= PARTS; n++) {
      if (have.has(n)) continue;
      const body = partBody(n);
      const link = await resumed.partLink(key, uploadId, { partNumber: n, size: body.length, sha256: sha(body) }, 600);
      const res = await fetch(link.url, {
        method: 'PUT',
        headers: { 'x-amz-checksum-sha256': link.headers['x-amz-checksum-sha256']! },
        body,
      });
      expect(res.status).toBe(200);
    }
    await resumed.completeUpload(key, uploadId, await resumed.listParts(key, uploadId));
    const whole = createHash('sha256');
    let size = 0;
    for (let n = 1; n <= PARTS; n++) {
      const b = partBody(n);
      whole.update(b);
      size += b.length;
    }
    expect(await resumed.digest(key)).toEqual({ sha256: whole.digest('hex'), size });
    s3b.destroy();
  });
});
