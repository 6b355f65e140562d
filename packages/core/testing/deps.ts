import { base32Digits, type ContentStore, type Deps, type ExportFiles, type ExportUpload, type Ids, ManualClock } from '../src/index';
import { MemoryEvidenceObjects } from './memory-evidence-objects';
import { MemoryStore } from './memory-store';

/**
 * Ids shaped like the platform's (10 characters of clock time, then 16 more) but deterministic:
 * the tail is a counter, so ids still sort in creation order and a test run is repeatable.
 */
const sequentialIds = (clock: { now(): Date }): Ids => {
  let n = 0;
  return {
    next: () => base32Digits(clock.now().getTime(), 10) + base32Digits(++n, 16),
  };
};

/** Evidence content in memory. */
class MemoryContentStore implements ContentStore {
  private readonly objects = new Map<string, Uint8Array>();
  async put(key: string, body: Uint8Array): Promise<void> {
    this.objects.set(key, new Uint8Array(body));
  }
  async get(key: string): Promise<Uint8Array | null> {
    const body = this.objects.get(key);
    return body ? new Uint8Array(body) : null;
  }
}

/**
 * Audit export files in memory: parts are kept per upload and joined on completion; a link is
 * `memory:<key>`, which `read` resolves. `largestPart` is the biggest body one part carried.
 */
export class MemoryExportFiles implements ExportFiles {
  readonly files = new Map<string, Uint8Array>();
  readonly aborted: string[] = [];
  largestPart = 0;
  async begin(key: string): Promise<ExportUpload> {
    const parts: Uint8Array[] = [];
    return {
      part: async (body) => {
        this.largestPart = Math.max(this.largestPart, body.length);
        parts.push(new Uint8Array(body));
      },
      complete: async () => {
        this.files.set(key, Buffer.concat(parts));
      },
      abort: async () => {
        this.aborted.push(key);
      },
    };
  }
  async linkFor(key: string, ttlSeconds: number): Promise<string> {
    return `memory:${key}?ttl=${ttlSeconds}`;
  }
  /** The file a link points at, or null. */
  read(link: string): Uint8Array | null {
    return this.files.get(link.replace(/^memory:/, '').replace(/\?.*$/, '')) ?? null;
  }
}

export type MemoryDeps = Deps & {
  store: MemoryStore;
  alerts: MemoryStore;
  clock: ManualClock;
  content: MemoryContentStore;
  exportFiles: MemoryExportFiles;
  evidenceObjects: MemoryEvidenceObjects;
};

/** Everything a use case needs, in memory: one store (records and alerts), a clock the test moves, repeatable ids. */
export const memoryDeps = (opts: { now?: Date | string } = {}): MemoryDeps => {
  const store = new MemoryStore();
  const clock = new ManualClock(opts.now ?? '2026-03-01T08:00:00.000Z');
  return {
    store,
    alerts: store,
    clock,
    ids: sequentialIds(clock),
    content: new MemoryContentStore(),
    exportFiles: new MemoryExportFiles(),
    // As the local runtime: no malware scanner, so every verdict is `unavailable`.
    evidenceObjects: new MemoryEvidenceObjects(undefined, 'unavailable'),
  };
};
