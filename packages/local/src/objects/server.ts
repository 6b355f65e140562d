import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SigV4Verifier } from './sigv4';
import { type Expect, MAX_PART_NUMBER, MAX_SINGLE_BYTES, type ObjectMeta, ObjectStore } from './store';
import { blocks, element, errorDocument, S3Error, xmlDocument } from './xml';

export interface ObjectEngineOptions {
  /** The folder everything persists in. */
  dir: string;
  port?: number;
  /** The key pair requests must be signed with (default `local` / `local`, what the local S3 client uses). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /**
   * Origins a browser may call from (CORS). By default any page served from this machine
   * (`http://127.0.0.1:<port>`, `http://localhost:<port>`): the console's origin is one of them.
   */
  corsOrigins?: readonly string[];
  /** The engine's clock in milliseconds, for signature dates and link expiry (default `Date.now`). */
  now?: () => number;
  /** Told of each request that failed inside the engine (answered 500). */
  onError?(err: unknown): void;
}

export interface ObjectEngine {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** The largest XML body (CompleteMultipartUpload of 10,000 parts, a tag set) the engine reads. */
const MAX_XML_BYTES = 2 * 1024 * 1024;
/** The most of a refused request's body read before answering (one part and some); past it the connection closes. */
const MAX_DRAIN_BYTES = 80 * 1024 * 1024;
const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const EXPOSED = [
  'ETag',
  'x-amz-checksum-sha256',
  'x-amz-request-id',
  'Content-Range',
  'Content-Length',
  'Accept-Ranges',
  'Content-Disposition',
];

/**
 * aws-chunked bodies (`STREAMING-…` payloads: what the SDK sends when it adds a trailing checksum):
 * `<hex size>[;chunk-signature=…]\r\n<data>\r\n`… then `0\r\n<trailers>\r\n\r\n`. Passes the data on,
 * holding no more than one chunk header at a time.
 */
class AwsChunkedDecoder extends Transform {
  #pending = Buffer.alloc(0);
  #left = 0;
  #state: 'header' | 'data' | 'crlf' | 'trailer' = 'header';
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    let buf = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    this.#pending = Buffer.alloc(0);
    while (buf.length > 0) {
      if (this.#state === 'data') {
        const take = Math.min(this.#left, buf.length);
        this.push(buf.subarray(0, take));
        buf = buf.subarray(take);
        this.#left -= take;
        if (this.#left === 0) this.#state = 'crlf';
      } else if (this.#state === 'crlf') {
        if (buf.length < 2) break;
        if (buf[0] !== 13 || buf[1] !== 10) return done(new S3Error(400, 'IncompleteBody', 'The aws-chunked body is malformed'));
        buf = buf.subarray(2);
        this.#state = 'header';
      } else if (this.#state === 'header') {
        const eol = buf.indexOf('\r\n');
        if (eol < 0) {
          if (buf.length > 4096) return done(new S3Error(400, 'IncompleteBody', 'The aws-chunked body is malformed'));
          break;
        }
        const size = Number.parseInt(buf.subarray(0, eol).toString('latin1').split(';')[0] ?? '', 16);
        if (!Number.isFinite(size) || size < 0) return done(new S3Error(400, 'IncompleteBody', 'The aws-chunked body is malformed'));
        buf = buf.subarray(eol + 2);
        if (size === 0) this.#state = 'trailer';
        else {
          this.#left = size;
          this.#state = 'data';
        }
      } else {
        // Trailing headers (the SDK's checksum of what it sent): read and let go.
        if (buf.length > 8192) return done(new S3Error(400, 'IncompleteBody', 'The aws-chunked trailer is too long'));
        break;
      }
    }
    if (buf.length > 0) this.#pending = Buffer.from(buf);
    done();
  }
  override _flush(done: TransformCallback) {
    if (this.#state !== 'trailer') return done(new S3Error(400, 'IncompleteBody', 'The aws-chunked body ended early'));
    done();
  }
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const readSmall = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_XML_BYTES) throw new S3Error(400, 'MaxMessageLengthExceeded', 'Your request was too big');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

const userMetadata = (req: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k.startsWith('x-amz-meta-') && typeof v === 'string') out[k.slice(11)] = v;
  return out;
};

const parseTagSet = (xml: string): Record<string, string> => {
  const tags: Record<string, string> = {};
  for (const t of blocks(xml, 'Tag')) {
    const k = element(t, 'Key');
    if (!k) throw new S3Error(400, 'MalformedXML', 'A tag has no key');
    tags[k] = element(t, 'Value') ?? '';
  }
  if (Object.keys(tags).length > 10) throw new S3Error(400, 'BadRequest', 'Object tags cannot be greater than 10');
  return tags;
};

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` over an object of `size` bytes: the inclusive range, or undefined for the whole. */
const parseRange = (range: string | undefined, size: number): { start: number; end: number } | undefined => {
  if (!range) return undefined;
  const m = range.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable');
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return undefined;
  }
  if (start >= size) throw new S3Error(416, 'InvalidRange', 'The requested range is not satisfiable');
  return { start, end };
};

/**
 * The local object engine: an HTTP server speaking the part of the S3 API the platform uses,
 * path-style (`/<bucket>/<key>`): buckets (create, head), single PUTs with a SHA-256 checksum,
 * multipart uploads with per-part SHA-256 checksums (create, upload part, list parts, complete,
 * abort), GET with ranges, HEAD, DELETE, object tags. Every request is SigV4-signed, in its headers
 * (the SDK) or in a presigned URL (a browser), and verified; a browser page on this machine may
 * call it (CORS). Errors are S3's XML error bodies. Data lives under `dir` (see `ObjectStore`).
 */
export const startObjectEngine = async (opts: ObjectEngineOptions): Promise<ObjectEngine> => {
  const store = new ObjectStore(opts.dir);
  await store.init();
  const verifier = new SigV4Verifier(opts.credentials ?? { accessKeyId: 'local', secretAccessKey: 'local' }, opts.now ?? Date.now);
  const allowedOrigin = (origin: string | undefined): string | undefined => {
    if (!origin) return undefined;
    if (opts.corsOrigins ? opts.corsOrigins.includes(origin) || opts.corsOrigins.includes('*') : LOOPBACK_ORIGIN.test(origin))
      return origin;
    return undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = req.url ?? '/';
    const qi = raw.indexOf('?');
    const rawPath = qi < 0 ? raw : raw.slice(0, qi);
    const query = new URLSearchParams(qi < 0 ? '' : raw.slice(qi + 1));
    const slash = rawPath.indexOf('/', 1);
    let bucket: string;
    let key: string;
    try {
      bucket = decodeURIComponent(slash < 0 ? rawPath.slice(1) : rawPath.slice(1, slash));
      key = slash < 0 ? '' : decodeURIComponent(rawPath.slice(slash + 1));
    } catch {
      throw new S3Error(400, 'InvalidURI', 'Could not parse the specified URI');
    }
    const method = req.method ?? 'GET';
    const origin = allowedOrigin(header(req, 'origin'));
    if (origin) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED.join(', '));
    }
    if (method === 'OPTIONS') {
      if (!origin) throw new S3Error(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed');
      res.setHeader('Access-Control-Allow-Methods', 'GET, PUT, POST, DELETE, HEAD');
      const asked = header(req, 'access-control-request-headers');
      if (asked) res.setHeader('Access-Control-Allow-Headers', asked);
      res.setHeader('Access-Control-Max-Age', '3000');
      res.writeHead(200).end();
      return;
    }
    const signed = await verifier.verify({ method, rawPath, query, headers: req.headers });
    if (!bucket) throw new S3Error(501, 'NotImplemented', 'Listing buckets is not supported by the local engine');

    // Bucket
    if (!key) {
      if (method === 'PUT') {
        await store.createBucket(bucket);
        res.writeHead(200, { Location: `/${bucket}` }).end();
        return;
      }
      if (method === 'HEAD') {
        res.writeHead((await store.hasBucket(bucket)) ? 200 : 404).end();
        return;
      }
      throw new S3Error(501, 'NotImplemented', 'This bucket operation is not supported by the local engine');
    }

    const length = header(req, 'content-length');
    const streaming = signed.payloadHash.startsWith('STREAMING-') || (header(req, 'content-encoding') ?? '').includes('aws-chunked');
    const decoded = header(req, 'x-amz-decoded-content-length');
    const body = (maxBytes: number): { stream: Readable; expect: Expect } => {
      const declared = streaming ? decoded : length;
      const expect: Expect = { maxBytes };
      if (declared !== undefined) expect.length = Number(declared);
      if (expect.length !== undefined && (!Number.isSafeInteger(expect.length) || expect.length < 0)) {
        throw new S3Error(400, 'InvalidArgument', 'Content-Length is not valid');
      }
      if (expect.length === undefined && !streaming)
        throw new S3Error(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header');
      if (expect.length !== undefined && expect.length > maxBytes) {
        throw new S3Error(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      }
      const sha = header(req, 'x-amz-checksum-sha256');
      if (sha !== undefined) expect.sha256 = sha;
      if (!streaming) expect.payloadHash = signed.payloadHash;
      return { stream: streaming ? req.pipe(new AwsChunkedDecoder()) : req, expect };
    };
    const uploadId = query.get('uploadId');

    if (method === 'POST' && query.has('uploads')) {
      const algorithm = header(req, 'x-amz-checksum-algorithm');
      if (algorithm && algorithm.toUpperCase() !== 'SHA256')
        throw new S3Error(400, 'InvalidRequest', 'Only the SHA256 checksum algorithm is supported locally');
      const up = await store.createUpload(bucket, key, {
        contentType: header(req, 'content-type') ?? 'binary/octet-stream',
        metadata: userMetadata(req),
        ...(algorithm ? { checksumAlgorithm: 'SHA256' as const } : {}),
      });
      if (up.checksumAlgorithm) res.setHeader('x-amz-checksum-algorithm', 'SHA256');
      return xml(res, 200, 'InitiateMultipartUploadResult', { Bucket: bucket, Key: key, UploadId: up.uploadId });
    }

    if (uploadId !== null) {
      const upload = await store.upload(bucket, key, uploadId);
      if (method === 'PUT') {
        const n = Number(query.get('partNumber'));
        if (!Number.isInteger(n) || n < 1 || n > MAX_PART_NUMBER) {
          throw new S3Error(400, 'InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`);
        }
        const { stream, expect } = body(MAX_SINGLE_BYTES);
        const part = await store.writePart(upload, n, stream, expect);
        res.setHeader('ETag', part.etag);
        if (expect.sha256 !== undefined) res.setHeader('x-amz-checksum-sha256', part.sha256);
        res.writeHead(200).end();
        return;
      }
      if (method === 'GET') {
        const parts = await store.listParts(upload);
        const max = Math.min(Math.max(Number(query.get('max-parts') ?? 1000) || 1000, 1), 1000);
        const marker = Number(query.get('part-number-marker') ?? 0) || 0;
        const after = parts.filter((p) => p.partNumber > marker);
        const page = after.slice(0, max);
        const truncated = after.length > page.length;
        return xml(res, 200, 'ListPartsResult', {
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          PartNumberMarker: marker,
          NextPartNumberMarker: page.at(-1)?.partNumber ?? marker,
          MaxParts: max,
          IsTruncated: truncated,
          ...(upload.checksumAlgorithm ? { ChecksumAlgorithm: 'SHA256' } : {}),
          Part: page.map((p) => ({
            PartNumber: p.partNumber,
            LastModified: p.lastModified,
            ETag: p.etag,
            Size: p.size,
            ...(upload.checksumAlgorithm ? { ChecksumSHA256: p.sha256 } : {}),
          })),
        });
      }
      if (method === 'POST') {
        const doc = await readSmall(req);
        const parts = blocks(doc, 'Part').map((p) => {
          const partNumber = Number(element(p, 'PartNumber'));
          const etag = element(p, 'ETag');
          if (!Number.isInteger(partNumber) || !etag)
            throw new S3Error(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate');
          const sha256 = element(p, 'ChecksumSHA256');
          return { partNumber, etag, ...(sha256 !== undefined ? { sha256 } : {}) };
        });
        const done = await store.completeUpload(upload, parts);
        if (done.checksumSha256) res.setHeader('x-amz-checksum-sha256', done.checksumSha256);
        return xml(res, 200, 'CompleteMultipartUploadResult', {
          Location: `/${bucket}/${key}`,
          Bucket: bucket,
          Key: key,
          ETag: done.etag,
          ...(done.checksumSha256 ? { ChecksumSHA256: done.checksumSha256 } : {}),
        });
      }
      if (method === 'DELETE') {
        await store.abortUpload(upload);
        res.writeHead(204).end();
        return;
      }
      throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource');
    }

    if (query.has('tagging')) {
      if (method === 'GET') {
        const meta = await store.requireObject(bucket, key);
        return xml(res, 200, 'Tagging', { TagSet: { Tag: Object.entries(meta.tags).map(([Key, Value]) => ({ Key, Value })) } });
      }
      if (method === 'PUT') {
        await store.requireObject(bucket, key);
        await store.setTags(bucket, key, parseTagSet(await readSmall(req)));
        res.writeHead(200).end();
        return;
      }
      if (method === 'DELETE') {
        await store.requireObject(bucket, key);
        await store.setTags(bucket, key, {});
        res.writeHead(204).end();
        return;
      }
      throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource');
    }

    if (method === 'PUT') {
      if (header(req, 'x-amz-copy-source')) throw new S3Error(501, 'NotImplemented', 'CopyObject is not supported by the local engine');
      const { stream, expect } = body(MAX_SINGLE_BYTES);
      const tagging = header(req, 'x-amz-tagging');
      const meta = await store.putObject(bucket, key, stream, expect, {
        contentType: header(req, 'content-type') ?? 'binary/octet-stream',
        metadata: userMetadata(req),
        tags: tagging ? Object.fromEntries(new URLSearchParams(tagging)) : {},
      });
      res.setHeader('ETag', meta.etag);
      if (meta.checksumSha256) res.setHeader('x-amz-checksum-sha256', meta.checksumSha256);
      res.writeHead(200).end();
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      const meta = await store.requireObject(bucket, key);
      const range = parseRange(header(req, 'range'), meta.size);
      const start = range?.start ?? 0;
      const end = range?.end ?? meta.size - 1;
      objectHeaders(res, meta, query);
      res.setHeader('Content-Length', String(meta.size === 0 ? 0 : end - start + 1));
      if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${meta.size}`);
      res.writeHead(range ? 206 : 200);
      if (method === 'HEAD' || meta.size === 0) {
        res.end();
        return;
      }
      await pipeline(store.read(bucket, meta, start, end), res);
      return;
    }
    if (method === 'DELETE') {
      await store.deleteObject(bucket, key);
      res.writeHead(204).end();
      return;
    }
    throw new S3Error(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource');
  };

  const server: Server = createServer((req, res) => {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    res.setHeader('x-amz-request-id', requestId);
    handle(req, res).catch(async (err: unknown) => {
      if (!(err instanceof S3Error)) opts.onError?.(err);
      const e = err instanceof S3Error ? err : new S3Error(500, 'InternalError', 'We encountered an internal error. Please try again.');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A refused body is read to its end (up to a bound) before the answer, so the client sees
      // the answer rather than a connection closed under its upload; past the bound it closes.
      if (!req.complete && !req.destroyed) {
        if (Number(header(req, 'content-length') ?? Number.POSITIVE_INFINITY) <= MAX_DRAIN_BYTES) {
          await new Promise<void>((resolve) => {
            req.once('end', resolve).once('close', resolve).once('error', resolve);
            req.resume();
          });
        } else res.setHeader('Connection', 'close');
      }
      if (res.destroyed) return;
      const text = req.method === 'HEAD' ? '' : errorDocument(e, req.url?.split('?')[0] ?? '/', requestId);
      res.writeHead(e.status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(text) }).end(text);
      if (!req.complete) req.resume();
    });
  });
  // Parts up to 64 MiB on a slow link: no whole-request deadline, only an idle one.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

const xml = (res: ServerResponse, status: number, root: string, body: Parameters<typeof xmlDocument>[1]) => {
  const text = xmlDocument(root, body);
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(text) }).end(text);
};

const objectHeaders = (res: ServerResponse, meta: ObjectMeta, query: URLSearchParams) => {
  res.setHeader('ETag', meta.etag);
  res.setHeader('Last-Modified', new Date(meta.lastModified).toUTCString());
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', query.get('response-content-type') ?? meta.contentType);
  const disposition = query.get('response-content-disposition');
  if (disposition) res.setHeader('Content-Disposition', disposition);
  for (const [k, v] of Object.entries(meta.metadata)) res.setHeader(`x-amz-meta-${k}`, v);
  if (Object.keys(meta.tags).length > 0) res.setHeader('x-amz-tagging-count', String(Object.keys(meta.tags).length));
};
