// The evidence uploader's worker: it hashes the file part by part (each part's SHA-256, and the
// whole file's, in one pass of bounded memory) and sends each part straight to object storage
// through its presigned link, off the page's thread. Served under a policy of its own (see
// packages/local/src/console.ts `workerCsp`): it compiles its bundled SHA-256 and reaches storage.
import { createSHA256 } from 'hash-wasm';

export type ToWorker =
  | { type: 'hash'; file: File; partSize: number }
  | { type: 'put'; n: number; url: string; headers: Record<string, string>; file: File; start: number; end: number };

export type FromWorker =
  | { type: 'part'; n: number; sha256: string; size: number }
  | { type: 'whole'; sha256: string }
  | { type: 'put-ok'; n: number }
  | { type: 'put-failed'; n: number; status: number; detail: string }
  | { type: 'error'; detail: string };

/** The worker's own scope (typed by hand: the console compiles against the page's DOM types). */
const scope = self as unknown as { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };
const post = (m: FromWorker) => scope.postMessage(m);

/** How much of a part is read at a time: the part is never held whole. */
const CHUNK = 4 * 1024 * 1024;

const hashFile = async (file: File, partSize: number) => {
  const whole = await createSHA256();
  const part = await createSHA256();
  whole.init();
  for (let n = 1, at = 0; at < file.size; n++, at += partSize) {
    const end = Math.min(file.size, at + partSize);
    part.init();
    for (let c = at; c < end; c += CHUNK) {
      const bytes = new Uint8Array(await file.slice(c, Math.min(end, c + CHUNK)).arrayBuffer());
      part.update(bytes);
      whole.update(bytes);
    }
    post({ type: 'part', n, sha256: part.digest('hex'), size: end - at });
  }
  post({ type: 'whole', sha256: whole.digest('hex') });
};

const put = async (m: Extract<ToWorker, { type: 'put' }>) => {
  // The browser sets Content-Length from the body itself (it may not be set by hand).
  const headers = Object.fromEntries(Object.entries(m.headers).filter(([k]) => k.toLowerCase() !== 'content-length'));
  try {
    const res = await fetch(m.url, { method: 'PUT', headers, body: m.file.slice(m.start, m.end) });
    if (res.ok) post({ type: 'put-ok', n: m.n });
    else post({ type: 'put-failed', n: m.n, status: res.status, detail: (await res.text()).slice(0, 300) });
  } catch (err) {
    // No answer at all: the network is down (or storage unreachable).
    post({ type: 'put-failed', n: m.n, status: 0, detail: err instanceof Error ? err.message : String(err) });
  }
};

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'hash') hashFile(m.file, m.partSize).catch((err: unknown) => post({ type: 'error', detail: String(err) }));
  else void put(m);
};
