/**
 * Durations kept as a sparse, log-spaced histogram: bucket `i` holds the durations in
 * [GROWTH^i, GROWTH^(i+1)) milliseconds (bucket 0 also holds anything under 1 ms), so each bucket
 * is 2% wide and a median or p90 read from it is within 2% of the exact one (its bucket's
 * geometric middle: within 1% either way). One second to a year takes about 1,000 buckets; only
 * those that hold something are stored.
 */
export const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);

export const bucketOf = (ms: number): number => (ms < GROWTH ? 0 : Math.floor(Math.log(ms) / LOG_GROWTH));
export const bucketBounds = (i: number): { from: number; to: number } => ({ from: i === 0 ? 0 : GROWTH ** i, to: GROWTH ** (i + 1) });
/** What a bucket stands for: its geometric middle. */
const bucketValue = (i: number): number => GROWTH ** (i + 0.5);

/** Counts by bucket. */
export type Histogram = Map<number, number>;

/**
 * The nearest-rank quantile `q` (0 < q ≤ 1): the bucket of the ⌈q·n⌉-th smallest duration,
 * as its middle in milliseconds; undefined for an empty histogram.
 */
export const quantileOf = (h: Histogram, q: number): number | undefined => {
  const buckets = [...h.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return undefined;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [i, n] of buckets) {
    seen += n;
    if (seen >= rank) return bucketValue(i);
  }
  return bucketValue(buckets[buckets.length - 1]![0]);
};
