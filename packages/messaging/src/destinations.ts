/**
 * Per-destination isolation for webhook posts: each endpoint (URL origin) gets its own bound on
 * posts in flight and its own circuit breaker, so a receiver that hangs or fails holds up only
 * its own deliveries. A post refused here is not attempted and not counted: it stays due on its
 * inbox item, and comes back through the queue or the sweep.
 */
export interface DestinationLimits {
  /** Posts in flight to one endpoint from this process (default 10: a whole batch). */
  maxInFlight?: number;
  /** Consecutive failures that open an endpoint's circuit (default 5). */
  failuresToOpen?: number;
  /** How long an open circuit refuses posts before letting one through to try (default 30 s). */
  openMs?: number;
}

export type Admission = 'ok' | 'busy' | 'open';

interface DestinationState {
  inFlight: number;
  failures: number;
  openUntil: number;
}

export class DestinationGuard {
  private readonly states = new Map<string, DestinationState>();
  private readonly maxInFlight: number;
  private readonly failuresToOpen: number;
  private readonly openMs: number;

  constructor(limits: DestinationLimits = {}) {
    this.maxInFlight = limits.maxInFlight ?? 10;
    this.failuresToOpen = limits.failuresToOpen ?? 5;
    this.openMs = limits.openMs ?? 30_000;
  }

  private state(origin: string): DestinationState {
    let s = this.states.get(origin);
    if (!s) {
      s = { inFlight: 0, failures: 0, openUntil: 0 };
      this.states.set(origin, s);
    }
    return s;
  }

  /** Takes a slot for a post to `origin` at `now`, or says why not. */
  admit(origin: string, now: Date): Admission {
    const s = this.state(origin);
    const open = s.failures >= this.failuresToOpen;
    if (open && now.getTime() < s.openUntil) return 'open';
    // Half-open: one trial post at a time once the circuit's time is up.
    if (s.inFlight >= (open ? 1 : this.maxInFlight)) return 'busy';
    s.inFlight++;
    return 'ok';
  }

  /** Gives the slot back with the post's outcome (none when no post was made): a success closes the circuit, a failure counts towards opening it. */
  release(origin: string, ok: boolean | undefined, now: Date): void {
    const s = this.state(origin);
    s.inFlight = Math.max(0, s.inFlight - 1);
    if (ok === undefined) return;
    if (ok) {
      s.failures = 0;
      s.openUntil = 0;
      return;
    }
    s.failures++;
    if (s.failures >= this.failuresToOpen) s.openUntil = now.getTime() + this.openMs;
  }
}
