import { createHash } from 'node:crypto';
import type { ExportFiles } from './ports';

// Writing an export file: the lines of a chain, as they come, sent to a multipart upload in parts,
// hashed as they go, one part uploading while the next is filled. Knows nothing of jobs (export.ts)
// nor of what the lines say (export-lines.ts).

/** Parts of about 8 MiB: a worker holds two parts at most (one uploading, one filling), whatever the chain's length. */
const EXPORT_PART_BYTES = 8 * 1024 * 1024;
/** Time the worker keeps in hand to abort the upload and record the failure. */
const EXPORT_TIME_MARGIN_MS = 30_000;

export class OutOfTime extends Error {}
export class UploadFailed extends Error {}
/** The file is no longer wanted (another run finished the job first): the upload was aborted. */
export class Superseded extends Error {}

/** What a complete file is: its key, line count, byte size and SHA-256. */
export interface WrittenFile {
  key: string;
  lines: number;
  bytes: number;
  sha256: string;
}

/**
 * Writes `lines` under `key`: memory holds two parts at most, never the file. The first line is
 * pulled before the upload begins (so a reader who may not read the chain fails with nothing
 * uploaded). Any failure, and the time running out (`OutOfTime`), aborts the upload; a failure of
 * the bucket is an `UploadFailed`. Before the upload is completed, `stillWanted` is asked; false
 * aborts it (`Superseded`), so a run that lost to another leaves no file (if the question cannot
 * be answered, the upload completes: the job's own commit decides).
 */
export const writeFile = async (
  files: ExportFiles,
  lines: AsyncIterableIterator<string>,
  key: string,
  opts: {
    partBytes?: number | undefined;
    remainingMs?: (() => number) | undefined;
    stillWanted?: (() => Promise<boolean>) | undefined;
  } = {},
): Promise<WrittenFile> => {
  const partBytes = opts.partBytes ?? EXPORT_PART_BYTES;
  const remainingMs = opts.remainingMs;
  // Authorisation happens on the first pull: a requester who lost access fails before any upload starts.
  const first = await lines.next();
  const upload = await files.begin(key, { mediaType: 'application/jsonl; charset=utf-8' }).catch((err: unknown) => {
    throw new UploadFailed(String(err));
  });
  const hash = createHash('sha256');
  let held: Buffer[] = [];
  let heldBytes = 0;
  let count = 0;
  let bytes = 0;
  let parts = 0;
  // One part goes up while the next is read: memory holds the part in flight and the one being filled.
  let inFlight: Promise<void> | undefined;
  const send = async () => {
    const body = Buffer.concat(held, heldBytes);
    held = [];
    heldBytes = 0;
    parts++;
    if (inFlight) await inFlight;
    inFlight = upload.part(body).catch((err: unknown) => {
      throw new UploadFailed(String(err));
    });
    // Its failure is handled where it is awaited (the next part, the end, or the abort below).
    inFlight.catch(() => undefined);
  };
  try {
    const take = async (line: string) => {
      if (remainingMs && remainingMs() < EXPORT_TIME_MARGIN_MS) throw new OutOfTime();
      const b = Buffer.from(line, 'utf8');
      hash.update(b);
      held.push(b);
      heldBytes += b.length;
      bytes += b.length;
      count++;
      if (heldBytes >= partBytes) await send();
    };
    if (!first.done) await take(first.value);
    for await (const line of lines) await take(line);
    // The last part may be short; an upload needs at least one part, even an empty one.
    if (heldBytes > 0 || parts === 0) await send();
    await inFlight;
    if (opts.stillWanted && !(await opts.stillWanted().catch(() => true))) throw new Superseded();
    await upload.complete().catch((err: unknown) => {
      throw new UploadFailed(String(err));
    });
  } catch (err) {
    await inFlight?.catch(() => undefined);
    await upload.abort().catch(() => undefined);
    throw err;
  }
  return { key, lines: count, bytes, sha256: hash.digest('hex') };
};
