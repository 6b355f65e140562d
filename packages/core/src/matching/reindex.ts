import * as z from 'zod/mini';
import { type Actor, queueEntry } from '../kernel/audit';
import { actorOf, PLATFORM_CHAIN } from '../kernel/context';
import { CommitConflict } from '../kernel/errors';
import { monotonicId } from '../kernel/ids';
import type { Principal } from '../kernel/principal';
import { type RecordRef, refKey, refOf } from '../kernel/records';
import { LoadedView } from '../kernel/runner';
import type { KernelDeps, Write } from '../kernel/store';
import { authorize } from '../policies/permissions';
import { hasherOf, type MatchingDeps } from './hasher';
import { type HashedSelectors, hashSelectors } from './index-writes';
import { type MatchHolder, matchHolderOf } from './model';
import type { SelectorHolder, SelectorHolderStore } from './ports';

export type ReindexDeps = KernelDeps<SelectorHolderStore> & MatchingDeps;

/** Records read per page: each holds up to 50 selectors, each one holder item to read and maybe write. */
export const REINDEX_PAGE_MAX = 100;
export const REINDEX_PAGE_DEFAULT = 25;
/** Holder items read and written per commit (a transaction holds 100 items, one of them the audit entry). */
const WRITES_PER_COMMIT = 90;
/** Tries of one commit that lost a race with another run writing the same holders. */
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
  /** Holder items added under the current key: 0 on a page already re-indexed. */
  added: z.int(),
  /** Pass it back as `cursor` for the next page; absent once every record was read. */
  next: z.optional(z.string()),
});
export type ReindexReport = z.infer<typeof ReindexReport>;

const holderOf = (h: SelectorHolder) => ({
  workspaceId: h.value.workspaceId,
  record: { type: h.kind, id: h.value.id },
  marking: h.value.marking,
  // When the record was indexed at its create: so a re-indexed holder is the one its create made.
  at: h.value.createdAt ?? h.value.raisedAt ?? '',
});

/**
 * Step 2 of a key rotation: one page of the records that carry selectors (requests, tasks,
 * incidents of every workspace), each selector hashed under the CURRENT key and the record written
 * as a holder of that hash, the item its create writes (`indexWrites`). A holder item already there
 * (read by key first) is left alone, so a page run twice adds nothing the second time. Creates
 * write holder items of their own records only, so they never race the re-index; two runs of it
 * at once may, and the commit that lost reads again and retries.
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

  // Each (hash, record) holder once: what the record's create writes (`indexWrites`).
  const candidates = new Map<string, MatchHolder>();
  for (const [h, x] of hashed) {
    const o = holderOf(h);
    for (const { group, selectorType } of x.items) {
      const holder = matchHolderOf(group, o, selectorType, o.at);
      candidates.set(refKey(refOf({ kind: 'match_holder', value: holder })), holder);
    }
  }
  const items = [...candidates.values()];

  let added = 0;
  for (let i = 0; i < items.length; i += WRITES_PER_COMMIT) {
    const chunk = items.slice(i, i + WRITES_PER_COMMIT);
    for (let attempt = 1; ; attempt++) {
      // Holders already there (the record's create under this key, or an earlier run) are left alone.
      const view = new LoadedView(await deps.store.load({ refs: chunk.map((value) => refOf({ kind: 'match_holder', value })) }));
      const writes: Write[] = chunk
        .filter((value) => !view.get(refOf({ kind: 'match_holder', value }) as Extract<RecordRef, { kind: 'match_holder' }>))
        .map((value) => ({ op: 'put', record: { kind: 'match_holder', value }, expect: 'absent' }));
      if (writes.length === 0) break;
      const at = deps.clock.now().toISOString();
      try {
        await deps.store.commit({
          audit: queueEntry(PLATFORM_CHAIN, monotonicId(deps.clock), at, actor, {
            action: 'matching.reindex.written',
            target: { type: 'matching_index', id: hasher.keyIds[0]! },
            details: { items: writes.length, added: writes.length },
            markings: [],
          }),
          events: [],
          writes,
        });
        added += writes.length;
        break;
      } catch (err) {
        // Another run of the re-index wrote one of these holders meanwhile: read again.
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
