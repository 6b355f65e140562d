import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { S3Error } from './xml';

/** S3's bounds: a part or a single PUT up to 5 GiB, every part but the last at least 5 MiB, part numbers 1 to 10,000. */
export const MAX_SINGLE_BYTES = 5 * 1024 ** 3;
export const MIN_NON_LAST_PART_BYTES = 5 * 1024 ** 2;
export const MAX_PART_NUMBER = 10_000;

/** An object as the engine keeps it: the metadata file names the data file it stands for. */
export interface ObjectMeta {
  key: string;
  size: number;
  etag: string;
  contentType: string;
  lastModified: string;
  metadata: Record<string, string>;
  /** Base64 SHA-256 of a single PUT, or for a multipart object S3's composite `<base64>-<parts>`. */
  checksumSha256?: string;
  /** Each part's size and base64 SHA-256 (a multipart object). */
  parts?: { size: number; sha256: string }[];
  tags: Record<string, string>;
  data: string;
}

export interface UploadMeta {
  uploadId: string;
  bucket: string;
  key: string;
  contentType: string;
  metadata: Record<string, string>;
  checksumAlgorithm?: 'SHA256';
  initiated: string;
}

export interface PartRecord {
  partNumber: number;
  size: number;
  /** Quoted, as S3 answers it. */
  etag: string;
  /** Base64, as S3's `x-amz-checksum-sha256`. */
  sha256: string;
  lastModified: string;
  file: string;
}

/** What a body must be: its length, its SHA-256 (base64, from `x-amz-checksum-sha256`), its payload hash (hex, from the signature). */
export interface Expect {
  length?: number;
  sha256?: string;
  payloadHash?: string;
  maxBytes: number;
}

interface Received {
  size: number;
  md5: Buffer;
  sha256: Buffer;
}

/** Counts and hashes bytes on their way to disk; refuses a body past `max` bytes. */
class Hashing extends Transform {
  readonly md5 = createHash('md5');
  readonly sha256 = createHash('sha256');
  size = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    if (this.size > this.max) return done(new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size'));
    this.md5.update(chunk);
    this.sha256.update(chunk);
    done(null, chunk);
  }
}

const fsyncDir = async (dir: string) => {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
};

/** Writes `text` to `file` so that a crash leaves either the old file or the new one, never half of it. */
const writeAtomic = async (file: string, text: string, tmpDir: string) => {
  const tmp = join(tmpDir, `${randomUUID()}.json`);
  await writeFile(tmp, text, { flush: true });
  await rename(tmp, file);
};

const keyName = (key: string) => createHash('sha256').update(key).digest('hex');
const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const uploadIdShape = /^[A-Za-z0-9_-]{16,64}$/;
const partFile = /^p(\d{5})\.(\d{16})\.([0-9a-f]{32})\.([0-9a-f]{64})$/;

/**
 * The engine's data on disk, under one folder:
 * - `buckets/<bucket>`: a bucket exists when its folder does;
 * - `uploads/<uploadId>/upload.json` and one file per acknowledged part, named
 *   `p<number>.<sequence>.<md5>.<sha256>`: a part is written to `tmp/`, flushed, then renamed in
 *   (one atomic step), and only then answered, so an answered part survives a crash and a half
 *   part is never seen; a part sent again gets a higher sequence and replaces the first;
 * - `objects/<bucket>/<sha256(key)>.json` naming its data file `<sha256(key)>.<uuid>.data`: the data
 *   is written first, the metadata renamed over the old one last, so a reader sees the old object or
 *   the new one, whole.
 * Bodies are streamed; nothing holds a whole part or object in memory.
 */
export class ObjectStore {
  readonly tmp: string;
  #seq = 0;

  constructor(readonly root: string) {
    this.tmp = join(root, 'tmp');
  }

  async init(): Promise<void> {
    // What was being received when the engine stopped was never acknowledged.
    await rm(this.tmp, { recursive: true, force: true });
    await Promise.all(['buckets', 'uploads', 'objects', 'tmp'].map((d) => mkdir(join(this.root, d), { recursive: true })));
  }

  #bucketDir(bucket: string) {
    if (!bucketName.test(bucket)) throw new S3Error(400, 'InvalidBucketName', 'The specified bucket is not valid');
    return join(this.root, 'buckets', bucket);
  }

  async createBucket(bucket: string): Promise<void> {
    await mkdir(this.#bucketDir(bucket), { recursive: true });
    await mkdir(join(this.root, 'objects', bucket), { recursive: true });
  }

  async hasBucket(bucket: string): Promise<boolean> {
    try {
      return (await stat(this.#bucketDir(bucket))).isDirectory();
    } catch {
      return false;
    }
  }

  async requireBucket(bucket: string): Promise<void> {
    if (!(await this.hasBucket(bucket))) throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist');
  }

  /** Streams `body` into a new file under `tmp/`, hashing it; refuses it (and removes the file) unless it is what `expect` says. */
  async #receive(body: Readable, expect: Expect): Promise<Received & { file: string }> {
    const file = join(this.tmp, randomUUID());
    const hashing = new Hashing(expect.maxBytes);
    try {
      await pipeline(body, hashing, createWriteStream(file, { flush: true }));
      const got = { size: hashing.size, md5: hashing.md5.digest(), sha256: hashing.sha256.digest() };
      if (expect.length !== undefined && got.size !== expect.length) {
        throw new S3Error(400, 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header');
      }
      if (expect.payloadHash && /^[0-9a-f]{64}$/.test(expect.payloadHash) && expect.payloadHash !== got.sha256.toString('hex')) {
        throw new S3Error(400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed");
      }
      if (expect.sha256 !== undefined && expect.sha256 !== got.sha256.toString('base64')) {
        throw new S3Error(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum');
      }
      return { ...got, file };
    } catch (err) {
      await rm(file, { force: true });
      throw err;
    }
  }

  // Multipart uploads

  async createUpload(
    bucket: string,
    key: string,
    opts: Pick<UploadMeta, 'contentType' | 'metadata' | 'checksumAlgorithm'>,
  ): Promise<UploadMeta> {
    await this.requireBucket(bucket);
    const uploadId = randomBytes(24).toString('base64url');
    const meta: UploadMeta = { uploadId, bucket, key, ...opts, initiated: new Date().toISOString() };
    const staging = join(this.tmp, `upload-${uploadId}`);
    await mkdir(staging);
    await writeFile(join(staging, 'upload.json'), JSON.stringify(meta), { flush: true });
    await rename(staging, join(this.root, 'uploads', uploadId));
    await fsyncDir(join(this.root, 'uploads'));
    return meta;
  }

  async upload(bucket: string, key: string, uploadId: string): Promise<UploadMeta> {
    const missing = new S3Error(
      404,
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    );
    if (!uploadIdShape.test(uploadId)) throw missing;
    let meta: UploadMeta;
    try {
      meta = JSON.parse(await readFile(join(this.root, 'uploads', uploadId, 'upload.json'), 'utf8')) as UploadMeta;
    } catch {
      throw missing;
    }
    if (meta.bucket !== bucket || meta.key !== key) throw missing;
    return meta;
  }

  async writePart(upload: UploadMeta, partNumber: number, body: Readable, expect: Expect): Promise<PartRecord> {
    if (upload.checksumAlgorithm === 'SHA256' && expect.sha256 === undefined) {
      throw new S3Error(
        400,
        'InvalidRequest',
        'The upload was created using a SHA256 checksum: each part must carry x-amz-checksum-sha256',
      );
    }
    const got = await this.#receive(body, expect);
    const dir = join(this.root, 'uploads', upload.uploadId);
    const seq = (Date.now() * 1000 + (this.#seq++ % 1000)).toString().padStart(16, '0');
    const name = `p${String(partNumber).padStart(5, '0')}.${seq}.${got.md5.toString('hex')}.${got.sha256.toString('hex')}`;
    try {
      await rename(got.file, join(dir, name));
    } catch {
      await rm(got.file, { force: true });
      // Aborted or completed while the part was arriving.
      throw new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
    }
    await fsyncDir(dir);
    const parts = await this.listParts(upload);
    const record = parts.find((p) => p.partNumber === partNumber && p.file === join(dir, name));
    if (!record) throw new Error(`part ${partNumber} of upload ${upload.uploadId} was not kept`);
    return record;
  }

  /** The upload's parts, the latest of each number, in number order; older copies of a part sent again are removed. */
  async listParts(upload: UploadMeta): Promise<PartRecord[]> {
    const dir = join(this.root, 'uploads', upload.uploadId);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      throw new S3Error(404, 'NoSuchUpload', 'The specified upload does not exist.');
    }
    const latest = new Map<number, { name: string; seq: string; md5: string; sha256: string }>();
    const stale: string[] = [];
    for (const name of names) {
      const m = name.match(partFile);
      if (!m) continue;
      const [, n, seq, md5, sha256] = m as unknown as [string, string, string, string, string];
      const number = Number(n);
      const prev = latest.get(number);
      if (prev && prev.seq > seq) {
        stale.push(name);
        continue;
      }
      if (prev) stale.push(prev.name);
      latest.set(number, { name, seq, md5, sha256 });
    }
    await Promise.all(stale.map((s) => unlink(join(dir, s)).catch(() => undefined)));
    const out: PartRecord[] = [];
    for (const [partNumber, p] of [...latest].sort((a, b) => a[0] - b[0])) {
      const st = await stat(join(dir, p.name)).catch(() => undefined);
      if (!st) continue;
      out.push({
        partNumber,
        size: st.size,
        etag: `"${p.md5}"`,
        sha256: Buffer.from(p.sha256, 'hex').toString('base64'),
        lastModified: st.mtime.toISOString(),
        file: join(dir, p.name),
      });
    }
    return out;
  }

  async completeUpload(
    upload: UploadMeta,
    requested: { partNumber: number; etag: string; sha256?: string }[],
  ): Promise<{ etag: string; checksumSha256?: string }> {
    if (requested.length === 0) throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate');
    const stored = new Map((await this.listParts(upload)).map((p) => [p.partNumber, p]));
    const chosen: PartRecord[] = [];
    let last = 0;
    for (const r of requested) {
      if (r.partNumber <= last) throw new S3Error(400, 'InvalidPartOrder', 'The list of parts was not in ascending order');
      last = r.partNumber;
      const p = stored.get(r.partNumber);
      const unquote = (e: string) => e.replace(/^"|"$/g, '');
      if (!p || unquote(p.etag) !== unquote(r.etag)) {
        throw new S3Error(400, 'InvalidPart', `Part ${r.partNumber} could not be found, or its ETag did not match`);
      }
      if (r.sha256 !== undefined && r.sha256 !== p.sha256) {
        throw new S3Error(400, 'InvalidPart', `Part ${r.partNumber}'s checksum did not match the part's checksum`);
      }
      if (r.sha256 === undefined && upload.checksumAlgorithm === 'SHA256') {
        throw new S3Error(
          400,
          'InvalidRequest',
          `The upload was created using a SHA256 checksum: part ${r.partNumber} must carry its checksum`,
        );
      }
      chosen.push(p);
    }
    chosen.forEach((p, i) => {
      if (i < chosen.length - 1 && p.size < MIN_NON_LAST_PART_BYTES) {
        throw new S3Error(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size');
      }
    });
    const kn = keyName(upload.key);
    const data = `${kn}.${randomUUID()}.data`;
    const tmpData = join(this.tmp, data);
    const out = createWriteStream(tmpData, { flush: true });
    try {
      for (const p of chosen) await pipeline(createReadStream(p.file), out, { end: false });
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(resolve);
      });
    } catch (err) {
      out.destroy();
      await rm(tmpData, { force: true });
      throw err;
    }
    const md5s = createHash('md5');
    const shas = createHash('sha256');
    for (const p of chosen) {
      md5s.update(Buffer.from(p.etag.replace(/"/g, ''), 'hex'));
      shas.update(Buffer.from(p.sha256, 'base64'));
    }
    const etag = `"${md5s.digest('hex')}-${chosen.length}"`;
    const checksumSha256 = `${shas.digest('base64')}-${chosen.length}`;
    await this.#commitObject(upload.bucket, tmpData, data, {
      key: upload.key,
      size: chosen.reduce((n, p) => n + p.size, 0),
      etag,
      contentType: upload.contentType,
      metadata: upload.metadata,
      ...(upload.checksumAlgorithm === 'SHA256' ? { checksumSha256 } : {}),
      parts: chosen.map((p) => ({ size: p.size, sha256: p.sha256 })),
    });
    await rm(join(this.root, 'uploads', upload.uploadId), { recursive: true, force: true });
    return { etag, ...(upload.checksumAlgorithm === 'SHA256' ? { checksumSha256 } : {}) };
  }

  async abortUpload(upload: UploadMeta): Promise<void> {
    await rm(join(this.root, 'uploads', upload.uploadId), { recursive: true, force: true });
  }

  // Objects

  async #commitObject(bucket: string, tmpData: string, data: string, meta: Omit<ObjectMeta, 'lastModified' | 'tags' | 'data'>) {
    const dir = join(this.root, 'objects', bucket);
    await mkdir(dir, { recursive: true });
    const previous = await this.head(bucket, meta.key);
    await rename(tmpData, join(dir, data));
    const full: ObjectMeta = { ...meta, lastModified: new Date().toISOString(), tags: {}, data };
    await writeAtomic(join(dir, `${keyName(meta.key)}.json`), JSON.stringify(full), this.tmp);
    await fsyncDir(dir);
    if (previous && previous.data !== data) await rm(join(dir, previous.data), { force: true });
    return full;
  }

  async putObject(
    bucket: string,
    key: string,
    body: Readable,
    expect: Expect,
    opts: { contentType: string; metadata: Record<string, string>; tags: Record<string, string> },
  ): Promise<ObjectMeta> {
    await this.requireBucket(bucket);
    const got = await this.#receive(body, expect);
    const data = `${keyName(key)}.${randomUUID()}.data`;
    const meta = await this.#commitObject(bucket, got.file, data, {
      key,
      size: got.size,
      etag: `"${got.md5.toString('hex')}"`,
      contentType: opts.contentType,
      metadata: opts.metadata,
      ...(expect.sha256 !== undefined ? { checksumSha256: got.sha256.toString('base64') } : {}),
    });
    if (Object.keys(opts.tags).length > 0) return this.setTags(bucket, key, opts.tags);
    return meta;
  }

  async head(bucket: string, key: string): Promise<ObjectMeta | undefined> {
    try {
      const meta = JSON.parse(await readFile(join(this.root, 'objects', bucket, `${keyName(key)}.json`), 'utf8')) as ObjectMeta;
      return meta.key === key ? meta : undefined;
    } catch {
      return undefined;
    }
  }

  async requireObject(bucket: string, key: string): Promise<ObjectMeta> {
    await this.requireBucket(bucket);
    const meta = await this.head(bucket, key);
    if (!meta) throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.');
    return meta;
  }

  /** The object's bytes `start` to `end` inclusive, streamed from its data file. */
  read(bucket: string, meta: ObjectMeta, start: number, end: number): ReadStream {
    return createReadStream(join(this.root, 'objects', bucket, meta.data), { start, end });
  }

  async setTags(bucket: string, key: string, tags: Record<string, string>): Promise<ObjectMeta> {
    const meta = await this.requireObject(bucket, key);
    const next = { ...meta, tags };
    await writeAtomic(join(this.root, 'objects', bucket, `${keyName(key)}.json`), JSON.stringify(next), this.tmp);
    return next;
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    await this.requireBucket(bucket);
    const meta = await this.head(bucket, key);
    if (!meta) return;
    const dir = join(this.root, 'objects', bucket);
    await rm(join(dir, `${keyName(key)}.json`), { force: true });
    await rm(join(dir, meta.data), { force: true });
  }
}
