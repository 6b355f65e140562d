import type { RecordShapes } from './shared';

/** A private partner's turnaround counters: every request type's shards in one partition, read by one query. */
export const turnaroundPartition = (orgId: string): string => `TURN#${orgId}`;

export const turnaroundRecords: RecordShapes<'turnaround'> = {
  turnaround: { key: (ref) => ({ pk: turnaroundPartition(ref.orgId), sk: `${ref.type}#${ref.shard}` }) },
};
