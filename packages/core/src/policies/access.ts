import { actorOf } from '../kernel/context';
import { conflict } from '../kernel/errors';
import type { Marking } from '../kernel/marking';
import type { Principal } from '../kernel/principal';
import type { Page, RecordRef } from '../kernel/records';
import { appendAuditEntry as appendAudit, auditedRead, LoadedView } from '../kernel/runner';
import type { KernelDeps } from '../kernel/store';
import { type Action, authorizeInView } from './permissions';
import { EMPTY_POLICY_SET } from './policy';
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
 * Runs a list query alongside the read of the workspace, the policies and the chain head
 * (one round trip), keeps only what the evaluator lets the caller see, and appends one audit
 * entry when the page shows AMBER or RED material.
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
    deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }] }),
    query,
  ]);
  if (loaded.status === 'rejected') throw loaded.reason;
  const view = new LoadedView(loaded.value);
  const { ws } = authorizeInView(action, p, view, workspaceId);
  if (page.status === 'rejected') throw page.reason;
  const now = deps.clock.now();
  const policies = view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET;
  const items = page.value.items.filter((t) =>
    canSee(p, ws, item.marking(t), policies, now, { action: 'list', addressee: item.addressee?.(t) ?? false }),
  );
  const audit = readAudit(
    `${item.type}.listed`,
    item.type,
    items.filter((t) => isSensitive(item.marking(t))).map((t) => ({ id: item.id(t), marking: item.marking(t) })),
  );
  if (audit) await appendAudit(deps, workspaceId, actorOf(p), audit);
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
 * evaluator lets the caller see: the policies are read with the query, and the workspaces the
 * page touches in one batch read after it.
 */
export const visibleAcrossWorkspaces = async <T>(
  deps: KernelDeps,
  p: Principal,
  query: Promise<Page<T>>,
  item: { workspaceId(t: T): string; marking(t: T): Marking; addressee?: boolean },
): Promise<Page<T>> => {
  const [page, policies] = await Promise.all([query, deps.store.get({ kind: 'policies' })]);
  const ids = [...new Set(page.items.map(item.workspaceId))];
  if (ids.length === 0) return page;
  const view = new LoadedView(await deps.store.load({ refs: ids.map((id) => ({ kind: 'workspace' as const, id })) }));
  const now = deps.clock.now();
  const items = page.items.filter((t) => {
    const ws = view.get({ kind: 'workspace', id: item.workspaceId(t) });
    return ws && canSee(p, ws, item.marking(t), policies ?? EMPTY_POLICY_SET, now, { action: 'list', addressee: item.addressee ?? false });
  });
  return { ...page, items };
};
