import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { S3Error } from './xml';

/** SHA-256 and HMAC-SHA-256 for the signer, from node:crypto. */
class NodeSha256 {
  #hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  readonly #secret: Buffer | undefined;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.#secret = secret === undefined ? undefined : toBuffer(secret);
    this.#hash = this.#fresh();
  }
  #fresh() {
    return this.#secret ? createHmac('sha256', this.#secret) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView) {
    this.#hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#hash.digest());
  }
  reset() {
    this.#hash = this.#fresh();
  }
}

const toBuffer = (d: string | ArrayBuffer | ArrayBufferView): Buffer =>
  typeof d === 'string'
    ? Buffer.from(d, 'utf8')
    : ArrayBuffer.isView(d)
      ? Buffer.from(d.buffer, d.byteOffset, d.byteLength)
      : Buffer.from(d);

/** What a verified request was signed with. */
export interface Signed {
  /** `x-amz-content-sha256` (header) or the presigned URL's payload hash: a hex digest, `UNSIGNED-PAYLOAD` or a `STREAMING-…` mode. */
  payloadHash: string;
  presigned: boolean;
}

/** How far a header-signed request's `x-amz-date` may be from the engine's clock (S3: 15 minutes). */
const MAX_SKEW_MS = 15 * 60_000;
/** The longest a presigned URL may live (SigV4: 7 days). */
const MAX_EXPIRES_S = 7 * 24 * 3600;
const AUTH_QUERY = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
]);

const parseAmzDate = (v: string | undefined): Date | undefined => {
  const m = v?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const headerValue = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

/**
 * Verifies a request's Signature Version 4, header-signed (the SDK) or presigned (a query URL), by
 * recomputing it with the same signer the SDK uses over exactly the headers the request says it
 * signed. A bad or missing signature, an unknown key, a stale date or an expired URL is S3's 403.
 */
export class SigV4Verifier {
  constructor(
    private readonly credentials: { accessKeyId: string; secretAccessKey: string },
    private readonly now: () => number,
  ) {}

  async verify(req: { method: string; rawPath: string; query: URLSearchParams; headers: IncomingHttpHeaders }): Promise<Signed> {
    const q = new Map<string, string>();
    for (const [k, v] of req.query) q.set(k.toLowerCase(), v);
    const auth = headerValue(req.headers, 'authorization');
    if (q.has('x-amz-signature')) return this.#presigned(req, q);
    if (auth) return this.#header(req, auth);
    throw new S3Error(403, 'AccessDenied', 'Anonymous access is not allowed: sign the request (SigV4)');
  }

  #scope(credential: string) {
    const [accessKeyId, date, region, service, terminator] = credential.split('/');
    if (!accessKeyId || !date || !region || !service || terminator !== 'aws4_request') {
      throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The credential scope is malformed');
    }
    if (accessKeyId !== this.credentials.accessKeyId) {
      throw new S3Error(403, 'InvalidAccessKeyId', 'The access key id you provided does not exist in our records');
    }
    return { region, service, date };
  }

  #signer(region: string, service: string) {
    return new SignatureV4({
      credentials: this.credentials,
      region,
      service,
      sha256: NodeSha256,
      uriEscapePath: false,
      applyChecksum: false,
    });
  }

  #signedHeaders(headers: IncomingHttpHeaders, list: string[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const name of list) {
      const v = headerValue(headers, name);
      if (v === undefined) throw new S3Error(403, 'SignatureDoesNotMatch', `The signed header ${name} is missing`);
      out[name] = v;
    }
    return out;
  }

  async #header(
    req: { method: string; rawPath: string; query: URLSearchParams; headers: IncomingHttpHeaders },
    auth: string,
  ): Promise<Signed> {
    const m = auth.match(/^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/);
    if (!m) throw new S3Error(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed');
    const [, credential, signedList, signature] = m as unknown as [string, string, string, string];
    const { region, service } = this.#scope(credential);
    const date = parseAmzDate(headerValue(req.headers, 'x-amz-date'));
    if (!date) throw new S3Error(403, 'AccessDenied', 'The request has no valid x-amz-date');
    if (Math.abs(this.now() - date.getTime()) > MAX_SKEW_MS) {
      throw new S3Error(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large');
    }
    const names = signedList.split(';');
    if (!names.includes('host')) throw new S3Error(403, 'AccessDenied', 'The host header must be signed');
    const headers = this.#signedHeaders(req.headers, names);
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of req.query) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const payloadHash = headerValue(req.headers, 'x-amz-content-sha256') ?? 'UNSIGNED-PAYLOAD';
    const signed = await this.#signer(region, service).sign(
      { method: req.method, protocol: 'http:', hostname: 'localhost', path: req.rawPath, query, headers },
      { signingDate: date, signableHeaders: new Set(names) },
    );
    const expected = String(signed.headers.authorization ?? '').match(/Signature=([0-9a-f]{64})/)?.[1] ?? '';
    if (!same(expected, signature)) {
      throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
    }
    return { payloadHash, presigned: false };
  }

  async #presigned(
    req: { method: string; rawPath: string; query: URLSearchParams; headers: IncomingHttpHeaders },
    q: Map<string, string>,
  ): Promise<Signed> {
    if (q.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256')
      throw new S3Error(400, 'AuthorizationQueryParametersError', 'X-Amz-Algorithm must be AWS4-HMAC-SHA256');
    const { region, service } = this.#scope(q.get('x-amz-credential') ?? '');
    const date = parseAmzDate(q.get('x-amz-date'));
    const expires = Number(q.get('x-amz-expires'));
    if (!date || !Number.isInteger(expires) || expires < 1 || expires > MAX_EXPIRES_S) {
      throw new S3Error(400, 'AuthorizationQueryParametersError', 'X-Amz-Date and X-Amz-Expires must be valid');
    }
    const now = this.now();
    if (now > date.getTime() + expires * 1000) throw new S3Error(403, 'AccessDenied', 'Request has expired');
    if (date.getTime() - now > MAX_SKEW_MS) throw new S3Error(403, 'AccessDenied', 'Request is not valid yet');
    const names = (q.get('x-amz-signedheaders') ?? '').split(';').filter(Boolean);
    if (!names.includes('host')) throw new S3Error(403, 'AccessDenied', 'The host header must be signed');
    const headers = this.#signedHeaders(req.headers, names);
    // The query as signed: everything but the signature's own parameters. The payload hash the
    // presigner hoisted into the query is handed back as a header, where the signer looks for it.
    const query: Record<string, string | string[]> = {};
    let payloadHash = 'UNSIGNED-PAYLOAD';
    for (const [k, v] of req.query) {
      const lk = k.toLowerCase();
      if (AUTH_QUERY.has(lk)) continue;
      if (lk === 'x-amz-content-sha256') {
        payloadHash = v;
        headers[k] = v;
        continue;
      }
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const presigned = await this.#signer(region, service).presign(
      { method: req.method, protocol: 'http:', hostname: 'localhost', path: req.rawPath, query, headers },
      {
        signingDate: date,
        expiresIn: expires,
        signableHeaders: new Set(names),
        unhoistableHeaders: new Set(names),
      },
    );
    const expected = String(presigned.query?.['X-Amz-Signature'] ?? '');
    const provided = q.get('x-amz-signature') ?? '';
    if (!same(expected, provided)) {
      throw new S3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided');
    }
    return { payloadHash, presigned: true };
  }
}
