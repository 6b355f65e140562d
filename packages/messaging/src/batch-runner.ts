import type { SQSBatchResponse, SQSRecord } from 'aws-lambda';

/**
 * What the consumers share of Lambda's partial batch responses (ReportBatchItemFailures): the
 * per-record work runs here, each record's error caught as that record's outcome, and the
 * records that failed are reported by message id so that they alone come back.
 */

/** Runs `handle` on every record at once (or, with `oneAtATime`, in turn); a record whose handling throws gets `onError`'s outcome. */
export async function runRecords<R, O>(
  records: readonly R[],
  handle: (r: R) => Promise<O>,
  onError: (r: R, err: unknown) => O,
  opts: { oneAtATime?: boolean } = {},
): Promise<Map<R, O>> {
  const outcomes = new Map<R, O>();
  const one = async (r: R) => {
    try {
      outcomes.set(r, await handle(r));
    } catch (err) {
      outcomes.set(r, onError(r, err));
    }
  };
  if (opts.oneAtATime) for (const r of records) await one(r);
  else await Promise.all(records.map(one));
  return outcomes;
}

/** The records to report failed: those whose outcome `failed` says so, or that have none. */
export const failedRecords = <O>(records: readonly SQSRecord[], outcomes: Map<SQSRecord, O>, failed: (o: O) => boolean): SQSRecord[] =>
  records.filter((r) => !outcomes.has(r) || failed(outcomes.get(r)!));

/** The partial batch response that brings back the messages with these ids. */
export const batchResponse = (failedIds: Iterable<string>): SQSBatchResponse => ({
  batchItemFailures: [...failedIds].map((itemIdentifier) => ({ itemIdentifier })),
});

/** An error as a log field: its message, never its stack or its data. */
export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
