import { actorOf } from '../../kernel/context';
import { notFound } from '../../kernel/errors';
import type { Principal } from '../../kernel/principal';
import type { Page, RecordRef } from '../../kernel/records';
import { auditedRead, type LoadedView } from '../../kernel/runner';
import { authorize, authorizeInView } from '../../policies/permissions';
import { isSensitive } from '../../policies/visibility';
import type { RequestDeps } from '../ports';
import type { DataRequest } from '../request';
import { inboxLocate, reqRef, visibleRequest, visibleToPartner } from '../shared';
import { requestType } from '../types/index';
import { CHUNK_SIZE, chunkOf, chunkRef, type TakedownItem, type TakedownItemStatus, type TakedownProgress } from './model';

// Reading a takedown: its counts and its items, by the agencies and by the partner it is addressed to.

export const progressOf = (r: DataRequest): TakedownProgress => {
  const t = r.takedown!;
  return {
    requestId: r.id,
    status: r.status,
    total: t.total,
    duplicates: t.duplicates,
    counts: { ...t.counts },
    answered: t.total - t.counts.pending,
  };
};

export const requireTakedown = (r: DataRequest): DataRequest & { takedown: NonNullable<DataRequest['takedown']> } => {
  if (!requestType(r.type).items || !r.takedown) throw notFound('takedown');
  return r as DataRequest & { takedown: NonNullable<DataRequest['takedown']> };
};

/** The counts of a takedown, as an agency member who may see the request reads them (an audited read for AMBER/RED). */
export async function getTakedownProgress(deps: RequestDeps, p: Principal, workspaceId: string, id: string): Promise<TakedownProgress> {
  authorize('takedown.read', p);
  const r = await auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)],
    decide(view, now) {
      const { ws, r } = visibleRequest(view, p, workspaceId, id, now, 'request.read');
      authorizeInView('takedown.read', p, view, ws.id);
      const t = requireTakedown(r);
      return {
        result: t,
        audit: isSensitive(r.marking)
          ? { action: 'takedown.progress_read', target: { type: 'request', id }, markings: [r.marking] }
          : undefined,
      };
    },
  });
  return progressOf(r);
}

// ---------------------------------------------------------------------------------------
// Paging through the items: one read of the request (with the evaluator's inputs) and of the
// chunks the page starts in, at most CHUNKS_PER_PAGE of them; the cursor is the last item
// number looked at, so a sparse status filter may give a short page with a `next`.
// ---------------------------------------------------------------------------------------

const CHUNKS_PER_PAGE = 6;

export interface ItemsQuery {
  status?: TakedownItemStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

const pageOfItems = (view: LoadedView, r: DataRequest & { takedown: { total: number } }, q: ItemsQuery, from: number) => {
  const items: TakedownItem[] = [];
  let last = from - 1;
  const firstChunk = chunkOf(from);
  const lastChunk = Math.min(chunkOf(r.takedown.total), firstChunk + CHUNKS_PER_PAGE - 1);
  outer: for (let c = firstChunk; c <= lastChunk; c++) {
    const chunk = view.get(chunkRef(r.workspaceId, r.id, c));
    for (const it of chunk?.items ?? []) {
      if (it.n < from) continue;
      last = it.n;
      if (q.status && it.status !== q.status) continue;
      items.push(it);
      if (items.length >= q.limit) break outer;
    }
    last = Math.max(last, Math.min((c + 1) * CHUNK_SIZE, r.takedown.total));
  }
  return { items, ...(last < r.takedown.total ? { next: String(last) } : {}) };
};

const itemRefs = (workspaceId: string, id: string, from: number): RecordRef[] =>
  Array.from({ length: CHUNKS_PER_PAGE }, (_, i) => chunkRef(workspaceId, id, chunkOf(from) + i));

/** A page of items of an AMBER or RED takedown read leaves an entry: how many, never which. */
const itemsReadAudit = (r: DataRequest, count: number, q: ItemsQuery) =>
  isSensitive(r.marking)
    ? {
        action: 'takedown.items_read',
        target: { type: 'request', id: r.id },
        details: { items: count, ...(q.status ? { status: q.status } : {}) },
        markings: [r.marking],
      }
    : undefined;

const startOf = (q: ItemsQuery) => (q.cursor ? Number(q.cursor) + 1 : 1);

/** An agency member who may see the request pages through its items (an audited read for AMBER/RED, counts only). */
export async function listTakedownItems(
  deps: RequestDeps,
  p: Principal,
  workspaceId: string,
  id: string,
  q: ItemsQuery,
): Promise<Page<TakedownItem>> {
  authorize('takedown.read', p);
  const from = startOf(q);
  return auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id), ...itemRefs(workspaceId, id, from)],
    decide(view, now) {
      const { ws, r } = visibleRequest(view, p, workspaceId, id, now, 'request.read');
      authorizeInView('takedown.read', p, view, ws.id);
      const page = pageOfItems(view, requireTakedown(r), q, from);
      return { result: page, audit: itemsReadAudit(r, page.items.length, q) };
    },
  });
}

// ---------------------------------------------------------------------------------------
// The partner's side: read the counts and the items, answer in batches.
// ---------------------------------------------------------------------------------------

export async function getPartnerTakedownProgress(deps: RequestDeps, p: Principal, id: string): Promise<TakedownProgress> {
  authorize('takedown.progress', p, 'request');
  const workspaceId = await inboxLocate(deps, p, id);
  const loaded = await auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id)],
    decide(view, now) {
      const { r } = visibleToPartner(view, p, workspaceId, id, now);
      return {
        result: requireTakedown(r),
        audit: isSensitive(r.marking)
          ? { action: 'takedown.progress_read', target: { type: 'request', id }, markings: [r.marking] }
          : undefined,
      };
    },
  });
  return progressOf(loaded);
}

export async function listPartnerTakedownItems(deps: RequestDeps, p: Principal, id: string, q: ItemsQuery): Promise<Page<TakedownItem>> {
  authorize('takedown.progress', p, 'request');
  const workspaceId = await inboxLocate(deps, p, id);
  const from = startOf(q);
  return auditedRead(deps, {
    chainId: workspaceId,
    actor: actorOf(p),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, reqRef(workspaceId, id), ...itemRefs(workspaceId, id, from)],
    decide(view, now) {
      const { r } = visibleToPartner(view, p, workspaceId, id, now);
      const page = pageOfItems(view, requireTakedown(r), q, from);
      return { result: page, audit: itemsReadAudit(r, page.items.length, q) };
    },
  });
}
