import { actorOf, type CommandContext, commandOf } from '../../kernel/context';
import { conflict, invalid, notFound } from '../../kernel/errors';
import type { EventDraft } from '../../kernel/events';
import { type MarkingInput, markingFrom } from '../../kernel/marking';
import type { Principal } from '../../kernel/principal';
import type { Page, RecordRef } from '../../kernel/records';
import { auditedRead, LoadedView, runCommand } from '../../kernel/runner';
import type { Write } from '../../kernel/store';
import { requireOpen } from '../../policies/access';
import { authorize, authorizeInView } from '../../policies/permissions';
import { canSee, isSensitive } from '../../policies/visibility';
import { startClock } from '../clocks';
import type { RequestDeps } from '../ports';
import type { DataRequest, RequestStatus } from '../request';
import {
  clearTimers,
  inboxLocate,
  move,
  partnerCommand,
  policiesOf,
  providerViewer,
  putTimers,
  reqRef,
  requestEvent,
  visibleRequest,
  visibleToPartner,
} from '../shared';
import { type Intake, intakeFromList, intakeFromText } from './intake';
import {
  type AnswerTakedownInput,
  CHUNK_SIZE,
  type CreateTakedownInput,
  chunkName,
  chunkOf,
  chunkRef,
  MAX_ITEM_BYTES_PER_TRANSACTION,
  type TakedownAnswer,
  type TakedownChunk,
  type TakedownCounts,
  type TakedownItem,
  type TakedownItemStatus,
  type TakedownProgress,
} from './model';

const DEFAULT_MARKING = { tlp: 'AMBER', releasableTo: 'members', caveats: [] } as const satisfies MarkingInput;
/** Takedowns go to those who host accounts, groups, pages and URLs. */
const TAKEDOWN_SECTORS = new Set(['tech', 'telecom']);

const bytesOf = (v: unknown): number => new TextEncoder().encode(JSON.stringify(v)).byteLength;

const emptyCounts = (total: number): TakedownCounts => ({ pending: total, removed: 0, restricted: 0, not_found: 0, refused: 0 });

/** The outcome a takedown reaches once every item is answered. */
export const takedownOutcome = (c: TakedownCounts): Extract<RequestStatus, 'fulfilled' | 'partially_fulfilled' | 'cannot_comply'> => {
  const done = c.removed + c.restricted;
  if (done === 0) return 'cannot_comply';
  return c.not_found + c.refused === 0 ? 'fulfilled' : 'partially_fulfilled';
};

const progressOf = (r: DataRequest): TakedownProgress => {
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

const requireTakedown = (r: DataRequest): DataRequest & { takedown: NonNullable<DataRequest['takedown']> } => {
  if (r.type !== 'takedown' || !r.takedown) throw notFound('takedown');
  return r as DataRequest & { takedown: NonNullable<DataRequest['takedown']> };
};

/** The chunks holding `items`, numbered from 1. */
const chunksOf = (workspaceId: string, requestId: string, items: Intake['items']): TakedownChunk[] => {
  const chunks: TakedownChunk[] = [];
  items.forEach((it, i) => {
    const n = i + 1;
    const index = chunkOf(n);
    if (!chunks[index]) chunks[index] = { workspaceId, requestId, chunk: chunkName(index), items: [], version: 1 };
    chunks[index].items.push({
      n,
      kind: it.kind,
      service: it.service,
      value: it.value,
      ...(it.note ? { note: it.note } : {}),
      status: 'pending',
    });
  });
  return chunks;
};

// ---------------------------------------------------------------------------------------
// The agencies' side: raise a takedown with its items, follow its progress.
// ---------------------------------------------------------------------------------------

/**
 * Raises a takedown to a tech company: the request and every chunk of its items in ONE
 * transaction (at most 63 chunks of 80 items, with the request, its timers, its audit entry
 * and event), so a takedown is never seen with part of its items.
 */
export async function createTakedown(deps: RequestDeps, ctx: CommandContext, workspaceId: string, input: CreateTakedownInput) {
  const p = ctx.principal;
  authorize('takedown.create', p);
  const intake = input.items ? intakeFromList(input.items) : intakeFromText(input.csv ?? '');
  const id = deps.ids.next();
  const chunks = chunksOf(workspaceId, id, intake.items);
  const size = chunks.reduce((s, c) => s + bytesOf(c), 0);
  if (size > MAX_ITEM_BYTES_PER_TRANSACTION)
    throw invalid(
      input.items ? 'items' : 'csv',
      `these items take ${(size / 1e6).toFixed(1)} MB; one takedown holds at most ${MAX_ITEM_BYTES_PER_TRANSACTION / 1e6} MB of items: split the list`,
    );
  const out = await runCommand(deps, {
    ...commandOf(ctx, workspaceId),
    refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }, { kind: 'organisation', id: input.providerOrgId }],
    authorize: (view) => authorizeInView('takedown.create', p, view, workspaceId),
    decide(view, now, { ws }) {
      requireOpen(ws, 'send takedown requests');
      const provider = view.get({ kind: 'organisation', id: input.providerOrgId });
      if (!provider) throw invalid('providerOrgId', `there is no organisation ${input.providerOrgId}`);
      if (provider.kind !== 'provider' || !provider.sector || !TAKEDOWN_SECTORS.has(provider.sector))
        throw invalid('providerOrgId', `${provider.name} is not a tech or telecom company; takedowns go to those who host the content`);
      const marking = markingFrom(input.marking ?? DEFAULT_MARKING, p);
      if (!canSee(providerViewer(provider), ws, marking, policiesOf(view), now, { addressee: true }))
        throw invalid('marking', `${provider.name} (${provider.country}) could not see a request marked this way (marking or policy)`);
      const at = now.toISOString();
      let r: DataRequest = {
        workspaceId,
        id,
        providerOrgId: provider.id,
        type: 'takedown',
        legalBasis: input.legalBasis,
        urgency: input.urgency,
        description: input.description,
        selectors: [],
        status: 'draft',
        marking,
        clarifications: [],
        requestedBy: { sub: p.sub, orgId: p.orgId, country: p.country },
        createdAt: at,
        updatedAt: at,
        evidence: { registered: 0, stored: 0 },
        takedown: {
          total: intake.items.length,
          duplicates: intake.duplicates,
          chunks: chunks.length,
          counts: emptyCounts(intake.items.length),
        },
        version: 1,
      };
      const writes: Write[] = chunks.map((c) => ({ op: 'put', record: { kind: 'takedownChunk', value: c }, expect: 'absent' }));
      const events: EventDraft[] = [];
      if (input.send) {
        r = { ...r, status: 'sent', sentAt: at, clock: startClock(r, now) };
        writes.push(...putTimers(r, now));
        events.push(
          requestEvent(r, ws, 'request.sent', { urgency: r.urgency, providerOrgId: r.providerOrgId, items: intake.items.length }),
        );
      }
      return {
        writes: [{ op: 'put', record: { kind: 'request', value: r }, expect: 'absent' }, ...writes],
        audit: {
          action: input.send ? 'request.sent' : 'request.drafted',
          target: { type: 'request', id },
          details: {
            type: 'takedown',
            provider: r.providerOrgId,
            basis: r.legalBasis.code,
            items: intake.items.length,
            duplicates: intake.duplicates,
            tlp: marking.tlp,
          },
          markings: [marking],
        },
        events,
        result: {
          request: r,
          intake: { received: intake.received, total: intake.items.length, duplicates: intake.duplicates, duplicateOf: intake.duplicateOf },
        },
        status: 201,
      };
    },
  });
  return out;
}

/**
 * What a pasted or CSV list holds, as a takedown would take it: counts and duplicates, or the
 * 400 naming the first malformed line. Nothing is stored; only those who may raise a takedown in
 * the workspace may ask (one read of the workspace).
 */
export async function previewTakedown(deps: RequestDeps, p: Principal, workspaceId: string, text: string) {
  authorize('takedown.create', p);
  const view = new LoadedView(await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }] }));
  authorizeInView('takedown.create', p, view, workspaceId);
  const intake = intakeFromText(text);
  return { received: intake.received, total: intake.items.length, duplicates: intake.duplicates, duplicateOf: intake.duplicateOf };
}

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

export interface BatchResult {
  progress: TakedownProgress;
  /** Items whose answer this batch set or changed. */
  changed: number;
  /** Items already answered the same way: nothing to do. */
  unchanged: number;
}

/**
 * The partner answers a batch of items (up to 500) in ONE transaction: the chunks holding
 * them, the counts on the request, the audit entry (counts only, never the items) and the
 * events. An item answered the same way again is left as it is (a retried batch changes
 * nothing); an item already answered otherwise changes only if this answer carries a reason of
 * its own, else the batch is refused (409) and nothing of it is written. When no item is left
 * pending, the request reaches its outcome through the state machine, in the same transaction.
 * Answers go to an acknowledged request: acknowledge it first.
 */
export async function answerTakedownItems(deps: RequestDeps, ctx: CommandContext, id: string, input: AnswerTakedownInput) {
  const p = ctx.principal;
  authorize('takedown.answer', p, 'request');
  const workspaceId = await inboxLocate(deps, p, id, 'portal.act');
  const seen = new Set<number>();
  input.answers.forEach((a, i) => {
    if (seen.has(a.n)) throw invalid(`answers.${i}.n`, `item ${a.n} is answered twice in this batch`);
    seen.add(a.n);
  });
  const chunkIndexes = [...new Set(input.answers.map((a) => chunkOf(a.n)))];
  return partnerCommand<BatchResult>(
    deps,
    ctx,
    id,
    (ws) => chunkIndexes.map((c) => chunkRef(ws, id, c)),
    ({ ws, r: raw, view, now }) => {
      const r = requireTakedown(raw);
      if (r.status !== 'acknowledged')
        throw conflict(`items are answered on an acknowledged takedown; this one is ${r.status.replaceAll('_', ' ')}`);
      const counts = { ...r.takedown.counts };
      const chunks = new Map<number, TakedownChunk>();
      for (const c of chunkIndexes) {
        const chunk = view.get(chunkRef(workspaceId, id, c));
        if (chunk) chunks.set(c, { ...chunk, items: chunk.items.map((it) => ({ ...it })) });
      }
      const touched = new Set<number>();
      const byStatus: Partial<Record<TakedownAnswer, number>> = {};
      let changed = 0;
      let unchanged = 0;
      input.answers.forEach((a, i) => {
        const c = chunkOf(a.n);
        const item = a.n <= r.takedown.total ? chunks.get(c)?.items[(a.n - 1) % CHUNK_SIZE] : undefined;
        if (!item || item.n !== a.n) throw invalid(`answers.${i}.n`, `this takedown has items 1 to ${r.takedown.total}`);
        if (item.status === a.status && (a.reason === undefined || a.reason === item.reason)) {
          unchanged++;
          return;
        }
        if (item.status !== 'pending' && a.reason === undefined)
          throw conflict(
            `item ${a.n} was already answered ${item.status.replaceAll('_', ' ')}; changing an answer needs a reason of its own (answers.${i}.reason)`,
          );
        counts[item.status]--;
        counts[a.status]++;
        if (item.status !== 'pending') item.changes = (item.changes ?? 0) + 1;
        item.status = a.status;
        if (a.reason !== undefined) item.reason = a.reason;
        else delete item.reason;
        item.answeredAt = now.toISOString();
        byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
        touched.add(c);
        changed++;
      });
      const writes: Write[] = [];
      let bytes = 0;
      for (const c of touched) {
        const chunk = chunks.get(c)!;
        bytes += bytesOf(chunk);
        writes.push({
          op: 'put',
          record: { kind: 'takedownChunk', value: { ...chunk, version: chunk.version + 1 } },
          expect: chunk.version,
        });
      }
      if (bytes > MAX_ITEM_BYTES_PER_TRANSACTION)
        throw invalid(
          'answers',
          'these items are spread over too much of the list for one transaction: answer fewer at once, or items numbered closer together',
        );
      const summary = { ...r.takedown, counts };
      const complete = counts.pending === 0;
      const at = now.toISOString();
      let next: DataRequest = { ...r, takedown: summary, updatedAt: at, version: r.version + 1 };
      const events: EventDraft[] = [];
      if (complete) {
        const outcome = takedownOutcome(counts);
        next = {
          ...move(r, outcome, now),
          takedown: summary,
          outcome: {
            at,
            ...(outcome === 'cannot_comply' ? { reason: 'other' as const } : {}),
            detail: `${counts.removed} removed, ${counts.restricted} restricted, ${counts.not_found} not found, ${counts.refused} refused`,
          },
        };
        writes.push(...clearTimers(r));
      }
      if (changed > 0) events.push(requestEvent(next, ws, 'takedown.batch_answered', { answered: changed, counts }));
      if (complete) events.push(requestEvent(next, ws, 'takedown.completed', { outcome: next.status, counts }));
      return {
        next,
        writes,
        audit: {
          action: 'takedown.batch_answered',
          details: {
            answers: input.answers.length,
            changed,
            unchanged,
            ...byStatus,
            pending: counts.pending,
            ...(complete ? { outcome: next.status } : {}),
          },
        },
        events,
        result: { progress: progressOf(next), changed, unchanged },
      };
    },
    workspaceId,
  );
}
