import { createHash, randomBytes } from 'node:crypto';
import type { EvidenceObjects, PresignedLink, ScanVerdict, StoredPart } from '../src/evidence/objects';

/** An error storage answers, with S3's code (`InvalidPart`, `NoSuchUpload` …), as the S3 adapter throws it. */
const refused = (code: string, message: string) => Object.assign(new Error(message), { name: 'StorageRefused', code });

interface Link {
  kind: 'part' | 'get';
  key: string;
  uploadId?: string;
  partNumber?: number;
  size?: number;
  /** Base64, as the signed `x-amz-checksum-sha256` header. */
  checksum?: string;
  fileName?: string;
  mediaType?: string;
  expiresAt: number;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();
const xmlError = (status: number, code: string) =>
  new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code}</Message></Error>`, {
    status,
    headers: { 'content-type': 'application/xml' },
  });

/**
 * Evidence objects in memory, for unit tests, answering as S3 does. Links are `memory://…` URLs
 * that only `fetch` here understands: it plays storage's side (the signed length and checksum
 * checked, ranges served, expiry by the clock given). Scan verdicts come from the tag a test sets
 * with `setScanStatus` (GuardDuty's values), `pending` until then; or, with `scanSource`
 * `unavailable` (as on one machine, where no scanner runs), `unavailable` whatever the tag.
 */
export class MemoryEvidenceObjects implements EvidenceObjects {
  readonly objects = new Map<string, { body: Uint8Array; mediaType: string; scanStatus?: string }>();
  readonly uploads = new Map<
    string,
    { key: string; mediaType: string; parts: Map<number, { body: Uint8Array; etag: string; sha256: string }> }
  >();
  readonly #links = new Map<string, Link>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    /** Where verdicts come from: GuardDuty's tag, or no scanner at all (the local runtime's case). */
    public scanSource: 'guardduty' | 'unavailable' = 'guardduty',
  ) {}

  async startUpload(key: string, meta: { mediaType: string }): Promise<{ uploadId: string }> {
    const uploadId = randomBytes(18).toString('base64url');
    this.uploads.set(uploadId, { key, mediaType: meta.mediaType, parts: new Map() });
    return { uploadId };
  }

  #link(link: Link, method: 'PUT' | 'GET', headers: Record<string, string>): PresignedLink {
    const token = randomBytes(18).toString('base64url');
    this.#links.set(token, link);
    return { url: `memory://evidence/${token}`, method, headers, expiresAt: new Date(link.expiresAt).toISOString() };
  }

  async partLink(
    key: string,
    uploadId: string,
    part: { partNumber: number; size: number; sha256: string },
    ttlSeconds: number,
  ): Promise<PresignedLink> {
    const checksum = Buffer.from(part.sha256, 'hex').toString('base64');
    return this.#link(
      {
        kind: 'part',
        key,
        uploadId,
        partNumber: part.partNumber,
        size: part.size,
        checksum,
        expiresAt: this.now().getTime() + ttlSeconds * 1000,
      },
      'PUT',
      { 'content-length': String(part.size), 'x-amz-checksum-sha256': checksum },
    );
  }

  #upload(key: string, uploadId: string) {
    const up = this.uploads.get(uploadId);
    if (!up || up.key !== key) throw refused('NoSuchUpload', 'The specified upload does not exist.');
    return up;
  }

  async listParts(key: string, uploadId: string): Promise<StoredPart[]> {
    const up = this.#upload(key, uploadId);
    return [...up.parts]
      .sort((a, b) => a[0] - b[0])
      .map(([partNumber, p]) => ({ partNumber, size: p.body.length, etag: p.etag, sha256: p.sha256 }));
  }

  async completeUpload(key: string, uploadId: string, parts: readonly Pick<StoredPart, 'partNumber' | 'etag' | 'sha256'>[]): Promise<void> {
    const up = this.#upload(key, uploadId);
    if (parts.length === 0) throw refused('MalformedXML', 'No parts');
    const chosen = [...parts].sort((a, b) => a.partNumber - b.partNumber);
    const bodies: Uint8Array[] = [];
    chosen.forEach((p, i) => {
      const stored = up.parts.get(p.partNumber);
      if (!stored || stored.etag !== p.etag || stored.sha256 !== p.sha256)
        throw refused('InvalidPart', `Part ${p.partNumber} is missing or differs`);
      if (i < chosen.length - 1 && stored.body.length < 5 * 1024 * 1024)
        throw refused('EntityTooSmall', `Part ${p.partNumber} is too small`);
      bodies.push(stored.body);
    });
    this.objects.set(key, { body: Buffer.concat(bodies), mediaType: up.mediaType });
    this.uploads.delete(uploadId);
  }

  async abortUpload(_key: string, uploadId: string): Promise<void> {
    this.uploads.delete(uploadId);
  }

  async digest(key: string): Promise<{ sha256: string; size: number } | null> {
    const o = this.objects.get(key);
    return o ? { sha256: sha256(o.body).toString('hex'), size: o.body.length } : null;
  }

  async downloadLink(key: string, opts: { fileName: string; mediaType: string; ttlSeconds: number }): Promise<PresignedLink> {
    return this.#link(
      { kind: 'get', key, fileName: opts.fileName, mediaType: opts.mediaType, expiresAt: this.now().getTime() + opts.ttlSeconds * 1000 },
      'GET',
      {},
    );
  }

  async scanVerdict(key: string): Promise<ScanVerdict> {
    if (this.scanSource === 'unavailable') return 'unavailable';
    const status = this.objects.get(key)?.scanStatus;
    if (status === undefined) return 'pending';
    return ({ NO_THREATS_FOUND: 'clean', THREATS_FOUND: 'threats_found' } as Record<string, ScanVerdict>)[status] ?? 'failed';
  }

  /** What GuardDuty would tag the object with (`NO_THREATS_FOUND`, `THREATS_FOUND`, `FAILED` …). */
  setScanStatus(key: string, status: string): void {
    const o = this.objects.get(key);
    if (o) o.scanStatus = status;
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  /** Storage's side of a link: what S3 answers a client that sends this request to `url`. */
  async fetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: Uint8Array } = {}): Promise<Response> {
    const link = this.#links.get(url.replace(/^memory:\/\/evidence\//, ''));
    if (!link) return xmlError(403, 'SignatureDoesNotMatch');
    if (this.now().getTime() > link.expiresAt) return xmlError(403, 'AccessDenied');
    const method = init.method ?? 'GET';
    const headers = Object.fromEntries(Object.entries(init.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    if (link.kind === 'part') {
      const body = init.body ?? new Uint8Array();
      // The length and the checksum header are signed: another value is another signature.
      if (method !== 'PUT' || body.length !== link.size || headers['x-amz-checksum-sha256'] !== link.checksum) {
        return xmlError(403, 'SignatureDoesNotMatch');
      }
      const digest = sha256(body);
      if (digest.toString('base64') !== link.checksum) return xmlError(400, 'BadDigest');
      const up = this.uploads.get(link.uploadId ?? '');
      if (!up) return xmlError(404, 'NoSuchUpload');
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      up.parts.set(link.partNumber ?? 0, { body: new Uint8Array(body), etag, sha256: digest.toString('hex') });
      return new Response(null, { status: 200, headers: { etag, 'x-amz-checksum-sha256': link.checksum } });
    }
    if (method !== 'GET') return xmlError(403, 'SignatureDoesNotMatch');
    const o = this.objects.get(link.key);
    if (!o) return xmlError(404, 'NoSuchKey');
    const size = o.body.length;
    const m = headers.range?.match(/^bytes=(\d*)-(\d*)$/);
    let start = 0;
    let end = size - 1;
    if (m && (m[1] || m[2])) {
      if (m[1] === '') start = Math.max(0, size - Number(m[2]));
      else {
        start = Number(m[1]);
        if (m[2] !== '') end = Math.min(Number(m[2]), size - 1);
      }
      if (start >= size) return xmlError(416, 'InvalidRange');
    }
    const ranged = !!m && (m[1] !== '' || m[2] !== '');
    return new Response(o.body.slice(start, end + 1), {
      status: ranged ? 206 : 200,
      headers: {
        'content-type': link.mediaType ?? o.mediaType,
        'content-disposition': `attachment; filename="${(link.fileName ?? '').replace(/[^\x20-\x7e]|["\\]/g, '_')}"`,
        ...(ranged ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
      },
    });
  }
}
