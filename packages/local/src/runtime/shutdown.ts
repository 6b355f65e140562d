/** How long a step of a stop is waited for unless it says otherwise. */
const DEFAULT_STEP_BOUND_MS = 3_000;

/** A part's way of stopping: what it is (for the log), how, and how long it may take. */
export interface StopStep {
  what: string;
  stop(): Promise<void> | void;
  /**
   * How long the stop waits for it before going on to the next part (default 3 s). Whatever
   * it was still waiting for (a message in hand, a request to an engine that died) is
   * abandoned: the queue brings the message back, the client retries the request.
   */
  boundMs?: number;
}

/**
 * How the runtime stops. Each part, once started, says how it stops (`add`); `stop()` stops them
 * in the reverse order, the last started first (the tickers, then the workers, the server, the
 * in-process sequencer, the engines), once however often it is called. Every step is bounded
 * and one that fails or overruns its bound does not keep the next from stopping: the engines
 * (the last step) are always stopped, and a stop takes a few seconds at most, whatever state
 * the engines are in. What must happen before any step (the engine supervisor giving up
 * restarting engines) is said with `onStopping`. A part that fails for good (`fail`) stops the
 * whole runtime; a failure while the runtime is still starting is held until it has started
 * (`started`), so that it stops every part, not only those started by then.
 */
export class Shutdown {
  private readonly steps: StopStep[] = [];
  private readonly first: (() => void)[] = [];
  private stopped: Promise<void> | undefined;
  private running = false;
  private failure: Error | undefined;

  /**
   * `onFailure` is told of a part that failed for good; it decides what to do (stop, log, exit).
   * `onStepProblem` is told of a step that threw or overran its bound (the stop went on).
   */
  constructor(
    private readonly onFailure: (err: Error) => void,
    private readonly onStepProblem: (what: string, problem: string) => void = () => {},
  ) {}

  /** How the part just started stops. */
  add(step: StopStep): void {
    this.steps.push(step);
  }

  /** What happens at once when the stop begins, before the first step. */
  onStopping(fn: () => void): void {
    this.first.push(fn);
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      for (const fn of this.first) {
        try {
          fn();
        } catch (err) {
          this.onStepProblem('stopping', errorText(err));
        }
      }
      for (const step of [...this.steps].reverse()) await this.run(step);
    })();
    return this.stopped;
  }

  private async run(step: StopStep): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const bound = step.boundMs ?? DEFAULT_STEP_BOUND_MS;
    const overran = new Promise<'overran'>((resolve) => {
      timer = setTimeout(() => resolve('overran'), bound);
    });
    try {
      const out = await Promise.race([Promise.resolve().then(() => step.stop()), overran]);
      if (out === 'overran') this.onStepProblem(step.what, `did not stop within ${bound} ms; left behind`);
    } catch (err) {
      this.onStepProblem(step.what, errorText(err));
    } finally {
      clearTimeout(timer);
    }
  }

  fail(err: Error): void {
    if (this.running) this.onFailure(err);
    else this.failure = err;
  }

  /** Every part has started: a failure held meanwhile is acted on now. */
  started(): void {
    this.running = true;
    if (this.failure) this.onFailure(this.failure);
  }
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
