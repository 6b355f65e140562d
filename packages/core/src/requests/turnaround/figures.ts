import * as z from 'zod/mini';
import { GROWTH, type Histogram, quantileOf } from './histogram';
import { C, type TurnaroundShard } from './model';

const Count = z.int().check(z.nonnegative());
const Times = z.object({
  count: Count,
  /** Nearest-rank median and 90th percentile in seconds, each within 2% (the histogram's buckets); absent when count is 0. */
  medianSeconds: z.optional(z.number()),
  p90Seconds: z.optional(z.number()),
});

const TurnaroundFigures = z.object({
  /** Requests sent to the partner. */
  sent: Count,
  acknowledge: Times,
  answer: Times,
  deadlines: z.object({ met: Count, missed: Count }),
  /** Expired with no answer (each also a missed deadline). */
  expired: Count,
  /** Withdrawn by the agency before any answer. */
  withdrawn: Count,
  /** Answers by outcome (preserved, fulfilled, partially_fulfilled, cannot_comply, …). */
  outcomes: z.record(z.string(), Count),
  /** cannot_comply answers by reason. */
  refusals: z.record(z.string(), Count),
});
type TurnaroundFigures = z.infer<typeof TurnaroundFigures>;

export const Turnaround = z.object({
  orgId: z.string(),
  /** How precise the times are: each bucket of the histogram they are read from is this much wider than the one before. */
  resolution: z.object({ bucketGrowth: z.number(), note: z.string() }),
  /** Every request type together. */
  all: TurnaroundFigures,
  /** Per request type, only those sent to the partner at least once; by type. */
  types: z.array(z.extend(TurnaroundFigures, { type: z.string() })),
  /**
   * In the agencies' view only: a request type sent to the partner fewer times than this is left
   * out, of `types` and of `all` alike, so that no agency learns of another's few requests.
   */
  minimumGroup: z.optional(z.int()),
});
export type Turnaround = z.infer<typeof Turnaround>;

export const RESOLUTION = {
  bucketGrowth: GROWTH,
  note: 'Times come from a log-spaced histogram of 2%-wide buckets: each median or p90 is the middle of the bucket holding it, within 2% of the exact figure.',
};

const secondsOf = (ms: number | undefined) => (ms === undefined ? undefined : Math.round(ms) / 1000);
const times = (count: number, h: Histogram) => {
  const median = secondsOf(quantileOf(h, 0.5));
  const p90 = secondsOf(quantileOf(h, 0.9));
  return { count, ...(median !== undefined ? { medianSeconds: median } : {}), ...(p90 !== undefined ? { p90Seconds: p90 } : {}) };
};

/** Sums counters (shards, or types) and reads the figures off them. */
const figuresOf = (counts: Map<string, number>): TurnaroundFigures => {
  const n = (name: string) => counts.get(name) ?? 0;
  const ack: Histogram = new Map();
  const ans: Histogram = new Map();
  const outcomes: Record<string, number> = {};
  const refusals: Record<string, number> = {};
  for (const [name, v] of counts) {
    const m = /^(ack|ans|out|why)_(.+)$/.exec(name);
    if (!m) continue;
    if (m[1] === 'ack') ack.set(Number(m[2]), v);
    else if (m[1] === 'ans') ans.set(Number(m[2]), v);
    else if (m[1] === 'out') outcomes[m[2]!] = v;
    else refusals[m[2]!] = v;
  }
  return {
    sent: n(C.sent),
    acknowledge: times(n(C.acknowledged), ack),
    answer: times(n(C.answered), ans),
    deadlines: { met: n(C.met), missed: n(C.missed) },
    expired: n(C.expired),
    withdrawn: n(C.withdrawn),
    outcomes,
    refusals,
  };
};

const sumInto = (into: Map<string, number>, counts: Record<string, number>) => {
  for (const [name, v] of Object.entries(counts)) into.set(name, (into.get(name) ?? 0) + v);
};

/**
 * Fewest requests of one type the agencies' view shows figures of. Below it, a type's figures
 * (how many, when answered, refused why) would tell one agency of another's requests to the
 * partner: statistical disclosure control's small-cell rule. The partner sees all of its own.
 */
export const MINIMUM_GROUP = 5;

/**
 * A partner's figures from every shard of every type (one query's worth of items). With
 * `minimumGroup`, a type sent fewer times is left out, and `all` sums only the types shown (so
 * nothing left out can be had by subtraction).
 */
export const turnaroundOf = (orgId: string, shards: readonly TurnaroundShard[], minimumGroup?: number): Turnaround => {
  const byType = new Map<string, Map<string, number>>();
  for (const s of shards) {
    if (s.orgId !== orgId) continue;
    const t = byType.get(s.type) ?? new Map<string, number>();
    sumInto(t, s.counts);
    byType.set(s.type, t);
  }
  const shown = [...byType.entries()].filter(([, c]) => minimumGroup === undefined || (c.get(C.sent) ?? 0) >= minimumGroup);
  const all = new Map<string, number>();
  for (const [, c] of shown) sumInto(all, Object.fromEntries(c));
  return {
    orgId,
    resolution: RESOLUTION,
    all: figuresOf(all),
    types: shown.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([type, c]) => ({ type, ...figuresOf(c) })),
    ...(minimumGroup !== undefined ? { minimumGroup } : {}),
  };
};
