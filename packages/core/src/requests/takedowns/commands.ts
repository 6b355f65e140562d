import type { CommandContext } from '../../kernel/context';
import { conflict, invalid } from '../../kernel/errors';
import type { EventDraft } from '../../kernel/events';
import type { Write } from '../../kernel/store';
import { authorize } from '../../policies/permissions';
import type { RequestDeps } from '../ports';
import type { DataRequest, RequestStatus } from '../request';
import { clearTimers, inboxLocate, move, partnerCommand, requestEvent } from '../shared';
import {
  type AnswerTakedownInput,
  bytesOf,
  CHUNK_SIZE,
  chunkOf,
  chunkRef,
  MAX_ITEM_BYTES_PER_TRANSACTION,
  type TakedownAnswer,
  type TakedownChunk,
  type TakedownCounts,
  type TakedownProgress,
} from './model';
import { progressOf, requireTakedown } from './read';

// The partner answers a takedown's items in batches; the takedown reaches its outcome when every item is.

/** The outcome a takedown reaches once every item is answered. */
export const takedownOutcome = (c: TakedownCounts): Extract<RequestStatus, 'fulfilled' | 'partially_fulfilled' | 'cannot_comply'> => {
  const done = c.removed + c.restricted;
  if (done === 0) return 'cannot_comply';
  return c.not_found + c.refused === 0 ? 'fulfilled' : 'partially_fulfilled';
};

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
