/**
 * The small pieces the load benches share: a closed-loop cell runner (N clients, each sending its
 * next request when the last one is answered, for a fixed time), percentiles and the tally of
 * answers by class. Kept apart from the benches so a unit test keeps them honest.
 */

/** The p-th percentile (nearest rank) of a list of numbers; 0 for an empty list. */
export const pct = (xs: readonly number[], p: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** What one operation answered: an HTTP status, or `error` when no answer came (a thrown fetch). */
export type Outcome = number | 'error';

export interface CellResult {
  clients: number;
  seconds: number;
  /** Operations answered 2xx. */
  ok: number;
  /** 409s: a stale If-Match in a mix is an expected answer, not an error. */
  conflict: number;
  /** 5xx answers and requests that got no answer. */
  failed: number;
  /** Any other 4xx (a bench that sees these is measuring the wrong thing). */
  other: number;
  /** 503s among `failed` (contention given up on with Retry-After). */
  unavailable: number;
  /** Latency of every operation, answered or not, in ms. */
  latencies: number[];
  /** Successful operations per second. */
  rate: number;
}

export const tally = (outcomes: readonly Outcome[]): Pick<CellResult, 'ok' | 'conflict' | 'failed' | 'other' | 'unavailable'> => {
  const t = { ok: 0, conflict: 0, failed: 0, other: 0, unavailable: 0 };
  for (const o of outcomes) {
    if (o === 'error' || o >= 500) t.failed++;
    else if (o >= 200 && o < 300) t.ok++;
    else if (o === 409) t.conflict++;
    else t.other++;
    if (o === 503) t.unavailable++;
  }
  return t;
};

/**
 * Runs `clients` closed loops for `ms` milliseconds: client c calls `op(c, i)` for its i-th
 * operation, waits for the answer, and goes again until the time is up. Operations still in flight
 * at the end are waited for and counted (so a slow tail is not hidden), and the rate is taken over
 * the time actually spent.
 */
export async function runCell(clients: number, ms: number, op: (client: number, i: number) => Promise<Outcome>): Promise<CellResult> {
  const outcomes: Outcome[] = [];
  const latencies: number[] = [];
  const t0 = performance.now();
  const end = t0 + ms;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; performance.now() < end; i++) {
        const s = performance.now();
        let o: Outcome;
        try {
          o = await op(c, i);
        } catch {
          o = 'error';
        }
        latencies.push(performance.now() - s);
        outcomes.push(o);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const t = tally(outcomes);
  return { clients, seconds, ...t, latencies, rate: t.ok / seconds };
}

/** Fixed-width number for the tables. */
export const num = (x: number, digits = 1, width = 8): string => x.toFixed(digits).padStart(width);
