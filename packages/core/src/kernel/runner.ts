import { type Actor, type AuditDraft, appendEntry, type ChainHead } from './audit';
import { CommitConflict, conflict, DomainError, staleVersion } from './errors';
import type { DomainEvent, EventDraft } from './events';
import { type RecordKind, type RecordRef, type RecordValue, refKey } from './records';
import type { KernelDeps, Loaded, Write } from './store';

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ATTEMPTS = 12;

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
  /** Retry from a fresh read when a record changed underneath (system commands such as the sweep). */
  retryOnStale?: boolean;
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

/** `authorize` of a command the platform runs for nobody (the sweep, tests' set-up): no caller to check. */
export const systemCommand = (): void => undefined;

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(200, 2 ** attempt) * (0.5 + Math.random())));

/**
 * Runs one command: one read of everything it needs (records, chain head, idempotency
 * record), a pure decision, then one atomic commit of the change, its hash-chained audit
 * entry and its outbox events. Losing a race on the chain head re-reads and decides again;
 * a stale caller version is a 409.
 */
export async function runCommand<R, A = unknown>(deps: KernelDeps, spec: CommandSpec<R, A>): Promise<CommandOutcome<R>> {
  for (let attempt = 0; ; attempt++) {
    const loaded = await deps.store.load({
      refs: spec.refs,
      chainId: spec.chainId,
      ...(spec.idempotency ? { idempotencyScope: spec.idempotency.scope } : {}),
    });
    const now = deps.clock.now();
    const view = new LoadedView(loaded);
    const access = spec.authorize(view, now);
    if (spec.idempotency && loaded.idempotency) {
      if (loaded.idempotency.fingerprint !== spec.idempotency.fingerprint) {
        throw new DomainError('idempotency_mismatch', 'this Idempotency-Key was already used for a different request', 'Idempotency-Key');
      }
      return { committed: false, replayed: true, result: loaded.idempotency.body as R, status: loaded.idempotency.status };
    }
    const at = now.toISOString();
    const decision = spec.decide(view, now, access);
    if ('unchanged' in decision) return { committed: false, replayed: false, result: decision.result, status: 200 };

    const { entry, head } = appendEntry(loaded.head, spec.chainId, at, spec.actor, decision.audit);
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
        chain: { id: spec.chainId, expected: loaded.head, next: head },
        audit: entry,
        events,
        writes: decision.writes,
        ...(spec.idempotency
          ? {
              idempotency: {
                ...spec.idempotency,
                status,
                body: decision.result,
                createdAt: at,
                expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
              },
            }
          : {}),
      });
      return { committed: true, replayed: false, result: decision.result, status };
    } catch (err) {
      if (!(err instanceof CommitConflict)) throw err;
      const retry = err.reason === 'chain' || err.reason === 'idempotency' || (err.reason === 'stale' && spec.retryOnStale);
      if (retry && attempt < MAX_ATTEMPTS) {
        await pause(attempt);
        continue;
      }
      if (err.reason === 'stale') throw staleVersion();
      if (err.reason === 'exists') throw conflict('the record already exists');
      throw err;
    }
  }
}

/**
 * A read that may have to leave a trace: one load (records, policies, chain head), a pure
 * decision of what the caller may see, and, when the decision names an audit entry (reads
 * of AMBER or RED material), one transaction appending it to the chain. Nothing else is written.
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
  const loaded = await deps.store.load({ refs: spec.refs, chainId: spec.chainId });
  const { result, audit } = spec.decide(new LoadedView(loaded), deps.clock.now());
  if (audit) await appendAuditEntry(deps, spec.chainId, spec.actor, audit, loaded.head);
  return result;
}

/** Appends one audit entry on its own (e.g. for a list read), retrying when the chain moves. */
export async function appendAuditEntry(
  deps: KernelDeps,
  chainId: string,
  actor: Actor,
  draft: AuditDraft,
  knownHead?: ChainHead | null,
): Promise<void> {
  let head = knownHead === undefined ? (await deps.store.load({ refs: [], chainId })).head : knownHead;
  for (let attempt = 0; ; attempt++) {
    const { entry, head: next } = appendEntry(head, chainId, deps.clock.now().toISOString(), actor, draft);
    try {
      await deps.store.commit({ chain: { id: chainId, expected: head, next }, audit: entry, events: [], writes: [] });
      return;
    } catch (err) {
      if (!(err instanceof CommitConflict && err.reason === 'chain' && attempt < MAX_ATTEMPTS)) throw err;
      await pause(attempt);
      head = (await deps.store.load({ refs: [], chainId })).head;
    }
  }
}
