import { actorOf } from '../kernel/context';
import { notFound } from '../kernel/errors';
import { canonicalJson, sha256Hex } from '../kernel/hash';
import type { Principal } from '../kernel/principal';
import type { Page } from '../kernel/records';
import { LoadedView } from '../kernel/runner';
import type { PageQuery } from '../kernel/store';
import { appendReadAudit, fillPage, policiesCovering } from '../policies/access';
import { authorize, authorizeInView } from '../policies/permissions';
import { canSee, isSensitive, readAudit } from '../policies/visibility';
import { admit, locate, messageRef, type Side, threadRefs } from './access';
import { type Channel, type Message, type MessageRevision, threadKey } from './model';
import { generalChannel, policiesIn, seesMessage, type ThreadRef } from './parents';
import type { ThreadDeps } from './ports';

/** The cursor of the page after a first page that held `general` alone: the stored channels from their start. */
const AFTER_GENERAL = 'after-general';

/**
 * A workspace's channels the caller may see: `general` first, then those the lead opened,
 * oldest first. The first page holds `general` and one fewer stored channel, so that no page is
 * longer than asked.
 */
export async function listChannels(deps: ThreadDeps, p: Principal, workspaceId: string, q: PageQuery): Promise<Page<Channel>> {
  authorize('thread.read', p);
  const first = !q.cursor;
  const stored: PageQuery =
    q.cursor === AFTER_GENERAL ? { limit: q.limit } : first ? { limit: Math.max(1, q.limit - 1) } : { limit: q.limit, cursor: q.cursor };
  const [loaded, page] = await Promise.all([
    deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }] }),
    deps.store.listChannels(workspaceId, stored),
  ]);
  const view = new LoadedView(loaded);
  const { ws } = authorizeInView('thread.read', p, view, workspaceId);
  const now = deps.clock.now();
  const policies = await policiesCovering(
    deps,
    policiesIn(view),
    page.items.map((c) => c.marking),
  );
  const seen = (cs: Channel[]) => cs.filter((c) => canSee(p, ws, c.marking, policies, now, { action: 'list' }));
  // Asked for one: `general` alone, and the stored channels from their start after it.
  if (first && q.limit === 1) return { items: seen([generalChannel(ws)]), ...(page.items.length ? { next: AFTER_GENERAL } : {}) };
  const items = seen([...(first ? [generalChannel(ws)] : []), ...page.items]);
  return { items, ...(page.next ? { next: page.next } : {}) };
}

/**
 * A thread's messages the caller may see, newest first: the table, then the evaluator on the
 * thread's parent, then on each message (its own marking, under its originator's policy). A
 * page the evaluator thinned is filled from the next store pages, as every list is; reads of
 * AMBER or RED messages leave one coalesced entry in the trail.
 */
export async function listMessages(
  deps: ThreadDeps,
  p: Principal,
  side: Side,
  named: ThreadRef | { requestId: string },
  q: PageQuery,
): Promise<Page<Message>> {
  return (await pollMessages(deps, p, side, named, q)).page;
}

/**
 * `listMessages` as a thread panel polls it: with the page's tag (`pageTag`, over what this
 * caller sees) and whether it is the tag the caller already holds (`ifNoneMatch`). An unchanged
 * page shows the caller nothing it has not read, so it leaves no entry in the trail (the read
 * that showed it did, once per window); a changed one is recorded as any list is.
 */
export async function pollMessages(
  deps: ThreadDeps,
  p: Principal,
  side: Side,
  named: ThreadRef | { requestId: string },
  q: PageQuery,
  ifNoneMatch?: string,
): Promise<{ page: Page<Message>; tag: string; unchanged: boolean }> {
  const t = await locate(deps, p, side, named);
  const key = threadKey(t.kind, t.id);
  const list = (pq: PageQuery) => deps.store.listMessages(t.workspaceId, key, pq);
  const [loaded, first] = await Promise.all([deps.store.load({ refs: threadRefs(p, t) }), list(q)]);
  const view = new LoadedView(loaded);
  const now = deps.clock.now();
  const { ws, parent } = admit(view, p, side, t, now);
  const page = await fillPage(
    first,
    async (xs) => {
      const policies = await policiesCovering(
        deps,
        policiesIn(view),
        xs.map((m) => m.marking),
      );
      return xs.filter((m) => seesMessage(p, ws, parent, m, policies, now));
    },
    { limit: q.limit, list },
  );
  const tag = pageTag(page, q.cursor ?? null);
  const unchanged = ifNoneMatch === tag;
  const audit = readAudit(
    'message.listed',
    'message',
    page.items.filter((m) => isSensitive(m.marking)).map((m) => ({ id: m.id, marking: m.marking })),
  );
  if (audit && !unchanged) await appendReadAudit(deps, t.workspaceId, actorOf(p), audit);
  return { page, tag, unchanged };
}

/** The earlier texts of a message the caller may see, the original first; a redacted message has none. */
export async function listRevisions(
  deps: ThreadDeps,
  p: Principal,
  side: Side,
  named: ThreadRef | { requestId: string },
  id: string,
  q: PageQuery,
): Promise<Page<MessageRevision>> {
  const t = await locate(deps, p, side, named);
  const [loaded, page] = await Promise.all([
    deps.store.load({ refs: threadRefs(p, t, [messageRef(t, id)]) }),
    deps.store.listRevisions(t.workspaceId, threadKey(t.kind, t.id), id, q),
  ]);
  const view = new LoadedView(loaded);
  const now = deps.clock.now();
  const { ws, parent } = admit(view, p, side, t, now);
  const m = view.get(messageRef(t, id));
  if (!m || !seesMessage(p, ws, parent, m, policiesIn(view), now)) throw notFound('message');
  if (isSensitive(m.marking)) await appendReadAudit(deps, t.workspaceId, actorOf(p), readAudit('message.read', 'message', [m])!);
  return m.redacted ? { items: [] } : page;
}

/**
 * The entity tag of a page as this caller sees it: a digest of each message's id and version
 * and of whether more follow. It is computed after the evaluator, so a message the caller may
 * not see changes nobody's tag but its readers'; an unchanged tag is answered 304.
 */
export const pageTag = (page: Page<{ id: string; version: number }>, extra: unknown = null): string =>
  `W/"${sha256Hex(canonicalJson({ v: page.items.map((m) => [m.id, m.version]), more: Boolean(page.next), extra })).slice(0, 32)}"`;
