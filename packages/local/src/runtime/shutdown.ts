/**
 * How the runtime stops. Each part, once started, says how it stops (`add`); `stop()` stops them
 * in the reverse order, the last started first (the tickers, then the workers, the server, the
 * in-process sequencer, the engines), once however often it is called. A part that fails for
 * good (`fail`) stops the whole runtime; a failure while the runtime is still starting is held
 * until it has started (`started`), so that it stops every part, not only those started by then.
 */
export class Shutdown {
  private readonly steps: (() => Promise<void> | void)[] = [];
  private stopped: Promise<void> | undefined;
  private running = false;
  private failure: Error | undefined;

  /** `onFailure` is told of a part that failed for good; it decides what to do (stop, log, exit). */
  constructor(private readonly onFailure: (err: Error) => void) {}

  /** How the part just started stops. */
  add(stop: () => Promise<void> | void): void {
    this.steps.push(stop);
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      for (const step of [...this.steps].reverse()) await step();
    })();
    return this.stopped;
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
