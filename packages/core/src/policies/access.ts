import { type Actor, type AuditDraft, queueEntry, readCoalescing } from '../kernel/audit';
import { actorOf } from '../kernel/context';
import { CommitConflict, conflict } from '../kernel/errors';
import { monotonicId } from '../kernel/ids';
import type { Marking } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { LoadedView } from '../kernel/runner';
import type { KernelDeps, PageQuery } from '../kernel/store';
import { originatorCountries } from './load';
import { type Action, authorizeInView } from './permissions';
import { coversCountry, EMPTY_POLICY_SET, mergePolicySets, type PolicySet } from './policy';
import { canSee, isSensitive, readAudit } from './visibility';
import type { Member, Workspace } from './workspace';

/**
 * Queues the entry of a read (`*.read`, `*.listed`) unless the same subject's same read of the
 * same records is already recorded in this window. One transaction puts the entry and a key
 * made by `readCoalescing` on the condition that the key is absent; when it is present the
 * transaction is refused and nothing is written. No read first, no state in the process: two
 * API instances polled at once still record one entry. Not for custody events (evidence
 * downloads, exports): each of those is its own entry.
 */
export async function appendReadAudit(deps: KernelDeps, chainId: string, actor: Actor, draft: AuditDraft): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const { scope, expiresAt } = readCoalescing(chainId, actor, draft, now);
  try {
    await deps.store.commit({
      audit: queueEntry(chainId, monotonicId(deps.clock), at, actor, draft),
      events: [],
      writes: [],
      idempotency: { scope, fingerprint: scope, status: 200, body: null, createdAt: at, expiresAt },
    });
  } catch (err) {
    if (err instanceof CommitConflict && err.reason === 'idempotency') return;
    throw err;
  }
  deps.auditQueued?.(chainId);
}

export const memberOf = (ws: Workspace, orgId: string): Member | undefined => ws.members.find((m) => m.orgId === orgId);

export const requireOpen = (ws: Workspace, action: string): void => {
  if (ws.status !== 'open') throw conflict(`cannot ${action}: the workspace is ${ws.status}`);
};

/** How visibleList reads a record that carries its own id and marking (a task, an incident, a request). */
export const markedItems = (type: string) => ({
  type,
  marking: (t: { id: string; marking: Marking }) => t.marking,
  id: (t: { id: string; marking: Marking }) => t.id,
});

/**
 * How many store pages one list request reads at most: when the evaluator leaves a page short
 * (items the caller may not see), the next store pages are read to fill it, up to this many in
 * all. A page the caller sees empty thus carries a `next` only when the store has more and
 * this many pages in a row held nothing the caller may see.
 */
export const LIST_READS_PER_PAGE = 5;

/** How a visible list reads its further store pages: the caller's page size, and the same list from a cursor. */
export interface FurtherPages<T> {
  limit: number;
  list(q: PageQuery): Promise<Page<T>>;
}

/**
 * Keeps what `keep` lets through of a store page and, while that is short of the page size and
 * the store has more, of the next store pages (at most `LIST_READS_PER_PAGE` in all).
 */
export const fillPage = async <T, U = T>(
  first: Page<T>,
  keep: (items: T[]) => Promise<U[]>,
  further?: FurtherPages<T>,
): Promise<Page<U>> => {
  let page = first;
  let items = await keep(page.items);
  for (let reads = 1; further && page.next && items.length < further.limit && reads < LIST_READS_PER_PAGE; reads++) {
    page = await further.list({ limit: further.limit - items.length, cursor: page.next });
    items = items.concat(await keep(page.items));
  }
  return { items, ...(page.next ? { next: page.next } : {}) };
};

/**
 * The policies needed to judge records of these markings: `set` when it already answers for
 * every originator's country, else `set` with the missing countries' policies read (one more
 * read, only when a record's originator is none of those the set was loaded for: a former
 * member, a private partner).
 */
export const policiesCovering = async (deps: KernelDeps, set: PolicySet, markings: Marking[]): Promise<PolicySet> => {
  const missing = originatorCountries(markings).filter((c) => !coversCountry(set, c));
  if (missing.length === 0) return set;
  const more = new LoadedView(await deps.store.load({ refs: [{ kind: 'policies', countries: missing }] }));
  return mergePolicySets(set, more.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET);
};

/**
 * Runs a list query alongside the read of the workspace, its members' countries' policies and
 * the chain head, keeps only what the evaluator lets the caller see (reading the policies of
 * any other originator on the page), and appends one audit entry when the page shows AMBER or
 * RED material (once per subject, records shown and window: `appendReadAudit`). With `further`, a page the evaluator thinned is filled from the next store
 * pages (see `LIST_READS_PER_PAGE`).
 */
export const visibleList = async <T>(
  deps: KernelDeps,
  p: Principal,
  action: Action,
  workspaceId: string,
  query: Promise<Page<T>>,
  item: NoInfer<{ type: string; marking(t: T): Marking; id(t: T): string; addressee?(t: T): boolean }>,
  further?: NoInfer<FurtherPages<T>>,
): Promise<Page<T>> => {
  const [loaded, page] = await Promise.allSettled([
    deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }] }),
    query,
  ]);
  if (loaded.status === 'rejected') throw loaded.reason;
  const view = new LoadedView(loaded.value);
  const { ws } = authorizeInView(action, p, view, workspaceId);
  if (page.status === 'rejected') throw page.reason;
  const now = deps.clock.now();
  const loadedPolicies = view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
  const { items, next } = await fillPage(
    page.value,
    async (xs) => {
      const policies = await policiesCovering(
        deps,
        loadedPolicies,
        xs.map((t) => item.marking(t)),
      );
      return xs.filter((t) => canSee(p, ws, item.marking(t), policies, now, { action: 'list', addressee: item.addressee?.(t) ?? false }));
    },
    further,
  );
  const audit = readAudit(
    `${item.type}.listed`,
    item.type,
    items.filter((t) => isSensitive(item.marking(t))).map((t) => ({ id: item.id(t), marking: item.marking(t) })),
  );
  if (audit) await appendReadAudit(deps, workspaceId, actorOf(p), audit);
  return { items, ...(next ? { next } : {}) };
};

/**
 * Reads one marked record of a workspace as `find` lets the caller see it (or throws its 404);
 * a read of AMBER or RED material leaves a `<type>.read` audit entry, once per subject, record
 * and window (`appendReadAudit`).
 */
export const visibleRecord = async <T extends { id: string; marking: Marking }>(
  deps: KernelDeps,
  p: Principal,
  workspaceId: string,
  refs: RecordRef[],
  type: 'task' | 'incident' | 'request' | 'intel',
  find: (view: LoadedView, now: Date) => T,
): Promise<T> => {
  const record = find(new LoadedView(await deps.store.load({ refs })), deps.clock.now());
  if (isSensitive(record.marking)) await appendReadAudit(deps, workspaceId, actorOf(p), readAudit(`${type}.read`, type, [record])!);
  return record;
};

/**
 * Keeps the items of a cross-workspace list (an assignee's tasks, a partner's inbox) that the
 * evaluator lets the caller see: the workspaces each store page touches, and the policies of
 * its records' originators, in one batch read after it. With `further`, a page the evaluator
 * thinned is filled from the next store pages (see `LIST_READS_PER_PAGE`).
 */
export const visibleAcrossWorkspaces = async <T>(
  deps: KernelDeps,
  p: Principal,
  query: Promise<Page<T>>,
  item: { workspaceId(t: T): string; marking(t: T): Marking; addressee?: boolean },
  further?: NoInfer<FurtherPages<T>>,
): Promise<Page<T>> => {
  const page = await query;
  const now = deps.clock.now();
  const keep = async (items: T[]): Promise<T[]> => {
    const ids = [...new Set(items.map(item.workspaceId))];
    if (ids.length === 0) return items;
    const view = new LoadedView(
      await deps.store.load({
        refs: [
          ...ids.map((id) => ({ kind: 'workspace' as const, id })),
          { kind: 'policies', countries: originatorCountries(items.map((t) => item.marking(t))) },
        ],
      }),
    );
    const policies = view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
    return items.filter((t) => {
      const ws = view.get({ kind: 'workspace', id: item.workspaceId(t) });
      return ws && canSee(p, ws, item.marking(t), policies, now, { action: 'list', addressee: item.addressee ?? false });
    });
  };
  return fillPage(page, keep, further);
};
