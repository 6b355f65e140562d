import { createHash } from 'node:crypto';
import type { EvidenceObjects, PresignedLink, ScanVerdict, StoredPart } from '../src/index';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Evidence storage in memory, refusing what S3 refuses: a part whose body's SHA-256 or length is
 * not what its link was signed for, completing with a part missing or changed. A link is
 * `memory-part:<key>#<uploadId>#<n>#<sha256>#<size>`; `put` sends a body to it as a browser would.
 */
export class MemoryEvidenceObjects implements EvidenceObjects {
  readonly uploads = new Map<string, { key: string; parts: Map<number, StoredPart & { body: Uint8Array }> }>();
  readonly objects = new Map<string, Uint8Array>();
  readonly deleted: string[] = [];
  verdict: ScanVerdict = 'unavailable';
  private n = 0;

  async startUpload(key: string): Promise<{ uploadId: string }> {
    const uploadId = `up-${++this.n}`;
    this.uploads.set(uploadId, { key, parts: new Map() });
    return { uploadId };
  }
  async partLink(
    key: string,
    uploadId: string,
    part: { partNumber: number; size: number; sha256: string },
    ttl: number,
  ): Promise<PresignedLink> {
    return {
      url: `memory-part:${key}#${uploadId}#${part.partNumber}#${part.sha256}#${part.size}`,
      method: 'PUT',
      headers: { 'x-amz-checksum-sha256': Buffer.from(part.sha256, 'hex').toString('base64') },
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
    };
  }
  /** A client's PUT to a part link: refused (false) when the body is not what the link was signed for. */
  put(url: string, body: Uint8Array): boolean {
    const [, uploadId, n, digest, size] = url.replace(/^memory-part:/, '').split('#') as [string, string, string, string, string];
    const up = this.uploads.get(uploadId);
    if (!up || sha(body) !== digest || body.length !== Number(size)) return false;
    up.parts.set(Number(n), { partNumber: Number(n), size: body.length, etag: `"${digest.slice(0, 32)}"`, sha256: digest, body });
    return true;
  }
  async listParts(_key: string, uploadId: string): Promise<StoredPart[]> {
    const up = this.uploads.get(uploadId);
    if (!up) throw new Error('NoSuchUpload');
    return [...up.parts.values()].sort((a, b) => a.partNumber - b.partNumber).map(({ body: _b, ...p }) => p);
  }
  async completeUpload(key: string, uploadId: string, parts: readonly Pick<StoredPart, 'partNumber' | 'etag' | 'sha256'>[]): Promise<void> {
    const up = this.uploads.get(uploadId);
    if (!up || up.key !== key) throw new Error('NoSuchUpload');
    const bodies = parts.map((p) => {
      const held = up.parts.get(p.partNumber);
      if (!held || held.etag !== p.etag || held.sha256 !== p.sha256) throw new Error(`InvalidPart ${p.partNumber}`);
      return held.body;
    });
    this.objects.set(key, Buffer.concat(bodies));
    this.uploads.delete(uploadId);
  }
  async abortUpload(_key: string, uploadId: string): Promise<void> {
    this.uploads.delete(uploadId);
  }
  async digest(key: string): Promise<{ sha256: string; size: number } | null> {
    const body = this.objects.get(key);
    return body ? { sha256: sha(body), size: body.length } : null;
  }
  async downloadLink(key: string, opts: { fileName: string; ttlSeconds: number }): Promise<PresignedLink> {
    return {
      url: `memory-get:${key}?name=${encodeURIComponent(opts.fileName)}`,
      method: 'GET',
      headers: {},
      expiresAt: new Date(Date.now() + opts.ttlSeconds * 1000).toISOString(),
    };
  }
  /** The bytes a download link reads. */
  read(url: string): Uint8Array | null {
    return this.objects.get(url.replace(/^memory-get:/, '').replace(/\?.*$/, '')) ?? null;
  }
  async scanVerdict(): Promise<ScanVerdict> {
    return this.verdict;
  }
  async delete(key: string): Promise<void> {
    this.objects.delete(key);
    this.deleted.push(key);
  }
}
