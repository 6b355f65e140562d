import { actorOf } from '../kernel/context';
import { conflict } from '../kernel/errors';
import type { Marking } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { appendAuditEntry as appendAudit, auditedRead, LoadedView } from '../kernel/runner';
import type { KernelDeps } from '../kernel/store';
import { originatorCountries } from './load';
import { type Action, authorizeInView } from './permissions';
import { coversCountry, EMPTY_POLICY_SET, mergePolicySets, type PolicySet } from './policy';
import { canSee, isSensitive, readAudit } from './visibility';
import type { Member, Workspace } from './workspace';

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
 * RED material.
 */
export const visibleList = async <T>(
  deps: KernelDeps,
  p: Principal,
  action: Action,
  workspaceId: string,
  query: Promise<Page<T>>,
  item: NoInfer<{ type: string; marking(t: T): Marking; id(t: T): string; addressee?(t: T): boolean }>,
): Promise<Page<T>> => {
  const [loaded, page] = await Promise.allSettled([
    deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }], chainId: workspaceId }),
    query,
  ]);
  if (loaded.status === 'rejected') throw loaded.reason;
  const view = new LoadedView(loaded.value);
  const { ws } = authorizeInView(action, p, view, workspaceId);
  if (page.status === 'rejected') throw page.reason;
  const now = deps.clock.now();
  const policies = await policiesCovering(
    deps,
    view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET,
    page.value.items.map((t) => item.marking(t)),
  );
  const items = page.value.items.filter((t) =>
    canSee(p, ws, item.marking(t), policies, now, { action: 'list', addressee: item.addressee?.(t) ?? false }),
  );
  const audit = readAudit(
    `${item.type}.listed`,
    item.type,
    items.filter((t) => isSensitive(item.marking(t))).map((t) => ({ id: item.id(t), marking: item.marking(t) })),
  );
  if (audit) await appendAudit(deps, workspaceId, actorOf(p), audit, loaded.value.head);
  return { ...page.value, items };
};

/**
 * Reads one marked record of a workspace as `find` lets the caller see it (or throws its 404);
 * a read of AMBER or RED material leaves a `<type>.read` audit entry.
 */
export const visibleRecord = <T extends { id: string; marking: Marking }>(
  deps: KernelDeps,
  p: Principal,
  workspaceId: string,
  refs: RecordRef[],
  type: 'task' | 'incident' | 'request',
  find: (view: LoadedView, now: Date) => T,
): Promise<T> =>
  auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs,
    decide(view, now) {
      const record = find(view, now);
      return { result: record, audit: isSensitive(record.marking) ? readAudit(`${type}.read`, type, [record]) : undefined };
    },
  });

/**
 * Keeps the items of a cross-workspace list (an assignee's tasks, a partner's inbox) that the
 * evaluator lets the caller see: the workspaces the page touches, and the policies of its
 * records' originators, in one batch read after it.
 */
export const visibleAcrossWorkspaces = async <T>(
  deps: KernelDeps,
  p: Principal,
  query: Promise<Page<T>>,
  item: { workspaceId(t: T): string; marking(t: T): Marking; addressee?: boolean },
): Promise<Page<T>> => {
  const page = await query;
  const ids = [...new Set(page.items.map(item.workspaceId))];
  if (ids.length === 0) return page;
  const view = new LoadedView(
    await deps.store.load({
      refs: [
        ...ids.map((id) => ({ kind: 'workspace' as const, id })),
        { kind: 'policies', countries: originatorCountries(page.items.map((t) => item.marking(t))) },
      ],
    }),
  );
  const policies = view.get({ kind: 'policies' });
  const now = deps.clock.now();
  const items = page.items.filter((t) => {
    const ws = view.get({ kind: 'workspace', id: item.workspaceId(t) });
    return ws && canSee(p, ws, item.marking(t), policies ?? EMPTY_POLICY_SET, now, { action: 'list', addressee: item.addressee ?? false });
  });
  return { ...page, items };
};
