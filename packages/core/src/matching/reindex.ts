import * as z from 'zod/mini';
import { type Actor, queueEntry } from '../kernel/audit';
import { actorOf, PLATFORM_CHAIN } from '../kernel/context';
import { CommitConflict } from '../kernel/errors';
import { monotonicId } from '../kernel/ids';
import type { Principal } from '../kernel/principal';
import type { RecordRef } from '../kernel/records';
import { LoadedView } from '../kernel/runner';
import type { KernelDeps, Write } from '../kernel/store';
import { authorize } from '../policies/permissions';
import { hasherOf, type MatchingDeps } from './hasher';
import { type HashedSelectors, hashSelectors, indexWrites } from './index-writes';
import { MAX_MATCH_OWNERS, type MatchEntry, type MatchOwner } from './model';
import type { SelectorHolder, SelectorHolderStore } from './ports';

export type ReindexDeps = KernelDeps<SelectorHolderStore> & MatchingDeps;

/** Records read per page: each holds up to 50 selectors, each one index item to read and maybe write. */
export const REINDEX_PAGE_MAX = 100;
export const REINDEX_PAGE_DEFAULT = 25;
/** Index items written per commit (a transaction holds 100 items, one of them the audit entry). */
const WRITES_PER_COMMIT = 90;
/** Tries of one commit that lost a race with a create naming the same selector. */
const MAX_TRIES = 5;

/** Who the re-index's audit entries name when no administrator ran it (the command line). */
const REINDEX_ACTOR: Actor = { sub: 'system:reindex', orgId: 'system', country: 'ZZZ' };

export interface ReindexInput {
  /** Where the previous page stopped: its `next`. */
  cursor?: string;
  /** Items read for the page (default 25, at most 100). */
  limit?: number;
}

export const ReindexReport = z.object({
  /** Records read that carry selectors. */
  records: z.int(),
  /** Their distinct selectors (by canonical form), hashed under the current key. */
  selectors: z.int(),
  /** Holders added to the current key's index items: 0 on a page already re-indexed. */
  added: z.int(),
  /** Pass it back as `cursor` for the next page; absent once every record was read. */
  next: z.optional(z.string()),
});
export type ReindexReport = z.infer<typeof ReindexReport>;

const ownerIs = (o: MatchOwner, workspaceId: string, record: MatchOwner['record']) =>
  o.workspaceId === workspaceId && o.record.type === record.type && o.record.id === record.id;

const holderOf = (h: SelectorHolder) => ({
  workspaceId: h.value.workspaceId,
  record: { type: h.kind, id: h.value.id },
  marking: h.value.marking,
  // When the record was indexed at its create: so a re-indexed holder is the one its create made.
  at: h.value.createdAt ?? h.value.raisedAt ?? '',
});

/**
 * Step 2 of a key rotation: one page of the records that carry selectors (requests, tasks,
 * incidents of every workspace), each selector hashed under the CURRENT key and the record added
 * as a holder of that key's index item, with the writes a create makes (`indexWrites`). Records
 * already holders are left alone, so a page run twice adds nothing the second time; an item
 * already listing 200 holders is left as it is (a create would count one more in `overflow`; a
 * re-run could not tell it had). Items written by a create meanwhile are read again and retried.
 *
 * Each commit of index writes, and the page as a whole, is audited on the platform chain with
 * counts only: never a selector or its hash. Run it page after page from `next` until there is none.
 */
export async function reindexSelectors(deps: ReindexDeps, opts: ReindexInput & { actor?: Actor } = {}): Promise<ReindexReport> {
  const hasher = hasherOf(deps);
  const actor = opts.actor ?? REINDEX_ACTOR;
  const page = await deps.store.selectorHolders({
    limit: Math.min(REINDEX_PAGE_MAX, Math.max(1, opts.limit ?? REINDEX_PAGE_DEFAULT)),
    ...(opts.cursor ? { cursor: opts.cursor } : {}),
  });
  const holders = page.items.filter((h) => (h.value.selectors?.length ?? 0) > 0);
  const hashed = holders.map((h): [SelectorHolder, HashedSelectors] => [h, hashSelectors(hasher, h.value.selectors)]);
  const selectors = hashed.reduce((n, [, x]) => n + x.items.length, 0);

  // Each index item once, with every record of the page that holds it (two records may share a selector).
  const byItem = new Map<string, { ref: Extract<RecordRef, { kind: 'match' }>; holders: [SelectorHolder, string][] }>();
  for (const [h, x] of hashed)
    for (const { ref, selectorType } of x.items) {
      const entry = byItem.get(ref.hmac) ?? { ref, holders: [] };
      entry.holders.push([h, selectorType]);
      byItem.set(ref.hmac, entry);
    }
  const items = [...byItem.values()];

  let added = 0;
  for (let i = 0; i < items.length; i += WRITES_PER_COMMIT) {
    const chunk = items.slice(i, i + WRITES_PER_COMMIT);
    for (let attempt = 1; ; attempt++) {
      const view = new LoadedView(await deps.store.load({ refs: chunk.map((c) => c.ref) }));
      const writes: Write[] = [];
      let chunkAdded = 0;
      for (const { ref, holders: those } of chunk) {
        const before = view.get(ref);
        // The create's own write, applied holder after holder over what this page added so far.
        let entry: MatchEntry | undefined = before;
        const step = { get: () => entry } as unknown as LoadedView;
        for (const [h, selectorType] of those) {
          const o = holderOf(h);
          const owners = entry?.owners ?? [];
          if (owners.length >= MAX_MATCH_OWNERS || owners.some((x) => ownerIs(x, o.workspaceId, o.record))) continue;
          const [w] = indexWrites(step, { items: [{ ref, selectorType }] }, o, o.at);
          if (w?.op === 'put' && w.record.kind === 'match') entry = w.record.value;
          chunkAdded++;
        }
        if (entry && entry !== before)
          writes.push({
            op: 'put',
            record: { kind: 'match', value: { ...entry, version: (before?.version ?? 0) + 1 } },
            expect: before ? before.version : 'absent',
          });
      }
      if (writes.length === 0) break;
      const at = deps.clock.now().toISOString();
      try {
        await deps.store.commit({
          audit: queueEntry(PLATFORM_CHAIN, monotonicId(deps.clock), at, actor, {
            action: 'matching.reindex.written',
            target: { type: 'matching_index', id: hasher.keyIds[0]! },
            details: { items: writes.length, added: chunkAdded },
            markings: [],
          }),
          events: [],
          writes,
        });
        added += chunkAdded;
        break;
      } catch (err) {
        if (!(err instanceof CommitConflict) || attempt >= MAX_TRIES) throw err;
      }
    }
  }

  const report: ReindexReport = { records: holders.length, selectors, added, ...(page.next ? { next: page.next } : {}) };
  await deps.store.commit({
    audit: queueEntry(PLATFORM_CHAIN, monotonicId(deps.clock), deps.clock.now().toISOString(), actor, {
      action: 'matching.reindexed',
      target: { type: 'matching_index', id: hasher.keyIds[0]! },
      details: { records: report.records, selectors: report.selectors, added: report.added, more: page.next !== undefined },
      markings: [],
    }),
    events: [],
    writes: [],
  });
  deps.auditQueued?.(PLATFORM_CHAIN);
  return report;
}

/** The re-index through the API: the platform's administrators only, one bounded page a call. */
export async function reindexSelectorsAs(deps: ReindexDeps, p: Principal, input: ReindexInput = {}): Promise<ReindexReport> {
  authorize('matching.reindex', p);
  return reindexSelectors(deps, { ...input, actor: actorOf(p) });
}
