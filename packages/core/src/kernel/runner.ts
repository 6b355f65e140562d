import { type Actor, type AuditDraft, queueEntry } from './audit';
import { CommitConflict, conflict, DomainError, unavailable } from './errors';
import type { DomainEvent, EventDraft } from './events';
import { monotonicId } from './ids';
import { type RecordKind, type RecordRef, type RecordValue, refKey } from './records';
import type { Commit, KernelDeps, Loaded, Write } from './store';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long a command keeps retrying conflicts (a transaction that collided with another on the
 * same items, a lost Idempotency-Key race, a stale record for system commands) before the caller
 * hears "unavailable, retry after": a few attempts within about a second.
 */
export const CONTENTION_RETRY = { baseMs: 4, capMs: 250, budgetMs: 1500, maxAttempts: 10 };

/**
 * "Decorrelated jitter" (AWS Architecture Blog, Exponential Backoff and Jitter):
 * sleep = min(cap, random between base and 3 × the previous sleep). Spreads colliding retries
 * apart instead of sending them back in step.
 */
export const decorrelatedJitter = (previousMs: number, o = CONTENTION_RETRY, random = Math.random): number =>
  Math.min(o.capMs, o.baseMs + random() * (Math.max(o.baseMs, previousMs * 3) - o.baseMs));

export interface Decision<R> {
  writes: Write[];
  audit: AuditDraft;
  events?: EventDraft[];
  result: R;
  /** The HTTP status a replay of this command answers with. */
  status?: number;
}

export interface CommandSpec<R, A = unknown> {
  chainId: string;
  actor: Actor;
  refs: RecordRef[];
  idempotency?: { scope: string; fingerprint: string };
  /**
   * Retry from a fresh read when an item other commands also write (a selector's index item)
   * changed, or was created, underneath: the command's own records are new, so any stale or
   * existing item is one of those, and re-deciding from a fresh read is always right.
   */
  retryOnRace?: boolean;
  /**
   * May the caller do this, against what was just read? Throws the 404 or 403 if not. It runs
   * before every decision AND before a replay of an Idempotency-Key is answered, so a caller who
   * lost access since (a policy tightened, its organisation left) gets no stored result back.
   * What it returns (e.g. the workspace and the caller's membership) is handed to `decide`.
   */
  authorize(view: LoadedView, now: Date): A;
  /** Returns `unchanged(result)` when there is nothing to do: nothing is written, `result` is the answer. */
  decide(view: LoadedView, now: Date, access: A): Decision<R> | Unchanged<R>;
}

/** A decision that writes nothing: the record is already as asked (or a timer already claimed). */
export interface Unchanged<R> {
  unchanged: true;
  result: R;
}
export const unchanged = <R>(result: R): Unchanged<R> => ({ unchanged: true, result });

export type CommandOutcome<R> =
  | { committed: true; replayed: false; result: R; status: number }
  | { committed: false; replayed: true; result: R; status: number }
  | { committed: false; replayed: false; result: R; status: 200 };

/** Typed access to what a command loaded. */
export class LoadedView {
  constructor(readonly loaded: Loaded) {}
  get<K extends RecordKind>(ref: RecordRef & { kind: K }): RecordValue<K> | undefined {
    return this.loaded.records.get(refKey(ref))?.value as unknown as RecordValue<K> | undefined;
  }
}

/**
 * A repeat of a request under an Idempotency-Key already used: the answer stored for it, or
 * undefined when the key is new (or none was sent). A key used for a different request (another
 * fingerprint) is refused. Call it only after the caller was authorised against a fresh read.
 */
export const replayOf = <R>(
  idempotency: { scope: string; fingerprint: string } | undefined,
  loaded: Loaded,
): { result: R; status: number } | undefined => {
  if (!idempotency || !loaded.idempotency) return undefined;
  if (loaded.idempotency.fingerprint !== idempotency.fingerprint) {
    throw new DomainError('idempotency_mismatch', 'this Idempotency-Key was already used for a different request', 'Idempotency-Key');
  }
  return { result: loaded.idempotency.body as R, status: loaded.idempotency.status };
};

/** What a commit stores under an Idempotency-Key (for a day), so that a repeat is answered by `replayOf`: nothing without one. */
export const idempotencyOf = (
  idempotency: { scope: string; fingerprint: string } | undefined,
  status: number,
  body: unknown,
  now: Date,
): Pick<Commit, 'idempotency'> =>
  idempotency
    ? {
        idempotency: {
          ...idempotency,
          status,
          body,
          createdAt: now.toISOString(),
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
        },
      }
    : {};

/** `authorize` of a command the platform runs for nobody (the sweep, tests' set-up): no caller to check. */
export const systemCommand = (): void => undefined;

/**
 * Runs one command: one read of everything it needs (records, idempotency record), a pure
 * decision, then one atomic commit of the change, its queued audit entry and its outbox events.
 * No chain head is involved: the entry is queued under a key of its own and sequenced later.
 * A conflict that may clear (a colliding transaction, a lost Idempotency-Key race) re-reads and
 * decides again after a decorrelated-jitter pause, within a small budget, then ends as
 * `unavailable` (503 with Retry-After); a stale caller version is a 409.
 *
 * A store's `stale` conflict never means the caller's If-Match is stale: every write expects the
 * version this attempt read, and a caller's If-Match is compared with that read inside `decide`
 * (which throws `staleVersion()`, the 409). So a stale commit is a record changed between this
 * attempt's read and its commit: like any other collision it is re-read and decided again, and a
 * command sent without If-Match never answers 409 `stale-version` because another writer was
 * quicker; one sent with a now stale If-Match hears so from `decide` on the fresh read.
 */
export async function runCommand<R, A = unknown>(deps: KernelDeps, spec: CommandSpec<R, A>): Promise<CommandOutcome<R>> {
  const started = Date.now();
  let sleep = CONTENTION_RETRY.baseMs;
  for (let attempt = 1; ; attempt++) {
    const loaded = await deps.store.load({
      refs: spec.refs,
      ...(spec.idempotency ? { idempotencyScope: spec.idempotency.scope } : {}),
    });
    const now = deps.clock.now();
    const view = new LoadedView(loaded);
    const access = spec.authorize(view, now);
    const replay = replayOf<R>(spec.idempotency, loaded);
    if (replay) return { committed: false, replayed: true, ...replay };
    const at = now.toISOString();
    const decision = spec.decide(view, now, access);
    if ('unchanged' in decision) return { committed: false, replayed: false, result: decision.result, status: 200 };

    const entry = queueEntry(spec.chainId, monotonicId(deps.clock), at, spec.actor, decision.audit);
    const events: DomainEvent[] = (decision.events ?? []).map((e) => ({
      ...e,
      id: deps.ids.next(),
      at,
      chainId: spec.chainId,
      actor: spec.actor,
    }));
    const status = decision.status ?? 200;
    try {
      await deps.store.commit({
        audit: entry,
        events,
        writes: decision.writes,
        ...idempotencyOf(spec.idempotency, status, decision.result, now),
      });
      deps.auditQueued?.(spec.chainId);
      return { committed: true, replayed: false, result: decision.result, status };
    } catch (err) {
      if (!(err instanceof CommitConflict)) throw err;
      const retry =
        err.reason === 'contention' ||
        err.reason === 'idempotency' ||
        err.reason === 'stale' ||
        (err.reason === 'exists' && spec.retryOnRace);
      if (retry) {
        sleep = decorrelatedJitter(sleep);
        if (attempt < CONTENTION_RETRY.maxAttempts && Date.now() - started + sleep < CONTENTION_RETRY.budgetMs) {
          await new Promise((resolve) => setTimeout(resolve, sleep));
          continue;
        }
        throw unavailable('too many concurrent changes to the same records; retry after the Retry-After delay');
      }
      if (err.reason === 'exists') throw conflict('the record already exists');
      throw err;
    }
  }
}

/**
 * A read that may have to leave a trace: one load (records, policies), a pure decision of what
 * the caller may see, and, when the decision names an audit entry (reads of AMBER or RED
 * material), one conditional put queueing it. A queued entry has a key of its own, so the read
 * never fails because another writer of the chain got there first.
 */
export async function auditedRead<R>(
  deps: KernelDeps,
  spec: {
    chainId: string;
    actor: Actor;
    refs: RecordRef[];
    decide(view: LoadedView, now: Date): { result: R; audit?: AuditDraft | undefined };
  },
): Promise<R> {
  const loaded = await deps.store.load({ refs: spec.refs });
  const { result, audit } = spec.decide(new LoadedView(loaded), deps.clock.now());
  if (audit) await appendAuditEntry(deps, spec.chainId, spec.actor, audit);
  return result;
}

/** Queues one audit entry on its own (e.g. for a list read): one conditional put of a new key. */
export async function appendAuditEntry(deps: KernelDeps, chainId: string, actor: Actor, draft: AuditDraft): Promise<void> {
  const entry = queueEntry(chainId, monotonicId(deps.clock), deps.clock.now().toISOString(), actor, draft);
  await deps.store.commit({ audit: entry, events: [], writes: [] });
  deps.auditQueued?.(chainId);
}
