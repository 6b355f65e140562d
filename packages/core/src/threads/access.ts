import { type CommandContext, commandOf } from '../kernel/context';
import { notFound } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import type { RecordRef } from '../kernel/records';
import { type Decision, type LoadedView, runCommand, type Unchanged } from '../kernel/runner';
import { type Action, authorize, authorizeIn, authorizeInView } from '../policies/permissions';
import type { Workspace } from '../workspaces/model';
import { threadKey } from './model';
import { type Parent, parentRefs, type ThreadRef, visibleParent } from './parents';
import type { ThreadDeps } from './ports';

/**
 * Where a caller stands to a thread: an agency member inside its workspace (the permission
 * table's `action`), or the private partner on the thread of a request addressed to it (the
 * portal, `portal.thread`), which reaches it through its inbox and learns nothing else.
 */
export type Side = { as: 'agency'; action: Action } | { as: 'partner' };

/** The workspace a thread is in: named by an agency's path; for a partner, found in its inbox (else a 404). */
export const locate = async (deps: ThreadDeps, p: Principal, side: Side, t: ThreadRef | { requestId: string }): Promise<ThreadRef> => {
  if (side.as === 'agency') {
    // Reading the thread first: what the caller may then do in it is asked once the evaluator let it see the thread.
    authorize('thread.read', p);
    return t as ThreadRef;
  }
  authorize('portal.thread', p, 'request');
  const id = 'requestId' in t ? t.requestId : t.id;
  const found = await deps.store.findInboxRequest(p.orgId, id);
  if (!found) throw notFound('request');
  return { workspaceId: found.workspaceId, kind: 'request', id };
};

/** The refs every thread command and read loads: the workspace, its policies (and the caller's country's), the parent. */
export const threadRefs = (p: Principal, t: ThreadRef, more: RecordRef[] = []): RecordRef[] => [
  { kind: 'workspace', id: t.workspaceId },
  { kind: 'policies', countries: [p.country] },
  ...parentRefs(t),
  ...more,
];

/** The table's answer, then the evaluator's on the thread's parent: the workspace and the parent, or a 404 / 403. */
export const admit = (view: LoadedView, p: Principal, side: Side, t: ThreadRef, now: Date): { ws: Workspace; parent: Parent } => {
  let ws: Workspace | undefined;
  if (side.as === 'agency') {
    ws = authorizeInView('thread.read', p, view, t.workspaceId).ws;
    const parent = visibleParent(view, p, ws, t, now);
    if (side.action !== 'thread.read') authorizeIn(side.action, p, ws);
    return { ws, parent };
  }
  authorize('portal.thread', p, 'request');
  ws = view.get({ kind: 'workspace', id: t.workspaceId });
  if (!ws) throw notFound('request');
  return { ws, parent: visibleParent(view, p, ws, t, now) };
};

/** The ref of one message of a thread. */
export const messageRef = (t: ThreadRef, id: string) => ({
  kind: 'message' as const,
  workspaceId: t.workspaceId,
  threadKey: threadKey(t.kind, t.id),
  id,
});

/** One command on a thread: admitted against a fresh read, decided, committed with its audit entry and events. */
export const threadCommand = async <R>(
  deps: ThreadDeps,
  ctx: CommandContext,
  side: Side,
  named: ThreadRef | { requestId: string },
  more: (t: ThreadRef) => RecordRef[],
  decide: (a: { view: LoadedView; now: Date; ws: Workspace; parent: Parent; t: ThreadRef }) => Decision<R> | Unchanged<R>,
) => {
  const p = ctx.principal;
  const t = await locate(deps, p, side, named);
  return runCommand(deps, {
    ...commandOf(ctx, t.workspaceId),
    refs: threadRefs(p, t, more(t)),
    authorize: (view, now) => admit(view, p, side, t, now),
    decide: (view, now, { ws, parent }) => decide({ view, now, ws, parent, t }),
  });
};
