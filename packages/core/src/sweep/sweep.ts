import { SYSTEM_ACTOR } from '../kernel/audit';
import { CommitConflict } from '../kernel/errors';
import { isTerminal } from '../kernel/machines';
import type { Marking } from '../kernel/marking';
import type { RecordRef } from '../kernel/records';
import { type LoadedView, runCommand, systemCommand, unchanged } from '../kernel/runner';
import type { KernelDeps, Write } from '../kernel/store';
import { DUE_SHARDS, type Timer } from '../kernel/timers';
import { workspaceTransitions } from '../workspaces/machines';
import type { DueTimerStore } from './ports';
import { type TimerKind, timerHandlerOf } from './timer-handlers';

export type SweepDeps = KernelDeps<DueTimerStore>;

export interface SweepReport {
  /** Due timers read. */
  due: number;
  fired: { timerId: string; kind: TimerKind }[];
  dropped: number;
  /**
   * Due timers of a kind no feature registered (see timer-handlers.ts): an error, reported here and
   * left due, never dropped, so that a version that knows the kind still fires them.
   */
  unknown: { timerId: string; kind: string; workspaceId: string }[];
  /** Claimed by a concurrent sweep before this one could. */
  lost: number;
  /** Due timers left for the next sweep: the budget ran out, or a workspace had more than one sweep may fire. */
  more: boolean;
}

export interface SweepOptions {
  /**
   * Milliseconds left in which the sweep may still start firing a timer, asked before each one
   * (on Lambda: the invocation's remaining time less a safety margin). Default: `budgetMs` from
   * the start of the sweep.
   */
  timeLeftMs?: () => number;
  /** The time budget when `timeLeftMs` is not given (default 45 s). */
  budgetMs?: number;
  /** Workspaces fired at once, each one timer at a time (default 16; 1 fires every timer in turn). */
  concurrency?: number;
  /** Due timers read per query of a shard (default 100). */
  pageSize?: number;
  /**
   * Timers of one workspace taken in one sweep (default 2,000: more than one workspace fires
   * serially in a minute). Its later ones stay due for the next sweep, so one busy workspace does
   * not hold the read back from the others' timers behind it in the index.
   */
  perWorkspace?: number;
}

const DEFAULTS = { budgetMs: 45_000, concurrency: 16, pageSize: 100, perWorkspace: 2_000 };

const dueOrder = (a: Timer, b: Timer): number => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The due index read as one stream in due order: every shard page by page (each page after the
 * last timer of the one before), merged by due time. Nothing is read twice in one sweep, so a
 * timer that failed or that a concurrent sweep holds does not come back round.
 */
class DueStream {
  private readonly shards: { buffer: Timer[]; last?: Timer; done: boolean }[];
  constructor(
    private readonly store: DueTimerStore,
    private readonly now: Date,
    private readonly pageSize: number,
  ) {
    this.shards = Array.from({ length: DUE_SHARDS }, () => ({ buffer: [], done: false }));
  }
  /** The next due timer, without taking it; undefined once every shard is read to its end. */
  async peek(): Promise<Timer | undefined> {
    await Promise.all(
      this.shards.map(async (s, shard) => {
        if (s.buffer.length > 0 || s.done) return;
        const page = await this.store.dueTimers(shard, this.now, this.pageSize, s.last);
        s.buffer = page;
        s.last = page.at(-1) ?? s.last;
        s.done = page.length < this.pageSize;
      }),
    );
    let first: Timer | undefined;
    for (const s of this.shards) if (s.buffer[0] && (!first || dueOrder(s.buffer[0], first) < 0)) first = s.buffer[0];
    return first;
  }
  async next(): Promise<Timer | undefined> {
    const first = await this.peek();
    if (first) for (const s of this.shards) if (s.buffer[0] === first) s.buffer.shift();
    return first;
  }
}

/**
 * Fires what is due until the time budget is spent. Reads the due index in due order, page by
 * page, and hands each timer to its workspace's queue; up to `concurrency` workspaces are fired
 * at once, each one timer at a time in due order (timers of one workspace contend for the same
 * records and the same audit chain). Each timer fires in its own transaction that also deletes
 * the timer on the condition that it still exists: the delete is the claim, so two sweeps
 * running at once never both act, and a sweep that dies midway leaves the timer in place for
 * the next one. A timer that throws stops its workspace for this sweep (its later timers stay
 * due, in order) while the others go on; the sweep then throws the first such error. A timer of
 * a kind no feature registered is an error too, but one the sweep reports (`unknown`) and goes
 * past, leaving the timer due.
 */
export async function sweepDue(deps: SweepDeps, opts: SweepOptions = {}): Promise<SweepReport> {
  const now = deps.clock.now();
  const concurrency = Math.max(1, opts.concurrency ?? DEFAULTS.concurrency);
  const perWorkspace = Math.max(1, opts.perWorkspace ?? DEFAULTS.perWorkspace);
  const started = Date.now();
  const timeLeft = opts.timeLeftMs ?? (() => (opts.budgetMs ?? DEFAULTS.budgetMs) - (Date.now() - started));
  const pageSize = Math.max(1, opts.pageSize ?? DEFAULTS.pageSize);
  const stream = new DueStream(deps.store, now, pageSize);
  // Read ahead no further than the workers could use; a busy workspace's own cap keeps it from filling this.
  const readAhead = perWorkspace + concurrency * pageSize;
  const report: SweepReport = { due: 0, fired: [], dropped: 0, unknown: [], lost: 0, more: false };

  const queues = new Map<string, Timer[]>(); // pending timers of each workspace, in due order
  const owned = new Set<string>(); // workspaces a worker is firing
  const ready: string[] = []; // workspaces with pending timers and no worker
  const taken = new Map<string, number>(); // timers taken per workspace in this sweep
  const failed = new Set<string>();
  let pending = 0;
  let reading = true;
  let outOfTime = false;
  let firstError: unknown;
  // Whoever waits (the reader for room, workers for work) is woken by any change, and looks again.
  let waiters: (() => void)[] = [];
  const changed = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };
  const change = () => new Promise<void>((resolve) => waiters.push(resolve));
  const mayStart = () => {
    if (!outOfTime && timeLeft() <= 0) outOfTime = true;
    return !outOfTime;
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      const workspaceId = ready.shift();
      if (workspaceId === undefined) {
        if (!reading) return;
        await change();
        continue;
      }
      owned.add(workspaceId);
      const queue = queues.get(workspaceId)!;
      while (queue.length > 0 && mayStart() && !failed.has(workspaceId)) {
        const timer = queue.shift()!;
        pending--;
        changed(); // room to read further
        try {
          const outcome = await fireTimer(deps, timer);
          // A kind with a handler is a registered one.
          if (outcome === 'fired') report.fired.push({ timerId: timer.id, kind: timer.kind as TimerKind });
          else if (outcome === 'dropped') report.dropped++;
          else if (outcome === 'unknown') report.unknown.push({ timerId: timer.id, kind: timer.kind, workspaceId });
          else report.lost++;
        } catch (err) {
          firstError ??= err;
          failed.add(workspaceId);
        }
      }
      owned.delete(workspaceId);
      if (queue.length > 0) {
        // Out of time, or failed: what is left stays due.
        pending -= queue.length;
        queue.length = 0;
        report.more = true;
      }
    }
  };

  const read = async () => {
    try {
      while (mayStart()) {
        if (pending >= readAhead) {
          await change();
          continue;
        }
        const timer = await stream.next();
        if (!timer) return;
        report.due++;
        const { workspaceId } = timer;
        const n = (taken.get(workspaceId) ?? 0) + 1;
        taken.set(workspaceId, n);
        if (n > perWorkspace || failed.has(workspaceId)) {
          report.more = true; // left due for the next sweep, after this workspace's earlier ones
          continue;
        }
        const queue = queues.get(workspaceId) ?? [];
        queues.set(workspaceId, queue);
        queue.push(timer);
        pending++;
        if (queue.length === 1 && !owned.has(workspaceId)) {
          ready.push(workspaceId);
          changed();
        }
      }
      if (await stream.peek()) report.more = true;
    } catch (err) {
      // What was read still fires; the rest stays due.
      firstError ??= err;
      report.more = true;
    } finally {
      reading = false;
      changed();
    }
  };
  await Promise.all([read(), ...Array.from({ length: concurrency }, worker)]);
  if (firstError !== undefined) throw firstError;
  return report;
}

/** The markings of the records a timer is about that exist (a task, a request, an incident). */
const subjectMarkings = (view: LoadedView, refs: RecordRef[]): Marking[] =>
  refs.flatMap((ref) => {
    const record: unknown = view.get(ref);
    return record && typeof record === 'object' && 'marking' in record ? [record.marking as Marking] : [];
  });

async function fireTimer(deps: SweepDeps, timer: Timer): Promise<'fired' | 'dropped' | 'unknown' | 'lost'> {
  const { workspaceId } = timer;
  const timerRef = { kind: 'timer' as const, workspaceId, id: timer.id };
  const handler = timerHandlerOf(timer.kind);
  if (!handler) return 'unknown';
  let result: 'fired' | 'dropped' = 'fired';
  try {
    const outcome = await runCommand(deps, {
      chainId: workspaceId,
      actor: SYSTEM_ACTOR,
      refs: [{ kind: 'workspace', id: workspaceId }, timerRef, ...handler.refs(timer)],
      authorize: systemCommand,
      decide(view, now) {
        const current = view.get(timerRef);
        if (!current) return unchanged(null); // already claimed
        const claim: Write = { op: 'delete', ref: timerRef, expect: 'present' };
        const ws = view.get({ kind: 'workspace', id: workspaceId });
        const effect = ws && !isTerminal(workspaceTransitions, ws.status) ? handler.decide({ view, timer: current, ws, now }) : 'drop';
        if (effect === 'drop') {
          result = 'dropped';
          return {
            writes: [claim],
            audit: {
              action: 'timer.dropped',
              target: { type: 'timer', id: timer.id },
              details: { kind: timer.kind },
              // A timer's id names its subject: the entry is as visible as the subject is.
              markings: subjectMarkings(view, handler.refs(timer)),
            },
            result: null,
          };
        }
        result = 'fired';
        return { ...effect, writes: [claim, ...effect.writes], result: null };
      },
    });
    return outcome.committed ? result : 'lost';
  } catch (err) {
    if (err instanceof CommitConflict && err.reason === 'missing') return 'lost';
    throw err;
  }
}

/** What became of one named timer asked to fire now (`fireTimerNow`). */
export type FireOneOutcome =
  /** Fired (or dropped, its subject gone or settled) in the transaction that claimed it. */
  | { outcome: 'fired' | 'dropped'; kind: string }
  /** Not there: fired already (by the sweep, or an earlier call), or deleted (acknowledged, resolved). */
  | { outcome: 'gone' }
  /** There but not yet due: left for its own time (the sweep, or a later call). */
  | { outcome: 'early'; dueAt: string }
  /** Claimed by a concurrent sweep between the read and the claim. */
  | { outcome: 'lost' }
  /** Of a kind no feature registered: left due, as the sweep leaves it. */
  | { outcome: 'unknown'; kind: string };

export interface FireOneOptions {
  /** Waits that many milliseconds (on Lambda a timer; tests move their clock). Without it, an early call does nothing. */
  wait?: (ms: number) => Promise<void>;
  /** How early a call may come and still wait for the due time (default 0). */
  waitUpToMs?: number;
}

/**
 * Fires one timer, named by its workspace and id, if it is there and due, through the same
 * claim as the sweep (`fireTimer`: the transaction deletes the timer on the condition that it
 * still exists). A one-time schedule per escalation calls this at the timer's due time; the
 * sweep stays the backstop, and whichever comes first fires the timer, the other finds it gone.
 * A call up to `waitUpToMs` early waits for the due time (`wait`); earlier, it does nothing.
 */
export async function fireTimerNow(
  deps: SweepDeps,
  target: { workspaceId: string; timerId: string },
  opts: FireOneOptions = {},
): Promise<FireOneOutcome> {
  const timer = await deps.store.get({ kind: 'timer', workspaceId: target.workspaceId, id: target.timerId });
  if (!timer) return { outcome: 'gone' };
  const early = Date.parse(timer.dueAt) - deps.clock.now().getTime();
  if (early > 0) {
    if (!opts.wait || early > (opts.waitUpToMs ?? 0)) return { outcome: 'early', dueAt: timer.dueAt };
    // Invoked a little early: wait for the due time, then fire whatever is still there.
    await opts.wait(early);
    return fireTimerNow(deps, target);
  }
  const outcome = await fireTimer(deps, timer);
  if (outcome === 'lost') return { outcome };
  return { outcome, kind: timer.kind };
}
