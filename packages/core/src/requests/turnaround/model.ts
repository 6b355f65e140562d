import type { CounterRecord } from '../../kernel/records';
import { defineRecord } from '../../kernel/records';

/**
 * A partner's turnaround counters for one request type, spread over a few shards (by request
 * id) so that no single item takes every status change of a busy partner; a read sums them.
 * They hold counts and histogram buckets only: nothing of any workspace or request.
 */
export type TurnaroundShard = CounterRecord<{ orgId: string; type: string; shard: string }>;

const TURNAROUND_SHARDS = 4;

declare module '../../kernel/records' {
  interface RecordTypes {
    turnaround: { value: TurnaroundShard; ref: { orgId: string; type: string; shard: string } };
  }
}
defineRecord('turnaround', ['orgId', 'type', 'shard'], (s) => ({ orgId: s.orgId, type: s.type, shard: s.shard }));

/** Which shard a request counts into: a hash of its id (FNV-1a). */
export const turnaroundShardOf = (requestId: string): string => {
  let h = 0x811c9dc5;
  for (let i = 0; i < requestId.length; i++) h = Math.imul(h ^ requestId.charCodeAt(i), 0x01000193) >>> 0;
  return String(h % TURNAROUND_SHARDS);
};

/** Counter names (see `COUNTER_NAME`). */
export const C = {
  sent: 'sent',
  acknowledged: 'ack',
  answered: 'ans',
  met: 'met',
  missed: 'missed',
  expired: 'expired',
  withdrawn: 'withdrawn',
  /** Histogram buckets: `ack_<i>` and `ans_<i>`. */
  ackBucket: (i: number) => `ack_${i}`,
  ansBucket: (i: number) => `ans_${i}`,
  /** `out_<status>`: answers by outcome; `why_<reason>`: cannot-comply answers by reason. */
  outcome: (status: string) => `out_${status}`,
  reason: (reason: string) => `why_${reason}`,
} as const;
