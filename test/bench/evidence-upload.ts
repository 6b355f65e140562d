/**
 * pnpm bench (evidence upload): a 2 GiB object (BENCH_EVIDENCE_MIB, default 2048) uploaded to the
 * local object engine in 64 MiB parts through presigned part links (two parts in flight, as a
 * browser would send them), completed, then verified by streaming it back through a SHA-256
 * (`digest`). The engine runs in a process of its own, so its peak resident memory (Linux VmHWM)
 * is its own: the point is that it stays bounded, far below the object's size. Figures, not
 * assertions. Run alone with `tsx test/bench/evidence-upload.ts`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAX_PART_BYTES } from '@taskforce/core';
import { startObjectEngine } from '../../packages/local/src/objects';
import { createS3Client, ensureBucket, S3EvidenceObjects } from '../../packages/objects/src';

const MiB = 1024 * 1024;
const BUCKET = 'bench-evidence';

/** Peak and current resident memory of a process, in MiB (Linux /proc). */
const memoryOf = (pid: number): { peak: number; now: number } => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) / 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
};

/** Starts the engine in a child process on `dir`; resolves with its endpoint and the process. */
const engineProcess = (dir: string): Promise<{ endpoint: string; child: ChildProcess }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--engine', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const m = out.match(/^endpoint (\S+)$/m);
      if (m) resolve({ endpoint: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`the engine process exited (${code}) before it listened`)));
  });

export async function evidenceUploadBench(): Promise<void> {
  const totalMiB = Number(process.env.BENCH_EVIDENCE_MIB ?? 2048);
  const partBytes = MAX_PART_BYTES;
  const total = totalMiB * MiB;
  const parts = Math.ceil(total / partBytes);
  const dir = mkdtempSync(join(tmpdir(), 'bench-evidence-'));
  const { endpoint, child } = await engineProcess(dir);
  const s3 = createS3Client({ endpoint });
  try {
    await ensureBucket(s3, BUCKET);
    const objects = new S3EvidenceObjects(s3, BUCKET, { malwareScan: 'unavailable' });
    const key = 'bench/disk-image.bin';
    const whole = createHash('sha256');
    // Each part's bytes differ (its number is stamped in every 4 KiB): one buffer reused, hashed in order.
    const partBody = (n: number) => {
      const size = Math.min(partBytes, total - (n - 1) * partBytes);
      const b = Buffer.alloc(size, n % 251);
      for (let off = 0; off < size; off += 4096) b.writeUInt32BE(n, off);
      return b;
    };
    const t0 = performance.now();
    const { uploadId } = await objects.startUpload(key, { mediaType: 'application/octet-stream' });
    let next = 1;
    const hashed: Buffer[] = [];
    let hashedUpTo = 0;
    const sender = async () => {
      while (next <= parts) {
        const n = next++;
        const body = partBody(n);
        const sha256 = createHash('sha256').update(body).digest('hex');
        const link = await objects.partLink(key, uploadId, { partNumber: n, size: body.length, sha256 }, 900);
        const res = await fetch(link.url, {
          method: 'PUT',
          headers: { 'x-amz-checksum-sha256': link.headers['x-amz-checksum-sha256']! },
          body,
        });
        if (res.status !== 200) throw new Error(`part ${n}: ${res.status} ${await res.text()}`);
        hashed[n] = body;
        // The whole object's SHA-256, as the browser's worker keeps it: parts folded in in order.
        while (hashed[hashedUpTo + 1]) {
          whole.update(hashed[hashedUpTo + 1]!);
          hashed[++hashedUpTo] = Buffer.alloc(0);
        }
      }
    };
    await Promise.all([sender(), sender()]);
    const uploaded = performance.now();
    await objects.completeUpload(key, uploadId, await objects.listParts(key, uploadId));
    const completed = performance.now();
    const digest = await objects.digest(key);
    const verified = performance.now();
    const expected = whole.digest('hex');
    const engine = memoryOf(child.pid!);
    const driver = process.resourceUsage().maxRSS / 1024;
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const rate = (ms: number) => `${(total / MiB / (ms / 1000)).toFixed(0)} MiB/s`;
    process.stdout.write(
      `\nEvidence upload to the local object engine: ${totalMiB} MiB in ${parts} parts of ${partBytes / MiB} MiB through presigned links, 2 in flight\n\n` +
        `  upload parts     ${s(uploaded - t0).padStart(8)}   ${rate(uploaded - t0)}\n` +
        `  complete (join)  ${s(completed - uploaded).padStart(8)}\n` +
        `  verify (digest)  ${s(verified - completed).padStart(8)}   ${rate(verified - completed)}\n` +
        `  total            ${s(verified - t0).padStart(8)}\n` +
        `  SHA-256          ${digest?.sha256 === expected && digest.size === total ? 'matches' : `MISMATCH (${digest?.sha256} vs ${expected})`}\n` +
        `  engine peak RSS  ${engine.peak.toFixed(0).padStart(5)} MiB   (${((engine.peak / totalMiB) * 100).toFixed(1)}% of the object; now ${engine.now.toFixed(0)} MiB)\n` +
        `  client peak RSS  ${driver.toFixed(0).padStart(5)} MiB   (this process: it makes, hashes and sends the parts, and reads the digest stream)\n`,
    );
    if (digest?.sha256 !== expected) process.exitCode = 1;
  } finally {
    s3.destroy();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--engine') {
  const engine = await startObjectEngine({ dir: process.argv[3]!, onError: (err) => process.stderr.write(`engine: ${String(err)}\n`) });
  process.stdout.write(`endpoint ${engine.endpoint}\n`);
  process.once('SIGTERM', () => void engine.stop().then(() => process.exit(0)));
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await evidenceUploadBench();
}
