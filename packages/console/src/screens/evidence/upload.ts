import { completeFile, type FilesOf, partLinks, startFile, storedParts } from './api';
import type { FromWorker, ToWorker } from './hash-worker';

// One upload of a file: the worker hashes it part by part; each hashed part is sent to storage
// through a link asked for with its SHA-256; a network cut pauses it, and it resumes (on its own
// when the browser is back online, or by a click) from the parts storage already holds; once
// every part is in and the whole file is hashed, it is completed and the worker on the server
// verifies it.

const MiB = 1024 * 1024;
/** Parts of 8 MiB up to 1 GiB, of 32 MiB above (50 GiB is then 1,600 parts). */
const partSizeFor = (size: number) => (size > 1024 * MiB ? 32 * MiB : 8 * MiB);
/** Parts in flight at once. */
const PARALLEL = 3;

type Phase = 'hashing' | 'uploading' | 'paused' | 'completing' | 'verifying' | 'failed';

export interface UploadState {
  fileName: string;
  size: number;
  phase: Phase;
  /** Bytes storage holds. */
  sent: number;
  /** Bytes hashed so far. */
  hashed: number;
  sha256?: string;
  fileId?: string;
  error?: unknown;
}

export class Upload {
  state: UploadState;
  private readonly worker: Worker;
  private readonly hashes = new Map<number, { sha256: string; size: number }>();
  private readonly done = new Set<number>();
  private readonly inFlight = new Set<number>();
  private partCount = 0;
  private partSize = 0;
  private whole: string | undefined;
  private readonly online = () => void this.resume();

  constructor(
    private readonly where: FilesOf,
    private readonly file: File,
    private readonly untrusted: boolean,
    private readonly onChange: (s: UploadState) => void,
  ) {
    this.state = { fileName: file.name, size: file.size, phase: 'hashing', sent: 0, hashed: 0 };
    this.worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module', name: 'hash-worker' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.onWorker(e.data);
    addEventListener('online', this.online);
  }

  private set(patch: Partial<UploadState>) {
    this.state = { ...this.state, ...patch };
    this.onChange(this.state);
  }

  private send(m: ToWorker) {
    this.worker.postMessage(m);
  }

  async start() {
    this.partSize = partSizeFor(this.file.size);
    try {
      const s = await startFile(this.where, {
        fileName: this.file.name,
        size: this.file.size,
        mediaType: this.file.type && /^[A-Za-z]+\/[A-Za-z0-9.+-]+$/.test(this.file.type) ? this.file.type : 'application/octet-stream',
        partSize: this.partSize,
        ...(this.untrusted ? { untrusted: true } : {}),
      });
      this.partCount = s.item.partCount;
      this.set({ fileId: s.item.id, phase: 'uploading' });
      this.send({ type: 'hash', file: this.file, partSize: this.partSize });
    } catch (error) {
      this.set({ phase: 'failed', error });
    }
  }

  private onWorker(m: FromWorker) {
    if (m.type === 'part') {
      this.hashes.set(m.n, { sha256: m.sha256, size: m.size });
      this.set({ hashed: this.state.hashed + m.size });
      void this.pump();
    } else if (m.type === 'whole') {
      this.whole = m.sha256;
      this.set({ sha256: m.sha256 });
      void this.pump();
    } else if (m.type === 'put-ok') {
      this.inFlight.delete(m.n);
      this.done.add(m.n);
      this.set({ sent: this.state.sent + (this.hashes.get(m.n)?.size ?? 0) });
      void this.pump();
    } else if (m.type === 'put-failed') {
      this.inFlight.delete(m.n);
      // No answer: the network is down; pause until it is back. Storage refusing a part is an error.
      if (m.status === 0) this.pause();
      else this.set({ phase: 'failed', error: new Error(`part ${m.n}: ${m.status} ${m.detail}`) });
    } else this.set({ phase: 'failed', error: new Error(m.detail) });
  }

  private pause() {
    if (this.state.phase === 'uploading') this.set({ phase: 'paused' });
  }

  /** Sends the hashed parts storage does not hold yet, a few at a time; completes when all are in. */
  private async pump() {
    if (this.state.phase !== 'uploading' || !this.state.fileId) return;
    if (this.done.size === this.partCount && this.whole) return this.complete();
    const ready = [...this.hashes.keys()].filter((n) => !this.done.has(n) && !this.inFlight.has(n)).sort((a, b) => a - b);
    const take = ready.slice(0, PARALLEL - this.inFlight.size);
    if (take.length === 0) return;
    for (const n of take) this.inFlight.add(n);
    try {
      const { links } = await partLinks(this.where, this.state.fileId, {
        parts: take.map((n) => ({ partNumber: n, size: this.hashes.get(n)!.size, sha256: this.hashes.get(n)!.sha256 })),
      });
      for (const l of links) {
        const start = (l.partNumber - 1) * this.partSize;
        this.send({
          type: 'put',
          n: l.partNumber,
          url: l.url,
          headers: l.headers,
          file: this.file,
          start,
          end: start + this.hashes.get(l.partNumber)!.size,
        });
      }
    } catch (error) {
      for (const n of take) this.inFlight.delete(n);
      // The API is out of reach too: the same pause.
      if (error instanceof TypeError || !navigator.onLine) this.pause();
      else this.set({ phase: 'failed', error });
    }
  }

  /** Asks storage which parts it holds, skips those, and goes on. */
  async resume() {
    if (this.state.phase !== 'paused' || !this.state.fileId) return;
    try {
      const s = await storedParts(this.where, this.state.fileId);
      for (const p of s.parts) if (this.hashes.get(p.partNumber)?.sha256 === p.sha256) this.done.add(p.partNumber);
      const sent = [...this.done].reduce((n, p) => n + (this.hashes.get(p)?.size ?? 0), 0);
      this.inFlight.clear();
      this.set({ phase: 'uploading', sent });
      void this.pump();
    } catch {
      // Still offline: stay paused; the next `online` event (or a click) tries again.
    }
  }

  private async complete() {
    if (this.state.phase !== 'uploading') return;
    this.set({ phase: 'completing' });
    try {
      await completeFile(this.where, this.state.fileId!, this.whole!);
      this.set({ phase: 'verifying' });
      this.stop();
    } catch (error) {
      if (error instanceof TypeError) this.set({ phase: 'paused' });
      else this.set({ phase: 'failed', error });
    }
  }

  stop() {
    removeEventListener('online', this.online);
    this.worker.terminate();
  }
}
