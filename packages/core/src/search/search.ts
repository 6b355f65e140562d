import { actorOf } from '../kernel/context';
import { invalid, notFound } from '../kernel/errors';
import type { Principal } from '../kernel/principal';
import { LoadedView } from '../kernel/runner';
import type { KernelDeps } from '../kernel/store';
import { appendReadAudit, memberOf, policiesCovering } from '../policies/access';
import { authorize } from '../policies/permissions';
import { EMPTY_POLICY_SET } from '../policies/policy';
import { isSensitive, readAudit } from '../policies/visibility';
import type { Channel } from '../threads/model';
import type { ThreadStore } from '../threads/ports';
import type { WorkspaceStore } from '../workspaces/ports';
import { type Candidate, candidatesOf, matchOf, type Needle, threadParents, visibleCandidates } from './candidates';
import { compact, fold, wordsOf } from './fold';
import {
  SEARCH_KINDS,
  SEARCH_MAX_CHANNELS,
  SEARCH_MAX_PER_KIND,
  SEARCH_MAX_WORKSPACES,
  SEARCH_QUERY_MIN,
  type SearchHit,
  type SearchInput,
  type SearchKind,
  type SearchMatch,
  type SearchResult,
} from './model';
import type { SearchRecords, SearchStore } from './ports';

export type SearchDeps = KernelDeps<WorkspaceStore & SearchStore & Pick<ThreadStore, 'listChannels'>>;

interface Ranked {
  key: string;
  candidate: Candidate;
  match: SearchMatch;
  excerpt: () => string;
}

/** Newest first within a tier: the time subtracted from a constant, as fixed-width digits. */
const FAR = 9_000_000_000_000_000;
/**
 * A hit's place in the ranking, as a string that sorts the way hits are shown: the phrase
 * before all the words apart, then newest first, then by kind, workspace and id. A cursor is
 * the key of the last hit shown, so a page continues after it whatever was added meanwhile.
 */
const rankKey = (c: Candidate, match: SearchMatch): string =>
  `${match === 'phrase' ? 0 : 1}|${String(FAR - new Date(c.at).getTime()).padStart(16, '0')}|${SEARCH_KINDS.indexOf(c.kind)}|${c.workspaceId}|${c.id}`;
const RANK_KEY = /^[01]\|\d{16}\|[0-3]\|[a-z0-9-]{3,64}\|[a-z0-9-]{3,64}$/;

/** The query as search compares it, or a 400 naming `query.q` when nothing searchable is left. */
const needleOf = (q: string): Needle => {
  const phrase = fold(q);
  if ([...phrase].length < SEARCH_QUERY_MIN)
    throw invalid('query.q', `must hold at least ${SEARCH_QUERY_MIN} characters once spaces and invisible characters are removed`);
  return { phrase, words: wordsOf(phrase), compact: compact(phrase) };
};

/** The workspaces searched: the one named (a 404 unless the caller's organisation is a member), or the organisation's. */
const workspacesOf = async (deps: SearchDeps, p: Principal, workspaceId: string | undefined): Promise<string[]> => {
  if (workspaceId) return [workspaceId];
  const page = await deps.store.listMemberships(p.orgId, { limit: SEARCH_MAX_WORKSPACES });
  return page.items.map((m) => m.workspaceId);
};

/** How much of each workspace is read: the API's bound, or a larger one for a benchmark of the cost of reading. */
export interface SearchBounds {
  maxPerKind: number;
}

const read = async <K extends SearchKind>(deps: SearchDeps, workspaceId: string, kind: K, wanted: boolean, max: number) => {
  if (!wanted) return [];
  const toCandidate = candidatesOf[kind] as (r: SearchRecords[K]) => Candidate;
  return (await deps.store.searchCandidates(workspaceId, kind, max)).items.map(toCandidate);
};

/** The channels a workspace's lead opened (besides `general`), up to SEARCH_MAX_CHANNELS. */
const channelsOf = async (deps: SearchDeps, workspaceId: string): Promise<Channel[]> => {
  const out: Channel[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listChannels(workspaceId, { limit: 100, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.next;
  } while (cursor && out.length < SEARCH_MAX_CHANNELS);
  return out;
};

/**
 * One workspace's candidates the caller may see: every record of the kinds asked for (and the
 * tasks, incidents and requests messages hang off), judged by the evaluator before the query
 * is looked at. A workspace the caller's organisation is not a member of (any more) gives
 * nothing, or a 404 when it was named.
 */
const visibleIn = async (deps: SearchDeps, p: Principal, workspaceId: string, kinds: Set<SearchKind>, named: boolean, max: number) => {
  // Membership first: nothing of a workspace the caller's organisation is not in is read, so not even the time taken says how much it holds.
  const view = new LoadedView(await deps.store.load({ refs: [{ kind: 'workspace', id: workspaceId }, { kind: 'policies' }] }));
  const ws = view.get({ kind: 'workspace', id: workspaceId });
  if (!ws || !memberOf(ws, p.orgId)) {
    if (named) throw notFound('workspace');
    return [];
  }
  const [tasks, requests, incidents, messages, channels] = await Promise.all([
    read(deps, workspaceId, 'task', kinds.has('task') || kinds.has('message'), max),
    read(deps, workspaceId, 'request', kinds.has('request') || kinds.has('message'), max),
    read(deps, workspaceId, 'incident', kinds.has('incident') || kinds.has('message'), max),
    read(deps, workspaceId, 'message', kinds.has('message'), max),
    kinds.has('message') ? channelsOf(deps, workspaceId) : [],
  ]);
  const all = [...tasks, ...requests, ...incidents, ...messages];
  const policies = await policiesCovering(
    deps,
    view.get({ kind: 'policies' }) ?? EMPTY_POLICY_SET,
    [...all, ...channels].map((c) => c.marking),
  );
  const parents = threadParents(ws, channels, [...tasks, ...requests, ...incidents]);
  return visibleCandidates(p, ws, all, parents, policies, deps.clock.now()).filter((c) => kinds.has(c.kind));
};

/**
 * Search over what the caller may see: the messages, tasks, data requests and incidents of the
 * workspaces its organisation is a member of (or of the one named), by their texts and
 * selectors. The evaluator filters every candidate first; only what is left is matched,
 * counted, ranked and paged, so no hit, count, order or cursor depends on a record the caller
 * may not see. A private partner finds nothing here (the permission table: a 404); it reads
 * what is addressed to it in its portal. A page showing AMBER or RED records leaves one
 * `search.listed` entry in each workspace's trail, as a list does.
 */
export async function searchRecords(
  deps: SearchDeps,
  p: Principal,
  input: SearchInput,
  bounds: SearchBounds = { maxPerKind: SEARCH_MAX_PER_KIND },
): Promise<SearchResult> {
  authorize('search.read', p);
  const needle = needleOf(input.q);
  if (input.cursor !== undefined && !RANK_KEY.test(input.cursor)) throw invalid('query.cursor', 'the cursor is not valid for this list');
  const kinds = new Set<SearchKind>(input.kinds?.length ? input.kinds : SEARCH_KINDS);
  const ranked: Ranked[] = [];
  for (const workspaceId of await workspacesOf(deps, p, input.workspaceId)) {
    for (const candidate of await visibleIn(deps, p, workspaceId, kinds, input.workspaceId !== undefined, bounds.maxPerKind)) {
      const m = matchOf(candidate, needle);
      if (m) ranked.push({ key: rankKey(candidate, m.match), candidate, ...m });
    }
  }
  ranked.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const counts = { message: 0, task: 0, request: 0, incident: 0 };
  for (const r of ranked) counts[r.candidate.kind]++;
  const rest = input.cursor ? ranked.filter((r) => r.key > input.cursor!) : ranked;
  const page = rest.slice(0, input.limit);
  await auditSensitive(deps, p, page);
  const items = page.map(
    ({ candidate: c, match, excerpt }): SearchHit => ({
      kind: c.kind,
      workspaceId: c.workspaceId,
      id: c.id,
      title: c.title,
      excerpt: excerpt(),
      match,
      tlp: c.marking.tlp,
      at: c.at,
      ...(c.thread ? { thread: c.thread } : {}),
    }),
  );
  return { items, counts, ...(rest.length > page.length ? { next: page.at(-1)!.key } : {}) };
}

/** One `search.listed` entry per workspace whose AMBER or RED records the page shows. */
const auditSensitive = async (deps: SearchDeps, p: Principal, page: Ranked[]) => {
  const byWorkspace = new Map<string, Candidate[]>();
  for (const { candidate: c } of page)
    if (isSensitive(c.marking)) byWorkspace.set(c.workspaceId, [...(byWorkspace.get(c.workspaceId) ?? []), c]);
  for (const [workspaceId, shown] of byWorkspace)
    await appendReadAudit(
      deps,
      workspaceId,
      actorOf(p),
      readAudit(
        'search.listed',
        'search',
        shown.map((c) => ({ id: c.id, marking: c.marking })),
      )!,
    );
};
